import { describe, expect, it } from '@jest/globals';
import type { Settings } from '../../src/config/settings.js';
import { routeEvent, type RouteDecision } from '../../src/trigger/decide.js';
import type { Permission } from '../../src/trigger/permission.js';
import { example, issueComment, pullComment, settingsWith } from './webhook-examples.js';

type Json = Record<string, unknown>;

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

/**
 * A completed, failed run of "CI" on the branch `changes` of pull request #2 in Codertocat/Hello-World,
 * from GitHub's own example, started by Codertocat.
 */
function failedRun(changes: (payload: Json, run: Json) => void = () => {}): Json {
  const payload = example('workflow_run', 'completed');
  const run = payload.workflow_run as Json;
  const repository = payload.repository as Json;
  repository.full_name = 'Codertocat/Hello-World';
  repository.default_branch = 'main';
  run.name = 'CI';
  (payload.workflow as Json).name = 'CI';
  run.conclusion = 'failure';
  run.status = 'completed';
  run.event = 'pull_request';
  run.head_branch = 'changes';
  run.head_sha = HEAD;
  run.head_repository = { ...(repository as Json), fork: false };
  run.pull_requests = [
    {
      number: 2,
      head: { ref: 'changes', sha: HEAD, repo: {} },
      base: { ref: 'main', sha: 'f'.repeat(40), repo: {} }
    }
  ];
  const actor = { login: 'Codertocat', id: 21031067, type: 'User' };
  run.actor = actor;
  run.triggering_actor = actor;
  payload.sender = actor;
  changes(payload, run);
  return payload;
}

const CI = settingsWith({ ci_workflows: 'CI' });

function route(
  payload: unknown,
  settings: Settings = CI,
  permission: Permission | null = 'write'
): RouteDecision {
  return routeEvent({ eventName: 'workflow_run', payload, settings, actorPermission: permission });
}

describe('workflow_run', () => {
  it('fixes a failed run of a listed workflow on its pull request, for the actor who started it', () => {
    const decision = route(failedRun());
    expect(decision).toMatchObject({
      action: 'run',
      mode: 'fix',
      target: { kind: 'pull_request', number: 2, isFork: false, headRef: 'changes', headSha: HEAD },
      requester: { login: 'Codertocat' },
      ci: {
        source: 'workflow_run',
        instructions: '',
        runs: [{ workflowName: 'CI', headSha: HEAD, attempt: 1 }]
      }
    });
  });

  it('also fixes a run that timed out, and matches workflow names without regard to case', () => {
    const decision = route(
      failedRun((_, run) => (run.conclusion = 'timed_out')),
      settingsWith({ ci_workflows: 'ci' })
    );
    expect(decision.action).toBe('run');
  });

  it('does nothing unless the workflow is listed and the run failed', () => {
    expect(route(failedRun(), settingsWith())).toMatchObject({
      action: 'ignore',
      reason: expect.stringContaining('ci_workflows is empty')
    });
    expect(route(failedRun(), settingsWith({ ci_workflows: 'Deploy, Lint' }))).toMatchObject({
      action: 'ignore',
      reason: 'the workflow "CI" is not listed in ci_workflows'
    });
    for (const conclusion of ['success', 'cancelled', 'skipped', null]) {
      expect(route(failedRun((_, run) => (run.conclusion = conclusion))).action).toBe('ignore');
    }
    expect(route(failedRun(p => (p.action = 'requested'))).action).toBe('ignore');
  });

  it('leaves out pull requests of other repositories that GitHub lists with the run', () => {
    const decision = route(
      failedRun((p, run) => {
        (p.repository as Json).url = 'https://api.github.com/repos/Codertocat/Hello-World';
        run.pull_requests = [
          {
            number: 9,
            head: {
              ref: 'changes',
              sha: HEAD,
              repo: { url: 'https://api.github.com/repos/other/Hello-World' }
            }
          },
          {
            number: 2,
            head: {
              ref: 'changes',
              sha: HEAD,
              repo: { url: 'https://api.github.com/repos/Codertocat/Hello-World' }
            }
          }
        ];
      })
    );
    expect(decision).toMatchObject({ action: 'run', target: { kind: 'pull_request', number: 2 } });
  });

  it('works on the default branch when a push broke it', () => {
    const decision = route(
      failedRun((_, run) => {
        run.head_branch = 'main';
        run.event = 'push';
        run.pull_requests = [];
      })
    );
    expect(decision).toMatchObject({
      action: 'run',
      mode: 'fix',
      target: { kind: 'commit', branch: 'main', sha: HEAD }
    });
  });

  it('never pushes to a fork: ignored by default, a read-only explanation with ci_fix_forks: explain', () => {
    const fork = failedRun((_, run) => {
      run.head_repository = { full_name: 'outsider/Hello-World', fork: true, owner: { login: 'outsider' } };
      run.pull_requests = [];
    });
    expect(route(fork)).toMatchObject({ action: 'ignore', reason: expect.stringContaining('from a fork') });
    const explain = route(fork, settingsWith({ ci_workflows: 'CI', ci_fix_forks: 'explain' }));
    expect(explain).toMatchObject({
      action: 'run',
      mode: 'ask',
      target: { kind: 'commit', branch: 'changes', sha: HEAD, forkOwner: 'outsider' },
      ci: { explain: true }
    });
  });

  it('treats a run whose head repository it cannot tell as a fork', () => {
    for (const headRepository of [
      undefined,
      null,
      {},
      { full_name: 'Codertocat/Hello-World', id: 999_999_999 }, // a repository of the same name, since renamed
      { full_name: 'Codertocat/Hello-World', fork: true }, // not the base repository, which is no fork
      { full_name: 'outsider/Hello-World', fork: false }
    ]) {
      const decision = route(failedRun((_, run) => (run.head_repository = headRepository)));
      expect(decision).toMatchObject({ action: 'ignore', reason: expect.stringContaining('fork') });
    }
  });

  it('fixes a repository that is itself a fork of another: the run came from this repository', () => {
    const payload = failedRun((p, run) => {
      (p.repository as Json).fork = true;
      run.head_repository = { ...(p.repository as Json) };
    });
    expect(route(payload)).toMatchObject({
      action: 'run',
      mode: 'fix',
      target: { kind: 'pull_request', number: 2 }
    });
  });

  it('authorizes the actor who triggered the failed run, not the event’s sender', () => {
    const payload = failedRun((p, run) => {
      run.triggering_actor = { login: 'reader', id: 1, type: 'User' };
      p.sender = { login: 'admin', id: 2, type: 'User' };
    });
    expect(route(payload, CI, null)).toMatchObject({ action: 'ignore', needsPermission: 'reader' });
    const refused = route(
      payload,
      settingsWith({ ci_workflows: 'CI', comment_on_unauthorized: 'true' }),
      'read'
    );
    // Nobody asked in a conversation: an unauthorized actor gets no reply, whatever the setting.
    expect(refused).toMatchObject({
      action: 'ignore',
      reason: expect.stringContaining('@reader has read permission')
    });
  });

  it('ignores bots unless listed in allowed_bots', () => {
    const bot = failedRun(
      (_, run) => (run.triggering_actor = { login: 'dependabot[bot]', id: 3, type: 'Bot' })
    );
    expect(route(bot)).toMatchObject({ action: 'ignore', reason: expect.stringContaining('allowed_bots') });
    expect(route(bot, settingsWith({ ci_workflows: 'CI', allowed_bots: 'dependabot' })).action).toBe('run');
  });

  it('does not follow chains of workflow_run events, and needs fix mode', () => {
    expect(route(failedRun((_, run) => (run.event = 'workflow_run')))).toMatchObject({
      action: 'ignore',
      reason: expect.stringContaining('chains')
    });
    expect(route(failedRun(), settingsWith({ ci_workflows: 'CI', mode: 'review' })).action).toBe('ignore');
  });

  it('ignores malformed payloads with a reason', () => {
    const broken = [
      failedRun(p => delete p.workflow_run),
      failedRun((_, run) => (run.head_sha = 'not-a-sha')),
      failedRun((_, run) => (run.head_branch = 'a\n::add-mask::x')),
      failedRun((_, run) => (run.id = -1)),
      failedRun((p, run) => {
        delete run.triggering_actor;
        delete run.actor;
        delete p.sender;
      })
    ];
    for (const payload of broken) {
      const decision = route(payload);
      expect(decision.action).toBe('ignore');
      expect(decision.reason).toMatch(/malformed payload/);
    }
  });

  it('keeps names from workflow files out of reasons unsanitized', () => {
    const decision = route(
      failedRun((p, run) => {
        (p.workflow as Json).name = 'CI\u202E<!-- x -->';
        run.name = 'CI';
      }),
      settingsWith({ ci_workflows: 'Other' })
    );
    expect(decision.reason).not.toMatch(/[\u202E]|<!--/);
  });
});

/** Routes a comment with `/kubrick …` in it (an `issue_comment` unless `eventName` says otherwise). */
function routeComment(
  payload: unknown,
  settings: Settings = settingsWith(),
  permission: Permission = 'write',
  eventName = 'issue_comment'
): RouteDecision {
  return routeEvent({ eventName, payload, settings, actorPermission: permission });
}

describe('/kubrick fix-ci', () => {
  it('asks for a fix of the pull request’s failed CI, with the rest of the comment as instructions', () => {
    const decision = routeComment(pullComment('/kubrick fix-ci and keep the API\nas it is'));
    expect(decision).toMatchObject({
      action: 'run',
      mode: 'fix',
      target: { kind: 'pull_request' },
      ci: { source: 'command', runs: [], instructions: 'and keep the API\nas it is' }
    });
  });

  it('refuses on an issue and in a read-only mode', () => {
    const onIssue = routeComment(issueComment('/kubrick fix-ci'));
    expect(onIssue).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('works on pull requests')
    });
    const readOnly = routeComment(pullComment('/kubrick fix-ci'), settingsWith({ mode: 'ask' }));
    expect(readOnly).toMatchObject({ action: 'refuse', reason: expect.stringContaining('ask mode') });
  });

  it('on a fork’s pull request: a refusal that says how to get an explanation, or the explanation', () => {
    const payload = example('pull_request_review_comment', 'created');
    (payload.comment as Json).body = '/kubrick fix-ci';
    const pull = payload.pull_request as Json;
    (pull.head as Json).repo = { full_name: 'outsider/Hello-World', fork: true };
    const refused = routeComment(payload, settingsWith(), 'write', 'pull_request_review_comment');
    expect(refused).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('ci_fix_forks: explain')
    });
    const explain = routeComment(
      payload,
      settingsWith({ ci_fix_forks: 'explain' }),
      'write',
      'pull_request_review_comment'
    );
    expect(explain).toMatchObject({ action: 'run', mode: 'ask', ci: { explain: true } });
  });

  it('needs the same permission as every command', () => {
    const decision = routeComment(pullComment('/kubrick fix-ci'), settingsWith(), 'read');
    expect(decision.action).toBe('ignore');
  });
});
