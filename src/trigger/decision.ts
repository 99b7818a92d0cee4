import type { Settings } from '../config/settings.js';
import type { Mode } from '../mode.js';
import type { Permission } from './permission.js';

export type { Mode } from '../mode.js';

/** An issue the request was made on (or that was labeled or assigned). */
export interface IssueTarget {
  kind: 'issue';
  number: number;
  title?: string;
}

/** A pull request; what the payload says about its branches, when it says it. */
export interface PullTarget {
  kind: 'pull_request';
  number: number;
  title?: string;
  /** Known from a pull request payload; a comment on the PR's conversation does not say (prepare asks). */
  isFork?: boolean;
  headRef?: string;
  headSha?: string;
  baseRef?: string;
}

/** Scheduled and dispatched runs work on the repository itself: there is no thread to comment on. */
export interface RepositoryTarget {
  kind: 'repository';
}

/**
 * The commit a failed workflow ran on, before a pull request is found for it (or without one: a push
 * that broke the default branch). `forkOwner` is set when the run's head repository is a fork.
 */
export interface CommitTarget {
  kind: 'commit';
  branch: string;
  sha: string;
  forkOwner?: string;
}

export type Target = IssueTarget | PullTarget | RepositoryTarget | CommitTarget;

/** A target with a conversation: where the progress comment and the final report go. */
export type ThreadTarget = IssueTarget | PullTarget;

export interface Requester {
  login: string;
  id?: number;
  type?: string;
}

/** A failed workflow run, as a workflow_run payload or the runs API describes it. */
export interface FailedRun {
  id: number;
  attempt: number;
  workflowId: number;
  /** Sanitized, single line: workflow names come from workflow files, which a pull request can change. */
  workflowName: string;
  headSha: string;
  headBranch: string;
  /** `failure` or `timed_out`. */
  conclusion: string;
}

/**
 * A request to fix failed CI: a workflow_run failure, or `/kubrick fix-ci` (whose failed runs are
 * looked up once it is authorized). With `explain`, a fork's pull request gets a read-only
 * explanation instead of a fix.
 */
export interface CiRequest {
  source: 'workflow_run' | 'command';
  /** The failed runs to work on; empty for `/kubrick fix-ci` until they are looked up. */
  runs: FailedRun[];
  /** What the requester wrote after `/kubrick fix-ci` (sanitized; may be empty). */
  instructions: string;
  explain?: true;
  /** Set on a refusal: the workflows that reached max_ci_fix_attempts on this pull request. */
  capped?: FailedRun[];
}

/** What is known about how the request was made; any decision may carry it. */
export interface TriggerFacts {
  /** Failed CI the request is about (workflow_run, `/kubrick fix-ci`). */
  ci?: CiRequest;
  requester?: Requester;
  commentId?: number;
  commentKind?: 'issue_comment' | 'review_comment';
  /** Where an inline review comment sits in the PR's diff: its request ("fix this") is about that line. */
  commentLocation?: { path: string; line?: number };
}

/** Start the agent in `mode` on `target`. `task` is empty only for a review without a focus and an approval. */
export interface RunDecision extends TriggerFacts {
  action: 'run';
  mode: Mode;
  task: string;
  target: Target;
  /** `/kubrick approve`: the task is the latest plan Kubrick posted on the target. */
  approvePlan?: true;
  /** `/kubrick review full`: review the whole pull request, not only what changed since the last review. */
  fullReview?: true;
  reason: string;
}

/** Post `reason` as the final comment on the target (when it has a thread) and end with conclusion `refused`. */
export interface RefuseDecision extends TriggerFacts {
  action: 'refuse';
  target: Target;
  /** The mode that was asked for, when the request got that far. */
  mode?: Mode;
  reason: string;
}

/**
 * Do nothing visible; `reason` is logged. With `needsPermission` the decision is not final yet: the
 * requester's permission must be looked up and the event routed again, and the other fields say what
 * would happen if it suffices (`kubrick route` shows them).
 */
export interface IgnoreDecision extends TriggerFacts {
  action: 'ignore';
  reason: string;
  needsPermission?: string;
  target?: Target;
  mode?: Mode;
  task?: string;
  approvePlan?: true;
  fullReview?: true;
}

/**
 * What the action does with an event. Every text field is sanitized: nothing a reader cannot see on
 * GitHub reaches it.
 */
export type RouteDecision = RunDecision | RefuseDecision | IgnoreDecision;

/** The decisions an authorized requester gets an answer to: a run, or a refusal that says why. */
export type ActedDecision = RunDecision | RefuseDecision;

export function isRun(decision: RouteDecision): decision is RunDecision {
  return decision.action === 'run';
}

export function hasThread(target: Target): target is ThreadTarget {
  return target.kind === 'issue' || target.kind === 'pull_request';
}

/** The issue or pull request number comments go to, if the target has a conversation. */
export function threadNumber(target: Target | undefined): number | undefined {
  return target && hasThread(target) ? target.number : undefined;
}

export interface RouteInput {
  eventName: string;
  payload: unknown;
  settings: Settings;
  /** From the permission API; null when not looked up yet. */
  actorPermission: Permission | null;
  /** The login the action posts as, when known (its own comments are ignored). */
  botLogin?: string;
}
