/**
 * `/kubrick plan` then `/kubrick approve` on a pull request: the approval must carry out the plan
 * (on the PR's own branch), and an approval with no plan must be refused like it is on an issue.
 * Before the fix, the PR path of prepare-target ignored `approvePlan`, so the model got an empty
 * request and no plan.
 */
import { describe, expect, it } from '@jest/globals';
import { finishWith } from '../../__fixtures__/trajectories.js';
import type { World } from '../../test-support/action-runner.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';
import { commentOn, commentOnNewPull } from '../../test-support/scenario-helpers.js';

let world: World;

worldPerFile(SAMPLE_WORLD, created => (world = created));

describe('plan and approve on a pull request', () => {
  it('gives the approved plan to the model and pushes to the PR branch', async () => {
    const { number, payload: planPayload } = await commentOnNewPull(
      world,
      { branch: 'feature/plan-on-pr', files: { 'notes.md': 'notes\n' } },
      '/kubrick plan add quadruple()'
    );
    world.turns.push(finishWith('1. Add `quadruple(x)` in src/quadruple.js returning x * 4.'));
    const planRun = await world.run({ eventName: 'issue_comment', payload: planPayload });
    expect(planRun.outputs.conclusion).toBe('success');

    const approvePayload = await commentOn(world, number, '/kubrick approve');
    world.turns.push(
      {
        toolCalls: [
          {
            name: 'write_file',
            arguments: { path: 'src/quadruple.js', content: 'export const quadruple = x => x * 4;\n' }
          }
        ]
      },
      finishWith('Added quadruple().')
    );
    const run = await world.run({ eventName: 'issue_comment', payload: approvePayload });
    expect(run.outputs.conclusion).toBe('success');
    const firstRequest = JSON.stringify(world.model.requests.at(-2)!.body);
    expect(firstRequest).toContain('Add `quadruple(x)` in src/quadruple.js');
    expect(run.outputs.branch).toBe('feature/plan-on-pr');
    expect(run.outputs.pr_number).toBe(String(number));
    expect(world.remoteFile('feature/plan-on-pr', 'src/quadruple.js')).toContain('x * 4');
  });

  it('refuses an approval when the pull request has no plan, without calling the model', async () => {
    const { number, payload } = await commentOnNewPull(
      world,
      { branch: 'feature/no-plan', files: { 'notes.md': 'notes\n' } },
      '/kubrick approve'
    );
    const before = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.outputs.conclusion).toBe('refused');
    expect(world.model.requests.length).toBe(before);
    const ours = world.ourComments(number);
    expect(String(ours.at(-1)!.body)).toMatch(/no plan to approve/);
  });
});
