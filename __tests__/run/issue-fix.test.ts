/**
 * End to end, in process: run(deps) against the GitHub emulator (real bare repository) and the
 * scripted model. One scenario per row of the design's "Who uses it" table lives in this folder
 * (reviews in __tests__/review); this file covers fix on an issue, its re-run, and who may not
 * trigger it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { fixTrajectory } from '../../__fixtures__/trajectories.js';
import { createWorld, TOKEN, API_KEY, type World } from '../../test-support/action-runner.js';
import { inProcess } from '../../test-support/in-process.js';
import { commentOnNewIssue } from '../../test-support/scenario-helpers.js';
import { splitMasks } from '../../test-support/workflow-log.js';
import { OUTPUT_NAMES } from '../../src/report/outputs.js';

let world: World;

beforeAll(async () => {
  world = await createWorld({
    files: SAMPLE_FILES,
    permissions: { maintainer: 'write', stranger: 'read' },
    runner: inProcess()
  });
});
afterAll(async () => {
  await world?.close();
});

describe('/kubrick fix on an issue', () => {
  let issueNumber: number;

  it('fixes the bug, pushes a branch, opens a PR that says Fixes #n, and finalizes one comment', async () => {
    const { number, payload } = await commentOnNewIssue(
      world,
      { title: 'add() returns the wrong result', body: 'add(2, 3) gives -1' },
      '/kubrick fix the failing test'
    );
    issueNumber = number;
    world.turns.push(...fixTrajectory());
    const run = await world.run({ eventName: 'issue_comment', payload });

    expect({ exitCode: run.exitCode, stderr: run.stderr, out: run.exitCode === 0 ? '' : run.stdout }).toEqual(
      { exitCode: 0, stderr: '', out: '' }
    );
    expect(run.outputs.conclusion).toBe('success');
    const branch = `kubrick/issue-${issueNumber}-add-returns-the-wrong-result`;
    expect(run.outputs.branch).toBe(branch);

    // The bare remote has the commit, with the fix and nothing else.
    expect(world.remoteFile(branch, 'src/math.js')).toContain('return a + b;');
    // Author and committer: the identity GitHub links to the Actions bot; the requester co-authors.
    const log = world.remoteGit('log', '-1', '--format=%an <%ae>|%cn <%ce>%n%B', branch);
    const bot = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
    expect(log).toContain(`${bot}|${bot}`);
    expect(log).toContain('Co-authored-by: maintainer');
    const files = world.remoteGit('diff', '--name-only', 'main', branch);
    expect(files.trim()).toBe('src/math.js');

    // One PR, from that branch to main, that closes the issue.
    const pulls = world.gh.state.pulls.filter(p => p.head.ref === branch);
    expect(pulls).toHaveLength(1);
    const pr = pulls[0]!;
    expect(pr.base.ref).toBe('main');
    expect(pr.body).toContain(`Fixes #${issueNumber}`);
    expect(pr.body).toContain('src/math.js');
    expect(run.outputs.pr_number).toBe(String(pr.number));
    expect(run.outputs.pr_url).toBe(pr.html_url);

    // 👀 on the request, and one comment that became the final report.
    expect(world.gh.state.reactions.some(r => r.content === 'eyes')).toBe(true);
    const ours = world.ourComments(issueNumber);
    expect(ours).toHaveLength(1);
    const report = String(ours[0]!.body);
    expect(report).toContain('Kubrick finished');
    expect(report).toContain(`#${pr.number}`);
    expect(report).toContain('src/math.js');
    expect(run.outputs.comment_id).toBe(String(ours[0]!.id));

    // The denied curl shows in the counters; the model was told why.
    expect(run.outputs.commands_denied).toBe('1');
    expect(Number(run.outputs.iterations)).toBe(4);
    expect(Number(run.outputs.tokens_in)).toBeGreaterThan(0);

    // Every declared output was written, conclusion first; the step summary exists.
    expect(run.outputOrder[0]).toBe('conclusion');
    expect([...run.outputOrder].sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(run.summary).toContain('## Kubrick run');

    // The transcript lives under RUNNER_TEMP, is not committed, and holds no secret.
    const transcriptPath = run.outputs.transcript_path ?? '';
    expect(transcriptPath.startsWith(run.runnerTemp)).toBe(true);
    const transcript = readFileSync(transcriptPath, 'utf8');
    expect(transcript).toContain('"type":"policy_decision"');
    for (const secret of [TOKEN, API_KEY]) {
      expect(transcript).not.toContain(secret);
      // Only the leading ::add-mask:: lines name it, for the runner to hide it everywhere else.
      expect(splitMasks(run.stdout).masked).toContain(secret);
      expect(splitMasks(run.stdout).rest).not.toContain(secret);
      expect(report).not.toContain(secret);
    }
  });

  it('updates the same PR and the same comment when the same trigger runs again', async () => {
    const comments = world.gh.state.commentsOn(issueNumber);
    const request = comments.find(c => String(c.body).startsWith('/kubrick fix'))!;
    const payload = {
      action: 'created',
      issue: world.gh.getIssue(issueNumber),
      comment: request,
      repository: world.gh.repository(),
      sender: request.user
    };
    world.turns.push(
      { toolCalls: [{ name: 'write_file', arguments: { path: 'NOTES.md', content: 'second run\n' } }] },
      { toolCalls: [{ name: 'finish', arguments: { summary: 'Added notes.' } }] }
    );
    const pullsBefore = world.gh.state.pulls.length;
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.outputs.conclusion).toBe('success');
    expect(world.gh.state.pulls.length).toBe(pullsBefore);
    const ours = world.ourComments(issueNumber);
    expect(ours).toHaveLength(1);
    // Both runs' work is on the branch: the second continued from the first.
    expect(world.remoteFile(run.outputs.branch ?? '', 'NOTES.md')).toBe('second run\n');
    expect(world.remoteFile(run.outputs.branch ?? '', 'src/math.js')).toContain('return a + b;');
  });
});

describe('a mistake in the workflow', () => {
  it('ends an authorized request with a final comment that names the bad input', async () => {
    const { number, payload } = await commentOnNewIssue(world, { title: 'Anything' }, '/kubrick fix it');
    const before = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload, inputs: { max_iterations: 'lots' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.stdout).toContain('::error::the action inputs are invalid');
    expect(world.model.requests.length).toBe(before);
    const ours = world.ourComments(number);
    expect(ours).toHaveLength(1);
    expect(String(ours[0]!.body)).toContain(
      'max_iterations: "lots" is not a positive integer (from action input)'
    );
  });
});

describe('who cannot start a run', () => {
  it('ignores a user without write permission: no model request, no comment', async () => {
    const { number, payload } = await commentOnNewIssue(
      world,
      { title: 'Please fix', user: 'stranger' },
      '/kubrick fix everything',
      'stranger'
    );
    const requestsBefore = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.exitCode).toBe(0);
    expect(world.model.requests.length).toBe(requestsBefore);
    expect(world.gh.state.commentsOn(number)).toHaveLength(1);
    expect(run.outputs.conclusion).toBe('');
  });

  it("ignores the action's own comments", async () => {
    const { number, payload } = await commentOnNewIssue(
      world,
      { title: 'Loop?' },
      '<!-- kubrick:run:comment-1 -->\n/kubrick fix this',
      'github-actions[bot]'
    );
    const requestsBefore = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.exitCode).toBe(0);
    expect(world.model.requests.length).toBe(requestsBefore);
    expect(world.gh.state.commentsOn(number)).toHaveLength(1);
  });

  it('leaves no scratch file in the workspace', async () => {
    expect(existsSync(`${world.repo.workspace}/.kubrick`)).toBe(false);
  });
});
