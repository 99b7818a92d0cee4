/**
 * The task's check: a bash command run after the agent has finished, in the final workspace and in
 * a sandbox of its own. Its exit code decides solved; nothing of it ever reaches the model.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Sandbox } from '../sandbox/types.js';

/** Enough of a failing test run's report to see why, small enough to keep in a transcript. */
const MAX_OUTPUT_BYTES = 64 * 1024;
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface CheckResult {
  solved: boolean;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
}

/**
 * The check's environment is built, not inherited: the Node running Kubrick first on PATH (as for
 * the agent's commands), fresh HOME and TMPDIR, and nothing of the caller's (no API key).
 */
function checkEnv(scratch: string): Record<string, string> {
  return {
    PATH: `${dirname(process.execPath)}:${SYSTEM_PATH}`,
    HOME: join(scratch, 'home'),
    TMPDIR: join(scratch, 'tmp'),
    LANG: 'C.UTF-8',
    CI: 'true',
    TERM: 'dumb',
    PYTHONDONTWRITEBYTECODE: '1'
  };
}

export async function runCheck(options: {
  command: string;
  workspace: string;
  sandbox: Sandbox;
  timeoutMs: number;
}): Promise<CheckResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'kubrick-check-'));
  try {
    const env = checkEnv(scratch);
    mkdirSync(env.HOME!, { mode: 0o700 });
    mkdirSync(env.TMPDIR!, { mode: 0o700 });
    const result = await options.sandbox.run({
      argv: ['bash', '--noprofile', '--norc', '-c', options.command],
      cwd: options.workspace,
      env,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: MAX_OUTPUT_BYTES
    });
    return {
      solved: result.exitCode === 0 && !result.timedOut && !result.aborted,
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      durationMs: result.durationMs,
      stdout: result.stdout,
      stderr: result.stderr
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
