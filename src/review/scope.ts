/**
 * What a review covers. The first review of a pull request reads all of it; a later one reads what
 * changed since the head commit the last review reviewed (GitHub's compare of that commit with the new
 * head), unless that commit is no longer part of the branch (a force push or a rebase dropped it), or
 * the requester asked for a full review with `review full`.
 */
import type { GitHub } from '../github/client.js';
import { statusOf } from '../github/errors.js';
import { pullFileOf, type PullFile } from '../github/pulls.js';
import { errorMessage } from '../error-message.js';

export type FullReason =
  /** No earlier review of Kubrick's on this pull request. */
  | 'first'
  /** `/kubrick review full`. */
  | 'asked'
  /** The head is the commit the last review reviewed. */
  | 'no-new-commits'
  /** The last reviewed commit is not an ancestor of the head (force push, rebase). */
  | 'not-ancestor'
  /** GitHub could not compare the two commits. */
  | 'compare-failed';

export type ReviewScope =
  | { kind: 'full'; head: string; reason: FullReason; lastReviewed: string | null; detail?: string }
  | { kind: 'incremental'; head: string; lastReviewed: string };

export interface ScopeDecision {
  scope: ReviewScope;
  /**
   * The changes from the last reviewed commit to the head, when that commit is an ancestor of the head
   * (also in a full review that was asked for): what follow-ups on earlier findings are decided from.
   */
  sinceLastReview: PullFile[] | null;
}

const COMPARE_FILE_LIMIT = 300;

export async function decideScope(
  gh: GitHub,
  where: { owner: string; repo: string },
  options: { head: string; lastReviewed: string | null; fullAsked: boolean }
): Promise<ScopeDecision> {
  const { head, lastReviewed, fullAsked } = options;
  const full = (reason: FullReason, detail?: string): ScopeDecision => ({
    scope: { kind: 'full', head, reason, lastReviewed, ...(detail ? { detail } : {}) },
    sinceLastReview: null
  });
  if (lastReviewed === null) return full(fullAsked ? 'asked' : 'first');
  if (lastReviewed === head) return full(fullAsked ? 'asked' : 'no-new-commits');
  let compared: { status: string; files: PullFile[] };
  try {
    compared = await compare(gh, where, lastReviewed, head);
  } catch (error) {
    // 404: the old commit is gone, or shares no history with the head; both mean "not an ancestor".
    if (statusOf(error) === 404) return full(fullAsked ? 'asked' : 'not-ancestor');
    return full(fullAsked ? 'asked' : 'compare-failed', errorMessage(error));
  }
  if (compared.status !== 'ahead') return full(fullAsked ? 'asked' : 'not-ancestor');
  // GitHub lists at most 300 files of a comparison: a longer list would hide changes.
  if (compared.files.length >= COMPARE_FILE_LIMIT) {
    return full(
      fullAsked ? 'asked' : 'compare-failed',
      `the comparison reached GitHub's limit of ${COMPARE_FILE_LIMIT} files`
    );
  }
  if (fullAsked) return { ...full('asked'), sinceLastReview: compared.files };
  return { scope: { kind: 'incremental', head, lastReviewed }, sinceLastReview: compared.files };
}

async function compare(
  gh: GitHub,
  where: { owner: string; repo: string },
  base: string,
  head: string
): Promise<{ status: string; files: PullFile[] }> {
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({
    owner: where.owner,
    repo: where.repo,
    basehead: `${base}...${head}`,
    per_page: 100
  });
  return {
    status: data.status,
    files: (data.files ?? []).map(pullFileOf)
  };
}
