import type { PullTarget } from './decision.js';
import { asObject, field, objectField, stringField } from './payload.js';
import { sanitizeUntrusted } from './sanitize.js';

const TITLE_LIMIT = 300;

export const FORK_FIX_REASON =
  '`fix` cannot run on a pull request from a fork: Kubrick can only push to branches of this repository. Use `review` or `ask` here, or push the branch to this repository and ask again.';

/** Sanitized, single-line, length-capped title for display. */
export function cleanTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = sanitizeUntrusted(value).replace(/\s+/g, ' ').trim();
  return title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT - 1)}…` : title;
}

/**
 * A pull request counts as coming from a fork when its head repository is marked as a fork, has a
 * different full name than the base repository, or is gone (`head.repo` null after the fork was
 * deleted). When the payload cannot prove "same repository", it is treated as a fork.
 */
export function isForkPull(pull: unknown): boolean {
  const headRepo = asObject(field(objectField(pull, 'head'), 'repo'));
  if (headRepo === undefined) return true;
  if (field(headRepo, 'fork') === true) return true;
  const headName = stringField(headRepo, 'full_name');
  const baseName = stringField(objectField(objectField(pull, 'base'), 'repo'), 'full_name');
  return (
    headName === undefined || baseName === undefined || headName.toLowerCase() !== baseName.toLowerCase()
  );
}

/** The target described by a pull request object (webhook payload), whose number the caller checked. */
export function pullTarget(pull: unknown, number: number): PullTarget {
  const head = objectField(pull, 'head');
  const base = objectField(pull, 'base');
  const target: PullTarget = { kind: 'pull_request', number, isFork: isForkPull(pull) };
  const title = cleanTitle(field(pull, 'title'));
  const headRef = stringField(head, 'ref');
  const headSha = stringField(head, 'sha');
  const baseRef = stringField(base, 'ref');
  if (title !== undefined) target.title = title;
  if (headRef !== undefined) target.headRef = headRef;
  if (headSha !== undefined) target.headSha = headSha;
  if (baseRef !== undefined) target.baseRef = baseRef;
  return target;
}
