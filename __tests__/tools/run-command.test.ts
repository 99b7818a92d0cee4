import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Policy } from '../../src/policy/types.js';
import { createSandbox } from '../../src/sandbox/create.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import {
  createCommandRunner,
  runCommandTool,
  type CommandRunnerOptions
} from '../../src/tools/run-command.js';
import type { ToolContext } from '../../src/tools/types.js';
import type { Workspace } from '../../src/tools/workspace.js';
import { eventually, processesWith } from '../sandbox/helpers.js';

const canary = `KUBRICK_CANARY_${randomUUID()}`;
const entry = (text: string) => ({ text, words: text.split(' ') });
const policy: Policy = {
  version: 1,
  allow: ['printenv', 'sh', 'echo', 'head'].map(entry),
  deny: [entry('git push')],
  source: 'test policy'
};

let workspace: string;
let none: Sandbox;
let namespaces: Sandbox;
const events: Array<Record<string, unknown>> = [];

function runner(sandbox: Sandbox, overrides: Partial<CommandRunnerOptions> = {}) {
  return createCommandRunner({
    policy,
    policyContext: { workspace, protectedPaths: ['.git/**'] },
    sandbox,
    toolTimeoutMs: 20_000,
    passthrough: ['HARMLESS', 'GITHUB_TOKEN', 'INPUT_API_KEY'],
    parentEnv: {
      ...process.env,
      KUBRICK_TEST_CANARY: canary,
      GITHUB_TOKEN: canary,
      INPUT_API_KEY: canary,
      HARMLESS: 'ok'
    },
    record: event => events.push(event),
    ...overrides
  });
}

function toolContext(commands?: ReturnType<typeof runner>): ToolContext {
  return {
    workspace: {} as Workspace,
    mode: 'fix',
    signal: new AbortController().signal,
    ...(commands ? { commands } : {})
  };
}

beforeAll(async () => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'kubrick-run-ws-')));
  none = await createSandbox({
    mode: 'none',
    allowNetwork: false,
    workspace,
    extraPaths: [],
    env: process.env
  });
  namespaces = await createSandbox({
    mode: 'namespaces',
    allowNetwork: false,
    workspace,
    extraPaths: [],
    env: process.env
  });
});

afterAll(async () => {
  await namespaces?.close?.();
  rmSync(workspace, { recursive: true, force: true });
});

describe.each([
  ['none', () => none],
  ['namespaces', () => namespaces]
])('run_command with sandbox %s', (_name, sandbox) => {
  test('a canary secret in the parent environment is not visible to a command printing its environment', async () => {
    const result = await runCommandTool.run({ command: 'printenv' }, toolContext(runner(sandbox())));
    expect(result.ok).toBe(true);
    expect(result.content).toContain('CI=true');
    expect(result.content).toContain('HARMLESS=ok');
    expect(result.content).not.toContain(canary);
  });

  test('HOME is a fresh directory, not the runner’s', async () => {
    const result = await runCommandTool.run({ command: 'printenv HOME' }, toolContext(runner(sandbox())));
    const home = result.content.split('--- stdout ---\n')[1]!.split('\n')[0]!;
    expect(home).not.toBe(homedir());
    expect(home.startsWith('/')).toBe(true);
  });

  test('every command gets a fresh, empty HOME and TMPDIR and the sandbox’s PATH', async () => {
    writeFileSync(
      join(workspace, 'scratch.sh'),
      'printenv HOME\nprintenv TMPDIR\nls -A "$HOME" "$TMPDIR"\necho kept > "$HOME/left"\necho kept > "$TMPDIR/left"\nprintenv PATH\n'
    );
    const stdoutOf = (content: string) => content.split('--- stdout ---\n')[1]!.split('\n--- stderr')[0]!;
    const first = await runCommandTool.run({ command: 'sh scratch.sh' }, toolContext(runner(sandbox())));
    const second = await runCommandTool.run({ command: 'sh scratch.sh' }, toolContext(runner(sandbox())));
    for (const result of [first, second]) {
      expect(result.ok).toBe(true);
      const [home, tmp, ...rest] = stdoutOf(result.content).split('\n');
      expect(home).not.toBe(homedir());
      expect(tmp).not.toBe(process.env.TMPDIR ?? '');
      expect(home!.startsWith('/') && tmp!.startsWith('/')).toBe(true);
      // Nothing listed: both were empty, although the first command left files in them.
      expect(rest.join('\n')).not.toMatch(/^left$/m);
      // The sandbox's PATH, with the Node that runs Kubrick, not the parent's.
      expect(rest.join('\n')).toContain(dirname(process.execPath));
    }
  });

  test('a command that starts sleep 300 in the background and overruns the timeout leaves nothing alive', async () => {
    const marker = `kubrick-marker-${randomUUID()}`;
    writeFileSync(join(workspace, 'spawn.sh'), `sh -c "sleep 300; echo ${marker}" &\nsleep 300\n`);
    const result = await runCommandTool.run(
      { command: 'sh spawn.sh' },
      toolContext(runner(sandbox(), { toolTimeoutMs: 700 }))
    );
    expect(result.ok).toBe(false);
    expect(result.content).toContain('timed out');
    expect(await eventually(() => processesWith(marker).length === 0, 5000)).toBe(true);
  });

  test('output larger than the cap is cut with a note', async () => {
    writeFileSync(
      join(workspace, 'big.sh'),
      'echo START\nhead -c 100000 /dev/zero | tr "\\0" y\necho\necho END\n'
    );
    const result = await runCommandTool.run(
      { command: 'sh big.sh' },
      toolContext(runner(sandbox(), { maxOutputBytes: 2000 }))
    );
    expect(result.content).toMatch(/--- stdout \(\d+ bytes cut from the middle\) ---/);
    expect(result.content).toContain('START');
    expect(result.content).toContain('END');
    expect(result.content.length).toBeLessThan(5000);
  });
});

describe('run_command without a sandbox', () => {
  test('HOME and TMPDIR are new directories for each command, removed once it ended', async () => {
    writeFileSync(join(workspace, 'dirs.sh'), 'printenv HOME\nprintenv TMPDIR\nls -A "$HOME" "$TMPDIR"\n');
    const seen: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const outcome = await runner(none).run('sh dirs.sh', new AbortController().signal);
      expect(outcome.result?.exitCode).toBe(0);
      const lines = outcome.result!.stdout.trimEnd().split('\n');
      const [home, tmp] = lines;
      expect(home).not.toBe(homedir());
      expect(home!.startsWith(tmpdir())).toBe(true);
      expect(tmp!.startsWith(tmpdir())).toBe(true);
      // ls printed its two headings and nothing else: both directories were empty.
      expect(lines.slice(2).filter(line => line !== '')).toEqual([`${home}:`, `${tmp}:`]);
      expect(existsSync(home!)).toBe(false);
      expect(existsSync(tmp!)).toBe(false);
      expect(existsSync(dirname(home!))).toBe(false);
      seen.push([home!, tmp!]);
    }
    expect(seen[0]![0]).not.toBe(seen[1]![0]);
    expect(seen[0]![1]).not.toBe(seen[1]![1]);
  });
});

describe('run_command decisions', () => {
  test('a denied command is not run and the model is told why and what is allowed', async () => {
    const commands = runner(none);
    const result = await runCommandTool.run(
      { command: 'echo hi; git push origin main' },
      toolContext(commands)
    );
    expect(result.ok).toBe(false);
    expect(result.content).toContain('Command denied');
    expect(result.content).toContain('`printenv`');
    expect(commands.deniedCount).toBe(1);
    expect(events.some(e => e.type === 'policy_decision' && e.decision === 'deny')).toBe(true);
    // The transcript names the rule that refused the command.
    expect(events.find(e => e.type === 'policy_decision' && e.decision === 'deny')?.rule).toEqual(
      expect.any(String)
    );
  });

  test('no policy file means nothing runs', async () => {
    const commands = runner(none, { policy: null });
    const outcome = await commands.run('echo hi', new AbortController().signal);
    expect(outcome.result).toBeUndefined();
    expect(outcome.denial).toContain('no command policy file');
  });

  test('without a command runner the tool says commands are not available in this mode', async () => {
    const result = await runCommandTool.run({ command: 'echo hi' }, toolContext());
    expect(result.ok).toBe(false);
    expect(result.content).toContain('not available in this mode');
  });

  test('an allowed command reports exit code and output, and is recorded', async () => {
    const result = await runCommandTool.run(
      { command: 'sh -c "echo out; echo err >&2; exit 3"' },
      toolContext(runner(none))
    );
    expect(result.ok).toBe(false);
    expect(result.content).toContain('Status: exit code 3');
    expect(result.content).toContain('out');
    expect(result.content).toContain('err');
    expect(result.content).toContain('Sandbox: none');
    expect(events.some(e => e.type === 'command_result' && e.exitCode === 3)).toBe(true);
  });
});
