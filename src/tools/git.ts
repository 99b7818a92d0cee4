import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fixedPinArguments, gitEnvironment as kubrickGitEnvironment } from '../git/environment.js';

/** Where Kubrick's own read-only git runs: the workspace root and the environment for it. */
export interface GitWorkspace {
  readonly root: string;
  readonly gitEnv: NodeJS.ProcessEnv;
}

/**
 * Runs git in the workspace with an argv (never a shell). The environment is the parent's minus
 * every `GIT_*` variable, so nothing outside the workspace can point git at another repository or
 * index; a ceiling directory keeps git from adopting a repository above the workspace root, and
 * `core.fsmonitor` is off so a repository's config cannot make git start a program.
 */
export interface GitRunOptions {
  signal?: AbortSignal;
  /** Receives stdout as it arrives; return false to stop git early (the result then has `stopped`). */
  onStdout?: (chunk: Buffer) => boolean | void;
}

export interface GitRunResult {
  exitCode: number | null;
  /** Collected only when no onStdout handler was given. */
  stdout: Buffer;
  stderr: string;
  stopped: boolean;
}

/** Thrown when git cannot start at all (not installed); callers fall back to plain file walking. */
export class GitUnavailableError extends Error {}

const STDERR_LIMIT = 16_384;

/** Kubrick's own git environment for the workspace at `root`: an allowlist of the run's, no global or system config, no secrets. */
export function gitEnvironment(root: string, parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = kubrickGitEnvironment(parent);
  env.GIT_CEILING_DIRECTORIES = dirname(root);
  env.GIT_OPTIONAL_LOCKS = '0';
  env.LC_ALL = 'C.UTF-8';
  return env;
}

export function runGit(
  workspace: GitWorkspace,
  args: string[],
  options: GitRunOptions = {}
): Promise<GitRunResult> {
  const argv = [...fixedPinArguments(), '-c', `safe.directory=${workspace.root}`, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('git', argv, {
      cwd: workspace.root,
      env: workspace.gitEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    let stopped = false;
    let settled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped) return;
      if (!options.onStdout) {
        chunks.push(chunk);
      } else if (options.onStdout(chunk) === false) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      reject(error.code === 'ENOENT' ? new GitUnavailableError('git is not installed') : error);
    });
    child.on('close', code => {
      if (settled) return;
      settled = true;
      resolve({ exitCode: code, stdout: Buffer.concat(chunks), stderr: stderr.trim(), stopped });
    });
  });
}

const repositoryChecks = new WeakMap<object, Promise<boolean>>();

/**
 * Whether the workspace root is the top of a git work tree git will operate on; asked once per
 * workspace, since one run never turns a directory into a repository or back.
 */
export function isGitWorkTree(workspace: GitWorkspace): Promise<boolean> {
  let check = repositoryChecks.get(workspace);
  if (!check) {
    check = runGit(workspace, ['rev-parse', '--show-toplevel'])
      .then(result => result.exitCode === 0 && result.stdout.toString('utf8').trim().length > 0)
      .catch(() => false);
    repositoryChecks.set(workspace, check);
  }
  return check;
}
