/**
 * A failed CI run fixed by the bundled action (`node dist/index.js` as its own process, as the runner
 * starts it) against the GitHub emulator, whose job logs live on a second origin.
 */
import { describe, expect, it } from '@jest/globals';
import {
  ASSERTION,
  BROKEN_DOUBLE,
  FIX_DOUBLE,
  GREEN_FILES,
  PASSING_LOG_MARKER,
  failedCiJobs
} from '../../__fixtures__/ci-repo.js';
import { finishWith } from '../../__fixtures__/trajectories.js';
import { API_KEY, bundledAction, TOKEN, type World } from '../../test-support/action-runner.js';
import { workflowRunCompleted } from '../../test-support/github-emulator/events.js';
import { splitMasks } from '../../test-support/workflow-log.js';
import { worldPerFile } from '../../test-support/world-per-file.js';

let world: World;

worldPerFile(
  { files: GREEN_FILES, permissions: { maintainer: 'write' }, runner: bundledAction },
  created => (world = created)
);

describe('node dist/index.js on a workflow_run failure', () => {
  it('fixes the pull request from the failed job’s log and reports it once', async () => {
    const pull = await world.seedPull(
      'feature/double',
      { 'src/math.js': BROKEN_DOUBLE },
      { user: 'maintainer' }
    );
    const number = pull.number as number;
    const seeded = await world.gh.createWorkflowRun({
      workflow: 'CI',
      headBranch: 'feature/double',
      conclusion: 'failure',
      actor: 'maintainer',
      jobs: failedCiJobs()
    });
    const runId = seeded.id as number;
    const headBefore = world.remoteGit('rev-parse', 'feature/double').trim();
    world.turns.push(
      { toolCalls: [{ name: 'read_file', arguments: { path: 'src/math.js' } }] },
      { toolCalls: [FIX_DOUBLE.edit] },
      { toolCalls: [{ name: 'run_command', arguments: { command: 'npm test' } }] },
      finishWith(FIX_DOUBLE.summary)
    );
    const run = await world.run({
      eventName: 'workflow_run',
      payload: await workflowRunCompleted(world.gh, { runId }),
      inputs: { ci_workflows: 'CI' }
    });

    expect({ exitCode: run.exitCode, stderr: run.stderr, conclusion: run.outputs.conclusion }).toEqual({
      exitCode: 0,
      stderr: '',
      conclusion: 'success'
    });

    // The first model request holds the failing assertion from the job log, not the passing job's log.
    const first = world.model.requests[0]!.body as { messages: { role: string; content: string }[] };
    const task = first.messages.find(m => m.role === 'user')!.content;
    expect(task).toContain(ASSERTION.find(line => line.startsWith('AssertionError'))!);
    expect(task).toContain('12 !== 8');
    expect(task).not.toContain(PASSING_LOG_MARKER);

    // A commit on the PR branch in the bare remote, on top of the failing head.
    expect(world.remoteGit('rev-parse', 'feature/double~1').trim()).toBe(headBefore);
    expect(world.remoteFile('feature/double', 'src/math.js')).toContain('return x * 2;');

    // One final comment on the PR that names the workflow, the job and the fix, and links the run.
    const ours = world.ourComments(number);
    expect(ours).toHaveLength(1);
    const report = ours[0]!.body;
    expect(report).toContain('Kubrick finished');
    expect(report).toContain('the workflow `CI` failed');
    expect(report).toContain('[`test`]');
    expect(report).toContain(FIX_DOUBLE.summary);
    expect(report).toContain(`/actions/runs/${runId})`);

    // Every output, the CI run's id included.
    expect(run.outputs).toMatchObject({
      branch: 'feature/double',
      pr_number: String(number),
      ci_run_id: String(runId),
      comment_id: String(ours[0]!.id)
    });
    expect(Number(run.outputs.iterations)).toBe(4);
    expect(run.outputOrder.at(-1)).toBe('ci_run_id');

    // The log came from the storage origin, and the token never went there.
    const storage = world.gh.logStorage.requests;
    expect(new URL(world.gh.logStorage.url).origin).not.toBe(new URL(world.gh.apiUrl).origin);
    expect(storage.map(r => r.status)).toEqual([200]);
    for (const request of storage) {
      expect(request.headers).not.toHaveProperty('authorization');
      expect(JSON.stringify(request)).not.toContain(TOKEN);
    }
    const logRequests = world.gh.state.requests.filter(r => /\/actions\/jobs\/\d+\/logs$/.test(r.path));
    expect(logRequests.map(r => r.status)).toEqual([302]);
    expect(world.gh.state.unhandled).toEqual([]);
    // The secrets appear only in the leading ::add-mask:: lines that hand them to the runner.
    const log = splitMasks(run.stdout);
    expect(log.masked).toEqual(expect.arrayContaining([TOKEN, API_KEY]));
    expect(log.rest).not.toContain(TOKEN);
    expect(log.rest).not.toContain(API_KEY);
  });
});
