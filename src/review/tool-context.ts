/**
 * What the review's tools know about the pull request: the whole diff for `pull_request_diff` (skipped
 * files stay out there too), and the earlier findings `finish` must decide on.
 */
import type { PullFile } from '../github/pulls.js';
import { normalizeFindingPath } from '../github/review-lines.js';
import type { FollowUpDecision, PullRequestDiffSource, ReviewToolContext } from '../tools/types.js';
import { diffPages, fileHeader, renderFileDiff } from './render.js';
import type { ChangedFinding } from './threads.js';

/** A page stays well inside the tool result cap, so the loop never cuts one. */
export const DIFF_PAGE_CHARS = 8_000;

export interface DiffFacts {
  /** The pull request's whole diff. */
  files: readonly PullFile[];
  /** Why each skipped file is skipped, by path. */
  skipped: ReadonlyMap<string, string>;
  /** Paths the task's diff shows, and those cut from it for size. */
  shown: ReadonlySet<string>;
  cut: ReadonlySet<string>;
  /** Paths changed since the last review, in a follow-up review; null in a full one. */
  sinceLastReview: ReadonlySet<string> | null;
}

export function pullRequestDiffSource(facts: DiffFacts): PullRequestDiffSource {
  const find = (path: string) => {
    const wanted = normalizeFindingPath(path);
    return facts.files.find(f => f.path === wanted) ?? facts.files.find(f => f.previousPath === wanted);
  };
  return {
    overview() {
      const added = facts.files.reduce((sum, f) => sum + f.additions, 0);
      const removed = facts.files.reduce((sum, f) => sum + f.deletions, 0);
      const lines = facts.files.map(
        f => `- \`${f.path}\` — ${f.status}, +${f.additions} −${f.deletions} · ${where(f, facts)}`
      );
      return [
        `The pull request changes ${facts.files.length} file${facts.files.length === 1 ? '' : 's'} (+${added} −${removed}). Call pull_request_diff with a path to read one.`,
        ...lines
      ].join('\n');
    },
    file(path, page) {
      const file = find(path);
      if (!file) {
        const names = facts.files.slice(0, 20).map(f => f.path);
        return {
          ok: false,
          content: `${path} is not changed by this pull request (read the file itself with read_file). Changed files: ${names.join(', ')}${facts.files.length > names.length ? ', …' : ''}.`
        };
      }
      const skipped = facts.skipped.get(file.path);
      if (skipped) {
        return {
          ok: false,
          content: `${file.path} is skipped in this review (${skipped}): its diff is not shown. Review the other files.`
        };
      }
      if (file.patch === undefined) return { ok: true, content: renderFileDiff(file) };
      const pages = diffPages(file, DIFF_PAGE_CHARS);
      if (page > pages.length) {
        return {
          ok: false,
          content: `page ${page} does not exist: the diff of ${file.path} has ${pages.length} page${pages.length === 1 ? '' : 's'}.`
        };
      }
      const of = pages.length > 1 ? ` (page ${page} of ${pages.length})` : '';
      const more =
        page < pages.length
          ? `\n(call pull_request_diff with page ${page + 1} for the rest of this file)`
          : '';
      return { ok: true, content: `${fileHeader(file)}${of}\n${pages[page - 1]}${more}` };
    }
  };
}

function where(file: PullFile, facts: DiffFacts): string {
  const skipped = facts.skipped.get(file.path);
  if (skipped) return `skipped (${skipped})`;
  if (facts.cut.has(file.path)) return 'left out of your task: the diff was too large';
  if (facts.shown.has(file.path)) return 'in your task';
  if (facts.sinceLastReview && !facts.sinceLastReview.has(file.path)) {
    return 'not in your task: unchanged since your last review';
  }
  return 'not in your task';
}

/**
 * Checks the model's follow-ups against the earlier findings it was asked about: every thread named must
 * be one of them, once. A thread left without a decision is pointed out once; if the model finishes
 * again without it, that thread simply gets no reply (a guessed reply would be worse).
 */
export function followUpChecker(changed: readonly ChangedFinding[]): ReviewToolContext['checkFollowUps'] {
  const open = new Map(changed.map(c => [c.finding.id, c]));
  const describe = (ids: readonly number[]) =>
    ids
      .map(id => {
        const finding = open.get(id)?.finding;
        return finding ? `${id} (${finding.path} line ${finding.line})` : String(id);
      })
      .join(', ');
  let pointedOut = false;
  return (given: readonly FollowUpDecision[]) => {
    if (open.size === 0) {
      return given.length === 0
        ? null
        : 'the new commits changed no line of an earlier finding, so there is nothing to follow up; leave follow_ups out.';
    }
    const seen = new Set<number>();
    for (const [index, decision] of given.entries()) {
      if (!open.has(decision.thread)) {
        return `follow_ups[${index}] names thread ${decision.thread}, which is not an earlier finding to follow up; those are: ${describe([...open.keys()])}.`;
      }
      if (seen.has(decision.thread)) {
        return `thread ${decision.thread} appears twice: give one decision per thread, addressed or still_present.`;
      }
      seen.add(decision.thread);
    }
    const missing = [...open.keys()].filter(id => !seen.has(id));
    if (missing.length > 0 && !pointedOut) {
      pointedOut = true;
      return `no decision for thread${missing.length === 1 ? '' : 's'} ${describe(missing)}: add one per thread (addressed or still_present), or call finish again unchanged to leave ${missing.length === 1 ? 'it' : 'them'} without a reply.`;
    }
    return null;
  };
}
