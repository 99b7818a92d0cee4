/**
 * Everything a review knows before the model starts: what Kubrick said here before, what this review
 * covers (the whole pull request, or what changed since the last reviewed commit), which files the model
 * reads and which it skips, the earlier findings whose lines changed, and the task and diff it reads.
 */
import type { GitHub } from '../github/client.js';
import type { CommentAuthor } from '../github/comments.js';
import { readDefaultBranchFile } from '../github/contents.js';
import type { PullFile, PullInfo } from '../github/pulls.js';
import type { ReviewToolContext } from '../tools/types.js';
import { readBaseAttributes } from './base-attributes.js';
import { readReviewHistory, type ReviewHistory } from './history.js';
import { reviewDiffPrompt, reviewTask, short } from './prompt.js';
import { decideScope, type ReviewScope } from './scope.js';
import { selectDiff, type DiffSelection } from './select.js';
import { skipReason, type SkipReason } from './skip.js';
import { changedFindings, type ChangedFinding } from './threads.js';
import { followUpChecker, pullRequestDiffSource } from './tool-context.js';

export interface PreparedReview {
  /** The commit reviewed: the review's commit_id and the marker's sha. */
  head: string;
  scope: ReviewScope;
  /** The pull request's whole diff at the head (inline comments must land on it). */
  pullFiles: PullFile[];
  /** What the model reads of the diff this review covers. */
  selection: DiffSelection;
  history: ReviewHistory;
  /** Earlier findings whose lines the changes since the last review rewrote. */
  changed: ChangedFinding[];
  toolContext: ReviewToolContext;
  task: string;
  extraPrompt: string;
  /** A line for the progress checklist. */
  label: string;
}

export interface PrepareReviewOptions {
  gh: GitHub;
  owner: string;
  repo: string;
  pull: PullInfo;
  /** The head commit as checked out. */
  head: string;
  pullFiles: PullFile[];
  /** The reviewer's focus (sanitized), '' for none. */
  focus: string;
  /** `/kubrick review full`. */
  fullAsked: boolean;
  /** Whether an author is the action's own account. */
  isOurs: (author: CommentAuthor | null | undefined) => boolean;
}

const BASE_BRANCH_REASON = "changed on the base branch (merged in), not part of this pull request's diff";

export async function prepareReview(options: PrepareReviewOptions): Promise<PreparedReview> {
  const { gh, owner, repo, pull, head, pullFiles } = options;
  const where = { owner, repo };
  // What this review covers depends on the history; the base branch's attributes do not.
  const [{ history, scope, sinceLastReview }, attributes] = await Promise.all([
    readReviewHistory(gh, { ...where, number: pull.number }, options.isOurs).then(async history => ({
      history,
      ...(await decideScope(gh, where, {
        head,
        lastReviewed: history.lastReview?.headSha ?? null,
        fullAsked: options.fullAsked
      }))
    })),
    readBaseAttributes(
      gh,
      { ...where, ref: pull.baseRef },
      pullFiles.map(f => f.path)
    )
  ]);
  const lastReviewed = history.lastReview?.headSha ?? null;
  const covered = scope.kind === 'incremental' ? (sinceLastReview ?? []) : pullFiles;
  // Decided once per file of the pull request (a decision may parse its patch); the review's selection
  // and pull_request_diff's list of skipped files share it. The compare of an incremental review has its
  // own patch of a file, judged on its own.
  const pullSkips = new Map(pullFiles.map(file => [file.path, { file, why: skipReason(file, attributes) }]));
  const skip = (file: PullFile): SkipReason | null => {
    const known = pullSkips.get(file.path);
    if (!known) return { kind: 'no-diff', reason: BASE_BRANCH_REASON };
    return known.file === file ? known.why : skipReason(file, attributes);
  };
  const selection = selectDiff(covered, { skip });
  const changed =
    sinceLastReview && lastReviewed
      ? await changedFindings(history.findings, sinceLastReview, path =>
          readAt(gh, where, path, lastReviewed)
        )
      : [];
  const skipped = new Map(
    [...pullSkips].flatMap(([path, { why }]) => (why ? [[path, why.reason] as const] : []))
  );
  const toolContext: ReviewToolContext = {
    diff: pullRequestDiffSource({
      files: pullFiles,
      skipped,
      shown: new Set(selection.shown.map(f => f.path)),
      cut: new Set(selection.cut.map(f => f.path)),
      sinceLastReview: scope.kind === 'incremental' ? new Set(covered.map(f => f.path)) : null
    }),
    checkFollowUps: followUpChecker(changed)
  };
  return {
    head,
    scope,
    pullFiles,
    selection,
    history,
    changed,
    toolContext,
    task: reviewTask({ pull, focus: options.focus, scope, earlier: history.findings, changed }),
    extraPrompt: reviewDiffPrompt(scope, selection),
    label:
      scope.kind === 'incremental'
        ? `Read the changes of #${pull.number} since the last review (${short(scope.lastReviewed)}..${short(head)}, ${covered.length} files)`
        : `Read the diff of #${pull.number} (${pullFiles.length} files)`
  };
}

/** A file at a commit, or null when it is missing or cannot be read through the API. */
export async function readAt(
  gh: GitHub,
  where: { owner: string; repo: string },
  path: string,
  ref: string
): Promise<string | null> {
  try {
    return await readDefaultBranchFile(gh, { ...where, path, ref });
  } catch {
    return null; // a directory now, or over the API's 1 MB: the caller goes without it
  }
}
