/**
 * The workspace's `.git` is read-only inside the namespace sandbox. Kubrick's own git runs on the
 * host, outside the sandbox, as a child of the process that holds the token: a `.git/config` a
 * command could write would let code the model wrote run there (a filter driver on `git add`,
 * `core.sshCommand` or `remote.*.receivepack` on push). canaries.test.ts shows the full attack end to
 * end; this pins the barrier itself with real processes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSandbox } from '../../src/sandbox/create.js';
import type { Sandbox } from '../../src/sandbox/types.js';

let workspace: string;
let sandbox: Sandbox;
let configBefore: string;
const nodeBin = dirname(process.execPath);

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'kubrick-gitdir-'));
  execFileSync('git', ['init', '-q', workspace]);
  configBefore = readFileSync(join(workspace, '.git/config'), 'utf8');
  sandbox = await createSandbox({
    mode: 'namespaces',
    allowNetwork: false,
    workspace,
    extraPaths: [],
    env: process.env
  });
});
afterAll(async () => {
  await sandbox?.close?.();
  rmSync(workspace, { recursive: true, force: true });
});

/** Runs a Node script in the sandbox; it prints one line per attempt. */
async function inSandbox(script: string): Promise<string> {
  const result = await sandbox.run({
    argv: [process.execPath, '-e', script],
    cwd: workspace,
    env: { PATH: `${nodeBin}:/usr/bin:/bin`, HOME: '/unused', TMPDIR: '/unused' },
    timeoutMs: 20_000,
    maxOutputBytes: 100_000
  });
  return result.stdout + result.stderr;
}

describe('the workspace .git inside the namespace sandbox', () => {
  it('cannot be changed, replaced or removed by a command', async () => {
    const out = await inSandbox(`
      const fs = require('node:fs');
      const attempt = (name, fn) => { try { fn(); console.log(name + ': done'); } catch (e) { console.log(name + ': ' + e.code); } };
      attempt('config', () => fs.appendFileSync('.git/config', '[filter "x"]\\n\\tclean = sh evil\\n'));
      attempt('hook', () => fs.writeFileSync('.git/hooks/pre-commit', 'evil'));
      attempt('alternates', () => fs.writeFileSync('.git/objects/info/alternates', '/tmp'));
      attempt('rename', () => fs.renameSync('.git', 'old-git'));
      attempt('remove', () => fs.rmSync('.git', { recursive: true }));
      attempt('file', () => fs.writeFileSync('allowed.txt', 'ok'));
    `);
    expect(out).toContain('config: EROFS');
    expect(out).toContain('hook: EROFS');
    expect(out).toContain('alternates: EROFS');
    // A mount point can be neither moved nor removed.
    expect(out).toMatch(/rename: (EBUSY|EROFS|EPERM)/);
    expect(out).toMatch(/remove: /);
    expect(out).not.toContain('remove: done');
    // The rest of the workspace stays writable.
    expect(out).toContain('file: done');
    expect(readFileSync(join(workspace, '.git/config'), 'utf8')).toBe(configBefore);
    expect(readFileSync(join(workspace, 'allowed.txt'), 'utf8')).toBe('ok');
  });

  it('still lets read-only git commands work', async () => {
    const out = await inSandbox(`
      const r = require('node:child_process').spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' });
      console.log('exit ' + r.status + ' ' + r.stdout.trim());
    `);
    expect(out).toMatch(/exit 0 .*allowed\.txt/);
  });
});
