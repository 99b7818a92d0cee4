/**
 * The pull request settings users know from create-pull-request: `base_branch` (where the PR of an
 * issue fix goes, and where its work starts), `pr_labels`, `pr_reviewers` (`requester` is the person
 * who asked) and the commit identity GitHub links to the Actions bot. A label or reviewer GitHub
 * refuses is said in the final comment and never fails the run.
 */
import { describe, expect, it } from '@jest/globals';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { planReviewers } from '../../src/run/pull-request-settings.js';
import type { World } from '../../test-support/action-runner.js';
import { OWNER } from '../../test-support/action-runner.js';
import { issueCommentCreated } from '../../test-support/github-emulator/events.js';
import type { Turn } from '../../test-support/scripted-model/server.js';
import { inProcess } from '../../test-support/in-process.js';
import { commitFiles } from '../../test-support/repo-fixtures.js';
import { worldPerFile } from '../../test-support/world-per-file.js';

let world: World;
worldPerFile(
  {
    files: SAMPLE_FILES,
    permissions: { maintainer: 'write', reviewer: 'write', contributor: 'read' },
    emulator: { teams: ['core'] },
    runner: inProcess()
  },
  created => (world = created)
);

const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

function fixTurns(): Turn[] {
  return [
    {
      toolCalls: [
        {
          name: 'edit_file',
          arguments: { path: 'src/math.js', old_string: '  return a - b;', new_string: '  return a + b;' }
        }
      ]
    },
    { toolCalls: [{ name: 'finish', arguments: { summary: 'Fixed add().' } }] }
  ];
}

let issues = 0;
async function fixRequest(inputs: Record<string, string>, login = 'maintainer') {
  issues++;
  const issue = world.gh.createIssue({
    title: `add() is wrong, take ${issues}`,
    body: 'It subtracts.',
    user: login
  });
  const number = issue.number as number;
  const payload = await issueCommentCreated(world.gh, {
    issueNumber: number,
    body: '/kubrick fix the failing test',
    login
  });
  world.turns.push(...fixTurns());
  const run = await world.run({ eventName: 'issue_comment', payload, inputs });
  expect(world.gh.state.unhandled).toEqual([]);
  const pull = world.gh.state.pulls.find(p => String(p.number) === run.outputs.pr_number);
  const report = world.ourComments(number).map(c => c.body)[0] ?? '';
  return { run, pull, report };
}

describe('pull request settings on an issue fix', () => {
  it('base_branch, pr_labels and pr_reviewers: requester reach the PR; the commit carries the default identity', async () => {
    const developTip = await commitFiles(
      world.repo.bareRepoPath,
      'develop',
      { 'DEVELOP.md': 'Work in progress lands here first.\n' },
      'Start develop',
      { env: world.repo.env, from: 'main' }
    );
    const { run, pull } = await fixRequest({
      base_branch: 'develop',
      pr_labels: 'kubrick, automated',
      pr_reviewers: 'requester'
    });
    expect(run.outputs.conclusion).toBe('success');
    expect(pull?.base.ref).toBe('develop');
    expect(pull?.labels).toEqual(['kubrick', 'automated']);
    expect(pull?.requested_reviewers).toEqual(['maintainer']);
    // The REST view of the PR says the same.
    const json = (await world.gh.getPull(pull!.number)) as {
      labels: { name: string }[];
      requested_reviewers: { login: string }[];
    };
    expect(json.labels.map(l => l.name)).toEqual(['kubrick', 'automated']);
    expect(json.requested_reviewers.map(u => u.login)).toEqual(['maintainer']);

    // The work started from develop: one commit on top of it, with only the fix.
    const branch = run.outputs.branch!;
    expect(world.remoteGit('rev-parse', `${branch}^`).trim()).toBe(developTip);
    expect(world.remoteGit('diff', '--name-only', 'develop', branch).trim()).toBe('src/math.js');
    // Author and committer: the identity GitHub links to the Actions bot; the requester co-authors.
    const commit = world.remoteGit('log', '-1', '--format=%an <%ae>|%cn <%ce>%n%B', branch);
    expect(commit).toContain(`${BOT}|${BOT}`);
    expect(commit).toMatch(/Co-authored-by: maintainer <\d*\+?maintainer@users\.noreply\.github\.com>/);
  });

  it('without base_branch the PR goes to the default branch; logins and an org/team slug become reviewers', async () => {
    const { run, pull, report } = await fixRequest({
      pr_reviewers: `reviewer, @${OWNER}/core, requester`
    });
    expect(run.outputs.conclusion).toBe('success');
    expect(pull?.base.ref).toBe('main');
    expect(pull?.labels).toEqual([]);
    expect([...pull!.requested_reviewers].sort()).toEqual(['maintainer', 'reviewer']);
    expect(pull?.requested_teams).toEqual(['core']);
    expect(report).not.toContain('**Note:**');
  });

  it('a label and a reviewer GitHub refuses (422) do not fail the run; the final comment says which', async () => {
    const tooLong = `x${'y'.repeat(60)}`;
    const { run, pull, report } = await fixRequest({
      pr_labels: `kubrick,${tooLong}`,
      pr_reviewers: 'requester,drive-by-stranger,other-org/team'
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    // What GitHub accepted is kept.
    expect(pull?.labels).toEqual(['kubrick']);
    expect(pull?.requested_reviewers).toEqual(['maintainer']);
    expect(report).toContain('✅ Kubrick finished');
    expect(report).toMatch(
      new RegExp(
        `\\*\\*Note:\\*\\* The label \`${tooLong}\` could not be added to #\\d+: GitHub answered 422 \\(Validation Failed: name invalid\\)`
      )
    );
    expect(report).toMatch(
      /\*\*Note:\*\* A review could not be requested from `@drive-by-stranger` on #\d+: GitHub answered 422 \(.*Reviews may only be requested from collaborators/
    );
    expect(report).toContain(`No review was requested from \`other-org/team\`: it is not a team of ${OWNER}`);
    // Notes never notify anyone.
    expect(report).not.toMatch(/(^|[^`])@drive-by-stranger/);
  });

  it('a token that may not label or request reviews (403): one note each, naming the permission', async () => {
    world.gh.failNext({
      method: 'POST',
      pathPattern: /\/issues\/\d+\/labels$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    });
    world.gh.failNext({
      method: 'POST',
      pathPattern: /\/pulls\/\d+\/requested_reviewers$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    });
    const { run, report } = await fixRequest({
      pr_labels: 'a-label,b-label',
      pr_reviewers: 'reviewer,requester'
    });
    expect(world.gh.pendingFaults()).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    const notes = report.split('\n').filter(line => line.startsWith('**Note:**'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('The labels `a-label`, `b-label` could not be added');
    expect(notes[1]).toContain('A review could not be requested from `@reviewer`, `@maintainer`');
    for (const note of notes) expect(note).toContain('`pull-requests: write`');
  });

  it('a base_branch that does not exist fails the run with what to do, before the model is asked', async () => {
    const before = world.model.requests.length;
    const { run, pull, report } = await fixRequest({ base_branch: 'no-such-branch' });
    world.turns.length = 0;
    expect(run.outputs.conclusion).toBe('failure');
    expect(pull).toBeUndefined();
    expect(world.model.requests.length).toBe(before);
    expect(report).toContain('base_branch "no-such-branch" does not exist in the repository');
  });
});

describe('planReviewers', () => {
  const requester = { login: 'alice', id: 1 };

  it('reads requester, logins and org/team slugs, once each', () => {
    expect(
      planReviewers(['requester', '@bob', 'Alice', `${OWNER}/core`, `@${OWNER}/core`, ''], {
        owner: OWNER,
        requester
      })
    ).toEqual({ users: ['alice', 'bob'], teams: ['core'], skipped: [] });
  });

  it('leaves out the author, a team of another organization, and a requester who is a bot or nobody', () => {
    const plan = planReviewers(['requester', 'github-actions[bot]', 'elsewhere/core'], {
      owner: OWNER,
      requester: { login: 'renovate[bot]', type: 'Bot' },
      author: 'github-actions[bot]'
    });
    expect(plan.users).toEqual([]);
    expect(plan.teams).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        who: '`@github-actions[bot]`',
        why: 'that account opened the pull request, and GitHub does not let its author review it'
      },
      {
        who: '`elsewhere/core`',
        why: `it is not a team of ${OWNER} (teams are given as \`${OWNER}/team-slug\`)`
      }
    ]);
    expect(planReviewers(['requester'], { owner: OWNER })).toEqual({ users: [], teams: [], skipped: [] });
  });

  it('a requester who opened the PR (a personal token) is left out with a note', () => {
    const plan = planReviewers(['requester'], { owner: OWNER, requester, author: 'alice' });
    expect(plan.users).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        who: '`@alice` (the requester)',
        why: 'that account opened the pull request, and GitHub does not let its author review it'
      }
    ]);
  });
});
