/**
 * Re-reviews, end to end and in process, on one pull request pushed to three times: the second review
 * reads only what changed since the first and does not repeat a finding; a commit that rewrites the
 * line of an earlier finding gets exactly one reply in its thread; a force push that drops the reviewed
 * commit gets a full review that says so. And `auto_review` on `synchronize` reviews incrementally
 * without any comment.
 */
import { describe, expect, it } from '@jest/globals';
import type { World } from '../../test-support/action-runner.js';
import { pullRequestEvent } from '../../test-support/github-emulator/events.js';
import { commentOn, commitOnRemote, postedReview } from '../../test-support/scenario-helpers.js';
import type { Turn } from '../../test-support/scripted-model/server.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';

let world: World;

worldPerFile(SAMPLE_WORLD, created => (world = created));

const finish = (args: Record<string, unknown>): Turn => ({
  toolCalls: [{ name: 'finish', arguments: args }]
});

const STATS_A = [
  '// Statistics helpers (first version, A-ONLY-LINE)',
  'export function mean(xs) {',
  '  return xs.reduce((a, b) => a + b) / xs.length;',
  '}',
  ''
].join('\n');

const EMPTY_ARRAY = {
  path: 'src/stats.js',
  line: 3,
  severity: 'medium',
  body: '`mean([])` throws: reduce without an initial value.'
};

const short = (sha: string) => sha.slice(0, 7);

/** Runs one review and returns it, with what the model was sent on its first call. */
async function review(
  trigger: { comment: string } | { event: 'opened' | 'synchronize' },
  pullNumber: number,
  turns: Turn[]
) {
  const before = world.model.requests.length;
  world.turns.push(...turns);
  const payload =
    'comment' in trigger
      ? await commentOn(world, pullNumber, trigger.comment)
      : await pullRequestEvent(world.gh, { pullNumber, action: trigger.event, login: 'maintainer' });
  const run = await world.run(
    'comment' in trigger
      ? { eventName: 'issue_comment', payload }
      : { eventName: 'pull_request', payload, inputs: { auto_review: 'true' } }
  );
  expect(run.outputs.conclusion).toBe('success');
  const posted = postedReview(world, run)!;
  expect(world.gh.state.unhandled).toEqual([]);
  return {
    run,
    review: posted,
    body: String(posted.body),
    request: JSON.stringify(world.model.requests[before]!.body)
  };
}

function repliesTo(commentId: number) {
  return world.gh.state.reviews.flatMap(r => r.comments).filter(c => c.in_reply_to_id === commentId);
}

const head = (branch: string) => world.remoteGit('rev-parse', `refs/heads/${branch}`).trim();

describe('a pull request reviewed again after new commits', () => {
  let number: number;
  let commitA: string;
  let firstThread: number;
  let formatThread: number;

  it('review 1 at commit A posts its finding inline and remembers A', async () => {
    const pull = await world.seedPull('feature/stats', { 'src/stats.js': STATS_A });
    number = pull.number as number;
    commitA = head('feature/stats');
    const first = await review({ comment: '/kubrick review' }, number, [
      finish({ summary: 'One problem.', findings: [EMPTY_ARRAY] })
    ]);
    expect(first.review.comments).toHaveLength(1);
    expect(first.review.comments[0]).toMatchObject({ path: 'src/stats.js', line: 3 });
    expect(String(first.review.comments[0]!.body)).toMatch(/^\*\*Medium:\*\*/);
    expect(first.body).toContain(`<!-- kubrick:review:${commitA} -->`);
    expect(first.body).toContain(`the whole pull request at \`${short(commitA)}\``);
    expect(first.body).toContain('**Findings:** 1 medium.');
    firstThread = first.review.comments[0]!.id as number;
  });

  it('review 2 reads only commit B, names A..B, and does not post the repeated finding again', async () => {
    await commitOnRemote(
      world,
      'feature/stats',
      { 'src/format.js': 'export const percent = x => `${x * 100}%`; // B-LINE\n' },
      'Add percent'
    );
    const commitB = head('feature/stats');
    // GitHub stores the review and still answers 502: it is found, not posted twice.
    world.gh.failNext({
      method: 'POST',
      pathPattern: /\/pulls\/\d+\/reviews$/,
      status: 502,
      afterEffect: true
    });
    const second = await review({ comment: '/kubrick review' }, number, [
      finish({
        summary: 'Checked the new formatting helper.',
        findings: [
          { ...EMPTY_ARRAY, body: 'Still: `mean([])` throws.' },
          {
            path: 'src/format.js',
            line: 1,
            severity: 'low',
            body: 'No rounding: 0.1 * 100 prints 10.000000000000002%.'
          }
        ]
      })
    ]);
    // The model saw B's change and not A's, and was told its earlier finding.
    expect(second.request).toContain('B-LINE');
    expect(second.request).not.toContain('A-ONLY-LINE');
    expect(second.request).toContain(`thread ${firstThread}: src/stats.js line 3`);
    expect(second.request).toContain('pull_request_diff');
    expect(second.body).toContain(`\`${short(commitA)}..${short(commitB)}\``);
    expect(second.body).toContain(`<!-- kubrick:review:${commitB} -->`);
    expect(world.gh.pendingFaults()).toBe(0);
    expect(second.review.comments.map(c => [c.path, c.line])).toEqual([['src/format.js', 1]]);
    expect(second.body).toMatch(/1 finding already made in an earlier review was not posted again/);
    expect(
      world.gh.state.reviews.filter(r => String(r.body).includes(`kubrick:review:${commitB}`))
    ).toHaveLength(1);
    // Nothing changed under the earlier finding, so its thread gets no reply.
    expect(repliesTo(firstThread)).toEqual([]);
    formatThread = second.review.comments[0]!.id as number;
  });

  it('commit C rewrites the line of the earlier finding: exactly one reply in that thread', async () => {
    await commitOnRemote(
      world,
      'feature/stats',
      { 'src/stats.js': STATS_A.replace('b) / xs.length;', 'b, 0) / Math.max(xs.length, 1);') },
      'Handle empty arrays'
    );
    const commitC = head('feature/stats');
    world.gh.failNext({ method: 'POST', pathPattern: /\/replies$/, status: 502, afterEffect: true });
    const third = await review({ comment: '/kubrick review' }, number, [
      finish({
        summary: 'The empty-array fix looks right.',
        findings: [],
        follow_ups: [{ thread: firstThread, status: 'addressed', note: 'mean([]) now returns 0.' }]
      })
    ]);
    expect(third.request).toContain('whose lines the new commits changed');
    expect(world.gh.pendingFaults()).toBe(0);
    const replies = repliesTo(firstThread);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.body)).toMatch(
      new RegExp(`^\\*\\*Addressed\\*\\* in ${short(commitC)}: mean\\(\\[\\]\\) now returns 0\\.`)
    );
    expect(repliesTo(formatThread)).toEqual([]);
    expect(third.body).toContain('**Earlier findings:** addressed in');
    expect(third.body).toContain(`\`${short(commitC)}\``);
    expect(third.body).toMatch(/found no new issues/);
    expect(String(world.ourComments(number).at(-1)!.body)).toContain('replied in 1 earlier thread');
  });

  it('a force push that drops the reviewed commits gets a full review that says so', async () => {
    world.remoteGit('update-ref', '-d', 'refs/heads/feature/stats');
    await commitOnRemote(
      world,
      'feature/stats',
      {
        'src/stats.js':
          'export const mean = xs => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0); // D-LINE\n'
      },
      'Rewrite stats',
      { from: world.repo.defaultBranch }
    );
    const commitD = head('feature/stats');
    expect(() => world.remoteGit('merge-base', '--is-ancestor', commitA, commitD)).toThrow();
    const fourth = await review({ comment: '/kubrick review' }, number, [
      finish({ summary: 'Looks fine.', findings: [] })
    ]);
    expect(fourth.request).toContain('D-LINE');
    expect(fourth.body).toContain(`the whole pull request at \`${short(commitD)}\``);
    expect(fourth.body).toMatch(
      /is no longer part of the branch \(a force push or a rebase\), so this is a full review/
    );
    expect(fourth.body).toContain(`<!-- kubrick:review:${commitD} -->`);
  }, 60_000);

  it('`review full` reviews the whole pull request although nothing forces it', async () => {
    const fifth = await review({ comment: '/kubrick review full' }, number, [
      finish({ summary: 'Fine.', findings: [] })
    ]);
    expect(fifth.body).toContain('A full review was asked for');
    expect(fifth.request).toContain('D-LINE');
  });
});

describe('auto_review on synchronize', () => {
  it('reviews only the new commits, without any comment', async () => {
    const pull = await world.seedPull('feature/auto', {
      'src/first.js': 'export const first = 1; // FIRST-PUSH\n'
    });
    const number = pull.number as number;
    const opened = await review({ event: 'opened' }, number, [finish({ summary: 'Fine.', findings: [] })]);
    expect(opened.request).toContain('FIRST-PUSH');
    const first = head('feature/auto');
    await commitOnRemote(
      world,
      'feature/auto',
      { 'src/second.js': 'export const second = 2; // SECOND-PUSH\n' },
      'Second push'
    );
    const synchronized = await review({ event: 'synchronize' }, number, [
      finish({ summary: 'Fine.', findings: [] })
    ]);
    expect(synchronized.request).toContain('SECOND-PUSH');
    expect(synchronized.request).not.toContain('FIRST-PUSH');
    expect(synchronized.body).toContain(`\`${short(first)}..${short(head('feature/auto'))}\``);
    expect(synchronized.body).toMatch(/found no new issues\*\* in the changes since the last review/);
  });
});
