/** The emulator's compare and thread-reply routes answer as GitHub does. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { commitFiles, createSampleRepo, git, type SampleRepo } from '../../test-support/repo-fixtures.js';

const TOKEN = 'ghs_emulatortoken123';
let dir: string;
let sample: SampleRepo;
let gh: GitHubEmulator;
let octokit: Octokit;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-review-'));
  sample = await createSampleRepo(
    dir,
    { 'a.txt': 'one\ntwo\nthree\n' },
    {
      emulator: { owner: 'octo', repo: 'demo', token: TOKEN, tokenLogin: 'kubrick[bot]' }
    }
  );
  gh = sample.emulator!;
  octokit = new Octokit({
    auth: TOKEN,
    baseUrl: gh.apiUrl,
    log: { debug() {}, info() {}, warn() {}, error() {} }
  });
});

afterAll(async () => {
  await sample.close();
  rmSync(dir, { recursive: true, force: true });
});

const commit = (branch: string, files: Record<string, string | null>, from?: string) =>
  commitFiles(sample.bareRepoPath, branch, files, `change ${branch}`, {
    env: sample.env,
    ...(from ? { from } : {})
  });

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('GET /compare/{base}...{head}', () => {
  it('says how two commits relate and lists the files changed since their merge base', async () => {
    const first = await commit('topic', { 'b.txt': 'b\n' }, 'main');
    const second = await commit('topic', { 'a.txt': 'one\nTWO\nthree\n' });
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'octo',
      repo: 'demo',
      basehead: `${first}...${second}`
    });
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(data.commits.map(c => c.sha)).toEqual([second]);
    expect(data.merge_base_commit.sha).toBe(first);
    expect(data.files?.map(f => [f.filename, f.status, f.patch])).toEqual([
      ['a.txt', 'modified', '@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three']
    ]);
    const back = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'octo',
      repo: 'demo',
      basehead: `${second}...${first}`
    });
    expect(back.data).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1, files: [] });
    const same = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'octo',
      repo: 'demo',
      basehead: `${second}...${second}`
    });
    expect(same.data.status).toBe('identical');
    const named = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'octo',
      repo: 'demo',
      basehead: 'main...topic'
    });
    expect(named.data).toMatchObject({ status: 'ahead', ahead_by: 2 });
  });

  it('still finds a commit a force push dropped, as diverged, and 404s an unknown one', async () => {
    const dropped = await commit('rewritten', { 'c.txt': 'c1\n' }, 'main');
    await git(['update-ref', '-d', 'refs/heads/rewritten'], { cwd: sample.bareRepoPath, env: sample.env });
    const main = await commit('main', { 'm.txt': 'm\n' });
    const replacement = await commit('rewritten', { 'c.txt': 'c2\n' }, main);
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'octo',
      repo: 'demo',
      basehead: `${dropped}...${replacement}`
    });
    expect(data).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1 });
    expect(
      await status(
        octokit.rest.repos.compareCommitsWithBasehead({
          owner: 'octo',
          repo: 'demo',
          basehead: `${'0'.repeat(40)}...${replacement}`
        })
      )
    ).toBe(404);
  });
});

describe('POST /pulls/{n}/comments/{id}/replies', () => {
  it('replies in the thread, in a review of its own, and refuses replies to replies', async () => {
    await commit('feature', { 'a.txt': 'one\n2\nthree\n' }, 'main');
    const pull = await gh.createPullRequest({ head: 'feature', title: 'PR', user: 'contributor' });
    const number = pull.number as number;
    const thread = await gh.createReviewComment({
      pullNumber: number,
      path: 'a.txt',
      line: 2,
      body: 'Why 2?',
      user: 'reviewer'
    });
    const reviewsBefore = gh.state.reviews.length;
    const { data: reply } = await octokit.rest.pulls.createReplyForReviewComment({
      owner: 'octo',
      repo: 'demo',
      pull_number: number,
      comment_id: thread.id as number,
      body: 'Because.'
    });
    expect(reply).toMatchObject({
      in_reply_to_id: thread.id,
      path: 'a.txt',
      line: 2,
      body: 'Because.',
      user: { login: 'kubrick[bot]' }
    });
    expect(gh.state.reviews).toHaveLength(reviewsBefore + 1);
    expect(gh.state.reviews.at(-1)).toMatchObject({ state: 'COMMENTED', body: '' });
    const listed = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      owner: 'octo',
      repo: 'demo',
      pull_number: number
    });
    expect(listed.map(c => [c.id, c.in_reply_to_id])).toEqual([
      [thread.id, undefined],
      [reply.id, thread.id]
    ]);
    const again = octokit.rest.pulls.createReplyForReviewComment({
      owner: 'octo',
      repo: 'demo',
      pull_number: number,
      comment_id: reply.id,
      body: 'x'
    });
    expect(await status(again)).toBe(422);
    const missing = octokit.rest.pulls.createReplyForReviewComment({
      owner: 'octo',
      repo: 'demo',
      pull_number: number,
      comment_id: 1,
      body: 'x'
    });
    expect(await status(missing)).toBe(404);
    expect(gh.state.unhandled).toEqual([]);
  });
});
