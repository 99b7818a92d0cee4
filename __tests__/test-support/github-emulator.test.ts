import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  issueCommentCreated,
  issuesAssigned,
  issuesLabeled,
  pullRequestEvent,
  pullRequestReviewCommentCreated,
  scheduleEvent,
  workflowDispatchEvent
} from '../../test-support/github-emulator/events.js';
import type { GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { LINE_NOT_IN_DIFF, SECONDARY_RATE_LIMIT_MESSAGE } from '../../test-support/github-emulator/index.js';
import type { SampleRepo } from '../../test-support/repo-fixtures.js';
import { checkoutAuthConfig, commitFiles, createSampleRepo, git } from '../../test-support/repo-fixtures.js';

const TOKEN = 'ghs_emulatortoken123';
const OWNER = 'octo';
const REPO = 'demo';
const dateJs = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const POLICY = 'version: 1\nallow: ["npm test"]\n';

let dir: string;
let sample: SampleRepo;
let gh: GitHubEmulator;
let octokit: Octokit;

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
};

/** Anything thrown by Octokit carries `status` and `response.data`. */
async function failure(
  promise: Promise<unknown>
): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response?: { data: Record<string, unknown> } };
    return { status: e.status, data: e.response?.data ?? {} };
  }
  throw new Error('expected the request to fail');
}

const ws = (args: string[]) => git(args, { cwd: sample.workspace, env: sample.env });
const bare = (args: string[]) => git(args, { cwd: sample.bareRepoPath, env: sample.env });
const pushArgs = () => [...checkoutAuthConfig(gh.serverUrl, TOKEN)];

/** Commits one file change in the workspace (explicit identity, as the action must) and pushes `branch`. */
async function commitAndPush(branch: string, path: string, content: string): Promise<string> {
  writeFileSync(join(sample.workspace, path), content);
  await ws(['add', path]);
  await ws([
    '-c',
    'user.name=kubrick[bot]',
    '-c',
    'user.email=kubrick@example.com',
    'commit',
    '-q',
    '-m',
    `edit ${path}`
  ]);
  await ws([...pushArgs(), 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
  return (await ws(['rev-parse', 'HEAD'])).trim();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gh-emulator-test-'));
  sample = await createSampleRepo(
    dir,
    { 'src/date.js': dateJs, 'README.md': '# demo\n', '.github/kubrick-policy.yml': POLICY },
    {
      emulator: {
        owner: OWNER,
        repo: REPO,
        token: TOKEN,
        permissions: { alice: 'write', mia: 'maintain', tina: 'triage', mallory: 'read' }
      }
    }
  );
  gh = sample.emulator as GitHubEmulator;
  octokit = new Octokit({ auth: TOKEN, baseUrl: gh.apiUrl, log: silent });
});

afterAll(async () => {
  await sample?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('workspace left like actions/checkout', () => {
  it('is a shallow clone of the default branch with origin on the emulator and no credentials or identity', async () => {
    expect((await ws(['rev-parse', '--is-shallow-repository'])).trim()).toBe('true');
    expect((await ws(['remote', 'get-url', 'origin'])).trim()).toBe(`${gh.serverUrl}/${OWNER}/${REPO}.git`);
    expect((await ws(['branch', '--show-current'])).trim()).toBe('main');
    const config = readFileSync(join(sample.workspace, '.git', 'config'), 'utf8');
    expect(config).not.toContain(TOKEN);
    expect(config).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    expect(config.toLowerCase()).not.toContain('extraheader');
    await expect(ws(['config', 'user.name'])).rejects.toThrow();
  });

  it('refuses to commit without an explicit identity, as a runner does', async () => {
    writeFileSync(join(sample.workspace, 'identity.txt'), 'x\n');
    await ws(['add', 'identity.txt']);
    await expect(ws(['commit', '-q', '-m', 'no identity'])).rejects.toThrow(/identity|user\.email|name/i);
    await ws(['reset', '-q', '--hard']);
    rmSync(join(sample.workspace, 'identity.txt'), { force: true });
  });
});

describe('git smart HTTP', () => {
  it('accepts a push that carries the token in http.extraheader and updates the bare remote', async () => {
    const sha = await commitAndPush('kubrick/push-ok', 'pushed.txt', 'hello\n');
    expect((await bare(['rev-parse', 'refs/heads/kubrick/push-ok'])).trim()).toBe(sha);
    const gitRequests = gh.state.requests.filter(r => r.path.endsWith('/git-receive-pack'));
    expect(gitRequests.some(r => r.status === 200)).toBe(true);
  });

  it('rejects a push without credentials or with a wrong token, leaving the remote unchanged', async () => {
    writeFileSync(join(sample.workspace, 'rejected.txt'), 'no\n');
    await ws(['add', 'rejected.txt']);
    await ws(['-c', 'user.name=x', '-c', 'user.email=x@example.com', 'commit', '-q', '-m', 'rejected']);
    await expect(ws(['push', '-q', 'origin', 'HEAD:refs/heads/kubrick/anonymous'])).rejects.toThrow();
    await expect(
      ws([
        ...checkoutAuthConfig(gh.serverUrl, 'wrong'),
        'push',
        '-q',
        'origin',
        'HEAD:refs/heads/kubrick/anonymous'
      ])
    ).rejects.toThrow();
    await expect(bare(['rev-parse', '--verify', 'refs/heads/kubrick/anonymous'])).rejects.toThrow();
    await ws(['reset', '-q', '--hard', 'HEAD~1']);
  });

  it('lets anyone fetch a public repository, and pushes with a Bearer header too', async () => {
    await ws(['fetch', '-q', '--depth=1', 'origin', 'main']);
    const sha = (await ws(['rev-parse', 'FETCH_HEAD'])).trim();
    await ws([
      '-c',
      `http.extraheader=Authorization: Bearer ${TOKEN}`,
      'push',
      '-q',
      'origin',
      `${sha}:refs/heads/kubrick/bearer`
    ]);
    expect((await bare(['rev-parse', 'refs/heads/kubrick/bearer'])).trim()).toBe(sha);
  });
});

describe('git smart HTTP request bodies', () => {
  it('inflates gzip-compressed upload-pack requests, as git sends for large negotiations', async () => {
    const sha = await commitFiles(sample.bareRepoPath, 'gzip-target', { 'g.txt': 'g\n' }, 'g', {
      env: sample.env
    });
    const request = `0032want ${sha}\n00000009done\n`;
    const response = await fetch(`${gh.gitUrl()}/git-upload-pack`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-git-upload-pack-request', 'content-encoding': 'gzip' },
      body: gzipSync(request)
    });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(body.startsWith('0008NAK\n')).toBe(true);
    expect(body).toContain('PACK');
  });
});

describe('repository, identity and permission routes', () => {
  it('serves the repository with GitHub field names', async () => {
    const { data } = await octokit.repos.get({ owner: OWNER, repo: REPO });
    expect(data).toMatchObject({
      full_name: `${OWNER}/${REPO}`,
      default_branch: 'main',
      private: false,
      fork: false,
      html_url: `${gh.serverUrl}/${OWNER}/${REPO}`,
      owner: { login: OWNER }
    });
    expect((await failure(octokit.repos.get({ owner: OWNER, repo: 'other' }))).status).toBe(404);
  });

  it('requires the token on every API call', async () => {
    const anonymous = new Octokit({ baseUrl: gh.apiUrl, log: silent });
    const wrong = new Octokit({ baseUrl: gh.apiUrl, auth: 'nope', log: silent });
    for (const client of [anonymous, wrong]) {
      const result = await failure(client.repos.get({ owner: OWNER, repo: REPO }));
      expect(result).toMatchObject({ status: 401, data: { message: 'Bad credentials' } });
    }
    const bearer = await fetch(`${gh.apiUrl}/repos/${OWNER}/${REPO}`, {
      headers: { authorization: `Bearer ${TOKEN}` }
    });
    expect(bearer.status).toBe(200);
  });

  it('answers /user with 403 and /app with 401, as for an installation token', async () => {
    expect(await failure(octokit.users.getAuthenticated())).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' }
    });
    expect((await failure(octokit.apps.getAuthenticated())).status).toBe(401);
  });

  it('reports legacy permission and fine-grained role_name, read for strangers of a public repo', async () => {
    const perm = async (username: string) =>
      (await octokit.repos.getCollaboratorPermissionLevel({ owner: OWNER, repo: REPO, username })).data;
    expect(await perm('alice')).toMatchObject({
      permission: 'write',
      role_name: 'write',
      user: { login: 'alice' }
    });
    expect(await perm('mia')).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect(await perm('tina')).toMatchObject({ permission: 'read', role_name: 'triage' });
    expect(await perm(OWNER)).toMatchObject({ permission: 'admin', role_name: 'admin' });
    expect(await perm('stranger')).toMatchObject({ permission: 'read', role_name: 'read' });
    gh.setPermission('stranger', 'none');
    expect(await perm('stranger')).toMatchObject({ permission: 'none' });
  });
});

describe('contents, refs and branches', () => {
  it('returns base64 file content from the default branch and 404 for a missing path', async () => {
    const { data } = await octokit.repos.getContent({
      owner: OWNER,
      repo: REPO,
      path: '.github/kubrick-policy.yml'
    });
    const file = data as { type: string; encoding: string; content: string; path: string };
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', path: '.github/kubrick-policy.yml' });
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(POLICY);
    expect(
      (await failure(octokit.repos.getContent({ owner: OWNER, repo: REPO, path: '.github/kubrick.yml' })))
        .status
    ).toBe(404);
  });

  it('reads other refs and lists directories', async () => {
    await commitFiles(sample.bareRepoPath, 'contents-ref', { 'src/only-here.js': 'x\n' }, 'ref only', {
      env: sample.env
    });
    const onRef = await octokit.repos.getContent({
      owner: OWNER,
      repo: REPO,
      path: 'src/only-here.js',
      ref: 'contents-ref'
    });
    expect((onRef.data as { size: number }).size).toBe(2);
    expect(
      (await failure(octokit.repos.getContent({ owner: OWNER, repo: REPO, path: 'src/only-here.js' }))).status
    ).toBe(404);
    const listing = (await octokit.repos.getContent({ owner: OWNER, repo: REPO, path: 'src' }))
      .data as Array<{ name: string; type: string }>;
    expect(listing).toEqual([expect.objectContaining({ name: 'date.js', type: 'file' })]);
  });

  it('resolves branch refs and branches, 404 when absent', async () => {
    const sha = (await bare(['rev-parse', 'refs/heads/main'])).trim();
    const ref = await octokit.git.getRef({ owner: OWNER, repo: REPO, ref: 'heads/main' });
    expect(ref.data).toMatchObject({ ref: 'refs/heads/main', object: { sha, type: 'commit' } });
    const branch = await octokit.repos.getBranch({ owner: OWNER, repo: REPO, branch: 'main' });
    expect(branch.data).toMatchObject({
      name: 'main',
      commit: { sha, commit: { message: 'Initial commit' } }
    });
    expect((await failure(octokit.git.getRef({ owner: OWNER, repo: REPO, ref: 'heads/nope' }))).status).toBe(
      404
    );
    expect(
      (await failure(octokit.repos.getBranch({ owner: OWNER, repo: REPO, branch: 'nope' }))).status
    ).toBe(404);
  });
});

describe('issues, comments and reactions', () => {
  it('creates, lists with pagination, updates and deletes comments as the token user', async () => {
    const issue = gh.createIssue({
      title: 'Flaky date test',
      body: 'It fails on Mondays',
      user: 'alice',
      labels: ['bug']
    });
    const fetched = await octokit.issues.get({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number
    });
    expect(fetched.data).toMatchObject({
      number: issue.number,
      state: 'open',
      locked: false,
      user: { login: 'alice', type: 'User' }
    });
    expect(fetched.data.labels).toEqual([expect.objectContaining({ name: 'bug' })]);
    expect(fetched.data.pull_request).toBeUndefined();

    const created = await octokit.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number,
      body: 'working on it'
    });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(created.data.html_url).toBe(
      `${gh.serverUrl}/${OWNER}/${REPO}/issues/${issue.number}#issuecomment-${created.data.id}`
    );
    for (let i = 0; i < 4; i++)
      gh.createComment({ issueNumber: issue.number as number, body: `c${i}`, user: 'alice' });

    const page = await octokit.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number,
      per_page: 2
    });
    expect(page.data).toHaveLength(2);
    expect(page.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number,
      per_page: 2
    });
    expect(all.map(c => c.body)).toEqual(['working on it', 'c0', 'c1', 'c2', 'c3']);

    await octokit.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: created.data.id,
      body: 'done'
    });
    expect(gh.state.commentsOn(issue.number as number)[0]).toMatchObject({
      id: created.data.id,
      body: 'done'
    });
    await octokit.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: created.data.id });
    expect(
      (await failure(octokit.issues.getComment({ owner: OWNER, repo: REPO, comment_id: created.data.id })))
        .status
    ).toBe(404);
    expect(
      (
        await failure(
          octokit.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 999, body: 'x' })
        )
      ).status
    ).toBe(404);
  });

  it('answers 404 when a comment was deleted meanwhile, and rejects empty or oversized bodies', async () => {
    const issue = gh.createIssue({ title: 't', user: 'alice' });
    const comment = await octokit.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number,
      body: 'progress'
    });
    gh.deleteComment(comment.data.id);
    expect(
      (
        await failure(
          octokit.issues.updateComment({
            owner: OWNER,
            repo: REPO,
            comment_id: comment.data.id,
            body: 'final'
          })
        )
      ).status
    ).toBe(404);
    const tooLong = await failure(
      octokit.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: issue.number as number,
        body: 'x'.repeat(65537)
      })
    );
    expect(tooLong.status).toBe(422);
    const missing = await failure(
      // A route string Octokit has no type for, so a body without `body` type-checks.
      octokit.request(`POST /repos/${OWNER}/${REPO}/issues/${String(issue.number)}/comments`, {})
    );
    expect(missing.status).toBe(422);
  });

  it('adds reactions to comments and issues, once per user and content', async () => {
    const issue = gh.createIssue({ title: 'react', user: 'alice' });
    const comment = gh.createComment({
      issueNumber: issue.number as number,
      body: '/kubrick fix',
      user: 'alice'
    });
    const first = await octokit.reactions.createForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id as number,
      content: 'eyes'
    });
    const again = await octokit.reactions.createForIssueComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id as number,
      content: 'eyes'
    });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data.id).toBe(first.data.id);
    await octokit.reactions.createForIssue({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number,
      content: 'rocket'
    });
    const invalid = await failure(
      octokit.request(`POST /repos/${OWNER}/${REPO}/issues/comments/${String(comment.id)}/reactions`, {
        content: 'thumbsup'
      })
    );
    expect(invalid.status).toBe(422);
    expect(
      (
        await failure(
          octokit.reactions.createForIssueComment({
            owner: OWNER,
            repo: REPO,
            comment_id: 42,
            content: 'eyes'
          })
        )
      ).status
    ).toBe(404);
    expect(gh.state.reactions).toEqual(
      expect.arrayContaining([
        { content: 'eyes', user: 'github-actions[bot]', subject: { type: 'issue_comment', id: comment.id } },
        { content: 'rocket', user: 'github-actions[bot]', subject: { type: 'issue', number: issue.number } }
      ])
    );
    const refreshed = await octokit.issues.getComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id as number
    });
    expect(refreshed.data.reactions).toMatchObject({ total_count: 1, eyes: 1 });
  });
});

describe('pull requests', () => {
  let featureSha: string;
  let prNumber: number;

  beforeAll(async () => {
    // Change line 5, delete line 9, add a file: the diff then has added, removed and context lines.
    const lines = dateJs.split('\n');
    lines[4] = 'changed 5';
    lines.splice(8, 1);
    await ws(['checkout', '-q', '-B', 'feature', 'origin/main']);
    writeFileSync(join(sample.workspace, 'src/new.js'), 'a\nb\nc\n');
    await ws(['add', 'src/new.js']);
    featureSha = await commitAndPush('feature', 'src/date.js', lines.join('\n'));
  });

  it('opens a PR from a pushed branch, sharing numbers with issues, and exposes refs/pull/N/head', async () => {
    const before = gh.createIssue({ title: 'numbering', user: 'alice' }).number as number;
    const pr = await octokit.pulls.create({
      owner: OWNER,
      repo: REPO,
      head: 'feature',
      base: 'main',
      title: 'Fix date',
      body: 'Fixes #1',
      draft: true
    });
    prNumber = pr.data.number;
    expect(prNumber).toBe(before + 1);
    expect(pr.data).toMatchObject({
      state: 'open',
      draft: true,
      title: 'Fix date',
      body: 'Fixes #1',
      user: { login: 'github-actions[bot]' },
      html_url: `${gh.serverUrl}/${OWNER}/${REPO}/pull/${prNumber}`,
      head: {
        ref: 'feature',
        sha: featureSha,
        label: `${OWNER}:feature`,
        repo: { full_name: `${OWNER}/${REPO}`, fork: false }
      },
      base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
      commits: 1
    });
    const asIssue = await octokit.issues.get({ owner: OWNER, repo: REPO, issue_number: prNumber });
    expect(asIssue.data.pull_request?.html_url).toBe(pr.data.html_url);

    await ws(['fetch', '-q', 'origin', `refs/pull/${prNumber}/head`]);
    expect((await ws(['rev-parse', 'FETCH_HEAD'])).trim()).toBe(featureSha);
  });

  it('refuses a duplicate, a missing head branch and a branch without new commits with 422', async () => {
    const duplicate = await failure(
      octokit.pulls.create({
        owner: OWNER,
        repo: REPO,
        head: `${OWNER}:feature`,
        base: 'main',
        title: 'again'
      })
    );
    expect(duplicate.status).toBe(422);
    expect(JSON.stringify(duplicate.data)).toContain(`A pull request already exists for ${OWNER}:feature.`);
    const missing = await failure(
      octokit.pulls.create({ owner: OWNER, repo: REPO, head: 'nope', base: 'main', title: 'x' })
    );
    expect(missing).toMatchObject({ status: 422, data: { errors: [{ field: 'head', code: 'invalid' }] } });
    const empty = await failure(
      octokit.pulls.create({ owner: OWNER, repo: REPO, head: 'kubrick/bearer', base: 'main', title: 'x' })
    );
    expect(JSON.stringify(empty.data)).toContain('No commits between main and kubrick/bearer');
    expect(gh.state.pulls.filter(p => p.head.ref === 'feature')).toHaveLength(1);
  });

  it('filters by head only with the owner: prefix, as GitHub does', async () => {
    await commitFiles(sample.bareRepoPath, 'other', { 'other.txt': 'o\n' }, 'other', { env: sample.env });
    await gh.createPullRequest({ head: 'other', title: 'Other', user: 'alice' });
    const list = async (params: Record<string, string>) =>
      (await octokit.pulls.list({ owner: OWNER, repo: REPO, state: 'open', ...params })).data.map(
        p => p.head.ref
      );
    expect(await list({ head: `${OWNER}:feature` })).toEqual(['feature']);
    expect((await list({ head: 'feature' })).sort()).toEqual(['feature', 'other']);
    expect(await list({ head: `someone:feature` })).toEqual([]);
    expect(await list({ head: `${OWNER}:feature`, base: 'develop' })).toEqual([]);
  });

  it('lists files and serves the diff media type from the real commits', async () => {
    const files = (await octokit.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: prNumber })).data;
    const byName = Object.fromEntries(files.map(f => [f.filename, f]));
    expect(byName['src/new.js']).toMatchObject({ status: 'added', additions: 3, deletions: 0, changes: 3 });
    expect(byName['src/date.js']).toMatchObject({ status: 'modified', additions: 1, deletions: 2 });
    expect(byName['src/date.js']?.patch).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/);
    expect(byName['src/date.js']?.patch).toContain('-line 5\n+changed 5');

    const diff = await octokit.pulls.get({
      owner: OWNER,
      repo: REPO,
      pull_number: prNumber,
      mediaType: { format: 'diff' }
    });
    const text = diff.data as unknown as string;
    expect(text).toContain('diff --git a/src/date.js b/src/date.js');
    expect(text).toContain('+++ b/src/new.js');
  });

  it('follows pushes to the head branch and updates title and body', async () => {
    await ws(['checkout', '-q', 'feature']);
    const newSha = await commitAndPush('feature', 'src/new.js', 'a\nb\nc\nd\n');
    const pr = await octokit.pulls.get({ owner: OWNER, repo: REPO, pull_number: prNumber });
    expect(pr.data.head.sha).toBe(newSha);
    expect((await bare(['rev-parse', `refs/pull/${prNumber}/head`])).trim()).toBe(newSha);
    await octokit.pulls.update({ owner: OWNER, repo: REPO, pull_number: prNumber, body: 'refreshed' });
    expect(gh.state.pulls.find(p => p.number === prNumber)).toMatchObject({
      body: 'refreshed',
      head: { sha: newSha }
    });
  });

  it('marks a fork PR by head.repo.fork and the fork full_name', async () => {
    await commitFiles(sample.bareRepoPath, 'fork-branch', { 'fork.txt': 'f\n' }, 'fork', { env: sample.env });
    const fork = await gh.createPullRequest({
      head: 'fork-branch',
      title: 'From fork',
      user: 'outsider',
      fromFork: true
    });
    expect(fork).toMatchObject({
      head: { label: 'outsider:fork-branch', repo: { full_name: `outsider/${REPO}`, fork: true } },
      base: { repo: { full_name: `${OWNER}/${REPO}`, fork: false } },
      maintainer_can_modify: false
    });
    const listed = await octokit.pulls.list({ owner: OWNER, repo: REPO, head: 'outsider:fork-branch' });
    expect(listed.data.map(p => p.number)).toEqual([fork.number]);
  });

  describe('reviews', () => {
    const review = (params: Record<string, unknown>) =>
      octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        owner: OWNER,
        repo: REPO,
        pull_number: prNumber,
        ...params
      });

    it('accepts inline comments on lines of the diff, on either side and as ranges', async () => {
      const res = await review({
        event: 'COMMENT',
        body: 'Two findings',
        comments: [
          { path: 'src/date.js', line: 5, side: 'RIGHT', body: 'added line' },
          { path: 'src/date.js', line: 5, side: 'LEFT', body: 'removed line' },
          { path: 'src/date.js', line: 7, side: 'RIGHT', body: 'context line' },
          { path: 'src/new.js', start_line: 1, line: 3, side: 'RIGHT', body: '```suggestion\nA\nB\nC\n```' }
        ]
      });
      expect(res.data).toMatchObject({
        state: 'COMMENTED',
        body: 'Two findings',
        user: { login: 'github-actions[bot]' }
      });
      const stored = gh.state.reviews.find(r => r.id === res.data.id);
      expect(stored?.comments.map(c => [c.path, c.line, c.side, c.start_line])).toEqual([
        ['src/date.js', 5, 'RIGHT', null],
        ['src/date.js', 5, 'LEFT', null],
        ['src/date.js', 7, 'RIGHT', null],
        ['src/new.js', 3, 'RIGHT', 1]
      ]);
      expect(stored?.comments[0]?.diff_hunk).toMatch(/^@@ .*\n[\s\S]*\+changed 5$/);
      const listed = await octokit.pulls.listReviewComments({
        owner: OWNER,
        repo: REPO,
        pull_number: prNumber
      });
      expect(listed.data).toHaveLength(4);
    });

    it('rejects the whole review when one comment is outside the diff', async () => {
      const before = gh.state.reviews.length;
      const outside = await failure(
        review({
          event: 'COMMENT',
          body: 'b',
          comments: [
            { path: 'src/date.js', line: 5, body: 'ok' },
            { path: 'src/date.js', line: 1, body: 'not in diff' }
          ]
        })
      );
      expect(outside).toMatchObject({ status: 422, data: { errors: [LINE_NOT_IN_DIFF] } });
      expect(
        (
          await failure(
            review({
              event: 'COMMENT',
              body: 'b',
              comments: [{ path: 'src/new.js', line: 2, side: 'LEFT', body: 'no old side' }]
            })
          )
        ).status
      ).toBe(422);
      expect(
        (
          await failure(
            review({
              event: 'COMMENT',
              body: 'b',
              comments: [{ path: 'README.md', line: 1, body: 'untouched file' }]
            })
          )
        ).status
      ).toBe(422);
      expect(gh.state.reviews).toHaveLength(before);
    });

    it('requires a body for REQUEST_CHANGES, refuses to approve its own PR, and keeps event-less reviews pending', async () => {
      expect((await failure(review({ event: 'REQUEST_CHANGES' }))).status).toBe(422);
      const own = await failure(review({ event: 'APPROVE', body: 'lgtm' }));
      expect(JSON.stringify(own.data)).toContain('Can not approve your own pull request');
      const pending = await review({ body: 'draft' });
      expect(pending.data.state).toBe('PENDING');
      expect(pending.data.submitted_at).toBeUndefined();
      const reviews = await octokit.pulls.listReviews({ owner: OWNER, repo: REPO, pull_number: prNumber });
      expect(reviews.data.map(r => r.state)).toEqual(['COMMENTED', 'PENDING']);
    });
  });
});

describe('fault injection', () => {
  it('injects 5xx that the retry plugin rides out, resending the same request', async () => {
    const issue = gh.createIssue({ title: 'faults', user: 'alice' });
    const path = `/repos/${OWNER}/${REPO}/issues/${issue.number}/comments`;
    gh.failNext({ method: 'POST', pathPattern: path, status: 502, times: 2 });
    const Retrying = Octokit.plugin(retry);
    const client = new Retrying({
      auth: TOKEN,
      baseUrl: gh.apiUrl,
      log: silent,
      retry: { retryAfterBaseValue: 1 }
    });
    await client.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number,
      body: 'once'
    });
    const posts = gh.state.requests.filter(r => r.method === 'POST' && r.path === path);
    expect(posts.map(r => r.status)).toEqual([502, 502, 201]);
    expect(posts.map(r => r.body)).toEqual([{ body: 'once' }, { body: 'once' }, { body: 'once' }]);
    expect(gh.state.commentsOn(issue.number as number)).toHaveLength(1);
    expect(gh.pendingFaults()).toBe(0);
  });

  it('injects a secondary rate limit that Octokit throttling recognises and retries after retry-after', async () => {
    const issue = gh.createIssue({ title: 'limits', user: 'alice' });
    gh.failNext({
      pathPattern: new RegExp(`/issues/${issue.number}$`),
      status: 403,
      headers: { 'retry-after': '1' }
    });
    const plain = await failure(
      octokit.issues.get({ owner: OWNER, repo: REPO, issue_number: issue.number as number })
    );
    expect(plain).toMatchObject({ status: 403, data: { message: SECONDARY_RATE_LIMIT_MESSAGE } });

    gh.failNext({
      pathPattern: new RegExp(`/issues/${issue.number}$`),
      status: 403,
      headers: { 'retry-after': '1' }
    });
    const waits: number[] = [];
    const Throttled = Octokit.plugin(throttling);
    const client = new Throttled({
      auth: TOKEN,
      log: silent,
      baseUrl: gh.apiUrl,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _o: unknown, retryCount: number) => {
          waits.push(retryAfter);
          return retryCount < 1;
        }
      }
    });
    const res = await client.issues.get({ owner: OWNER, repo: REPO, issue_number: issue.number as number });
    expect(res.status).toBe(200);
    expect(waits).toEqual([1]);
  });

  it('injects 404s, and can fail after the effect happened', async () => {
    const issue = gh.createIssue({ title: 'after effect', user: 'alice' });
    gh.failNext({
      method: 'GET',
      pathPattern: `/repos/${OWNER}/${REPO}/issues/${issue.number}`,
      status: 404
    });
    expect(
      (await failure(octokit.issues.get({ owner: OWNER, repo: REPO, issue_number: issue.number as number })))
        .status
    ).toBe(404);
    expect(
      (await octokit.issues.get({ owner: OWNER, repo: REPO, issue_number: issue.number as number })).status
    ).toBe(200);

    gh.failNext({ method: 'POST', pathPattern: /\/comments$/, status: 502, afterEffect: true });
    const failed = await failure(
      octokit.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: issue.number as number,
        body: 'landed'
      })
    );
    expect(failed.status).toBe(502);
    expect(gh.state.commentsOn(issue.number as number).map(c => c.body)).toEqual(['landed']);
    expect(gh.state.requests.filter(r => r.injected).length).toBeGreaterThanOrEqual(2);
  });

  it('answers unimplemented routes with a 404 naming the route, and records them', async () => {
    const res = await failure(octokit.request('POST /graphql', { query: '{ viewer { login } }' }));
    expect(res).toMatchObject({
      status: 404,
      data: { message: 'Not Found (emulator: POST /graphql not implemented)' }
    });
    expect(gh.state.unhandled.map(r => `${r.method} ${r.path}`)).toContain('POST /graphql');
  });
});

describe('event payloads', () => {
  it('builds issue_comment.created on a PR consistent with the emulator state', async () => {
    const prNumber = gh.state.pulls.find(p => p.head.ref === 'feature')?.number as number;
    const event = await issueCommentCreated(gh, {
      issueNumber: prNumber,
      body: '/kubrick review security',
      login: 'alice'
    });
    const issue = event.issue as Record<string, unknown>;
    const comment = event.comment as Record<string, unknown>;
    expect(Object.keys(event)).toEqual(['action', 'issue', 'comment', 'repository', 'sender']);
    expect(event).toMatchObject({
      action: 'created',
      repository: { full_name: `${OWNER}/${REPO}` },
      sender: { login: 'alice' }
    });
    expect(issue).toMatchObject({
      number: prNumber,
      pull_request: { url: `${gh.apiUrl}/repos/${OWNER}/${REPO}/pulls/${prNumber}` }
    });
    const viaApi = await octokit.issues.getComment({
      owner: OWNER,
      repo: REPO,
      comment_id: comment.id as number
    });
    expect(viaApi.data.body).toBe('/kubrick review security');
    expect(viaApi.data.user?.id).toBe((event.sender as { id: number }).id);
  });

  it('builds issues.labeled / issues.assigned and records the change', async () => {
    const issue = gh.createIssue({ title: 'labels', body: null, user: 'alice' });
    const labeled = await issuesLabeled(gh, {
      issueNumber: issue.number as number,
      label: 'kubrick',
      login: 'alice'
    });
    expect(labeled).toMatchObject({
      action: 'labeled',
      label: { name: 'kubrick' },
      issue: { number: issue.number, body: null }
    });
    const assigned = await issuesAssigned(gh, {
      issueNumber: issue.number as number,
      assignee: 'kubrick-bot',
      login: 'alice'
    });
    expect(assigned).toMatchObject({ action: 'assigned', assignee: { login: 'kubrick-bot' } });
    const viaApi = await octokit.issues.get({
      owner: OWNER,
      repo: REPO,
      issue_number: issue.number as number
    });
    expect(viaApi.data.labels.map(l => (typeof l === 'string' ? l : l.name))).toEqual(['kubrick']);
    expect(viaApi.data.assignees?.map(a => a.login)).toEqual(['kubrick-bot']);
  });

  it('builds pull_request, pull_request_review_comment, schedule and workflow_dispatch payloads', async () => {
    const pull = gh.state.pulls.find(p => p.head.ref === 'feature');
    const prNumber = pull?.number as number;
    const sync = await pullRequestEvent(gh, {
      pullNumber: prNumber,
      action: 'synchronize',
      login: 'alice',
      before: (await bare(['rev-parse', `${pull?.head.sha}~1`])).trim()
    });
    expect(sync).toMatchObject({
      action: 'synchronize',
      number: prNumber,
      after: pull?.head.sha,
      pull_request: { head: { sha: pull?.head.sha } }
    });
    const reviewComment = await pullRequestReviewCommentCreated(gh, {
      pullNumber: prNumber,
      path: 'src/date.js',
      line: 5,
      body: '/kubrick fix this',
      login: 'alice'
    });
    expect(reviewComment).toMatchObject({
      action: 'created',
      comment: { path: 'src/date.js', line: 5, user: { login: 'alice' } },
      pull_request: { number: prNumber }
    });
    await expect(
      pullRequestReviewCommentCreated(gh, {
        pullNumber: prNumber,
        path: 'src/date.js',
        line: 1,
        body: 'x',
        login: 'alice'
      })
    ).rejects.toThrow(/422/);
    expect(await scheduleEvent(gh, { cron: '0 3 * * 1', minimal: true })).toEqual({ schedule: '0 3 * * 1' });
    const dispatch = await workflowDispatchEvent(gh, { inputs: { prompt: 'update deps' }, login: 'alice' });
    expect(dispatch).toMatchObject({
      inputs: { prompt: 'update deps' },
      ref: 'refs/heads/main',
      sender: { login: 'alice' }
    });
  });
});
