import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commitAndPush } from '../../src/git/create-or-update-branch.js';
import { checkoutPrHead } from '../../src/git/checkout.js';
import { pushAuthConfig } from '../../src/git/auth.js';
import {
  createRepoFixture,
  FIXTURE_TOKEN,
  FIXTURE_TREE,
  pushOptions,
  remoteFile,
  remoteFiles,
  writeFiles
} from './repo-fixture.js';
import type { RepoFixture } from './repo-fixture.js';

const TOKEN = FIXTURE_TOKEN;

let fx: RepoFixture;

beforeAll(async () => {
  fx = await createRepoFixture(FIXTURE_TREE);
});
afterAll(async () => fx.cleanup());

const options = pushOptions;

describe('commitAndPush in pr-head mode', () => {
  const prBranch = 'feature/date-fix';

  beforeAll(async () => {
    await fx.pushAs('contributor', prBranch, { 'feature.txt': 'v1\n' }, { from: 'origin/main' });
  });

  async function prWorkspace(name: string) {
    const ws = await fx.workspace(name);
    const auth = pushAuthConfig('https://github.example', TOKEN);
    const head = await checkoutPrHead(ws.git, { prNumber: 12, headRef: prBranch, auth });
    return { ...ws, head };
  }

  it('checks out the PR head from a default-branch clone and pushes a fast-forward to it', async () => {
    const ws = await prWorkspace('pr-ff');
    expect(ws.head).toEqual({ branch: prBranch, headSha: await fx.remoteSha(`refs/heads/${prBranch}`) });
    expect(await readFile(join(ws.dir, 'feature.txt'), 'utf8')).toBe('v1\n');
    await writeFiles(ws.dir, { 'feature.txt': 'v1\nfixed\n' });

    const r = await commitAndPush(options(ws.git, prBranch, { mode: 'pr-head', baseSha: ws.head.headSha }));

    expect(r).toMatchObject({ result: 'updated', branch: prBranch, rebased: false });
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r.headSha}^`])).toBe(ws.head.headSha);
  });

  it('when the human pushed meanwhile, rebases onto their commit instead of forcing', async () => {
    const ws = await prWorkspace('pr-moved');
    const human = await fx.pushAs('contributor', prBranch, { 'other.txt': 'human\n' });
    await writeFiles(ws.dir, { 'ours.txt': 'ours\n' });

    const r = await commitAndPush(options(ws.git, prBranch, { mode: 'pr-head', baseSha: ws.head.headSha }));

    expect(r).toMatchObject({ result: 'updated', rebased: true });
    expect(await fx.git(fx.remoteDir, ['rev-parse', `${r.headSha}^`])).toBe(human);
    expect(await remoteFiles(fx, prBranch)).toEqual(expect.arrayContaining(['other.txt', 'ours.txt']));
  });

  it('when the human rewrote the branch in a conflicting way, pushes to a fallback branch and leaves theirs alone', async () => {
    const ws = await prWorkspace('pr-conflict');
    const human = await fx.pushAs('contributor', prBranch, { 'feature.txt': 'rewritten by the human\n' });
    await writeFiles(ws.dir, { 'feature.txt': 'changed by kubrick\n' });

    const r = await commitAndPush(
      options(ws.git, prBranch, { mode: 'pr-head', baseSha: ws.head.headSha, runId: '77' })
    );

    expect(r).toMatchObject({ result: 'created', branch: `${prBranch}-77`, fallbackFrom: prBranch });
    expect(await fx.remoteSha(`refs/heads/${prBranch}`)).toBe(human);
    expect(await remoteFile(fx, `${prBranch}-77`, 'feature.txt')).toBe('changed by kubrick');
  });

  it('falls back to refs/pull/N/head when the head branch is gone, and keeps the work on a fallback branch', async () => {
    const sha = await fx.pushAs('contributor', 'gone-branch', { 'gone.txt': 'x\n' }, { from: 'origin/main' });
    await fx.git(fx.remoteDir, ['update-ref', 'refs/pull/31/head', sha]);
    await fx.git(fx.remoteDir, ['update-ref', '-d', 'refs/heads/gone-branch']);
    const ws = await fx.workspace('pr-gone');
    const head = await checkoutPrHead(ws.git, { prNumber: 31, headRef: 'gone-branch', auth: {} });
    expect(head.headSha).toBe(sha);
    await writeFiles(ws.dir, { 'gone.txt': 'y\n' });
    const r = await commitAndPush(options(ws.git, 'gone-branch', { mode: 'pr-head', baseSha: head.headSha }));
    expect(r).toMatchObject({ result: 'created', branch: 'gone-branch-9001', fallbackFrom: 'gone-branch' });
    expect(r.reason).toMatch(/no longer exists/);
  });
});
