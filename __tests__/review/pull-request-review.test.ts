/**
 * Reviews, end to end and in process: `/kubrick review` on a pull request posts one formal review with
 * inline suggestions, a clean pull request (auto_review) still gets a review that says so, and review
 * on an issue is refused with a comment.
 */
import { describe, expect, it } from '@jest/globals';
import { cleanReviewTrajectory, reviewTrajectory } from '../../__fixtures__/trajectories.js';
import type { World } from '../../test-support/action-runner.js';
import {
  commentOnNewIssue,
  commentOnNewPull,
  postedReview,
  pullOpened
} from '../../test-support/scenario-helpers.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';

let world: World;

worldPerFile(SAMPLE_WORLD, created => (world = created));

describe('review', () => {
  it('posts one formal review with an inline suggestion at the right line, and links it', async () => {
    const { number, payload } = await commentOnNewPull(
      world,
      { branch: 'feature/sub', files: { 'src/sub.js': 'export function sub(a, b) {\n  return a + b;\n}\n' } },
      '/kubrick review focus on correctness'
    );
    world.turns.push(...reviewTrajectory('src/sub.js', 2));
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.outputs.conclusion).toBe('success');
    const reviews = world.gh.state.reviews.filter(r => String(r.id) === run.outputs.review_id);
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    expect(review.state).toBe('COMMENTED');
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: 'src/sub.js', line: 2, side: 'RIGHT' });
    expect(String(review.comments[0]!.body)).toContain('```suggestion');
    // The focus reached the model, as data.
    const firstRequest = JSON.stringify(world.model.requests.at(-2)!.body);
    expect(firstRequest).toContain('focus on correctness');
    expect(firstRequest).toContain('src/sub.js');
    expect(String(world.ourComments(number)[0]!.body)).toContain('Review:');
  });

  it('still posts a review on a clean PR, saying in words that nothing was found', async () => {
    const pull = await world.seedPull('feature/clean', { 'src/clean.js': 'export const one = 1;\n' });
    const payload = await pullOpened(world, pull.number as number);
    world.turns.push(...cleanReviewTrajectory());
    const run = await world.run({ eventName: 'pull_request', payload, inputs: { auto_review: 'true' } });
    expect(run.outputs.conclusion).toBe('success');
    const review = postedReview(world, run)!;
    expect(review.state).toBe('COMMENTED');
    expect(String(review.body)).toMatch(/found no issues/i);
    expect(String(review.body)).toContain('Checked the changed lines');
  });

  it('refuses review on an issue with a comment that says why', async () => {
    const { number, payload } = await commentOnNewIssue(world, { title: 'Not a PR' }, '/kubrick review');
    const before = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.outputs.conclusion).toBe('refused');
    expect(world.model.requests.length).toBe(before);
    expect(String(world.ourComments(number)[0]?.body)).toMatch(/pull request/i);
  });
});
