/**
 * Prompt caching: a 15-call scripted run (14 read_file turns paging through a 400-line source file,
 * then finish) against the scripted OpenAI and Anthropic servers, which keep a prompt cache the way
 * the real APIs do (test-support/scripted-model/prompt-cache.ts: 1024-token minimum, OpenAI in steps
 * of 128 tokens, Anthropic at cache_control breakpoints).
 * - prefix reuse: for each consecutive pair of loop requests, the characters of the earlier one's
 *   system + messages that the later one repeats from its start, over the earlier one's length.
 * - input cost at cache prices: the run's input billed as the providers bill it (cached input at the
 *   cached price, Anthropic cache writes at 1.25 × the input price), as a share of the same input
 *   billed without caching, at the list prices of gpt-4.1 and claude-sonnet-4.
 * Deterministic (no timing): one run each.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent } from '../src/agent/loop.js';
import { Transcript } from '../src/agent/transcript.js';
import { costUsd } from '../src/llm/cost.js';
import { createLlmClient } from '../src/llm/create.js';
import type { ProviderName } from '../src/llm/types.js';
import { Redactor } from '../src/report/redact.js';
import { toolsForMode } from '../src/tools/registry.js';
import { Workspace } from '../src/tools/workspace.js';
import { prefixReuse } from '../test-support/scripted-model/prefix-reuse.js';
import {
  startScriptedModel,
  type RecordedRequest,
  type Turn
} from '../test-support/scripted-model/server.js';
import { atLeast, type Row } from './stats.js';

export const CACHE_RUN_CALLS = 15;
const PAGE = 40;

/** 14 reads of 40-line pages of src/app.ts (wrapping around), then finish. */
function pagingTurns(calls: number): Turn[] {
  const turns: Turn[] = [];
  for (let i = 0; i < calls - 1; i++) {
    const start = 1 + ((i * PAGE) % 400);
    turns.push({
      toolCalls: [
        {
          name: 'read_file',
          arguments: { path: 'src/app.ts', start_line: start, end_line: start + PAGE - 1 }
        }
      ]
    });
  }
  turns.push({
    toolCalls: [{ name: 'finish', arguments: { summary: 'Read the file; nothing to change.' } }]
  });
  return turns;
}

async function scriptedRun(dir: string, provider: ProviderName): Promise<RecordedRequest[]> {
  const model = await startScriptedModel(pagingTurns(CACHE_RUN_CALLS));
  try {
    const workspace = await Workspace.open({
      root: dir,
      maxFileSizeBytes: 10 * 1024 * 1024,
      protectedPaths: ['.git/**'],
      env: process.env
    });
    const result = await runAgent({
      llm: createLlmClient({
        provider,
        model: 'scripted',
        baseUrl: model.url,
        apiKey: 'bench-key',
        toolProtocol: 'native',
        promptFormat: 'chatml',
        maxAttempts: 1
      }),
      task: 'Read src/app.ts and tell me what it does.',
      tools: toolsForMode('fix', { commands: false }),
      allToolNames: toolsForMode('fix').map(t => t.name),
      toolContext: { workspace, mode: 'fix' },
      prompt: {
        mode: 'fix',
        overview: { tree: 'src/ (1 files)\nREADME.md', readmeHead: '# bench', testCommand: null },
        allowedCommands: null
      },
      budgets: {
        maxIterations: CACHE_RUN_CALLS,
        maxToolCalls: 20,
        totalTimeoutMs: 120_000,
        maxTokens: null,
        maxCostUsd: null,
        contextWindow: 128_000
      },
      prices: { in: null, out: null },
      transcript: new Transcript(null, new Redactor(['bench-key']))
    });
    if (result.conclusion !== 'success' || result.iterations !== CACHE_RUN_CALLS) {
      throw new Error(
        `cache bench run (${provider}) ended ${result.conclusion} after ${result.iterations} calls`
      );
    }
    return model.requests;
  } finally {
    await model.close();
  }
}

const percent = (value: number) => Math.round(value * 1000) / 10;

/** The run's input billed at cache prices, as a percentage of the same input billed without caching. */
function billedRow(provider: ProviderName, model: string, requests: RecordedRequest[]): Row {
  const usage = requests.map(r => r.usage ?? { input: 0, output: 0 });
  const input = usage.reduce((sum, u) => sum + u.input, 0);
  const cached = usage.reduce((sum, u) => sum + (u.cached ?? 0), 0);
  const writes = usage.reduce((sum, u) => sum + (u.cacheWrite ?? 0), 0);
  const listPrices = { in: null, out: null };
  const withCache = costUsd(
    { inputTokens: input, outputTokens: 0, cachedTokens: cached, cacheWriteTokens: writes },
    model,
    listPrices
  );
  const without = costUsd({ inputTokens: input, outputTokens: 0 }, model, listPrices);
  if (withCache === null || without === null) throw new Error(`no list price for ${model}`);
  const share = percent(withCache / without);
  return {
    name: `prompt caching: input cost at cache prices, ${provider} (${model} list prices)`,
    value: share,
    unit: '% of uncached',
    baseline: null,
    baselineName: null,
    ratio: null,
    min: share,
    max: share,
    runs: 1,
    target: null,
    met: null,
    note: `${cached.toLocaleString('en-US')} of ${input.toLocaleString('en-US')} input tokens served from the cache${writes > 0 ? `, ${writes.toLocaleString('en-US')} written to it (1.25x)` : ''}: $${withCache.toFixed(4)} instead of $${without.toFixed(4)} over ${CACHE_RUN_CALLS} calls`
  };
}

export async function benchPromptCache(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kubrick-bench-cache-'));
  try {
    writeFileSync(join(dir, 'README.md'), '# bench\n');
    mkdirSync(join(dir, 'src'), { recursive: true });
    const source = Array.from(
      { length: 400 },
      (_, i) => `export function value${i}(input: number): number {\n  return input * ${i} + ${i % 7};\n}`
    ).join('\n');
    writeFileSync(join(dir, 'src', 'app.ts'), `${source}\n`);
    const openai = await scriptedRun(dir, 'openai');
    const anthropic = await scriptedRun(dir, 'anthropic');
    const shares = prefixReuse(openai);
    const mean = shares.reduce((sum, s) => sum + s, 0) / shares.length;
    const min = Math.min(...shares);
    const target = atLeast(95, '%');
    return [
      {
        name: `prompt caching: prefix reuse between consecutive requests (${CACHE_RUN_CALLS}-call run)`,
        value: percent(mean),
        unit: '% (mean)',
        baseline: null,
        baselineName: null,
        ratio: null,
        min: percent(min),
        max: percent(Math.max(...shares)),
        runs: shares.length,
        target: `min ${target.text}`,
        met: target.test(percent(min)),
        note: `characters of each request's system + messages the next one repeats from its start; min ${percent(min)} %, mean ${percent(mean)} % over ${shares.length} pairs (the same for the Anthropic run: ${percent(Math.min(...prefixReuse(anthropic)))} % min)`
      },
      billedRow('openai', 'gpt-4.1', openai),
      billedRow('anthropic', 'claude-sonnet-4', anthropic)
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
