/**
 * The layout of the loop's requests, which decides what a provider's prompt cache can serve: the
 * system prompt and tools are the same on every call, the conversation only grows at its end, and
 * what changes per call (the turn, the time left) is only in the newest message. Checked on the
 * wire, against the scripted OpenAI and Anthropic servers.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, type AgentResult } from '../../src/agent/loop.js';
import { describeTranscriptEvent } from '../../src/cli/replay.js';
import { Transcript } from '../../src/agent/transcript.js';
import { createLlmClient } from '../../src/llm/create.js';
import type { ProviderName } from '../../src/llm/types.js';
import { Redactor } from '../../src/report/redact.js';
import { toolsForMode } from '../../src/tools/registry.js';
import { Workspace } from '../../src/tools/workspace.js';
import { conversationOf } from '../../test-support/scripted-model/conversation.js';
import { isLoopRequest, prefixReuse, toolsOf } from '../../test-support/scripted-model/prefix-reuse.js';
import {
  startScriptedModel,
  type ConversationEntry,
  type RecordedRequest,
  type ScriptedModel,
  type Turn
} from '../../test-support/scripted-model/server.js';

let dir: string;
let model: ScriptedModel | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-layout-'));
  const lines = Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i}; // ${'z'.repeat(30)}`);
  writeFileSync(join(dir, 'app.ts'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'README.md'), '# Sample\n');
  execFileSync('git', ['init', '-q'], { cwd: dir });
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const TASK = 'TASK-MARKER-7731: explain what app.ts exports';
const read = (start: number): Turn => ({
  toolCalls: [{ name: 'read_file', arguments: { path: 'app.ts', start_line: start, end_line: start + 40 } }]
});
const finish: Turn = { toolCalls: [{ name: 'finish', arguments: { summary: 'It exports 400 constants.' } }] };
/** Matches anything that changes from one call to the next. */
const PER_CALL = /turn \d+ of \d+|seconds (left|remain)/;

interface Run {
  result: AgentResult;
  requests: RecordedRequest[];
  transcript: string;
}

async function run(
  provider: ProviderName,
  script: Turn[] | ((request: RecordedRequest) => Turn),
  options: { promptCache?: boolean; contextWindow?: number; maxIterations?: number } = {}
): Promise<Run> {
  // A clock that moves 9 s per model call, so the time left differs on every call.
  let clock = 1_000_000;
  const turns = Array.isArray(script) ? [...script] : null;
  model = await startScriptedModel(({ request }) => {
    clock += 9000;
    return turns ? turns.shift() : (script as (r: RecordedRequest) => Turn)(request);
  });
  const workspace = await Workspace.open({
    root: dir,
    maxFileSizeBytes: 10 * 1024 * 1024,
    protectedPaths: ['.git/**'],
    env: process.env
  });
  const transcriptPath = join(dir, '..', `${dir.split('/').pop()}-transcript.jsonl`);
  try {
    const result = await runAgent({
      llm: createLlmClient({
        provider,
        model: 'scripted',
        baseUrl: model.url,
        apiKey: 'test-key',
        toolProtocol: 'native',
        promptFormat: 'chatml',
        maxAttempts: 1,
        promptCache: options.promptCache
      }),
      task: TASK,
      tools: toolsForMode('fix', { commands: false }),
      allToolNames: toolsForMode('fix').map(t => t.name),
      toolContext: { workspace, mode: 'fix' },
      prompt: {
        mode: 'fix',
        overview: { tree: 'app.ts\nREADME.md', readmeHead: '# Sample', testCommand: null },
        allowedCommands: null
      },
      budgets: {
        maxIterations: options.maxIterations ?? 15,
        maxToolCalls: 20,
        totalTimeoutMs: 600_000,
        maxTokens: null,
        maxCostUsd: null,
        contextWindow: options.contextWindow ?? 128_000
      },
      prices: { in: 1, out: 2, cachedIn: 0.1 },
      transcript: new Transcript(transcriptPath, new Redactor([])),
      now: () => clock
    });
    return { result, requests: model.requests, transcript: readFileSync(transcriptPath, 'utf8') };
  } finally {
    rmSync(transcriptPath, { force: true });
  }
}

const entries = (request: RecordedRequest): ConversationEntry[] => conversationOf(request.api, request.body);
const systemOf = (request: RecordedRequest) => entries(request).find(e => e.role === 'system')?.content ?? '';
const messagesOf = (request: RecordedRequest) => entries(request).filter(e => e.role !== 'system');

/** The checks every caching-friendly run passes, whatever the provider. */
function expectStablePrefix(requests: RecordedRequest[]): void {
  const loop = requests.filter(isLoopRequest);
  expect(loop.length).toBeGreaterThanOrEqual(5);
  const system = systemOf(loop[0]!);
  expect(system).not.toMatch(PER_CALL);
  for (const [i, request] of loop.entries()) {
    expect(systemOf(request)).toBe(system);
    expect(toolsOf(request)).toBe(toolsOf(loop[0]!));
    const messages = messagesOf(request);
    // This call's facts: once, at the end of its newest message.
    const newest = messages[messages.length - 1]!;
    expect(newest.content).toContain(`turn ${i + 1} of 15`);
    expect(newest.content.trimEnd().endsWith('.]')).toBe(true);
    for (const earlier of messages.slice(0, -1)) expect(earlier.content).not.toContain(`turn ${i + 1} of`);
    if (i > 0) {
      // Append-only: the previous request's messages, unchanged, then the new ones.
      const before = messagesOf(loop[i - 1]!);
      expect(messages.slice(0, before.length)).toEqual(before);
    }
  }
}

describe.each<ProviderName>(['openai', 'anthropic'])('requests to the %s API', provider => {
  it('keep the system prompt and tools fixed, grow only at the end, and put per-call facts in the newest message', async () => {
    const { result, requests } = await run(provider, [
      read(1),
      read(41),
      { text: 'Let me think about this.' },
      read(81),
      read(121),
      finish
    ]);
    expect(result.conclusion).toBe('success');
    expectStablePrefix(requests);
    // The nudge after the answer without tools is the newest message of its call, and carries its status.
    const nudged = messagesOf(requests.filter(isLoopRequest)[3]!);
    expect(nudged[nudged.length - 1]!.content).toMatch(/without calling a tool[\s\S]*turn 4 of 15/);
    for (const share of prefixReuse(requests)) expect(share).toBe(1);
    expect(messagesOf(requests[0]!)[0]!.content).toContain(TASK);
  });

  it('counts the cached tokens the server reported, and prices them', async () => {
    const { result, requests, transcript } = await run(provider, [read(1), read(41), read(81), finish]);
    const reported = requests.map(r => r.usage!);
    const cached = reported.reduce((sum, u) => sum + (u.cached ?? 0), 0);
    const writes = reported.reduce((sum, u) => sum + (u.cacheWrite ?? 0), 0);
    const input = reported.reduce((sum, u) => sum + u.input, 0);
    const output = reported.reduce((sum, u) => sum + u.output, 0);
    expect(cached).toBeGreaterThan(input / 2);
    expect(result.tokensIn).toBe(input);
    expect(result.tokensCached).toBe(cached);
    const billed = (input - cached - writes) * 1 + cached * 0.1 + writes * 1.25 + output * 2;
    expect(result.costUsd).toBeCloseTo(billed / 1_000_000, 6);
    if (provider === 'openai') expect(writes).toBe(0);
    else expect(writes).toBeGreaterThan(0);
    // Each call's usage record in the transcript carries its cached part, and kubrick replay shows it.
    const events = transcript
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as Record<string, unknown>);
    const turns = events.filter(e => e.type === 'turn');
    expect(turns.map(e => (e.usage as { cachedTokens: number }).cachedTokens)).toEqual(
      reported.map(u => u.cached ?? 0)
    );
    const second = describeTranscriptEvent(turns[1]!);
    expect(second).toContain(`${reported[1]!.input} in (${reported[1]!.cached} cached`);
    const lastBudget = events.filter(e => e.type === 'budget').at(-1)!;
    expect(lastBudget.tokensCached).toBe(cached);
    expect(describeTranscriptEvent(lastBudget)).toContain(`in (${cached} cached)`);
  });
});

describe('Anthropic cache breakpoints', () => {
  const marks = (request: RecordedRequest) =>
    JSON.stringify(request.body).split('"cache_control"').length - 1;

  it('mark the system prompt and the newest message (and the previous one), never more than 4', async () => {
    const { requests } = await run('anthropic', [read(1), read(41), { text: 'Hmm.' }, read(81), finish]);
    for (const request of requests) {
      const body = request.body as {
        system: { cache_control?: unknown }[];
        messages: { content: { cache_control?: unknown }[] }[];
      };
      expect(marks(request)).toBeGreaterThanOrEqual(1);
      expect(marks(request)).toBeLessThanOrEqual(4);
      expect(body.system[body.system.length - 1]!.cache_control).toEqual({ type: 'ephemeral' });
      const newest = body.messages[body.messages.length - 1]!.content;
      expect(newest[newest.length - 1]!.cache_control).toEqual({ type: 'ephemeral' });
    }
    // From the second call on, each call reads what the one before it wrote.
    for (const request of requests.slice(1)) expect(request.usage!.cached).toBeGreaterThan(0);
  });

  it('are not sent with prompt_cache off', async () => {
    const { requests, result } = await run('anthropic', [read(1), read(41), finish], { promptCache: false });
    for (const request of requests) {
      expect(JSON.stringify(request.body)).not.toContain('cache_control');
      expect(typeof (request.body as { system: unknown }).system).toBe('string');
    }
    expect(result.tokensCached).toBe(0);
  });
});

describe('compaction', () => {
  it('keeps the task, and the conversation is append-only again after it', async () => {
    const script = (request: RecordedRequest): Turn => {
      if (!isLoopRequest(request))
        return { text: 'Notes: read app.ts in 40-line pages; it exports constants.' };
      const calls = model!.requests.filter(isLoopRequest).length;
      return calls < 14 ? read(1 + ((calls * 40) % 360)) : finish;
    };
    const { result, requests, transcript } = await run('openai', script, { contextWindow: 9000 });
    expect(result.conclusion).toBe('success');
    const compactions = transcript.split('\n').filter(line => line.includes('"type":"context"')).length;
    expect(compactions).toBeGreaterThan(0);
    const loop = requests.filter(isLoopRequest);
    for (const request of loop) expect(messagesOf(request)[0]!.content).toContain(TASK);
    const shares = prefixReuse(requests);
    const rewritten = shares.filter(share => share < 1).length;
    // Only a compaction rewrites; each leaves room for several appended turns before the next.
    expect(rewritten).toBeLessThanOrEqual(compactions);
    expect(rewritten).toBeLessThan(shares.length / 2);
    // The system prompt stays the same across the compaction too.
    expect(new Set(loop.map(systemOf)).size).toBe(1);
  });
});
