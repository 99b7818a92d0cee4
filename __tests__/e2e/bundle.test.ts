/**
 * Smoke tests of the bundled action: `dist/index.js` as its own process, started the way the runner
 * starts it. The scenarios are tested in process (__tests__/run, __tests__/review); these show that
 * the bundle, with its lazily loaded chunks, carries out the main paths too.
 */
import { describe, expect, it } from '@jest/globals';
import { cleanReviewTrajectory, fixTrajectory } from '../../__fixtures__/trajectories.js';
import { API_KEY, bundledAction, TOKEN, type World } from '../../test-support/action-runner.js';
import { commentOnNewIssue, postedReview, pullOpened } from '../../test-support/scenario-helpers.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';
import { splitMasks } from '../../test-support/workflow-log.js';

let world: World;

worldPerFile({ ...SAMPLE_WORLD, runner: bundledAction }, created => (world = created));

describe('node dist/index.js', () => {
  it('fixes an issue: a pull request that says Fixes #n, one final comment, every output', async () => {
    const { number: issueNumber, payload } = await commentOnNewIssue(
      world,
      { title: 'add() is wrong', body: 'add(2, 3) gives -1' },
      '/kubrick fix the failing test'
    );
    world.turns.push(...fixTrajectory());
    const run = await world.run({ eventName: 'issue_comment', payload });

    expect({ exitCode: run.exitCode, stderr: run.stderr, conclusion: run.outputs.conclusion }).toEqual({
      exitCode: 0,
      stderr: '',
      conclusion: 'success'
    });
    const pr = world.gh.state.pulls.find(p => String(p.number) === run.outputs.pr_number)!;
    expect(pr.body).toContain(`Fixes #${issueNumber}`);
    expect(world.remoteFile(run.outputs.branch!, 'src/math.js')).toContain('return a + b;');
    const ours = world.ourComments(issueNumber);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('Kubrick finished');
    // The log starts by handing the key and the token to the runner's masker; nothing after names them.
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2).sort()).toEqual([`::add-mask::${API_KEY}`, `::add-mask::${TOKEN}`].sort());
    const { masked, rest } = splitMasks(run.stdout);
    expect(masked).toEqual(expect.arrayContaining([TOKEN, API_KEY]));
    expect(rest).not.toContain(TOKEN);
    expect(rest).not.toContain(API_KEY);
  });

  it('masks every secret it knows before it prints anything: escaped, and a multi-line one line by line', async () => {
    const { payload } = await commentOnNewIssue(
      world,
      { title: 'Question' },
      'Thanks, looks good (no request here)'
    );
    const deployKey = '-----BEGIN KEY-----\r\nc2VjcmV0LWxpbmUtb25l\nc2VjcmV0LWxpbmUtdHdv\n-----END KEY-----';
    const run = await world.run({
      eventName: 'issue_comment',
      payload,
      env: { DEPLOY_PRIVATE_KEY: deployKey, SMTP_PASSWORD: '100%-sure:pass\u00e9' }
    });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    const firstOther = lines.findIndex(line => !line.startsWith('::add-mask::'));
    expect(firstOther).toBeGreaterThan(0);
    // Nothing but masks before the first other line, and no mask after it.
    expect(lines.slice(firstOther).some(line => line.startsWith('::add-mask::'))).toBe(false);
    const masks = lines.slice(0, firstOther);
    expect(masks).toEqual(
      expect.arrayContaining([
        `::add-mask::${TOKEN}`,
        `::add-mask::${API_KEY}`,
        // As @actions/core escapes command data: % first, then CR and LF.
        '::add-mask::100%25-sure:pass\u00e9',
        '::add-mask::-----BEGIN KEY-----%0D%0Ac2VjcmV0LWxpbmUtb25l%0Ac2VjcmV0LWxpbmUtdHdv%0A-----END KEY-----',
        // The runner masks each log line on its own: every line of a multi-line secret is masked too.
        '::add-mask::c2VjcmV0LWxpbmUtb25l',
        '::add-mask::c2VjcmV0LWxpbmUtdHdv',
        '::add-mask::-----BEGIN KEY-----'
      ])
    );
    expect(splitMasks(run.stdout).masked).toContain(deployKey);
  });

  it('reviews a pull request on the read-only path', async () => {
    const pull = await world.seedPull('feature/smoke', { 'src/smoke.js': 'export const smoke = 1;\n' });
    const payload = await pullOpened(world, pull.number as number);
    world.turns.push(...cleanReviewTrajectory());
    const run = await world.run({ eventName: 'pull_request', payload, inputs: { auto_review: 'true' } });
    expect([run.exitCode, run.outputs.conclusion]).toEqual([0, 'success']);
    const review = postedReview(world, run);
    expect(String(review?.body)).toMatch(/found no issues/i);
  });

  it('ignores a comment from someone who may not ask: no model request, no comment, empty conclusion', async () => {
    const { number: issueNumber, payload } = await commentOnNewIssue(
      world,
      { title: 'Please', user: 'contributor' },
      '/kubrick fix everything',
      'contributor'
    );
    const before = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect([run.exitCode, run.outputs.conclusion]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^Kubrick: nothing to do \(@contributor has read permission/m);
    expect(world.model.requests.length).toBe(before);
    expect(world.ourComments(issueNumber)).toEqual([]);
  });
});
