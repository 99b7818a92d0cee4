/**
 * The Actions side of the GitHub emulator as Kubrick's own client reads it: runs with their filters,
 * jobs of the latest attempt, logs through a redirect to another origin, a pull request's commits; and
 * what Kubrick builds on it (failed runs of a commit, the attempts of earlier fix runs).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attemptMarker, capMarker, earlierAttempts, readCiHistory } from '../../src/ci/attempts.js';
import { downloadJobLog } from '../../src/ci/log-download.js';
import { listRunJobs, newestFailedRuns } from '../../src/ci/runs.js';
import { createGitHubClient, type GitHub } from '../../src/github/client.js';
import type { FailedRun } from '../../src/trigger/decision.js';
import type { GitHubEmulator } from '../../test-support/github-emulator/index.js';
import { commitFiles, createSampleRepo, type SampleRepo } from '../../test-support/repo-fixtures.js';
import { jobLog } from '../../test-support/job-logs.js';

const TOKEN = 'ghs_actionsapitoken0000000000000000000';
const where = { owner: 'octo', repo: 'demo' };
let dir: string;
let sample: SampleRepo;
let gh: GitHubEmulator;
let client: GitHub;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-actions-api-'));
  sample = await createSampleRepo(dir, { 'a.txt': 'a\n' }, { emulator: { ...where, token: TOKEN } });
  gh = sample.emulator!;
  client = createGitHubClient({ token: TOKEN, baseUrl: gh.apiUrl });
});
afterAll(async () => {
  await sample.close();
  rmSync(dir, { recursive: true, force: true });
});

const failing = (name: string) => ({
  name,
  conclusion: 'failure' as const,
  steps: [{ name: 'Run checkout' }, { name: 'Run npm test', conclusion: 'failure' as const }],
  log: jobLog([{ title: 'Run npm test', output: [`${name} failed`], error: 'exit 1' }])
});

describe('workflow runs and jobs', () => {
  it('lists the newest failed run of each workflow on a commit, and the failed jobs of its latest attempt', async () => {
    await commitFiles(sample.bareRepoPath, 'feature', { 'b.txt': 'b\n' }, 'b', {
      env: sample.env,
      from: 'main'
    });
    const base = { headBranch: 'feature', actor: 'octo' };
    await gh.createWorkflowRun({ ...base, workflow: 'CI', conclusion: 'failure', jobs: [failing('old')] });
    const ci = await gh.createWorkflowRun({
      ...base,
      workflow: 'CI',
      conclusion: 'failure',
      jobs: [failing('test')]
    });
    await gh.createWorkflowRun({ ...base, workflow: 'Lint', conclusion: 'failure', jobs: [failing('lint')] });
    await gh.createWorkflowRun({
      ...base,
      workflow: 'Lint',
      conclusion: 'success',
      jobs: [{ name: 'lint', conclusion: 'success' }]
    });
    await gh.createWorkflowRun({
      ...base,
      workflow: 'Docs',
      status: 'in_progress',
      conclusion: null,
      jobs: []
    });
    const headSha = ci.head_sha as string;

    const runs = await newestFailedRuns(client, where, { headSha, workflows: [] });
    expect(runs.map(r => [r.workflowName, r.id])).toEqual([['CI', ci.id]]);
    expect(await newestFailedRuns(client, where, { headSha, workflows: ['Lint'] })).toEqual([]);
    expect(
      await newestFailedRuns(client, where, { headSha, workflows: [], exclude: String(ci.id) })
    ).toHaveLength(1);

    gh.rerunWorkflowRun(ci.id as number, {
      conclusion: 'failure',
      jobs: [failing('test'), { name: 'build', conclusion: 'success' }]
    });
    const jobs = await listRunJobs(client, where, ci.id as number);
    expect(jobs.failed.map(j => [j.name, j.failedSteps])).toEqual([['test', ['Run npm test']]]);
    expect(jobs.others).toEqual(['build']);
    const all = await client.rest.actions.listJobsForWorkflowRun({
      ...where,
      run_id: ci.id as number,
      filter: 'all'
    });
    expect(all.data.total_count).toBe(3);
  });

  it('serves a job log through a redirect to another origin, which refuses the token', async () => {
    const run = await gh.createWorkflowRun({
      workflow: 'CI',
      headBranch: 'main',
      conclusion: 'failure',
      actor: 'octo',
      jobs: [failing('unit')]
    });
    const { failed } = await listRunJobs(client, where, run.id as number);
    const jobId = failed[0]!.id;
    const api = await fetch(`${gh.apiUrl}/repos/octo/demo/actions/jobs/${jobId}/logs`, {
      headers: { authorization: `token ${TOKEN}` },
      redirect: 'manual'
    });
    expect(api.status).toBe(302);
    const location = api.headers.get('location')!;
    expect(new URL(location).origin).toBe(gh.logStorage.url);
    expect(new URL(location).origin).not.toBe(new URL(gh.apiUrl).origin);
    const withToken = await fetch(location, { headers: { authorization: `token ${TOKEN}` } });
    expect(withToken.status).toBe(400);
    const forged = await fetch(location.replace(/sig=[^&]+/, 'sig=forged'));
    expect(forged.status).toBe(403);

    const log = await downloadJobLog({ apiUrl: gh.apiUrl, token: TOKEN, ...where, fetch }, jobId);
    expect(log.kind === 'log' && log.text).toContain('unit failed');
  });

  it('answers 404 for a job without a log and 410 for an expired one', async () => {
    const run = await gh.createWorkflowRun({
      workflow: 'CI',
      headBranch: 'main',
      conclusion: 'failure',
      actor: 'octo',
      jobs: [
        { name: 'none', conclusion: 'failure', log: null },
        { name: 'old', conclusion: 'failure', log: 'expired' }
      ]
    });
    const { failed } = await listRunJobs(client, where, run.id as number);
    const options = { apiUrl: gh.apiUrl, token: TOKEN, ...where, fetch };
    expect(await downloadJobLog(options, failed[0]!.id)).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('404')
    });
    expect(await downloadJobLog(options, failed[1]!.id)).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('410')
    });
  });
});

describe('earlier attempts on a pull request', () => {
  const run = (id: number, attempt = 1, workflowId = 77): FailedRun => ({
    id,
    attempt,
    workflowId,
    workflowName: 'CI',
    headSha: 'a'.repeat(40),
    headBranch: 'fix',
    conclusion: 'failure'
  });

  it('counts markers in the action’s own comments and trailers in commits, not markers anyone pasted', async () => {
    await commitFiles(
      sample.bareRepoPath,
      'fix',
      { 'c.txt': 'c\n' },
      'Fix CI: CI (test)\n\nKubrick-CI-Attempt: 77.500.1.9001',
      { env: sample.env, from: 'main' }
    );
    const pull = await gh.createPullRequest({ head: 'fix', title: 'Fix', user: 'octo' });
    const number = pull.number as number;
    const comment = (user: string, body: string) => gh.createComment({ issueNumber: number, user, body });
    comment('github-actions[bot]', `report\n${attemptMarker(run(501), '9002')}`);
    // `/kubrick fix-ci` asked again about the same failure is another attempt.
    comment('github-actions[bot]', `again\n${attemptMarker(run(501), '9003')}\n${capMarker(88)}`);
    comment('mallory', `${attemptMarker(run(600), '1')}${attemptMarker(run(601), '2')}`);
    comment('github-actions[bot]', `${attemptMarker(run(700, 1, 99), '9004')}`);
    comment('github-actions[bot]', '<!-- kubrick:ci-attempt:77.1.1 --> <!-- kubrick:ci-attempt:77.x.1.2 -->');

    const history = await readCiHistory(client, where, number, []);
    expect([...history.attempts.get(77)!].sort()).toEqual([
      '77.500.1.9001',
      '77.501.1.9002',
      '77.501.1.9003'
    ]);
    expect([...history.attempts.get(99)!]).toEqual(['99.700.1.9004']);
    expect([...history.capAnnounced]).toEqual([88]);
    expect(earlierAttempts(history, run(502), '9100')).toBe(3);
    // A re-run of the fix run itself writes into its own comment: it does not count itself.
    expect(earlierAttempts(history, run(501), '9003')).toBe(2);
    expect(earlierAttempts(history, run(1, 1, 5), '9100')).toBe(0);
    // A login listed as the action's own (allowed_bots, a personal token's user) counts too.
    expect((await readCiHistory(client, where, number, ['mallory'])).attempts.get(77)!.size).toBe(5);
  });
});
