import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commitAndPush } from '../../src/git/create-or-update-branch.js';
import { checkoutRemoteBranch } from '../../src/git/checkout.js';
import { GitCommandManager } from '../../src/git/git-command.js';
import {
  createRepoFixture,
  FIXTURE_POLICY,
  FIXTURE_TOKEN,
  FIXTURE_TREE,
  pushOptions,
  remoteFile,
  remoteFiles,
  racingGitEnv,
  writeFiles
} from './repo-fixture.js';
import type { RepoFixture } from './repo-fixture.js';

const TOKEN = FIXTURE_TOKEN;
const POLICY = FIXTURE_POLICY;

let fx: RepoFixture;

beforeAll(async () => {
  fx = await createRepoFixture(FIXTURE_TREE);
});
afterAll(async () => fx.cleanup());

const options = pushOptions;

/** "<author name> <email>|<committer name> <email>|<subject>" of a commit in the bare remote. */
async function describeCommit(rev: string): Promise<string> {
  return fx.git(fx.remoteDir, ['log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', rev]);
}

describe('commitAndPush in own-branch mode', () => {
  it('creates the branch with one commit by the configured author, crediting the requester, without any git identity', async () => {
    const { dir, git } = await fx.workspace('created');
    const mainSha = await fx.remoteSha('main');
    await writeFiles(dir, {
      'src/date.js': 'export const a = 1;\nexport const b = 22;\nexport const c = 3;\n',
      'test/new.test.js': 'ok\n'
    });
    await rm(join(dir, 'README.md'));

    // Like a runner: a plain commit fails because no identity is configured.
    const plain = await fx.git(dir, ['commit', '--allow-empty', '-m', 'x']).catch((e: Error) => e);
    expect(String(plain)).toMatch(/Please tell me who you are|auto-detection is disabled/);

    const r = await commitAndPush(options(git, 'kubrick/issue-1-created'));

    expect(r).toMatchObject({ result: 'created', branch: 'kubrick/issue-1-created', rebased: false });
    expect(r.headSha).toBe(await fx.remoteSha('refs/heads/kubrick/issue-1-created'));
    expect(r.commitSha).toBe(r.headSha);
    expect(r.files).toEqual(
      expect.arrayContaining([
        { path: 'README.md', status: 'deleted' },
        { path: 'src/date.js', status: 'modified' },
        { path: 'test/new.test.js', status: 'added' }
      ])
    );
    expect(r.stats).toEqual({ files: 3, additions: 2, deletions: 2 });
    expect(await describeCommit(r.headSha)).toBe(
      'kubrick[bot] <kubrick[bot]@users.noreply.github.com>|kubrick[bot] <kubrick[bot]@users.noreply.github.com>|Fix the flaky date test'
    );
    const body = await fx.git(fx.remoteDir, ['log', '-1', '--format=%B', r.headSha]);
    expect(body.trim()).toBe(
      'Fix the flaky date test\n\nCo-authored-by: octocat <583231+octocat@users.noreply.github.com>'
    );
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r.headSha}^`])).toBe(mainSha);
    // The workspace is left on the local branch at the pushed commit, with nothing left to commit.
    expect(await fx.git(dir, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/kubrick/issue-1-created');
    expect(await fx.git(dir, ['status', '--porcelain'])).toBe('');
    // The token was given to git for the push only: never written to the repository's config.
    const config = await readFile(join(dir, '.git', 'config'), 'utf8');
    expect(config).not.toContain(TOKEN);
    expect(config).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    expect(config).not.toMatch(/extraheader/i);
  });

  it('commits nothing and pushes nothing when the workspace has no changes (or only protected ones)', async () => {
    const { dir, git } = await fx.workspace('nochanges');
    expect(await commitAndPush(options(git, 'kubrick/issue-2-none'))).toMatchObject({
      result: 'no-changes',
      files: []
    });
    await writeFiles(dir, { '.github/workflows/ci.yml': 'on: [push, pull_request]\n' });
    const r = await commitAndPush(options(git, 'kubrick/issue-2-none'));
    expect(r).toMatchObject({ result: 'no-changes', protectedSkipped: ['.github/workflows/ci.yml'] });
    expect(r.headSha).toBe(await fx.remoteSha('main'));
    expect(await fx.remoteSha('refs/heads/kubrick/issue-2-none')).toBeNull();
  });

  it('never commits protected paths, even staged or committed by the agent, and reports them', async () => {
    const { dir, git } = await fx.workspace('protected');
    const start = await fx.git(dir, ['rev-parse', 'HEAD']);
    await writeFiles(dir, {
      'src/date.js': 'fixed\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {steal: {runs-on: x}}\n',
      '.github/workflows/evil.yml': 'on: push\n',
      '.GitHub/Workflows/case.yml': 'on: push\n',
      [POLICY]: 'version: 1\nallow: ["sh"]\n',
      '.github/kubrick.yml': 'max_iterations: 1000\n',
      'docs/guide.md': 'ok\n'
    });
    // A nested repository (would be committed as a gitlink) and a .git-named file in a subfolder.
    await fx.git(dir, ['init', '--quiet', 'vendor/sub']);
    await writeFiles(dir, { 'vendor/sub/x.txt': 'x\n' });
    // The agent staged a workflow and even committed something itself.
    await fx.git(dir, ['add', '.github/workflows/evil.yml']);
    await fx.git(dir, [
      '-c',
      'user.name=agent',
      '-c',
      'user.email=a@b',
      'commit',
      '--quiet',
      '-m',
      'agent commit',
      '--',
      '.github/workflows/evil.yml'
    ]);

    const r = await commitAndPush(options(git, 'kubrick/issue-3-protected', { baseSha: start }));

    expect(r.result).toBe('created');
    expect(r.files.map(f => f.path).sort()).toEqual(['docs/guide.md', 'src/date.js']);
    expect(r.protectedSkipped).toEqual(
      expect.arrayContaining([
        '.GitHub/Workflows/case.yml',
        '.github/kubrick.yml',
        POLICY,
        '.github/workflows/ci.yml',
        '.github/workflows/evil.yml',
        'vendor/sub/'
      ])
    );
    const files = await remoteFiles(fx, r.headSha);
    expect(files).not.toContain('.github/workflows/evil.yml');
    expect(files.some(f => f.startsWith('vendor/'))).toBe(false);
    expect(await remoteFile(fx, r.headSha, '.github/workflows/ci.yml')).toBe('on: push');
    expect(await remoteFile(fx, r.headSha, POLICY)).toContain('npm test');
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r.headSha}^`])).toBe(start);
  });

  it('does not follow a symlink that replaces .github: the link is reported, not committed', async () => {
    const { dir, git } = await fx.workspace('symlink');
    await mkdir(join(dir, 'evil/workflows'), { recursive: true });
    await writeFile(join(dir, 'evil/workflows/x.yml'), 'on: push\n');
    await rm(join(dir, '.github'), { recursive: true });
    await symlink('evil', join(dir, '.github'));
    const r = await commitAndPush(options(git, 'kubrick/issue-4-symlink'));
    expect(r.protectedSkipped).toEqual(
      expect.arrayContaining(['.github', '.github/workflows/ci.yml', POLICY])
    );
    const files = await remoteFiles(fx, r.headSha);
    expect(files).toContain('.github/workflows/ci.yml');
    expect(files).toContain('evil/workflows/x.yml');
  });

  it('on a second run (branch on the remote, not local) stacks on the earlier work, or reports not-updated when it is already there', async () => {
    const branch = 'kubrick/issue-5-second-run';
    const first = await fx.workspace('second-a');
    await writeFiles(first.dir, {
      'src/date.js': 'export const a = 10;\nexport const b = 2;\nexport const c = 3;\n'
    });
    const r1 = await commitAndPush(options(first.git, branch));
    expect(r1.result).toBe('created');

    const same = await fx.workspace('second-b');
    await writeFiles(same.dir, {
      'src/date.js': 'export const a = 10;\nexport const b = 2;\nexport const c = 3;\n'
    });
    const r2 = await commitAndPush(options(same.git, branch));
    expect(r2).toMatchObject({ result: 'not-updated', headSha: r1.headSha });
    expect(r2.commitSha).toBeUndefined();

    const other = await fx.workspace('second-c');
    await writeFiles(other.dir, {
      'src/date.js': 'export const a = 1;\nexport const b = 2;\nexport const c = 30;\n'
    });
    const r3 = await commitAndPush(options(other.git, branch));
    expect(r3).toMatchObject({ result: 'updated', rebased: true, branch });
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r3.headSha}^`])).toBe(r1.headSha);
    expect(await remoteFile(fx, branch, 'src/date.js')).toBe(
      'export const a = 10;\nexport const b = 2;\nexport const c = 30;'
    );
  });

  it('continues from the existing branch when the caller checks it out first, pushing a fast-forward with a lease', async () => {
    const branch = 'kubrick/issue-6-continue';
    const first = await fx.workspace('continue-a');
    await writeFiles(first.dir, { 'notes.md': 'one\n' });
    const r1 = await commitAndPush(options(first.git, branch));

    const next = await fx.workspace('continue-b');
    const checkedOut = await checkoutRemoteBranch(next.git, { branch, auth: options(next.git, branch).auth });
    expect(checkedOut).toEqual({ branch, headSha: r1.headSha, existed: true });
    await writeFiles(next.dir, { 'notes.md': 'one\ntwo\n' });
    const r2 = await commitAndPush(options(next.git, branch, { baseSha: checkedOut.headSha }));
    expect(r2).toMatchObject({ result: 'updated', rebased: false });
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r2.headSha}^`])).toBe(r1.headSha);

    const fresh = await fx.workspace('continue-c');
    expect(await checkoutRemoteBranch(fresh.git, { branch: 'kubrick/none-yet', auth: {} })).toMatchObject({
      existed: false,
      headSha: await fx.remoteSha('main')
    });
  });

  it('when another run pushes between our fetch and our push, the lease fails and both commits end on the branch', async () => {
    const branch = 'kubrick/issue-7-race';
    await fx.pushAs('run-a', branch, { 'a.txt': 'from run A\n' }, { from: 'origin/main' });
    const rival = await fx.commitAs('run-b', branch, { 'b.txt': 'from run B\n' });
    const { dir } = await fx.workspace('race');
    const git = new GitCommandManager({ cwd: dir, env: await racingGitEnv(fx, rival) });
    await writeFiles(dir, { 'c.txt': 'from us\n' });

    const r = await commitAndPush(options(git, branch));

    expect(r).toMatchObject({ result: 'updated', rebased: true, branch });
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r.headSha}^`])).toBe(rival.sha);
    const files = await remoteFiles(fx, branch);
    expect(files).toEqual(expect.arrayContaining(['a.txt', 'b.txt', 'c.txt']));
  });

  it('when two runs create the same branch at once, the second push sees it exists and builds on the first', async () => {
    const branch = 'kubrick/issue-10-create-race';
    const rival = await fx.commitAs('run-a', branch, { 'a.txt': 'from run A\n' }, { from: 'origin/main' });
    const { dir } = await fx.workspace('create-race');
    const git = new GitCommandManager({ cwd: dir, env: await racingGitEnv(fx, rival) });
    await writeFiles(dir, { 'b.txt': 'from run B\n' });

    const r = await commitAndPush(options(git, branch));

    expect(r).toMatchObject({ result: 'updated', rebased: true, branch });
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r.headSha}^`])).toBe(rival.sha);
    expect(await remoteFiles(fx, branch)).toEqual(expect.arrayContaining(['a.txt', 'b.txt']));
  });

  it('when the race conflicts, our work goes to a fallback branch and the other commit stays', async () => {
    const branch = 'kubrick/issue-8-conflict';
    const rival = await fx.commitAs(
      'human',
      branch,
      { 'src/date.js': 'human version\n' },
      { from: 'origin/main' }
    );
    const { dir } = await fx.workspace('conflict');
    const git = new GitCommandManager({ cwd: dir, env: await racingGitEnv(fx, rival) });
    await writeFiles(dir, { 'src/date.js': 'our version\n' });

    const r = await commitAndPush(options(git, branch));

    expect(r).toMatchObject({ result: 'created', branch: `${branch}-9001`, fallbackFrom: branch });
    expect(r.reason).toMatch(
      /conflicts with commits pushed to kubrick\/issue-8-conflict.*pushed to kubrick\/issue-8-conflict-9001/
    );
    expect(await fx.remoteSha(`refs/heads/${branch}`)).toBe(rival.sha);
    expect(await remoteFile(fx, `${branch}-9001`, 'src/date.js')).toBe('our version');
  });
});
