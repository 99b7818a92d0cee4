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
