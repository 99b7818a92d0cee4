import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventError } from '../trigger/event.js';

/** Facts about the runner a run needs, read once from the environment GitHub Actions provides. */
export interface RunnerContext {
  owner: string;
  repo: string;
  /** GITHUB_API_URL, the Octokit base URL (GHES: https://HOST/api/v3). */
  apiUrl: string;
  /** GITHUB_SERVER_URL, where git pushes go and links point. */
  serverUrl: string;
  /** Where actions/checkout left the repository. */
  workspace: string;
  /** Scratch space outside the workspace: transcript, temp files. Never committed. */
  scratchDir: string;
  runId: string;
  runUrl: string | null;
}

export function readRunnerContext(env: NodeJS.ProcessEnv, cwd: string): RunnerContext {
  const full = env.GITHUB_REPOSITORY?.trim() ?? '';
  const [owner, repo, extra] = full.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new EventError(
      `GITHUB_REPOSITORY is ${full ? `"${full}", not owner/name` : 'not set'}: Kubrick Action must run as a step of a GitHub Actions workflow.`
    );
  }
  const serverUrl = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID?.trim() ?? '';
  const attempt = env.GITHUB_RUN_ATTEMPT?.trim();
  return {
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    workspace: resolve(env.GITHUB_WORKSPACE?.trim() || cwd),
    scratchDir: join(env.RUNNER_TEMP?.trim() || tmpdir(), 'kubrick'),
    runId: runId || String(process.pid),
    runUrl: runId
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`
      : null
  };
}
