import type { PullTarget } from './decision.js';
import { asObject, field, numberField, objectField, stringField } from './payload.js';
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
 * A pull request counts as coming from a fork unless its head repository is shown to be the base
 * repository: the same full name, the same id where both are given, and the same `fork` flag (which
 * says whether the repository was itself forked from another, as a repository Kubrick runs on may
 * be). A head repository that is gone (`head.repo` null after the fork was deleted) is a fork.
 */
export function isForkPull(pull: unknown): boolean {
  const headRepo = asObject(field(objectField(pull, 'head'), 'repo'));
  const baseRepo = asObject(field(objectField(pull, 'base'), 'repo'));
  return !isSameRepository(headRepo, baseRepo);
}

/** Whether two repository objects of a payload are shown to be one repository; any doubt says no. */
export function isSameRepository(head: object | undefined, base: object | undefined): boolean {
  if (head === undefined || base === undefined) return false;
  const headName = stringField(head, 'full_name');
  const baseName = stringField(base, 'full_name');
  if (headName === undefined || baseName === undefined) return false;
  if (headName.toLowerCase() !== baseName.toLowerCase()) return false;
  const headId = numberField(head, 'id');
  const baseId = numberField(base, 'id');
  if (headId !== undefined && baseId !== undefined && headId !== baseId) return false;
  return (field(head, 'fork') === true) === (field(base, 'fork') === true);
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
