import { createHash } from 'node:crypto';
import { GitError } from './errors.js';

const MAX_SLUG = 40;

/**
 * Lowercase ASCII words joined by single hyphens, at most `max` characters, cut at a word
 * boundary. Accents are folded ("Café" → "cafe"); everything else that is not [a-z0-9] separates
 * words. Empty when the text has no ASCII letters or digits.
 */
export function slugify(text: string, max = MAX_SLUG): string {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = folded.match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      // A first word longer than the limit is cut rather than dropped, so the slug is never empty.
      if (!slug) slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug;
}

/** `kubrick/issue-<n>-<slug>`: the branch a fix on issue n commits to. */
export function issueBranch(prefix: string, issueNumber: number, title: string): string {
  if (!Number.isSafeInteger(issueNumber) || issueNumber <= 0) {
    throw new GitError(
      `Cannot name a branch for issue number ${issueNumber}: it must be a positive integer.`
    );
  }
  const slug = slugify(title);
  return checkedBranch(prefix, slug ? `issue-${issueNumber}-${slug}` : `issue-${issueNumber}`);
}

/**
 * `kubrick/scheduled-<slug>`: one stable branch per prompt, so a re-run updates the same PR. A
 * prompt without ASCII words gets a short hash of its text instead.
 */
export function scheduledBranch(prefix: string, prompt: string): string {
  const slug = slugify(prompt) || createHash('sha256').update(prompt, 'utf8').digest('hex').slice(0, 10);
  return checkedBranch(prefix, `scheduled-${slug}`);
}

function checkedBranch(prefix: string, name: string): string {
  const branch = `${prefix}${name}`;
  const problem = branchNameProblem(branch);
  if (problem) {
    throw new GitError(
      `The branch name "${branch}" is not valid in git (${problem}). Change the branch_prefix input ("${prefix}").`
    );
  }
  return branch;
}

/**
 * Why `name` is not a valid branch name, following `git check-ref-format --branch`; undefined when
 * it is valid. Also used to vet PR head branch names before they go into a refspec.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name === '@') return 'it is "@"';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (name.startsWith('/') || name.endsWith('/')) return 'it starts or ends with "/"';
  if (name.endsWith('.')) return 'it ends with "."';
  if (name.includes('//')) return 'it contains "//"';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
    return 'it contains a space, a control character or one of ~^:?*[\\';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `the part "${part}" starts with "."`;
    if (part.endsWith('.lock')) return `the part "${part}" ends with ".lock"`;
  }
  return undefined;
}
