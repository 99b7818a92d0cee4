import type { JsonSchema } from '../llm/types.js';
import type { Mode } from '../mode.js';
import type { Workspace } from './workspace.js';
import type { CommandRunner } from './run-command.js';

/** Everything a tool may touch; passed in so tests can give real or fake collaborators. */
export interface ToolContext {
  workspace: Workspace;
  mode: Mode;
  /** Aborted on total_timeout; long tools must stop when it fires. */
  signal: AbortSignal;
  /** Present only when commands may run at all (fix mode). */
  commands?: CommandRunner;
  /** Cap on one result's content in characters (default DEFAULT_RESULT_CAP, 10 000). */
  maxResultChars?: number;
  /** Present only in a review of a pull request: its whole diff, and the earlier findings to follow up. */
  review?: ReviewToolContext;
}

/** The pull request's whole diff, as `pull_request_diff` shows it. */
export interface PullRequestDiffSource {
  /** The changed files: status, counts, and which were skipped or left out of the task and why. */
  overview(): string;
  /** One page (1-based) of a file's diff, or why it cannot be shown. */
  file(path: string, page: number): { ok: boolean; content: string };
}

/** A decision on an earlier finding whose lines the new commits changed: Kubrick replies with it. */
export interface FollowUpDecision {
  /** The id of the earlier finding's comment (its thread). */
  thread: number;
  status: 'addressed' | 'still_present';
  /** One short line for the thread. */
  note: string;
}

export interface ReviewToolContext {
  diff: PullRequestDiffSource;
  /** What is wrong with finish's follow_ups, in words for the model, or null when they can be used. */
  checkFollowUps(given: readonly FollowUpDecision[]): string | null;
}

export interface ToolResult {
  ok: boolean;
  /** What the model reads: clear, honest, capped. */
  content: string;
  /** Structured detail for the transcript (never shown to the model). */
  data?: Record<string, unknown>;
  /** Workspace-relative paths this call wrote. */
  changedFiles?: string[];
}

export interface Tool {
  name: string;
  description: string;
  parameters: JsonSchema;
  /** Read-only tools are the only ones offered in review, ask and plan modes. */
  readOnly: boolean;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult>;
}
