import { pushAuthConfig } from '../../src/git/auth.js';
import type { CommitAndPushOptions } from '../../src/git/create-or-update-branch.js';
import { execa } from 'execa';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GitCommandManager } from '../../src/git/git-command.js';

/**
 * Real repositories for the git tests: a bare "origin" with main, shallow clones of it as the
 * workspace (what actions/checkout leaves), and an environment with no git identity at all.
 */
export interface RepoFixture {
  root: string;
  remoteDir: string;
  remoteUrl: string;
  /** An environment where git has no identity and refuses to guess one. */
  env: NodeJS.ProcessEnv;
  /** A fresh `git clone --depth 1` of main, as the workspace of one run. */
  workspace(name: string): Promise<{ dir: string; git: GitCommandManager }>;
  /** Another person's full clone with one commit of theirs on `branch`, not pushed yet. */
  commitAs(
    name: string,
    branch: string,
    files: Record<string, string>,
    opts?: CommitOpts
  ): Promise<OtherClone>;
  /** Another person's clone, committing with their own identity and pushing; returns the sha. */
  pushAs(name: string, branch: string, files: Record<string, string>, opts?: CommitOpts): Promise<string>;
  /** Runs git in a directory with the fixture's environment (setup and assertions only). */
  git(dir: string, args: string[]): Promise<string>;
  remoteSha(ref: string): Promise<string | null>;
  cleanup(): Promise<void>;
}

export interface CommitOpts {
  /** Start point in the other clone (default origin/<branch>). */
  from?: string;
  message?: string;
}

export interface OtherClone {
  dir: string;
  sha: string;
  branch: string;
}

export async function createRepoFixture(seed: Record<string, string>): Promise<RepoFixture> {
  const root = await mkdtemp(join(tmpdir(), 'kubrick-git-'));
  const home = join(root, 'home');
  await mkdir(home);
  // useConfigOnly: git must not invent an identity from the host name, as on a bare runner.
  await writeFile(
    join(home, 'gitconfig'),
    '[user]\n\tuseConfigOnly = true\n[init]\n\tdefaultBranch = main\n'
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_GLOBAL: join(home, 'gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_TOKEN: 'ghs_envCanaryShouldNeverReachGit000'
  };
  const run = async (dir: string, args: string[]): Promise<string> =>
    (await execa('git', args, { cwd: dir, env, extendEnv: false })).stdout;
  const as = (who: string) => ['-c', `user.name=${who}`, '-c', `user.email=${who}@example.com`];

  const remoteDir = join(root, 'origin.git');
  await run(root, ['init', '--quiet', '--bare', '-b', 'main', remoteDir]);
  const remoteUrl = `file://${remoteDir}`;
  const seedDir = join(root, 'seed');
  await run(root, ['init', '--quiet', '-b', 'main', seedDir]);
  await writeFiles(seedDir, seed);
  await run(seedDir, ['add', '-A']);
  await run(seedDir, [...as('maintainer'), 'commit', '--quiet', '-m', 'initial']);
  await run(seedDir, [...as('maintainer'), 'commit', '--quiet', '--allow-empty', '-m', 'second']);
  await run(seedDir, ['push', '--quiet', remoteUrl, 'main']);

  let clones = 0;
  const fixture: RepoFixture = {
    root,
    remoteDir,
    remoteUrl,
    env,
    async workspace(name) {
      const dir = join(root, `ws-${name}`);
      await run(root, ['clone', '--quiet', '--depth', '1', '--branch', 'main', remoteUrl, dir]);
      return { dir, git: new GitCommandManager({ cwd: dir, env }) };
    },
    async commitAs(name, branch, files, opts = {}) {
      const dir = join(root, `other-${name}-${clones++}`);
      await run(root, ['clone', '--quiet', remoteUrl, dir]);
      await run(dir, ['checkout', '--quiet', '-B', branch, opts.from ?? `origin/${branch}`]);
      await writeFiles(dir, files);
      await run(dir, ['add', '-A']);
      await run(dir, [...as(name), 'commit', '--quiet', '-m', opts.message ?? `${name} was here`]);
      return { dir, branch, sha: await run(dir, ['rev-parse', 'HEAD']) };
    },
    async pushAs(name, branch, files, opts = {}) {
      const other = await fixture.commitAs(name, branch, files, opts);
      await run(other.dir, ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
      return other.sha;
    },
    git: run,
    async remoteSha(ref) {
      const out = await execa('git', ['rev-parse', '--verify', '--quiet', ref], {
        cwd: remoteDir,
        env,
        extendEnv: false,
        reject: false
      });
      return out.exitCode === 0 ? out.stdout.trim() : null;
    },
    cleanup: () => rm(root, { recursive: true, force: true })
  };
  return fixture;
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/**
 * A `git` on PATH that, right before the first `push`, lets `other` push its commit: the branch
 * moves between our fetch and our push, exactly the race a lease must catch.
 */
export async function racingGitEnv(fixture: RepoFixture, other: OtherClone): Promise<NodeJS.ProcessEnv> {
  const bin = join(fixture.root, `race-bin-${other.sha.slice(0, 8)}`);
  await mkdir(bin);
  const realGit = (await execa('sh', ['-c', 'command -v git'])).stdout.trim();
  const marker = join(bin, 'raced');
  const script = [
    '#!/bin/sh',
    'for a in "$@"; do',
    `  if [ "$a" = push ] && [ ! -e '${marker}' ]; then`,
    `    touch '${marker}'`,
    `    (cd '${other.dir}' && env -u GIT_CONFIG_COUNT '${realGit}' push --quiet origin 'HEAD:refs/heads/${other.branch}') >/dev/null 2>&1 </dev/null`,
    '    break',
    '  fi',
    'done',
    `exec '${realGit}' "$@"`
  ].join('\n');
  await writeFile(join(bin, 'git'), `${script}\n`);
  await chmod(join(bin, 'git'), 0o755);
  return { ...fixture.env, PATH: `${bin}:${fixture.env.PATH ?? ''}` };
}

/** A token that must never appear in .git/config, a message or a remote. */
export const FIXTURE_TOKEN = 'ghs_canaryToken1234567890abcdefXYZ';
export const FIXTURE_POLICY = '.github/kubrick-policy.yml';
export const FIXTURE_PROTECTED = ['.git/**', '.github/workflows/**', FIXTURE_POLICY, '.github/kubrick.yml'];

/** The default branch of the commitAndPush tests: code, a workflow and a policy (both protected). */
export const FIXTURE_TREE: Record<string, string> = {
  'README.md': '# demo\n',
  'src/date.js': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n',
  '.github/workflows/ci.yml': 'on: push\n',
  [FIXTURE_POLICY]: 'version: 1\nallow: ["npm test"]\n'
};

/** commitAndPush options as a run passes them, with what a test wants changed. */
export function pushOptions(
  git: GitCommandManager,
  branch: string,
  extra: Partial<CommitAndPushOptions> = {}
): CommitAndPushOptions {
  return {
    git,
    branch,
    base: 'main',
    author: { name: 'kubrick[bot]', email: 'kubrick[bot]@users.noreply.github.com' },
    coAuthor: { login: 'octocat', id: 583231 },
    message: 'Fix the flaky date test',
    protectedPaths: FIXTURE_PROTECTED,
    auth: pushAuthConfig('https://github.example', FIXTURE_TOKEN),
    mode: 'own-branch',
    runId: '9001',
    ...extra
  };
}

export function remoteFile(fx: RepoFixture, rev: string, path: string): Promise<string> {
  return fx.git(fx.remoteDir, ['show', `${rev}:${path}`]);
}

export async function remoteFiles(fx: RepoFixture, rev: string): Promise<string[]> {
  return (await fx.git(fx.remoteDir, ['ls-tree', '-r', '--name-only', rev])).split('\n');
}
