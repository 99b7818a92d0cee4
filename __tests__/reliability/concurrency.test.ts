/**
 * Two runs for the same issue at once (two `/kubrick fix` comments, two workflow runs with their own
 * checkouts, no `concurrency` group to serialize them): each ends with its own final comment, the
 * branch gets one PR, and neither run's commit is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { createWorld, type ActionRun, type World } from '../../test-support/action-runner.js';
import { issueCommentCreated } from '../../test-support/github-emulator/events.js';
import { inProcess } from '../../test-support/in-process.js';
import type { ScriptContext, Turn } from '../../test-support/scripted-model/server.js';
import {
  expectAllOutputs,
  expectNoUnhandled,
  finishTurn,
  issueBranchName,
  ourComments,
  remoteFile,
  writeTurn
} from './helpers.js';

/** Each run's own turns, chosen by the request its conversation carries (both share one model server). */
const plans = new Map<string, Turn[]>();

function byRequest(context: ScriptContext): Turn | undefined {
  const task = context.conversation.find(entry => entry.role === 'user')?.content ?? '';
  for (const [word, turns] of plans) if (task.includes(word)) return turns.shift();
  return undefined;
}

let world: World;

beforeAll(async () => {
  world = await createWorld({ files: SAMPLE_FILES, script: byRequest, runner: inProcess() });
});
afterAll(async () => {
  await world?.close();
});

interface Contender {
  word: string;
  commentId: number;
  run: ActionRun;
}

/** Starts one run per word at the same moment, each triggered by its own comment on the issue. */
async function raceOnIssue(
  title: string,
  turnsFor: (word: string) => Turn[]
): Promise<{ issueNumber: number; branch: string; runs: Contender[] }> {
  const issue = world.gh.createIssue({ title, body: 'Two maintainers asked at once.', user: 'maintainer' });
  const issueNumber = issue.number as number;
  const words = ['alpha', 'beta'];
  const triggers = [];
  for (const word of words) {
    plans.set(word, turnsFor(word));
    const payload = (await issueCommentCreated(world.gh, {
      issueNumber,
      body: `/kubrick fix add the ${word} note`,
      login: 'maintainer'
    })) as { comment: { id: number } };
    triggers.push({ word, payload, commentId: payload.comment.id });
  }
  const runs = await Promise.all(
    triggers.map(async t => ({
      word: t.word,
      commentId: t.commentId,
      run: await world.run({ eventName: 'issue_comment', payload: t.payload })
    }))
  );
  const branch = issueBranchName({ issueNumber, title, payload: null, commentId: 0 });
  return { issueNumber, branch, runs };
}

function reportFor(issueNumber: number, commentId: number): string {
  const mine = ourComments(world, issueNumber).filter(c =>
    c.body.includes(`kubrick:run:comment-${commentId} `)
  );
  expect(mine).toHaveLength(1);
  expect(mine[0]!.body).not.toContain('Kubrick is working');
  return mine[0]!.body;
}

describe('two runs for the same issue at the same time', () => {
  it('keeps both commits on the branch, opens one PR, and finalizes one comment per run', async () => {
    const { issueNumber, branch, runs } = await raceOnIssue('Concurrent notes', word => [
      writeTurn(`notes/${word}.md`, `${word}\n`),
      finishTurn(`Added notes/${word}.md.`)
    ]);

    for (const { run } of runs) expectAllOutputs(run, 'success');
    expect(ourComments(world, issueNumber)).toHaveLength(2);
    for (const { word, commentId, run } of runs) {
      const report = reportFor(issueNumber, commentId);
      expect(report).toContain('Kubrick finished');
      expect(report).toContain(`notes/${word}.md`);
      // Each file is on the branch its run reported (the shared branch, or a fallback it names).
      const where = run.outputs.branch!;
      expect(remoteFile(world, where, `notes/${word}.md`)).toBe(`${word}\n`);
      if (where !== branch) expect(report).toContain(`pushed to ${where} instead`);
    }
    // Different files do not conflict, so both runs' commits end up on the one branch.
    expect(runs.map(r => r.run.outputs.branch)).toEqual([branch, branch]);
    expect(remoteFile(world, branch, 'notes/alpha.md')).toBe('alpha\n');
    expect(remoteFile(world, branch, 'notes/beta.md')).toBe('beta\n');
    const pulls = world.gh.state.pulls.filter(p => p.head.ref === branch);
    expect(pulls).toHaveLength(1);
    expect(runs.map(r => r.run.outputs.pr_number)).toEqual([
      String(pulls[0]!.number),
      String(pulls[0]!.number)
    ]);
    expectNoUnhandled(world);
  });

  it('puts the losing run of a conflict on a fallback branch that its report names', async () => {
    const { issueNumber, branch, runs } = await raceOnIssue('Concurrent edits of one file', word => [
      writeTurn('notes/shared.md', `${word} wrote this\n`),
      finishTurn(`Wrote notes/shared.md for ${word}.`)
    ]);

    for (const { run } of runs) expectAllOutputs(run, 'success');
    const branches = runs.map(r => r.run.outputs.branch!);
    // One run won the branch, the other's work went to `<branch>-<run id>`.
    expect(branches.filter(b => b === branch)).toHaveLength(1);
    const loser = runs.find(r => r.run.outputs.branch !== branch)!;
    const winner = runs.find(r => r.run.outputs.branch === branch)!;
    const fallback = loser.run.outputs.branch!;
    expect(fallback.startsWith(`${branch}-`)).toBe(true);
    expect(remoteFile(world, branch, 'notes/shared.md')).toBe(`${winner.word} wrote this\n`);
    expect(remoteFile(world, fallback, 'notes/shared.md')).toBe(`${loser.word} wrote this\n`);
    expect(reportFor(issueNumber, loser.commentId)).toContain(`pushed to ${fallback} instead`);
    expect(reportFor(issueNumber, winner.commentId)).not.toContain('instead');
    // One PR per branch, never two for the same one.
    for (const b of [branch, fallback])
      expect(world.gh.state.pulls.filter(p => p.head.ref === b)).toHaveLength(1);
  });
});
