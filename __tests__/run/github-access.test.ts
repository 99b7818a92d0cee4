/**
 * GitHub answering 401 (a token it rejects) or 403 (a token without the permission) on each read a
 * run depends on: the message names what Kubrick was reading and points at `github_token` and the
 * entry of the workflow's `permissions:` that step needs. It reaches the final comment when there is
 * a thread to write it on, and the log's ::error:: annotation otherwise.
 */
import { describe, expect, it } from '@jest/globals';
import { accessError, accessStatus } from '../../src/github/access.js';
import type { World } from '../../test-support/action-runner.js';
import { OWNER, REPO } from '../../test-support/action-runner.js';
import { commentOnNewIssue, commentOnNewPull } from '../../test-support/scenario-helpers.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';

let world: World;
worldPerFile(SAMPLE_WORLD, created => (world = created));

const API = `/repos/${OWNER}/${REPO}`;
/** A file's contents path as Octokit sends it (the path's slashes percent-encoded). */
const contentsOf = (path: string) =>
  new RegExp(`^${API}/contents/${path.replace(/[.]/g, '\\.').replace(/\//g, '(?:/|%2F)')}$`);
const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest'
};
const BAD_CREDENTIALS = { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' };

function bodyFor(status: 401 | 403) {
  return status === 401 ? BAD_CREDENTIALS : FORBIDDEN;
}

/** The annotations of a run, unescaped. */
function errors(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(line => line.startsWith('::error::'))
    .map(line => decodeURIComponent(line.slice('::error::'.length)));
}

async function requestOnNewIssue(
  body: string,
  fault: { path: string | RegExp; status: 401 | 403; method?: string }
) {
  const { number, payload } = await commentOnNewIssue(
    world,
    { title: 'add() is wrong', body: 'It subtracts.' },
    body
  );
  world.gh.failNext({
    method: fault.method ?? 'GET',
    pathPattern: fault.path,
    status: fault.status,
    body: bodyFor(fault.status)
  });
  const modelBefore = world.model.requests.length;
  const run = await world.run({ eventName: 'issue_comment', payload });
  expect(world.gh.pendingFaults()).toBe(0);
  expect(world.gh.state.unhandled).toEqual([]);
  return {
    run,
    number,
    report: world.ourComments(number).map(c => c.body),
    modelRequests: world.model.requests.length - modelBefore
  };
}

describe('a 401 or 403 before anyone is known to be authorized: the annotation says it', () => {
  it.each([401, 403] as const)('%s on the permission check names it, and github_token', async status => {
    const { run, report, modelRequests } = await requestOnNewIssue('/kubrick ask what does add() do?', {
      path: `${API}/collaborators/maintainer/permission`,
      status
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    expect(report).toEqual([]);
    expect(modelRequests).toBe(0);
    const [annotation, ...more] = errors(run.stdout);
    expect(more).toEqual([]);
    expect(annotation).toContain(`(${status} ${bodyFor(status).message})`);
    expect(annotation).toContain('checking the permission of @maintainer');
    expect(annotation).toContain('`github_token`');
    // Every token for the repository may read this; the token itself is at fault.
    expect(annotation).toContain('the token itself is wrong');
  });

  it('401 on .github/kubrick.yml stops there, naming the file at the default branch and github_token', async () => {
    const { run, report } = await requestOnNewIssue('/kubrick ask what does add() do?', {
      path: contentsOf('.github/kubrick.yml'),
      status: 401
    });
    expect(run.exitCode).toBe(1);
    expect(report).toEqual([]);
    const [annotation, ...more] = errors(run.stdout);
    expect(more).toEqual([]);
    expect(annotation).toContain(
      'GitHub rejected the token (401 Bad credentials) while Kubrick was reading `.github/kubrick.yml` at the default branch (main)'
    );
    expect(annotation).toContain('Check `github_token`');
    expect(annotation).toContain("`contents: read` in the workflow's `permissions:`");
  });

  it('403 on the progress comment names it and issues: write; there is no comment to say it in', async () => {
    const { run, report, modelRequests } = await requestOnNewIssue('/kubrick ask what does add() do?', {
      method: 'POST',
      path: /\/issues\/\d+\/comments$/,
      status: 403
    });
    expect(run.exitCode).toBe(1);
    expect(report).toEqual([]);
    expect(modelRequests).toBe(0);
    const headline = errors(run.stdout).at(-1)!;
    expect(headline).toContain('writing its progress comment on #');
    expect(headline).toContain('`issues: write`');
    expect(headline).toContain('`github_token`');
  });
});

describe('a 403 once the requester is authorized: the final comment says it', () => {
  it('on .github/kubrick.yml: named with contents: read, in the annotation and the final comment', async () => {
    const { run, report, modelRequests } = await requestOnNewIssue('/kubrick ask what does add() do?', {
      path: contentsOf('.github/kubrick.yml'),
      status: 403
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    expect(modelRequests).toBe(0);
    expect(report).toHaveLength(1);
    for (const text of [report[0]!, errors(run.stdout)[0]!]) {
      expect(text).toContain(
        'GitHub refused (403 Resource not accessible by integration) while Kubrick was reading `.github/kubrick.yml` at the default branch (main)'
      );
      expect(text).toContain("`contents: read` in the workflow's `permissions:`");
      expect(text).toContain('`github_token`');
    }
  });

  it.each([401, 403] as const)('%s on the policy file names it', async status => {
    const { run, report, modelRequests } = await requestOnNewIssue('/kubrick fix the failing test', {
      path: contentsOf('.github/kubrick-policy.yml'),
      status
    });
    expect(run.outputs.conclusion).toBe('failure');
    expect(modelRequests).toBe(0);
    expect(report[0]).toContain('reading `.github/kubrick-policy.yml` at the default branch (main)');
    expect(report[0]).toContain('`contents: read`');
    expect(report[0]).toContain('`github_token`');
  });

  it('on the issue itself: names #n and issues: read', async () => {
    const { run, number, report } = await requestOnNewIssue('/kubrick fix the failing test', {
      path: new RegExp(`^${API}/issues/\\d+$`),
      status: 403
    });
    expect(run.outputs.conclusion).toBe('failure');
    expect(report[0]).toContain(`reading #${number} (the issue or pull request of the request)`);
    expect(report[0]).toContain('`issues: read`');
  });

  it('on the pull request of a review: names it and pull-requests: read', async () => {
    const { number, payload } = await commentOnNewPull(
      world,
      { branch: 'feature/typo', files: { 'docs.md': 'Teh docs\n' } },
      '/kubrick review'
    );
    world.gh.failNext({ method: 'GET', pathPattern: `${API}/pulls/${number}`, status: 403, body: FORBIDDEN });
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(world.gh.pendingFaults()).toBe(0);
    expect(run.outputs.conclusion).toBe('failure');
    const report = world.ourComments(number).map(c => c.body);
    expect(report[0]).toContain(`reading pull request #${number}`);
    expect(report[0]).toContain('`pull-requests: read`');
  });
});

describe('accessStatus', () => {
  const refused = (status: number, message: string, headers: Record<string, string> = {}) =>
    Object.assign(new Error(`${message} - https://docs.github.com`), {
      status,
      response: { data: { message }, headers }
    });

  it('tells a refusal from a rate limit, which GitHub also answers with 403', () => {
    expect(accessStatus(refused(401, 'Bad credentials'))).toBe(401);
    expect(accessStatus(refused(403, 'Resource not accessible by integration'))).toBe(403);
    expect(accessStatus(refused(403, 'API rate limit exceeded for installation ID 1.'))).toBeNull();
    expect(accessStatus(refused(403, 'Forbidden', { 'x-ratelimit-remaining': '0' }))).toBeNull();
    expect(accessStatus(refused(404, 'Not Found'))).toBeNull();
  });

  it("quotes GitHub's message without the documentation link", () => {
    const error = accessError(refused(403, 'Resource not accessible by integration'), {
      doing: 'reading something',
      repo: 'o/r',
      permission: 'contents: read'
    });
    expect(error?.message).toMatch(
      /^GitHub refused \(403 Resource not accessible by integration\) while Kubrick was reading something in o\/r\./
    );
    expect(error?.message).not.toContain('https://');
  });
});
