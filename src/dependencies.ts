import { createGitHubClient, type GitHub, type GitHubClientOptions } from './github/client.js';
import { createLlmClient, type LlmOptions } from './llm/create.js';
import { defaultSleep } from './llm/retry.js';
import type { LlmClient } from './llm/types.js';

/**
 * The collaborators a run needs. The entry point passes the real ones; tests pass their own
 * (an environment of their making, the GitHub emulator with short waits, the scripted model).
 */
export interface Dependencies {
  /** The runner's variables and the action inputs (`INPUT_*`); nothing else in a run reads the process's. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Milliseconds since the epoch: budgets, durations, the transcript's times. */
  now: () => number;
  /** Waits between model retries; rejects early when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** HTTP for GitHub and the model server. */
  fetch: typeof fetch;
  /** Where workflow commands and logs go (the runner reads stdout). */
  stdout: (line: string) => void;
  /** The GitHub client; it receives the token, the API URL, fetch and the log lines. */
  createGitHub: (options: GitHubClientOptions) => GitHub;
  createLlm: (options: LlmOptions) => LlmClient;
}

/** The real collaborators of the action, around the process's environment. */
export function defaultDependencies(env: NodeJS.ProcessEnv): Dependencies {
  return {
    env,
    cwd: process.cwd(),
    now: () => Date.now(),
    sleep: defaultSleep,
    fetch: globalThis.fetch,
    stdout: line => process.stdout.write(`${line}\n`),
    createGitHub: createGitHubClient,
    createLlm: createLlmClient
  };
}
