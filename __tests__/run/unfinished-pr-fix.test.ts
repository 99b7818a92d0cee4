/**
 * `/kubrick fix` on a same-repo PR that stops at a budget: the half-done work must not land on the
 * contributor's branch (that would change the PR under review, run its CI and could be merged). It is
 * kept on a side branch, and the PR branch stays where it was. Before the fix, the work was pushed to
 * the PR branch while the comment said "no pull request was opened".
 */
import { describe, expect, it } from '@jest/globals';
import type { World } from '../../test-support/action-runner.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';
import { issueCommentCreated } from '../../test-support/github-emulator/events.js';

let world: World;

worldPerFile(SAMPLE_WORLD, created => (world = created));

const git = (...args: string[]) => world.remoteGit(...args).trim();

describe('fix on a pull request that does not finish', () => {
  it('leaves the PR branch alone and keeps the work on a side branch', async () => {
    const pull = await world.seedPull(
      'feature/half',
      { 'notes.md': 'notes\n' },
      { title: 'Half', body: 'Work in progress' }
    );
    const number = pull.number as number;
    const headBefore = git('rev-parse', 'refs/heads/feature/half');
    const payload = await issueCommentCreated(world.gh, {
      issueNumber: number,
      body: '/kubrick fix add a changelog',
      login: 'maintainer'
    });
    world.turns.push({
      toolCalls: [{ name: 'write_file', arguments: { path: 'CHANGELOG.md', content: '# half done\n' } }]
    });
    const run = await world.run({ eventName: 'issue_comment', payload, inputs: { max_iterations: '1' } });

    expect(run.outputs.conclusion).toBe('budget_exhausted');
    expect(git('rev-parse', 'refs/heads/feature/half')).toBe(headBefore);
    expect(run.outputs.branch).not.toBe('feature/half');
    expect(run.outputs.branch).toMatch(new RegExp(`^kubrick/pr-${number}-`));
    expect(git('show', `refs/heads/${run.outputs.branch}:CHANGELOG.md`)).toBe('# half done');
    expect(run.outputs.pr_number).toBe('');
    const ours = world.gh.state.commentsOn(number).filter(c => String(c.body).includes('<!-- kubrick:'));
    const body = String(ours.at(-1)!.body);
    expect(body).toContain(run.outputs.branch!);
    expect(body).toMatch(/left `feature\/half` as it was/);
  });
});
