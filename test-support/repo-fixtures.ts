/**
 * Real git repositories for tests: a bare `origin` and a workspace that looks exactly like what
 * actions/checkout leaves on a runner (shallow, `origin` set, no credentials, no identity).
 *
 * Run every git command of a test with `sample.env` (or `gitSandbox(dir).env`): it isolates HOME and
 * disables the system config, so the machine's global identity, hooks and url rewrites cannot leak in,
 * and it sets `user.useConfigOnly`, so a commit without an explicit author fails as it does on a runner.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedGitEnv, runGit } from './github-emulator/git.js';
import type { EmulatorOptions, GitHubEmulator } from './github-emulator/index.js';
import { startGitHubEmulator } from './github-emulator/index.js';

/** Who authors fixture commits (never the machine's identity). */
export const FIXTURE_AUTHOR = { name: 'Fixture Author', email: 'fixture@example.com' } as const;

export interface GitSandbox {
  home: string;
  env: NodeJS.ProcessEnv;
}

/** A HOME for git with a global config that refuses guessed identities, like a runner without one. */
export function gitSandbox(dir: string): GitSandbox {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tuseConfigOnly = true\n');
  return { home, env: isolatedGitEnv(home) };
}

/** Runs git and returns stdout; throws with git's stderr when it fails. */
export async function git(
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string }
): Promise<string> {
  const result = await runGit(args, opts);
  if (result.code !== 0) {
    throw new Error(`git ${args.join(' ')} failed (exit ${result.code}) in ${opts.cwd}:\n${result.stderr}`);
  }
  return result.stdout;
}

/** Without a sandbox, fixtures still run git with a HOME that holds no configuration at all. */
const NO_HOME = join(tmpdir(), 'kubrick-fixture-no-home');
let indexCounter = 0;

function authorEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    GIT_AUTHOR_NAME: FIXTURE_AUTHOR.name,
    GIT_AUTHOR_EMAIL: FIXTURE_AUTHOR.email,
    GIT_COMMITTER_NAME: FIXTURE_AUTHOR.name,
    GIT_COMMITTER_EMAIL: FIXTURE_AUTHOR.email
  };
}

/**
 * Commits `files` on `branch` of the bare repository without a work tree, moving the branch on the
 * remote as someone else's push would (for non-fast-forward tests). A null content deletes the file.
 * A new branch starts from `from` (default: the repository's HEAD). Returns the new commit sha.
 */
export async function commitFiles(
  bareRepoPath: string,
  branch: string,
  files: Record<string, string | null>,
  message: string,
  opts: { env?: NodeJS.ProcessEnv; from?: string } = {}
): Promise<string> {
  const env = authorEnv(opts.env ?? isolatedGitEnv(NO_HOME));
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
    git(args, { cwd: bareRepoPath, env: { ...env, ...extra }, input });
  const existing = await runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
    cwd: bareRepoPath,
    env
  });
  let parent: string | null = existing.code === 0 ? existing.stdout.trim() : null;
  if (!parent) {
    const start = await runGit(['rev-parse', '--verify', '--quiet', `${opts.from ?? 'HEAD'}^{commit}`], {
      cwd: bareRepoPath,
      env
    });
    parent = start.code === 0 ? start.stdout.trim() : null;
  }
  const index = { GIT_INDEX_FILE: join(tmpdir(), `kubrick-fixture-index-${process.pid}-${++indexCounter}`) };
  try {
    if (parent) await run(['read-tree', parent], index);
    else await run(['read-tree', '--empty'], index);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) {
        await run(['update-index', '--force-remove', '--', path], index);
      } else {
        const blob = (await run(['hash-object', '-w', '--stdin'], {}, content)).trim();
        await run(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], index);
      }
    }
    const tree = (await run(['write-tree'], index)).trim();
    const sha = (await run(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])).trim();
    await run(['update-ref', `refs/heads/${branch}`, sha]);
    return sha;
  } finally {
    await rm(index.GIT_INDEX_FILE, { force: true });
  }
}

/** A bare repository whose default branch holds `files` in one commit. */
export async function createBareRepo(
  path: string,
  files: Record<string, string>,
  opts: { defaultBranch?: string; message?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<string> {
  const branch = opts.defaultBranch ?? 'main';
  mkdirSync(path, { recursive: true });
  const env = opts.env ?? isolatedGitEnv(NO_HOME);
  await git(['init', '--bare', '--quiet', `--initial-branch=${branch}`, path], { cwd: path, env });
  await commitFiles(path, branch, files, opts.message ?? 'Initial commit', { env });
  return path;
}

/** The `http.<url>.extraheader` actions/checkout uses: Basic auth with `x-access-token:<token>`. */
export function checkoutAuthConfig(serverUrl: string, token: string): string[] {
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return ['-c', `http.${serverUrl.replace(/\/$/, '')}/.extraheader=AUTHORIZATION: basic ${basic}`];
}

/**
 * What actions/checkout does with `fetch-depth: 1` and `persist-credentials: false`: init, add `origin`,
 * fetch the branch at depth 1 (the token given for that command only), check it out. Nothing of the
 * token stays in `.git/config`, and no identity is configured.
 */
export async function checkoutLikeActions(
  remoteUrl: string,
  workspace: string,
  opts: { branch: string; env: NodeJS.ProcessEnv; auth?: { serverUrl: string; token: string } }
): Promise<string> {
  mkdirSync(workspace, { recursive: true });
  const run = (args: string[]) => git(args, { cwd: workspace, env: opts.env });
  await run(['init', '--quiet', `--initial-branch=${opts.branch}`]);
  await run(['remote', 'add', 'origin', remoteUrl]);
  const auth = opts.auth ? checkoutAuthConfig(opts.auth.serverUrl, opts.auth.token) : [];
  await run([
    ...auth,
    '-c',
    'protocol.version=2',
    'fetch',
    '--no-tags',
    '--prune',
    '--no-recurse-submodules',
    '--depth=1',
    'origin',
    `+refs/heads/${opts.branch}:refs/remotes/origin/${opts.branch}`
  ]);
  await run(['checkout', '--quiet', '--force', '-B', opts.branch, `refs/remotes/origin/${opts.branch}`]);
  return workspace;
}

export interface SampleRepoOptions {
  defaultBranch?: string;
  message?: string;
  /** Start a GitHub emulator over the bare repository and check out through its git URL. */
  emulator?: Omit<EmulatorOptions, 'bareRepoPath' | 'defaultBranch'>;
}

export interface SampleRepo {
  bareRepoPath: string;
  workspace: string;
  /** The URL `origin` points to: the emulator's git URL, or file:// without an emulator. */
  remoteUrl: string;
  defaultBranch: string;
  /** Commit the default branch points to. */
  headSha: string;
  /** Isolated git environment; use it for every git command and for the process under test. */
  env: NodeJS.ProcessEnv;
  home: string;
  emulator?: GitHubEmulator;
  /** Stops the emulator when there is one (the caller removes `dir`). */
  close(): Promise<void>;
}

/**
 * `dir/origin.git` (bare, holding `files`), `dir/workspace` (checked out like actions/checkout) and
 * `dir/home` (the isolated HOME). With `opts.emulator`, the emulator serves the bare repository and the
 * workspace's `origin` is its git URL.
 */
export async function createSampleRepo(
  dir: string,
  files: Record<string, string>,
  opts: SampleRepoOptions = {}
): Promise<SampleRepo> {
  const defaultBranch = opts.defaultBranch ?? 'main';
  const { home, env } = gitSandbox(dir);
  const bareRepoPath = await createBareRepo(join(dir, 'origin.git'), files, {
    defaultBranch,
    message: opts.message,
    env
  });
  const emulator = opts.emulator
    ? await startGitHubEmulator({ ...opts.emulator, bareRepoPath, defaultBranch })
    : undefined;
  const remoteUrl = emulator ? emulator.gitUrl() : `file://${bareRepoPath}`;
  const workspace = await checkoutLikeActions(remoteUrl, join(dir, 'workspace'), {
    branch: defaultBranch,
    env,
    auth: emulator ? { serverUrl: emulator.serverUrl, token: emulator.token } : undefined
  });
  const headSha = (await git(['rev-parse', 'HEAD'], { cwd: workspace, env })).trim();
  return {
    bareRepoPath,
    workspace,
    remoteUrl,
    defaultBranch,
    headSha,
    env,
    home,
    emulator,
    close: async () => {
      await emulator?.close();
    }
  };
}
