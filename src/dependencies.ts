import { createGitHubClient, type GitHub, type GitHubClientOptions } from './github/client.js';
import { createLlmClient, type LlmOptions } from './llm/create.js';
import type { LlmClient } from './llm/types.js';

/** The collaborators a run needs; tests pass their own (emulators, scripted model, temp dirs). */
export interface Dependencies {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Milliseconds since the epoch; injectable so budgets and throttles are testable. */
  now: () => number;
  /** Where workflow commands and logs go (the runner reads stdout). */
  stdout: (line: string) => void;
  createGitHub: (options: GitHubClientOptions) => GitHub;
  createLlm: (options: LlmOptions) => LlmClient;
}

export function defaultDependencies(): Dependencies {
  return {
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    stdout: line => process.stdout.write(`${line}\n`),
    createGitHub: createGitHubClient,
    createLlm: createLlmClient
  };
}
