/**
 * `kubrick run` with the repository's MCP servers, through the bundled CLI (dist/cli.js) as its own
 * process: the test server has two tools, one allowed by the policy and one not. Run `npm run
 * bundle` first.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { REPO_ROOT } from '../../test-support/action-runner.js';
import { commitTree } from '../../test-support/local-repo.js';
import {
  startScriptedModel,
  type ScriptedModel,
  type Turn
} from '../../test-support/scripted-model/server.js';
import { callsReceived, serverLog, serverYaml } from './helpers.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const API_KEY = 'sk-canary-apikey-mcp-5b7e0a1c9d';
const GITHUB_TOKEN = 'ghs_canarytokenmcp0000000000000000000000';
const CANARY = 'CANARY-MCP-RUNNER-2e4f';

let dir: string;
let repo: string;
let log: string;
let model: ScriptedModel | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-mcp-cli-'));
  repo = join(dir, 'repo');
  log = join(dir, 'tickets.log');
  const files: Record<string, string> = {
    ...SAMPLE_FILES,
    '.github/kubrick.yml': ['mcp_servers:', serverYaml('tickets', log), ''].join('\n'),
    '.github/kubrick-policy.yml': [
      'version: 1',
      'allow: ["npm test"]',
      'mcp:',
      '  allow: ["tickets.lookup_*"]',
      'tests:',
      '  mcp_deny: [tickets.delete_ticket]',
      ''
    ].join('\n')
  };
  commitTree(repo, files, { PATH: process.env.PATH, HOME: dir });
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function runCli(turns: Turn[], extraArgs: string[] = []) {
  model = await startScriptedModel(turns);
  const transcript = join(dir, 'transcript.jsonl');
  const child = spawn(
    process.execPath,
    [
      CLI,
      'run',
      '--task',
      'what does ticket 7 say?',
      '--repo',
      repo,
      '--base-url',
      model.url,
      '--model',
      'scripted',
      '--json',
      '--transcript',
      transcript,
      ...extraArgs
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        KUBRICK_API_KEY: API_KEY,
        GITHUB_TOKEN,
        RUNNER_CANARY: CANARY
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += String(chunk)));
  child.stderr.on('data', chunk => (stderr += String(chunk)));
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve));
  return { exitCode, stdout, stderr, transcript: readFileSync(transcript, 'utf8') };
}

const TURNS: Turn[] = [
  {
    toolCalls: [
      { name: 'mcp__tickets__lookup_ticket', arguments: { id: 7 } },
      { name: 'mcp__tickets__delete_ticket', arguments: { id: 7 } }
    ]
  },
  { toolCalls: [{ name: 'finish', arguments: { summary: 'Ticket 7: login fails on Safari 17.' } }] }
];

describe('kubrick run with MCP servers', () => {
  it('offers only the allowed tool, calls it, refuses the other before the server, and counts both', async () => {
    const run = await runCli(TURNS);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(
      '[1] ✓ mcp__tickets__lookup_ticket\n[1] ✗ mcp__tickets__delete_ticket\n[2] ✓ finish\n'
    );
    const tools = (model!.requests[0]!.body as { tools: { function: { name: string } }[] }).tools.map(
      t => t.function.name
    );
    expect(tools.filter(name => name.startsWith('mcp__'))).toEqual(['mcp__tickets__lookup_ticket']);
    expect(JSON.stringify(model!.requests[1]!.body)).toContain('Ticket #7: Login fails on Safari 17');
    expect(callsReceived(log)).toEqual([{ tool: 'lookup_ticket', arguments: { id: 7 } }]);

    const report = JSON.parse(run.stdout) as {
      tool_calls: number;
      conclusion: string;
      mcp: Record<string, unknown>;
    };
    expect(report.conclusion).toBe('no_changes');
    expect(report.tool_calls).toBe(3);
    expect(report.mcp).toMatchObject({
      offered: ['tickets.lookup_ticket'],
      calls: 1,
      refused: 1,
      servers: [{ name: 'tickets', state: 'started', reason: null, offered: 1 }],
      tools: [
        { name: 'tickets.delete_ticket', calls: 0, refused: 1 },
        { name: 'tickets.lookup_ticket', calls: 1, refused: 0, failed: 0 }
      ]
    });

    const events = run.transcript
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as Record<string, unknown>);
    expect(
      events.filter(e => e.type === 'mcp_decision').map(e => [e.tool, e.decision, e.rule ?? null])
    ).toEqual([
      ['tickets.lookup_ticket', 'allow', null],
      ['tickets.delete_ticket', 'deny', 'mcp-not-allowed']
    ]);
    expect(events.filter(e => e.type === 'tool_result').map(e => [e.name, e.ok])).toEqual([
      ['mcp__tickets__lookup_ticket', true],
      ['mcp__tickets__delete_ticket', false],
      ['finish', true]
    ]);
  });

  it('never gives the server the API key, a token or anything else of the caller', async () => {
    await runCli(TURNS);
    const [started] = serverLog(log);
    const dump = JSON.stringify(started);
    for (const secret of [API_KEY, GITHUB_TOKEN, CANARY, 'KUBRICK_']) expect(dump).not.toContain(secret);
    expect(Object.keys(started!.env!).sort()).toEqual(['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER']);
  });

  it('starts no server with --no-mcp', async () => {
    const run = await runCli([TURNS[1]!], ['--no-mcp']);
    expect(run.exitCode).toBe(0);
    expect(serverLog(log)).toEqual([]);
    const tools = (model!.requests[0]!.body as { tools: { function: { name: string } }[] }).tools.map(
      t => t.function.name
    );
    expect(tools.some(name => name.startsWith('mcp__'))).toBe(false);
    expect((JSON.parse(run.stdout) as { mcp: unknown }).mcp).toBeNull();
  });
});
