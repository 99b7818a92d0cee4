/**
 * Shared types of the GitHub emulator: its options, the records it keeps, and what tests can inspect.
 * Records hold only what the emulator owns; the GitHub-shaped JSON is produced by serialize.ts.
 */

/** Fine-grained repository roles, as `role_name` reports them. */
export type RepoRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface EmulatorOptions {
  /** Real bare repository acting as `origin` (served over smart HTTP, read for contents and diffs). */
  bareRepoPath: string;
  owner: string;
  repo: string;
  /** The only credential accepted, as `Authorization: token X`, `Bearer X`, or Basic with X as password. */
  token: string;
  defaultBranch?: string;
  /** Private repositories also require the token to fetch over git. Default false (public). */
  private?: boolean;
  /** Roles of known users; `setPermission` changes them later. The owner is admin unless listed. */
  permissions?: Record<string, RepoRole>;
  /**
   * Role reported for users not in `permissions`: GitHub answers `read` for any user of a public repository
   * and `none` for a private one. `'not-found'` makes the permission endpoint answer 404 instead.
   */
  defaultPermission?: RepoRole | 'not-found';
  /** Who the token acts as: author of comments, PRs and reviews made through the API. */
  tokenLogin?: string;
  /** Fixed clock for timestamps, so snapshots are stable. Default: the real clock. */
  now?: () => Date;
  /** Slugs of the organization's teams with access to the repository (review requests may name them). */
  teams?: string[];
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  locked: boolean;
  labels: string[];
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface PullRecord {
  /** Shared with the issue counter: every PR is also an issue. */
  number: number;
  id: number;
  headRef: string;
  /** Head commit when the PR was created; same-repo PRs follow their branch afterwards. */
  headSha: string;
  baseRef: string;
  fromFork: boolean;
  /** Owner of the head repository (the fork owner for fork PRs). */
  headOwner: string;
  draft: boolean;
  maintainerCanModify: boolean;
  /** Logins and team slugs whose review is requested (`POST …/requested_reviewers`). */
  requestedReviewers: string[];
  requestedTeams: string[];
}

export type ReviewState = 'PENDING' | 'COMMENTED' | 'CHANGES_REQUESTED' | 'APPROVED';

export interface ReviewRecord {
  id: number;
  pullNumber: number;
  user: string;
  body: string;
  state: ReviewState;
  commitId: string;
  submittedAt: string | null;
}

export type Side = 'LEFT' | 'RIGHT';

export interface ReviewCommentRecord {
  id: number;
  reviewId: number;
  pullNumber: number;
  path: string;
  line: number;
  side: Side;
  startLine: number | null;
  startSide: Side | null;
  body: string;
  commitId: string;
  diffHunk: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  /** Set on a reply: the thread's first comment. */
  inReplyToId?: number;
}

export const REACTION_CONTENTS = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'rocket',
  'eyes'
] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

export type ReactionSubject =
  | { type: 'issue_comment'; id: number }
  | { type: 'review_comment'; id: number }
  | { type: 'issue'; number: number };

export interface ReactionRecord {
  id: number;
  subject: ReactionSubject;
  content: ReactionContent;
  user: string;
  createdAt: string;
}

/** One HTTP request as the emulator received it, API and git alike. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty or binary (git). */
  body: unknown;
  status: number;
  /** When it arrived (ms since the epoch), so a log of the run can be put in order with other sources. */
  receivedAt: number;
  /** Set when a `failNext` rule produced the response. */
  injected?: boolean;
  /** Set when no route matched (also listed in `state.unhandled`). */
  unhandled?: boolean;
}

export interface FaultSpec {
  /** Any method when omitted. */
  method?: string;
  /** A string matches the request path exactly (no query); a RegExp is tested against the path. */
  pathPattern: RegExp | string;
  status: number;
  /** Only requests whose JSON body contains this text match (e.g. only the final report's edit). */
  bodyIncludes?: string;
  /** How many matching requests fail; default 1. */
  times?: number;
  headers?: Record<string, string>;
  /** Response body; a GitHub-like message for the status when omitted. */
  body?: unknown;
  /**
   * Let the request take effect, then answer with the fault anyway (a 502 after the comment was created),
   * the case where a blind retry duplicates work.
   */
  afterEffect?: boolean;
}

/** A workflow run (GitHub Actions), as `/actions/runs` serves it. Its jobs are kept per attempt. */
export interface WorkflowRunRecord {
  id: number;
  workflowId: number;
  /** The workflow's name (what `workflow_run` payloads and `ci_workflows` call it). */
  name: string;
  path: string;
  headBranch: string;
  headSha: string;
  /** The event that started it: push, pull_request, … */
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  runNumber: number;
  runAttempt: number;
  actor: string;
  triggeringActor: string;
  /** Owner of the head repository: a fork's owner for a fork's pull request. */
  headOwner: string;
  createdAt: string;
  updatedAt: string;
}

export interface JobStepRecord {
  name: string;
  number: number;
  status: 'completed' | 'in_progress' | 'queued';
  conclusion: string | null;
}

export interface JobRecord {
  id: number;
  runId: number;
  runAttempt: number;
  name: string;
  status: 'completed' | 'in_progress' | 'queued';
  conclusion: string | null;
  steps: JobStepRecord[];
  /** The job's log as GitHub stores it (timestamped lines); null: no log (404), `expired`: 410. */
  log: string | Buffer | null | 'expired';
  startedAt: string;
  completedAt: string | null;
}
