/**
 * When Kubrick runs as root, commands run as a uid of their own and the workspace is lent to that
 * uid. It is lent once: what Kubrick's file tools write afterwards is given to the command's uid
 * as it is written, and only a write from outside the sandbox (an MCP server) lends it again.
 * Only meaningful as root (CI); as an ordinary user commands run as the workspace's owner.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, statSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgentSession } from '../../src/agent/session.js';
import { Transcript } from '../../src/agent/transcript.js';
import { loadPolicy } from '../../src/policy/load.js';
import { Redactor } from '../../src/report/redact.js';
import { createSandbox } from '../../src/sandbox/create.js';
import type { ExecResult, Sandbox } from '../../src/sandbox/types.js';
import { Workspace } from '../../src/tools/workspace.js';
import { startScriptedModel } from '../../test-support/scripted-model/server.js';
import { client } from '../llm/helpers.js';
import { settingsWith } from '../trigger/webhook-examples.js';

const asRoot = process.getuid?.() === 0;

let dir: string;
let workspace: string;
let sandbox: Sandbox;

function sh(script: string): Promise<ExecResult> {
  return sandbox.run({
    argv: ['/bin/sh', '-c', script],
    cwd: workspace,
    env: { PATH: '/usr/bin:/bin', HOME: '/unused', TMPDIR: '/unused' },
    timeoutMs: 30_000,
    maxOutputBytes: 100_000
  });
}

(asRoot ? describe : describe.skip)('the workspace lent to the command’s uid (Kubrick as root)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubrick-lending-'));
    chmodSync(dir, 0o755);
    workspace = join(dir, 'repo');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'a.txt'), 'a\n');
    sandbox = await createSandbox({
      mode: 'namespaces',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: { HOME: join(dir, 'home'), RUNNER_TEMP: join(dir, 'temp'), PATH: '/usr/bin:/bin' }
    });
  }, 60_000);

  afterAll(async () => {
    await sandbox?.close?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a command can change what was there before it', async () => {
    expect(sandbox.commandOwner?.uid).toBeGreaterThan(0);
    const result = await sh('echo b >> a.txt && id -u');
    expect(result.exitCode).toBe(0);
    expect(Number(result.stdout.trim())).toBe(sandbox.commandOwner!.uid);
  });

  test('what Kubrick’s file tools write afterwards (new directories too) belongs to the command’s uid', async () => {
    const owner = sandbox.commandOwner!;
    let unowned = 0;
    const tools = await Workspace.open({
      root: workspace,
      maxFileSizeBytes: 1024 * 1024,
      protectedPaths: [],
      env: { PATH: '/usr/bin:/bin' },
      owner: { ...owner, unowned: () => unowned++ }
    });
    await tools.writeText('src/deep/new.ts', 'export const x = 1;\n');
    await tools.writeText('a.txt', 'rewritten\n');
    expect(unowned).toBe(0);
    for (const path of ['src', 'src/deep', 'src/deep/new.ts', 'a.txt'])
      expect([path, statSync(join(workspace, path)).uid]).toEqual([path, owner.uid]);
    const result = await sh('echo y >> src/deep/new.ts && touch src/deep/other.ts && rm a.txt');
    expect([result.exitCode, result.stderr]).toEqual([0, '']);
  });

  test('a file written from outside the sandbox is lent only after the sandbox is told', async () => {
    writeFileSync(join(workspace, 'from-outside.txt'), 'written by root\n');
    // Lent once and untouched: no walk of the workspace before this command, so the file is root's.
    const before = await sh('echo x >> from-outside.txt');
    expect(before.exitCode).not.toBe(0);
    expect(before.stderr).toMatch(/Permission denied/i);
    sandbox.workspaceTouched?.();
    const after = await sh('echo x >> from-outside.txt');
    expect([after.exitCode, after.stderr]).toEqual([0, '']);
  });

  test('on close, everything is the workspace owner’s again, the files commands made included', async () => {
    await sh('touch made-by-command.txt');
    await sandbox.close?.();
    for (const path of ['src/deep/new.ts', 'src/deep/other.ts', 'from-outside.txt', 'made-by-command.txt'])
      expect([path, statSync(join(workspace, path)).uid]).toEqual([path, 0]);
  });

  test('through an agent session: a file the model wrote into a new directory, a command can replace', async () => {
    const session = await createSandbox({
      mode: 'namespaces',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: { HOME: join(dir, 'home'), RUNNER_TEMP: join(dir, 'temp'), PATH: '/usr/bin:/bin' }
    });
    const call = (name: string, args: Record<string, unknown>) => ({ name, arguments: args });
    const model = await startScriptedModel([
      // A first command: the workspace is lent now, before the model writes anything.
      { toolCalls: [call('run_command', { command: 'touch started.txt' })] },
      { toolCalls: [call('write_file', { path: 'gen/made/by-model.txt', content: 'first\n' })] },
      {
        toolCalls: [
          call('run_command', { command: 'rm gen/made/by-model.txt && touch gen/made/by-command.txt' })
        ]
      },
      { toolCalls: [call('finish', { summary: 'done' })] }
    ]);
    try {
      const result = await runAgentSession({
        settings: settingsWith({ model: 'scripted' }),
        mode: 'fix',
        task: 'Make the files.',
        workspaceRoot: workspace,
        policy: loadPolicy('version: 1\nallow:\n  - rm\n  - touch\n', 'policy.yml'),
        sandbox: session,
        llm: client('openai', model.url, { toolProtocol: 'native', maxAttempts: 1 }),
        env: { PATH: '/usr/bin:/bin' },
        transcript: new Transcript(null, new Redactor([]))
      });
      expect(result.conclusion).toBe('success');
      const refused = /[^"]*Permission denied[^"]*/i.exec(JSON.stringify(model.requests[3]?.body));
      expect(refused?.[0] ?? null).toBeNull();
      expect(statSync(join(workspace, 'gen/made/by-command.txt')).isFile()).toBe(true);
      expect(() => statSync(join(workspace, 'gen/made/by-model.txt'))).toThrow();
    } finally {
      await model.close();
      await session.close?.();
    }
  });
});
