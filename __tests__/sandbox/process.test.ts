import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { runProcess } from '../../src/sandbox/process.js';
import { HeadTailBuffer } from '../../src/sandbox/output-cap.js';
import { eventually, processesWith } from './helpers.js';

const base = { cwd: tmpdir(), env: { PATH: '/usr/bin:/bin' }, timeoutMs: 10_000, maxOutputBytes: 10_000 };

describe('runProcess', () => {
  test('a timeout kills the whole group, background grandchildren included, and returns promptly', async () => {
    const marker = `kubrick-marker-${randomUUID()}`;
    const started = Date.now();
    const result = await runProcess({
      ...base,
      argv: [
        'sh',
        '-c',
        `(sh -c "sleep 300; echo ${marker}" &); sh -c "sleep 300; echo ${marker}" & sleep 300`
      ],
      timeoutMs: 500
    });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await eventually(() => processesWith(marker).length === 0)).toBe(true);
  });

  test('a background child holding the pipes open does not keep us waiting after the command exits', async () => {
    const marker = `kubrick-marker-${randomUUID()}`;
    const result = await runProcess({
      ...base,
      argv: ['sh', '-c', `sh -c "sleep 300; echo ${marker}" & echo done`]
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('done\n');
    expect(result.timedOut).toBe(false);
    expect(await eventually(() => processesWith(marker).length === 0)).toBe(true);
  });

  test('abort stops the command', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await runProcess({ ...base, argv: ['sleep', '30'], signal: controller.signal });
    expect(result.aborted).toBe(true);
    expect(result.timedOut).toBe(false);
  });

  test('output above the cap keeps head and tail and says how much was cut', async () => {
    const result = await runProcess({
      ...base,
      argv: ['sh', '-c', 'echo FIRST; head -c 200000 /dev/zero | tr "\\0" x; echo; echo LAST'],
      maxOutputBytes: 1000
    });
    expect(result.stdout.startsWith('FIRST\n')).toBe(true);
    expect(result.stdout.trimEnd().endsWith('LAST')).toBe(true);
    expect(result.cut.stdout).toBe(200000 + 6 + 1 + 5 - 1000);
    expect(result.stdout).toContain(`${result.cut.stdout} bytes cut`);
  });

  test('runs argv without a shell, with exactly the given environment, stdin closed', async () => {
    const result = await runProcess({ ...base, argv: ['/usr/bin/env'], env: { ONLY: 'this' } });
    expect(result.stdout).toBe('ONLY=this\n');
    const stdin = await runProcess({ ...base, argv: ['cat'] });
    expect(stdin.exitCode).toBe(0);
    const literal = await runProcess({ ...base, argv: ['echo', '$(id)', ';', 'ls'] });
    expect(literal.stdout).toBe('$(id) ; ls\n');
  });

  test('a program that does not exist is reported, not thrown', async () => {
    const result = await runProcess({ ...base, argv: ['/nonexistent/kubrick-prog'] });
    expect(result.exitCode).toBeNull();
    expect(result.stderr).toContain('could not start /nonexistent/kubrick-prog');
  });
});

describe('HeadTailBuffer', () => {
  test('splits the budget 70/30 across many small chunks', () => {
    const buffer = new HeadTailBuffer(10);
    for (const ch of 'abcdefghijklmnopqrstuvwxyz') buffer.push(Buffer.from(ch));
    expect(buffer.cutBytes).toBe(16);
    expect(buffer.text()).toBe('abcdefg\n[… 16 bytes cut from the middle of this output …]\nxyz');
  });
});
