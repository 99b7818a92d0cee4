import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Settings } from '../../src/config/settings.js';
import { routeEvent } from '../../src/trigger/decide.js';
import { meetsPermission, PERMISSIONS, type Permission } from '../../src/trigger/permission.js';
import { example, settingsWith } from './webhook-examples.js';

const EVENTS = [
  'issue_comment',
  'pull_request_review_comment',
  'issues',
  'pull_request',
  'schedule',
  'workflow_dispatch',
  'workflow_run'
];
const permission = fc.constantFrom<Permission | null>(null, ...PERMISSIONS);
const required = fc.constantFrom('admin', 'maintain', 'write', 'triage', 'read');
const settings = fc
  .record({
    required_permission: required,
    auto_review: fc.constantFrom('true', 'false'),
    comment_on_unauthorized: fc.constantFrom('true', 'false'),
    mode: fc.constantFrom('auto', 'fix', 'review', 'ask', 'plan'),
    prompt: fc.constantFrom('', 'update deps'),
    allowed_bots: fc.constantFrom('', 'dependabot'),
    ci_workflows: fc.constantFrom('', 'CI', 'test, CI'),
    ci_fix_forks: fc.constantFrom('ignore', 'explain')
  })
  .map(values => ({ ...settingsWith(values), label_trigger: 'kubrick' }) as Settings);

/** Comment bodies likely to trigger, mixed with arbitrary text. */
const body = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '/kubrick fix it',
    '/kubrick',
    '/kubrick review',
    '/kubrick approve',
    '/kubrick ask why\r\nnow',
    '/kubrick fix-ci',
    '/kubrick fix-ci keep the API'
  ),
  fc
    .tuple(fc.constantFrom('/kubrick ', '/kubrick fix ', ' /kubrick plan '), fc.string())
    .map(([a, b]) => a + b)
);

/** Realistic payloads of each handled event, with arbitrary values spliced in at chosen places. */
const realistic = fc
  .tuple(
    fc.constantFrom(
      ['issue_comment', 'created'],
      ['pull_request_review_comment', 'created'],
      ['issues', 'labeled'],
      ['issues', 'assigned'],
      ['pull_request', 'opened'],
      ['pull_request', 'ready_for_review'],
      ['workflow_dispatch', undefined],
      ['workflow_run', 'completed']
    ),
    body,
    fc.option(fc.jsonValue(), { nil: undefined }),
    fc.constantFrom(
      'state',
      'locked',
      'draft',
      'user',
      'head',
      'pull_request',
      'inputs',
      'label',
      'sender',
      'conclusion',
      'head_repository',
      'triggering_actor'
    ),
    fc.boolean()
  )
  .map(([[eventName, action], text, junk, key, asPull]) => {
    const payload = example(eventName as string, action) as Record<string, unknown>;
    const comment = payload.comment as Record<string, unknown> | undefined;
    if (comment) comment.body = text;
    const issue = payload.issue as Record<string, unknown> | undefined;
    if (issue && asPull) issue.pull_request = { url: 'https://example.test/pulls/1' };
    if (payload.label) (payload.label as Record<string, unknown>).name = 'kubrick';
    const run = payload.workflow_run as Record<string, unknown> | undefined;
    if (run) {
      run.conclusion = 'failure';
      (payload.workflow as Record<string, unknown>).name = 'CI';
    }
    if (junk !== undefined) {
      const holder = [payload, comment, issue, payload.pull_request, run].find(
        h => h !== null && typeof h === 'object' && key in (h as object)
      ) as Record<string, unknown> | undefined;
      (holder ?? payload)[key] = junk;
    }
    return { eventName: eventName as string, payload };
  });

const arbitrary = fc.record({ eventName: fc.constantFrom(...EVENTS), payload: fc.jsonValue() });

describe('routeEvent properties', () => {
  it('never throws and always gives a reasoned decision, for arbitrary JSON and every event', () => {
    fc.assert(
      fc.property(
        fc.oneof(arbitrary, realistic),
        settings,
        permission,
        ({ eventName, payload }, s, actorPermission) => {
          const decision = routeEvent({ eventName, payload, settings: s, actorPermission });
          expect(['run', 'ignore', 'refuse']).toContain(decision.action);
          expect(typeof decision.reason).toBe('string');
        }
      ),
      { numRuns: 400 }
    );
  });

  it('never runs for an actor below required_permission, nor before the permission is known', () => {
    fc.assert(
      fc.property(
        fc.oneof(realistic, arbitrary),
        settings,
        permission,
        ({ eventName, payload }, s, actorPermission) => {
          fc.pre(eventName !== 'schedule');
          const decision = routeEvent({ eventName, payload, settings: s, actorPermission });
          if (actorPermission === null || !meetsPermission(actorPermission, s.required_permission)) {
            expect(decision.action).not.toBe('run');
            const pending = decision.action === 'ignore' && decision.needsPermission !== undefined;
            if (!pending) expect('task' in decision ? decision.task : undefined).toBeUndefined();
          }
        }
      ),
      { numRuns: 400 }
    );
  });

  it('a decision that runs always has a mode, and a task unless it reviews', () => {
    fc.assert(
      fc.property(realistic, settings, ({ eventName, payload }, s) => {
        const decision = routeEvent({ eventName, payload, settings: s, actorPermission: 'admin' });
        if (decision.action === 'run') {
          expect(decision.mode).toBeDefined();
          if (decision.mode !== 'review' && !decision.approvePlan) expect(decision.task).not.toBe('');
        }
      }),
      { numRuns: 200 }
    );
  });
});
