import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { issueComment, pullComment } from '../trigger/webhook-examples.js';

let dir: string;

async function kubrick(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['route', ...args], {
    env: {},
    stdout: text => (stdout += text),
    stderr: text => (stderr += text),
    stdin: Readable.from([]),
    cwd: dir
  });
  return { code, stdout, stderr };
}

const decisionOf = (stdout: string) => {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout) as Record<string, unknown>;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubrick-route-'));
  await writeFile(join(dir, 'comment.json'), JSON.stringify(issueComment('/kubrick fix the typo')));
  await writeFile(join(dir, 'pr-review.json'), JSON.stringify(pullComment('/kubrick review')));
  await writeFile(join(dir, 'schedule.json'), JSON.stringify({ schedule: '0 3 * * 1' }));
  await writeFile(join(dir, 'broken.json'), '{"action": "created",');
  await writeFile(join(dir, 'kubrick.yml'), 'prompt: Refresh the lockfile\nrequired_permission: admin\n');
  await writeFile(join(dir, 'bad.yml'), 'required_permission: owner\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kubrick route', () => {
  it('prints one JSON line and shows whose permission would be looked up', async () => {
    const { code, stdout, stderr } = await kubrick(
      '--event',
      'comment.json',
      '--event-name',
      'issue_comment'
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(decisionOf(stdout)).toMatchObject({
      action: 'ignore',
      needsPermission: 'Codertocat',
      mode: 'fix'
    });
  });

  it('decides with --actor-permission', async () => {
    const run = await kubrick(
      '--event=comment.json',
      '--event-name=issue_comment',
      '--actor-permission',
      'write'
    );
    expect(run.code).toBe(0);
    expect(decisionOf(run.stdout)).toMatchObject({ action: 'run', mode: 'fix', task: 'the typo' });
    const denied = await kubrick(
      '--event',
      'comment.json',
      '--event-name',
      'issue_comment',
      '--actor-permission',
      'read'
    );
    expect(denied.code).toBe(0);
    expect(decisionOf(denied.stdout)).toMatchObject({ action: 'ignore' });
  });

  it('exits 0 for a refusal too', async () => {
    const { code, stdout } = await kubrick('--event', 'schedule.json', '--event-name', 'schedule');
    expect(code).toBe(0);
    expect(decisionOf(stdout)).toMatchObject({ action: 'refuse' });
  });

  it('takes settings from --config', async () => {
    const scheduled = await kubrick(
      '--event',
      'schedule.json',
      '--event-name',
      'schedule',
      '--config',
      'kubrick.yml'
    );
    expect(decisionOf(scheduled.stdout)).toMatchObject({ action: 'run', task: 'Refresh the lockfile' });
    const writer = await kubrick(
      '--event',
      'pr-review.json',
      '--event-name',
      'issue_comment',
      '--actor-permission',
      'write',
      '--config',
      'kubrick.yml'
    );
    expect(decisionOf(writer.stdout)).toMatchObject({ action: 'ignore' });
  });

  it('ignores its own account with --bot-login', async () => {
    const { stdout } = await kubrick(
      '--event',
      'comment.json',
      '--event-name',
      'issue_comment',
      '--actor-permission',
      'admin',
      '--bot-login',
      'Codertocat'
    );
    expect(decisionOf(stdout)).toMatchObject({ action: 'ignore' });
  });

  it.each([
    [[], /missing --event and --event-name/],
    [['--event', 'comment.json'], /missing --event-name/],
    [
      ['--event', 'comment.json', '--event-name', 'issue_comment', '--actor-permission', 'owner'],
      /must be one of/
    ],
    [['--event', 'comment.json', '--event-name'], /--event-name needs a value/],
    [['--event', 'comment.json', '--event-name', 'x', '--verbose'], /unknown argument "--verbose"/],
    [
      ['--event', 'missing.json', '--event-name', 'issue_comment'],
      /cannot read the event file "missing.json" \(ENOENT\)/
    ],
    [['--event', 'broken.json', '--event-name', 'issue_comment'], /is not valid JSON/],
    [
      ['--event', 'comment.json', '--event-name', 'issue_comment', '--config', 'bad.yml'],
      /required_permission: "owner"/
    ]
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, stdout, stderr } = await kubrick(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help', async () => {
    const { code, stdout } = await kubrick('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--actor-permission');
  });
});
