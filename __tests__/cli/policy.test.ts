import { Readable } from 'node:stream';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { policyCommand } from '../../src/cli/policy.js';
import type { CliIo } from '../../src/cli/io.js';

const FIXTURES = path.join(import.meta.dirname, '../../__fixtures__/policies');

function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    env: {},
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    stdin: Readable.from([stdin]),
    cwd: FIXTURES
  };
  return io;
}

describe('kubrick policy check', () => {
  it('prints allow and exits 0 for an allowed command', async () => {
    const io = fakeIo();
    expect(
      await policyCommand(['check', '--policy', 'generous.yml', '--', 'npm test 2>&1 | grep FAIL'], io)
    ).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ decision: 'allow', reason: expect.stringContaining('npm test') });
  });

  it('prints deny and exits 1 for a denied command', async () => {
    const io = fakeIo();
    expect(await policyCommand(['check', '--policy', 'generous.yml', 'cat ../../etc/passwd'], io)).toBe(1);
    const line = JSON.parse(io.out) as { decision: string; rule: string; reason: string };
    expect(line.decision).toBe('deny');
    expect(line.rule).toBe('path-outside');
    expect(line.reason).toContain('leaves the workspace');
    expect(io.out.endsWith('\n')).toBe(true);
  });

  it('checks paths against --cwd', async () => {
    const io = fakeIo();
    const cwd = path.join(FIXTURES, '..');
    expect(
      await policyCommand(
        ['check', '--policy', 'generous.yml', '--cwd', cwd, 'cat policies/interpreters.yml'],
        io
      )
    ).toBe(0);
    // The policy file itself is protected when it lies inside the checked workspace.
    const own = fakeIo();
    expect(
      await policyCommand(
        ['check', '--policy', 'generous.yml', '--cwd', cwd, 'cp x policies/generous.yml'],
        own
      )
    ).toBe(1);
    expect(own.out).toContain('protected path');
  });

  it('exits 2 with the problem on stderr for an invalid policy', async () => {
    const io = fakeIo();
    expect(await policyCommand(['check', '--policy', 'invalid-self-test.yml', 'ls'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toContain('self-test tests.allow[1] "npm run lint" was denied');
    const unknown = fakeIo();
    expect(await policyCommand(['check', '--policy', 'unknown-key.yml', 'ls'], unknown)).toBe(2);
    expect(unknown.err).toContain('unknown key "allwo"');
    const entry = fakeIo();
    expect(await policyCommand(['check', '--policy', 'bad-entry.yml', 'ls'], entry)).toBe(2);
    expect(entry.err).toContain('allow[1]');
  });

  it('exits 2 on usage errors and a missing file', async () => {
    await expect(policyCommand(['check', 'ls'], fakeIo())).rejects.toThrow('--policy FILE is required');
    await expect(policyCommand(['check', '--policy', 'generous.yml'], fakeIo())).rejects.toThrow(
      'no command given'
    );
    await expect(policyCommand(['frobnicate'], fakeIo())).rejects.toThrow('unknown subcommand');
    const io = fakeIo();
    expect(await policyCommand(['check', '--policy', 'missing.yml', 'ls'], io)).toBe(2);
    expect(io.err).toContain('cannot read the policy file missing.yml');
  });

  it('--stdin answers one line per input, in order, and survives malformed lines', async () => {
    const input = [
      JSON.stringify({ command: 'npm test' }),
      'not json',
      JSON.stringify({ command: 'rm -fr /' }),
      JSON.stringify({ cmd: 'ls' }),
      JSON.stringify({ command: 'git diff > patch.diff' })
    ].join('\n');
    const io = fakeIo(`${input}\n`);
    expect(await policyCommand(['check', '--policy', 'generous.yml', '--stdin'], io)).toBe(0);
    const lines = io.out
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as { decision: string; rule?: string; reason: string });
    expect(lines.map(line => line.decision)).toEqual(['allow', 'deny', 'deny', 'deny', 'allow']);
    // Every deny names its rule; an allow has none.
    expect(lines.map(line => line.rule)).toEqual([
      undefined,
      'parse-error',
      'path-outside',
      'parse-error',
      undefined
    ]);
    expect(lines[1]?.reason).toContain('not valid JSON');
    expect(lines[3]?.reason).toContain('"command"');
  });

  it('--help prints usage', async () => {
    const io = fakeIo();
    expect(await policyCommand(['--help'], io)).toBe(0);
    expect(io.out).toContain('kubrick policy check --policy FILE');
  });
});
