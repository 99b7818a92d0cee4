/**
 * MCP servers in the action, end to end and in process: the repository config on the default
 * branch names a ticket server (two tools of interest: one allowed by the policy, one not) and a
 * server that exits at start. What the model is offered, what reaches the server (its own log),
 * what the server sees of the runner, and what the final comment says.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { finishWith } from '../../__fixtures__/trajectories.js';
import type { CliIo } from '../../src/cli/io.js';
import { replayCommand } from '../../src/cli/replay.js';
import { API_KEY, TOKEN, type World } from '../../test-support/action-runner.js';
import { commentOnNewIssue, commentOnNewPull, commitOnRemote } from '../../test-support/scenario-helpers.js';
import { SAMPLE_WORLD, worldPerFile } from '../../test-support/world-per-file.js';
import { callsReceived, serverLog, serverYaml } from './helpers.js';
import { splitMasks } from '../../test-support/workflow-log.js';

const logs = mkdtempSync(join(tmpdir(), 'kubrick-mcp-action-'));
const TICKETS_LOG = join(logs, 'tickets.log');
const BROKEN_LOG = join(logs, 'broken.log');
const EVIL_LOG = join(logs, 'evil.log');
const CANARY = 'CANARY-RUNNER-ENV-4c1d9e';
const TICKETS_TOKEN = 'tickets-token-value-8e2f71';

const POLICY = [
  'version: 1',
  'allow: ["npm test", "ls", "cat"]',
  'mcp:',
  '  allow: ["tickets.lookup_*", "tickets.add_comment", "tickets.wait_forever", "broken.*"]',
  'tests:',
  '  mcp_allow: [tickets.lookup_ticket]',
  '  mcp_deny: [tickets.delete_ticket]',
  ''
].join('\n');

const CONFIG = [
  'mcp_servers:',
  serverYaml('tickets', TICKETS_LOG, {
    extra: ['add_comment', 'wait_forever'],
    env: '{TICKETS_TOKEN: {from_env: TICKETS_TOKEN}}'
  }),
  serverYaml('broken', BROKEN_LOG, { flags: ['--exit-at-start'] }),
  ''
].join('\n');

let world: World;

worldPerFile(
  {
    ...SAMPLE_WORLD,
    files: { ...SAMPLE_FILES, '.github/kubrick-policy.yml': POLICY, '.github/kubrick.yml': CONFIG }
  },
  created => (world = created)
);

afterAll(() => rmSync(logs, { recursive: true, force: true }));

const RUNNER_ENV = { GITHUB_TOKEN: TOKEN, RUNNER_CANARY: CANARY, TICKETS_TOKEN };

interface ToolOffer {
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

function offeredTools(request: { body: unknown }): string[] {
  const tools = (request.body as { tools?: ToolOffer[] }).tools ?? [];
  return tools.map(tool => tool.function.name);
}

async function replay(transcript: string): Promise<string> {
  let out = '';
  const io = {
    env: {},
    cwd: '/',
    stdin: process.stdin,
    stdout: (t: string) => void (out += t),
    stderr: () => undefined
  } as CliIo;
  await replayCommand([transcript], io);
  return out;
}

describe('MCP tools in a fix run', () => {
  it('offers the allowed tools only, runs the allowed call, refuses the other, and says so', async () => {
    const { number, payload } = await commentOnNewIssue(
      world,
      { title: 'Login fails', body: 'See ticket 7' },
      '/kubrick fix the login bug from ticket 7'
    );
    const before = world.model.requests.length;
    world.turns.push(
      {
        toolCalls: [
          { name: 'mcp__tickets__lookup_ticket', arguments: { id: 7 } },
          { name: 'mcp__tickets__delete_ticket', arguments: { id: 7 } }
        ]
      },
      { toolCalls: [{ name: 'mcp__tickets__wait_forever', arguments: {} }] },
      finishWith('Read ticket 7; nothing to change in this repository.')
    );
    const run = await world.run({
      eventName: 'issue_comment',
      payload,
      inputs: { tool_timeout: '2' },
      env: RUNNER_ENV
    });
    expect(run.outputs.conclusion).toBe('no_changes');
    expect(run.outputs.tool_calls).toBe('4');

    // Offered: the allowed tools of the ticket server, stable and after the built-in ones; finish last.
    const requests = world.model.requests.slice(before);
    const offered = offeredTools(requests[0]!);
    expect(offered.filter(name => name.startsWith('mcp__'))).toEqual([
      'mcp__tickets__add_comment',
      'mcp__tickets__lookup_ticket',
      'mcp__tickets__wait_forever'
    ]);
    expect(offered.at(-1)).toBe('finish');
    // Listed once at start: every request of the run carries the same tools, byte for byte.
    const toolsJson = (request: { body: unknown }) =>
      JSON.stringify((request.body as { tools?: unknown }).tools);
    for (const request of requests) expect(toolsJson(request)).toBe(toolsJson(requests[0]!));
    const lookup = ((requests[0]!.body as { tools: ToolOffer[] }).tools ?? []).find(
      tool => tool.function.name === 'mcp__tickets__lookup_ticket'
    )!;
    expect(lookup.function.description).toContain('Look up a ticket by its number');
    expect(lookup.function.parameters).toMatchObject({ required: ['id'] });

    // The allowed call reached the server and its answer reached the model, as data; the other did not.
    expect(callsReceived(TICKETS_LOG)).toEqual([
      { tool: 'lookup_ticket', arguments: { id: 7 } },
      { tool: 'wait_forever', arguments: {} }
    ]);
    const second = JSON.stringify(requests[1]!.body);
    expect(second).toContain('Ticket #7: Login fails on Safari 17');
    expect(second).toContain('UNTRUSTED MCP tickets.lookup_ticket result');
    expect(second).toContain(
      'mcp__tickets__delete_ticket is not available: no mcp.allow entry of the policy matches tickets.delete_ticket'
    );
    const third = JSON.stringify(requests[2]!.body);
    expect(third).toContain('mcp__tickets__wait_forever failed: no answer within tool_timeout (2 s)');

    // The server saw its declared variable, a scratch HOME, and nothing of the runner's.
    const started = serverLog(TICKETS_LOG).filter(entry => entry.event === 'start');
    expect(started).toHaveLength(1);
    const env = started[0]!.env!;
    expect(env.TICKETS_TOKEN).toBe(TICKETS_TOKEN);
    const dump = JSON.stringify(started[0]);
    for (const secret of [TOKEN, API_KEY, CANARY, 'INPUT_', 'GITHUB_']) expect(dump).not.toContain(secret);
    expect(started[0]!.cwd).not.toContain('workspace');

    // The final comment: tools used, the refusal, the server that did not start.
    const body = world.ourComments(number).at(-1)!.body;
    expect(body).toContain(
      '**MCP tools used:** `tickets.lookup_ticket` (1 call), `tickets.wait_forever` (1 call, 1 failed: `no answer within tool_timeout (2 s)`)'
    );
    expect(body).toContain(
      '**MCP calls refused** (never sent to the server): `tickets.delete_ticket` (1 call:'
    );
    expect(body).toMatch(
      /\*\*MCP servers unavailable\*\* \(their tools were missing\): `broken` did not start: `exited before it answered; its last output: "tickets-server: cannot reach the ticket database/
    );
    expect(serverLog(BROKEN_LOG).filter(entry => entry.event === 'start')).toHaveLength(1);
    expect(run.stdout).toMatch(/^::warning::MCP server broken did not start: exited before it answered/m);
    // The header's secret is handed to the runner to mask, and appears nowhere else in the log.
    expect(splitMasks(run.stdout).masked).toContain(TICKETS_TOKEN);
    expect(splitMasks(run.stdout).rest).not.toContain(TICKETS_TOKEN);

    // Every call and decision is in the transcript, and kubrick replay shows them.
    const transcript = readFileSync(run.outputs.transcript_path!, 'utf8');
    const events = transcript
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as Record<string, unknown>);
    expect(events.filter(e => e.type === 'mcp_decision').map(e => [e.tool, e.decision])).toEqual([
      ['tickets.lookup_ticket', 'allow'],
      ['tickets.delete_ticket', 'deny'],
      ['tickets.wait_forever', 'allow']
    ]);
    expect(events.filter(e => e.type === 'tool_call').map(e => e.name)).toEqual([
      'mcp__tickets__lookup_ticket',
      'mcp__tickets__delete_ticket',
      'mcp__tickets__wait_forever',
      'finish'
    ]);
    expect(transcript).not.toContain(TICKETS_TOKEN);
    const timeline = await replay(run.outputs.transcript_path!);
    expect(timeline).toContain('mcp deny: tickets.delete_ticket (mcp-not-allowed: no mcp.allow entry');
    expect(timeline).toContain('mcp call tickets.lookup_ticket answered');
    expect(timeline).toContain('mcp call tickets.wait_forever failed (timeout)');
    expect(timeline).toContain('mcp      server broken failed: exited before it answered');
  });
});

describe('MCP tools in read-only modes and from pull requests', () => {
  it('review offers only allowed tools the server marks read-only, and refuses the others', async () => {
    const { payload } = await commentOnNewPull(
      world,
      { branch: 'feature/review-mcp', files: { 'src/x.js': 'export const x = 1;\n' } },
      '/kubrick review'
    );
    const before = world.model.requests.length;
    const callsBefore = callsReceived(TICKETS_LOG).length;
    world.turns.push(
      { toolCalls: [{ name: 'mcp__tickets__add_comment', arguments: { id: 1, body: 'LGTM' } }] },
      { toolCalls: [{ name: 'finish', arguments: { summary: 'Checked the change.', findings: [] } }] }
    );
    const run = await world.run({ eventName: 'issue_comment', payload, env: RUNNER_ENV });
    expect(run.outputs.conclusion).toBe('success');
    const offered = offeredTools(world.model.requests[before]!);
    expect(offered.filter(name => name.startsWith('mcp__'))).toEqual([
      'mcp__tickets__lookup_ticket',
      'mcp__tickets__wait_forever'
    ]);
    expect(JSON.stringify(world.model.requests[before + 1]!.body)).toContain('not marked readOnlyHint: true');
    expect(callsReceived(TICKETS_LOG).slice(callsBefore)).toEqual([]);
  });

  it("ignores mcp_servers in a pull request head's config: its server never starts", async () => {
    const files = {
      '.github/kubrick.yml': ['mcp_servers:', serverYaml('evil', EVIL_LOG), ''].join('\n'),
      '.github/kubrick-policy.yml': POLICY.replace('"broken.*"', '"broken.*", "evil.*"')
    };
    const { payload } = await commentOnNewPull(
      world,
      { branch: 'feature/evil-mcp', files },
      '/kubrick review'
    );
    const before = world.model.requests.length;
    world.turns.push({ toolCalls: [{ name: 'finish', arguments: { summary: 'Reviewed.', findings: [] } }] });
    const run = await world.run({ eventName: 'issue_comment', payload, env: RUNNER_ENV });
    expect(run.outputs.conclusion).toBe('success');
    expect(serverLog(EVIL_LOG)).toEqual([]);
    expect(offeredTools(world.model.requests[before]!).some(name => name.startsWith('mcp__evil__'))).toBe(
      false
    );
  });

  it('fails the run, naming the line, when the policy on the default branch fails its mcp_allow test', async () => {
    const broken = POLICY.replace(
      '  mcp_allow: [tickets.lookup_ticket]',
      '  mcp_allow: [tickets.lookup_ticket, tickets.delete_ticket]'
    );
    await commitOnRemote(
      world,
      world.repo.defaultBranch,
      { '.github/kubrick-policy.yml': broken },
      'Break the policy'
    );
    try {
      const { number, payload } = await commentOnNewIssue(world, { title: 'Anything' }, '/kubrick fix it');
      const before = world.model.requests.length;
      const run = await world.run({ eventName: 'issue_comment', payload, env: RUNNER_ENV });
      expect(run.outputs.conclusion).toBe('failure');
      expect(world.model.requests.length).toBe(before);
      expect(world.ourComments(number).at(-1)!.body).toContain(
        'line 6: self-test tests.mcp_allow[1] "tickets.delete_ticket" was denied'
      );
    } finally {
      await commitOnRemote(
        world,
        world.repo.defaultBranch,
        { '.github/kubrick-policy.yml': POLICY },
        'Fix the policy'
      );
    }
  });
});
