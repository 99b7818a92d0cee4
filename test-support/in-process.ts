/**
 * Drives `run(deps)` (src/main.ts) in this process, with the environment and working directory a
 * runner would give the bundle: the orchestration runs under the test, against the GitHub emulator
 * and the scripted model, and every collaborator is the one a test chooses. The GitHub client gets
 * shorter waits (see github-pacing.ts); the rest is real (fetch, timers, git, the sandbox).
 *
 *   const world = await createWorld({ files, runner: inProcess() });
 */
import type { Dependencies } from '../src/dependencies.js';
import { createGitHubClient } from '../src/github/client.js';
import { createLlmClient } from '../src/llm/create.js';
import { defaultSleep } from '../src/llm/retry.js';
import { run } from '../src/main.js';
import type { ActionRunner } from './action-runner.js';
import { scaledPacing } from './github-pacing.js';

/** GitHub's waits are scaled by this in process: a retry-after of 1 s waits 100 ms. */
export const IN_PROCESS_PACING_SCALE = 0.1;

/** The collaborators of an in-process run; `overrides` replaces any of them. */
export function testDependencies(
  invocation: { env: NodeJS.ProcessEnv; cwd: string },
  stdout: (line: string) => void,
  overrides: Partial<Dependencies> = {}
): Dependencies {
  return {
    env: invocation.env,
    cwd: invocation.cwd,
    now: () => Date.now(),
    sleep: defaultSleep,
    fetch: globalThis.fetch,
    stdout,
    createGitHub: options =>
      createGitHubClient({ ...options, pacing: scaledPacing(IN_PROCESS_PACING_SCALE) }),
    createLlm: createLlmClient,
    ...overrides
  };
}

/** A runner that calls `run(deps)` here; a run that outlives the timeout fails the test. */
export function inProcess(overrides: Partial<Dependencies> = {}): ActionRunner {
  return async invocation => {
    const lines: string[] = [];
    const deps = testDependencies(invocation, line => lines.push(line), overrides);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the in-process run did not end within ${invocation.timeoutMs} ms`)),
        invocation.timeoutMs
      );
    });
    try {
      const exitCode = await Promise.race([run(deps), timeout]);
      return { exitCode, stdout: lines.map(line => `${line}\n`).join(''), stderr: '' };
    } finally {
      clearTimeout(timer);
    }
  };
}
