import type { Settings } from '../config/settings.js';
import type { Permission } from './permission.js';

export type Mode = 'fix' | 'review' | 'ask' | 'plan';

export interface Target {
  kind: 'issue' | 'pull_request' | 'repository';
  number?: number;
  title?: string;
  isFork?: boolean;
  headRef?: string;
  headSha?: string;
  baseRef?: string;
}

export interface Requester {
  login: string;
  id?: number;
  type?: string;
}

/**
 * What the action does with an event. `run` starts the agent; `refuse` posts `reason` as a short
 * comment and ends with conclusion `refused`; `ignore` does nothing visible (the reason is logged).
 * Every text field is sanitized: nothing a reader cannot see on GitHub reaches it.
 */
export interface RouteDecision {
  action: 'run' | 'ignore' | 'refuse';
  mode?: Mode;
  task?: string;
  target?: Target;
  requester?: Requester;
  commentId?: number;
  commentKind?: 'issue_comment' | 'review_comment';
  /** Where an inline review comment sits in the PR's diff: its request ("fix this") is about that line. */
  commentLocation?: { path: string; line?: number };
  approvePlan?: boolean;
  /** Login whose repository permission must be looked up before the decision is final. */
  needsPermission?: string;
  reason: string;
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
