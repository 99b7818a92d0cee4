/**
 * Runs one argv as its own process group and always comes back: on timeout or abort the whole group
 * is killed, and a background child that keeps our pipes open cannot make us wait for EOF.
 *
 * node:child_process rather than execa: we need the raw process-group kill (`kill(-pid)`), our own
 * head+tail output cap, and control over when we stop waiting for the pipes; execa's conveniences
 * (buffering, `cleanup`, `forceKillAfterDelay`) act on the direct child only and would be fought,
 * not used.
 */
import { spawn } from 'node:child_process';
import type { ExecRequest, ExecResult } from './types.js';
import { HeadTailBuffer } from './output-cap.js';

/** Between SIGTERM and SIGKILL: long enough for a test runner to flush, short for a stuck run. */
export const KILL_GRACE_MS = 1000;
/** After the main child exits and its group is killed, how long the pipes may take to drain. */
export const PIPE_DRAIN_MS = 250;

/** Signals a whole process group; replaceable because a group started through sudo needs sudo to kill. */
export type GroupKiller = (pgid: number, signal: NodeJS.Signals) => void;

export const killProcessGroup: GroupKiller = (pgid, signal) => {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
};

export function runProcess(
  request: ExecRequest,
  killGroupWith: GroupKiller = killProcessGroup
): Promise<ExecResult> {
  const killGroup = (pid: number | undefined, signal: NodeJS.Signals): void => {
    if (pid !== undefined) killGroupWith(pid, signal);
  };
  const started = performance.now();
  const stdout = new HeadTailBuffer(request.maxOutputBytes);
  const stderr = new HeadTailBuffer(request.maxOutputBytes);
  const [file, ...args] = request.argv;
  if (file === undefined) return Promise.reject(new Error('runProcess: argv is empty'));

  return new Promise<ExecResult>(resolve => {
    let timedOut = false;
    let aborted = false;
    let exit: { code: number | null; signal: string | null } | undefined;
    let spawnError: Error | undefined;
    let finished = false;
    const timers: NodeJS.Timeout[] = [];

    const child = spawn(file, args, {
      cwd: request.cwd,
      env: request.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true
    });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      const errorText = spawnError ? `could not start ${file}: ${spawnError.message}\n` : '';
      resolve({
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        stdout: stdout.text(),
        stderr: errorText + stderr.text(),
        durationMs: Math.round(performance.now() - started),
        timedOut,
        aborted,
        cut: { stdout: stdout.cutBytes, stderr: stderr.cutBytes }
      });
    };

    const stop = (): void => {
      killGroup(child.pid, 'SIGTERM');
      timers.push(setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS));
    };
    const onAbort = (): void => {
      if (exit || aborted) return;
      aborted = true;
      stop();
    };

    timers.push(
      setTimeout(() => {
        if (exit) return;
        timedOut = true;
        stop();
      }, request.timeoutMs)
    );
    if (request.signal?.aborted) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', error => {
      spawnError = error;
      if (child.pid === undefined) finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Whatever the command left running in its group dies with it; then give the pipes a moment.
      killGroup(child.pid, 'SIGKILL');
      timers.push(setTimeout(finish, PIPE_DRAIN_MS));
    });
    child.on('close', finish);
  });
}
