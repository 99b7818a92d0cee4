/**
 * Fault injection on the GitHub side: 5xx on comment edits and reactions, secondary rate limits, a
 * progress comment deleted mid-run, a PR opened by someone else between our lookup and our create,
 * and a branch that moves under the push. Each scenario runs the bundled action as a process and
 * asserts the conclusion, the one final comment, and the emulator's state (PRs, branches, requests).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import {
  createFaultWorld,
  expectAllOutputs,
  expectNoUnhandled,
  finalComment,
  finishTurn,
  fixRequest,
  issueBranchName,
  ourComments,
  moveBranchDuringNextPush,
  pushAsSomeoneElse,
  remoteRev,
  remoteBranches,
  remoteFile,
  REPO_PATH,
  runFix,
  writeTurn,
  type FaultWorld,
  type Request
} from './helpers.js';

let world: FaultWorld;

beforeAll(async () => {
  world = await createFaultWorld(SAMPLE_FILES);
});
afterAll(async () => {
  await world?.close();
});
// A scenario that ends early must not leave turns or faults for the next one.
afterEach(() => {
  world.steps.length = 0;
  world.gh.clearFaults();
});

const COMMENT_EDIT = new RegExp(`^${REPO_PATH}/issues/comments/\\d+$`);

/** The action's requests to the emulator since `from`, as "METHOD path status" lines. */
function requestsSince(from: number, filter: (path: string, method: string) => boolean) {
  return world.gh.state.requests
    .slice(from)
    .filter(r => filter(r.path, r.method))
    .map(r => ({ call: `${r.method} ${r.path}`, status: r.status, injected: !!r.injected, body: r.body }));
}

function pullsFor(branch: string) {
  return world.gh.state.pulls.filter(p => p.head.ref === branch);
}

/** A plain successful fix: write one file, finish. `onFinish` runs when the model serves its last turn. */
function queueFix(path: string, content: string, onFinish?: () => void): void {
  world.steps.push(writeTurn(path, content), () => {
    onFinish?.();
    return finishTurn(`Wrote ${path}.`);
  });
}

describe('GitHub answers 5xx', () => {
  it('retries failed comment edits and a failed reaction: one comment, edited into the final report', async () => {
    const request = await fixRequest(world, 'Flaky comment edits');
    const from = world.gh.state.requests.length;
    world.gh.failNext({ method: 'POST', pathPattern: /\/reactions$/, status: 502 });
    // The first progress edit fails; its retry takes effect on the server but is still answered 500.
    const progress = { method: 'PATCH', pathPattern: COMMENT_EDIT, bodyIncludes: 'Kubrick is working' };
    world.gh.failNext({ ...progress, status: 502 });
    world.gh.failNext({ ...progress, status: 500, afterEffect: true });
    // The final report fails twice more. Matched on its text, so that a progress retry still waiting
    // out its back-off on a slow machine cannot take these faults.
    world.gh.failNext({
      method: 'PATCH',
      pathPattern: COMMENT_EDIT,
      bodyIncludes: 'Kubrick finished',
      status: 503,
      times: 2
    });
    world.steps.push(
      // A slow first answer leaves time for a progress edit (they are at least 3 s apart).
      { ...writeTurn('notes/edits.md', 'edited\n'), fault: { delayMs: 3500 } },
      finishTurn('Wrote notes/edits.md.')
    );
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    expect(world.gh.pendingFaults()).toBe(0);
    const report = finalComment(world, request.issueNumber);
    expect(report.body).toContain('Kubrick finished');
    expect(report.body).toContain('notes/edits.md');
    expect(run.outputs.comment_id).toBe(String(report.id));
    // Exactly one comment was ever created.
    const created = requestsSince(
      from,
      (p, m) => m === 'POST' && p === `${REPO_PATH}/issues/${request.issueNumber}/comments`
    );
    expect(created).toHaveLength(1);
    // Every failed edit was resent as the same request, and the last edit is the final report.
    const edits = requestsSince(from, (p, m) => m === 'PATCH' && COMMENT_EDIT.test(p));
    expect(edits.filter(e => e.injected).map(e => e.status)).toEqual([502, 500, 503, 503]);
    expect(JSON.stringify(edits[0]!.body)).toContain('Kubrick is working');
    edits.forEach((edit, i) => {
      if (edit.injected) expect(edits[i + 1]?.body).toEqual(edit.body);
    });
    expect(edits.at(-1)).toMatchObject({ status: 200, body: { body: report.body } });
    // The reaction was retried too.
    expect(
      world.gh.state.reactions.some(r => r.content === 'eyes' && r.subject.id === request.commentId)
    ).toBe(true);
    expectNoUnhandled(world);
  });

  it('writes every output, conclusion first, when the final report cannot be written and exits 1', async () => {
    const request = await fixRequest(world, 'GitHub down at the end');
    queueFix('notes/down.md', 'pushed anyway\n', () =>
      world.gh.failNext({ method: 'PATCH', pathPattern: COMMENT_EDIT, status: 502, times: 30 })
    );
    const run = await runFix(world, request);

    // The work is published; only the report is missing, and the log says so.
    expect(run.exitCode).toBe(1);
    expect(run.outputs.conclusion).toBe('success');
    expect(run.outputOrder[0]).toBe('conclusion');
    expect(run.outputs.pr_number).not.toBe('');
    expect(run.stdout).toMatch(/::error::Kubrick could not write its final comment/);
    expect(remoteFile(world, run.outputs.branch!, 'notes/down.md')).toBe('pushed anyway\n');
    // Never a second comment as a fallback.
    expect(ourComments(world, request.issueNumber)).toHaveLength(1);
  });

  it('fails before authorization with every output written when GitHub keeps answering 500', async () => {
    const request = await fixRequest(world, 'GitHub down at the start');
    world.gh.failNext({
      method: 'GET',
      pathPattern: /\/collaborators\/[^/]+\/permission$/,
      status: 500,
      times: 30
    });
    const requestsBefore = world.model.requests.length;
    const run = await runFix(world, request);

    expectAllOutputs(run, 'failure');
    expect(run.stdout).toMatch(/::error::Kubrick could not start/);
    expect(world.model.requests.length).toBe(requestsBefore);
    // Not authorized yet: nothing is written to the issue.
    expect(ourComments(world, request.issueNumber)).toHaveLength(0);
  });
});

describe('GitHub rate limits', () => {
  it('honours a secondary rate limit (403 + retry-after) and completes the run', async () => {
    const request = await fixRequest(world, 'Secondary rate limit');
    const from = world.gh.state.requests.length;
    const limit = { status: 403, headers: { 'retry-after': '1' } };
    world.gh.failNext({
      method: 'POST',
      pathPattern: `${REPO_PATH}/issues/${request.issueNumber}/comments`,
      ...limit
    });
    world.gh.failNext({ method: 'POST', pathPattern: `${REPO_PATH}/pulls`, ...limit });
    queueFix('notes/limited.md', 'after the limit\n');
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    expect(world.gh.pendingFaults()).toBe(0);
    // Each limited request was sent again after the wait, and the limit was logged.
    expect(run.stdout).toMatch(/secondary rate limit on POST \S+\/comments; retrying after 1s/);
    expect(run.stdout).toMatch(/secondary rate limit on POST \S+\/pulls; retrying after 1s/);
    const pullPosts = requestsSince(from, (p, m) => m === 'POST' && p === `${REPO_PATH}/pulls`);
    expect(pullPosts.map(r => r.status)).toEqual([403, 201]);
    const branch = run.outputs.branch!;
    expect(pullsFor(branch)).toHaveLength(1);
    const report = finalComment(world, request.issueNumber);
    expect(report.body).toContain(`#${run.outputs.pr_number}`);
  });
});

describe('the progress comment is deleted during the run', () => {
  it('creates the final report once more, and only once', async () => {
    const request = await fixRequest(world, 'Deleted progress comment');
    let deletedId = 0;
    world.steps.push(() => {
      deletedId = ourComments(world, request.issueNumber)[0]!.id;
      world.gh.deleteComment(deletedId);
      return writeTurn('notes/deleted.md', 'still reported\n');
    }, finishTurn('Wrote the note.'));
    const from = world.gh.state.requests.length;
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    expect(deletedId).toBeGreaterThan(0);
    const report = finalComment(world, request.issueNumber);
    expect(report.id).not.toBe(deletedId);
    expect(report.body).toContain('Kubrick finished');
    expect(run.outputs.comment_id).toBe(String(report.id));
    const created = requestsSince(
      from,
      (p, m) => m === 'POST' && p === `${REPO_PATH}/issues/${request.issueNumber}/comments`
    );
    expect(created).toHaveLength(2);
    expect(run.stdout).toContain('was deleted; creating it again');
  });
});

describe('pull request races', () => {
  it('updates the PR that appeared between our lookup and our create, without a duplicate', async () => {
    const request = await fixRequest(world, 'Racing pull request');
    const branch = issueBranchName(request);
    // The create reaches GitHub after another run's create for the same branch: GitHub answers 422.
    world.gh.failNext({
      method: 'POST',
      pathPattern: `${REPO_PATH}/pulls`,
      status: 422,
      afterEffect: true,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for octo-org:${branch}.`
          }
        ]
      }
    });
    queueFix('notes/race.md', 'raced\n');
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    expect(world.gh.pendingFaults()).toBe(0);
    const pulls = pullsFor(branch);
    expect(pulls).toHaveLength(1);
    expect(run.outputs.pr_number).toBe(String(pulls[0]!.number));
    expect(pulls[0]!.body).toContain(`Fixes #${request.issueNumber}`);
    const report = finalComment(world, request.issueNumber);
    expect(report.body).toContain(`[#${pulls[0]!.number}]`);
    expect(report.body).toContain('(updated)');
  });
});

describe('the branch moves under the push (non-fast-forward)', () => {
  async function runWithMove(title: string, theirs: Record<string, string>, ours: [string, string]) {
    const request: Request = await fixRequest(world, title);
    const branch = issueBranchName(request);
    world.steps.push(writeTurn(...ours), () => {
      // Someone pushes to the branch while the model is still working.
      pushAsSomeoneElse(world, branch, theirs);
      return finishTurn(`Wrote ${ours[0]}.`);
    });
    const run = await runFix(world, request);
    return { request, branch, run };
  }

  it('puts our commit on top of the commits someone else pushed, and says so', async () => {
    const { request, branch, run } = await runWithMove('Branch moved', { 'docs/theirs.md': 'their work\n' }, [
      'notes/ours.md',
      'our work\n'
    ]);

    expectAllOutputs(run, 'success');
    expect(run.outputs.branch).toBe(branch);
    // Nobody's work was lost: both commits are on the branch, ours on top.
    expect(remoteFile(world, branch, 'docs/theirs.md')).toBe('their work\n');
    expect(remoteFile(world, branch, 'notes/ours.md')).toBe('our work\n');
    expect(pullsFor(branch)).toHaveLength(1);
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain(`Someone else pushed to \`${branch}\` during this run`);
  });

  it('retries a push the server rejected because the branch moved at that moment', async () => {
    const request = await fixRequest(world, 'Push lost the race');
    const branch = issueBranchName(request);
    const theirs = moveBranchDuringNextPush(world, branch, {
      'docs/racer.md': 'pushed at the same moment\n'
    });
    queueFix('notes/racer.md', 'ours, retried\n');
    const run = await runFix(world, request);

    expectAllOutputs(run, 'success');
    expect(run.outputs.branch).toBe(branch);
    expect(remoteFile(world, branch, 'docs/racer.md')).toBe('pushed at the same moment\n');
    expect(remoteFile(world, branch, 'notes/racer.md')).toBe('ours, retried\n');
    // Our commit sits on top of theirs; the first push really was rejected.
    expect(remoteFile(world, `${branch}~1`, 'docs/racer.md')).toBe('pushed at the same moment\n');
    expect(remoteRev(world, `${branch}~1`)).toBe(theirs);
    expect(finalComment(world, request.issueNumber).body).toContain(`Someone else pushed to \`${branch}\``);
    expect(pullsFor(branch)).toHaveLength(1);
  });

  it('pushes to a fallback branch when our change conflicts with theirs, and names it', async () => {
    const { request, branch, run } = await runWithMove(
      'Branch moved with a conflict',
      { 'notes/same.md': 'their version\n' },
      ['notes/same.md', 'our version\n']
    );

    expectAllOutputs(run, 'success');
    const fallback = run.outputs.branch!;
    expect(fallback).not.toBe(branch);
    expect(fallback.startsWith(`${branch}-`)).toBe(true);
    expect(remoteBranches(world)).toEqual(expect.arrayContaining([branch, fallback]));
    // Their commit is untouched; ours is on the fallback branch.
    expect(remoteFile(world, branch, 'notes/same.md')).toBe('their version\n');
    expect(remoteFile(world, fallback, 'notes/same.md')).toBe('our version\n');
    const report = finalComment(world, request.issueNumber).body;
    expect(report).toContain(`Could not push to ${branch}`);
    expect(report).toContain(`pushed to ${fallback} instead`);
    expect(pullsFor(fallback)).toHaveLength(1);
  });
});
