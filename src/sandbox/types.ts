import type { LimitHit } from './limits.js';

/** What to run: already decided by the policy, never re-interpreted by a shell we did not choose. */
export interface ExecRequest {
  argv: string[];
  /** The workspace root. */
  cwd: string;
  /** The environment of the child (already scrubbed, see command-env.ts), except PATH, HOME and TMPDIR, which the sandbox sets. */
  env: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Per stream; the middle is cut, head and tail kept, and the cut is reported. */
  maxOutputBytes: number;
}

export interface ExecResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  aborted: boolean;
  /** Bytes removed from the middle of each stream (0 = complete). */
  cut: { stdout: number; stderr: number };
  /** Sandbox limits the command hit (also explained at the end of stderr, for the model). */
  limits?: LimitHit[];
}

export type SandboxMode = 'auto' | 'namespaces' | 'none';

export interface Sandbox {
  /** What is actually in force: `none` when auto fell back or the user opted out. */
  readonly kind: 'namespaces' | 'none';
  /** Plain words for the final comment, e.g. "namespaces (no network)", or why it is off. */
  readonly description: string;
  readonly networkAllowed: boolean;
  /**
   * Runs argv with request.env plus the sandbox's own PATH, HOME and TMPDIR (any given are
   * replaced): HOME and TMPDIR are fresh, empty directories of this command alone (inside the
   * sandbox for namespaces, a scratch directory removed afterwards for none).
   */
  run(request: ExecRequest): Promise<ExecResult>;
  /**
   * The user commands run as, when that is not the workspace's owner (Kubrick runs as root and
   * lends the workspace to the command's own uid): files Kubrick writes for the agent are given to
   * this user, so that commands can change them. Absent otherwise.
   */
  readonly commandOwner?: { uid: number; gid: number };
  /**
   * Something outside the sandbox may have written into the workspace (an MCP server runs as the
   * runner's user): the whole workspace is lent to the command's user again before the next command.
   */
  workspaceTouched?(): void;
  /** Releases what the sandbox holds (the namespace holder process); safe to call twice. */
  close?(): Promise<void>;
}
