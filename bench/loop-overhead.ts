/**
 * Agent loop overhead: a 15-iteration scripted run (14 cheap read_file turns, then finish) with a
 * model that answers at once, in this process. Per iteration = (wall time − time inside tools) / 15:
 * what the loop itself costs (prompt, context fitting and token counting, the provider client,
 * the HTTP round trip to the local model, the transcript). Baseline: one bare HTTP round trip to
 * the same scripted server, which the loop cannot avoid.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAgent } from '../src/agent/loop.js';
import { Transcript } from '../src/agent/transcript.js';
import { createLlmClient } from '../src/llm/create.js';
import { Redactor } from '../src/report/redact.js';
import { toolsForMode } from '../src/tools/registry.js';
import type { Tool } from '../src/tools/types.js';
import { Workspace } from '../src/tools/workspace.js';
import { startScriptedModel, type Turn } from '../test-support/scripted-model/server.js';
import { atMost, row, summarize, type Row } from './stats.js';

export const LOOP_ITERATIONS = 15;

/** 14 read_file turns on different lines (identical calls would trip stuck detection), then finish. */
export function cheapTurns(iterations: number, path: string): Turn[] {
  const turns: Turn[] = [];
  for (let i = 1; i < iterations; i++) {
    turns.push({ toolCalls: [{ name: 'read_file', arguments: { path, start_line: i, end_line: i + 5 } }] });
  }
  turns.push({
    toolCalls: [{ name: 'finish', arguments: { summary: 'Read the file; nothing to change.' } }]
  });
  return turns;
}

async function oneRun(dir: string, iterations: number): Promise<{ wallMs: number; toolMs: number }> {
  const model = await startScriptedModel(cheapTurns(iterations, 'src/app.ts'));
  let toolMs = 0;
  const timed = (tool: Tool): Tool => ({
    ...tool,
    run: async (args, ctx) => {
      const started = performance.now();
      try {
        return await tool.run(args, ctx);
      } finally {
        toolMs += performance.now() - started;
      }
    }
  });
  try {
    const workspace = await Workspace.open({
      root: dir,
      maxFileSizeBytes: 10 * 1024 * 1024,
      protectedPaths: ['.git/**'],
      env: process.env
    });
    const transcriptPath = join(dir, '..', `${dir.split('/').pop()}-transcript.jsonl`);
    const started = performance.now();
    const result = await runAgent({
      llm: createLlmClient({
        provider: 'openai',
        model: 'scripted',
        baseUrl: model.url,
        apiKey: 'bench-key',
        toolProtocol: 'native',
        promptFormat: 'chatml',
        maxAttempts: 1
      }),
      task: 'Read src/app.ts and tell me what it does.',
      tools: toolsForMode('fix', { commands: false }).map(timed),
      allToolNames: toolsForMode('fix').map(t => t.name),
      toolContext: { workspace, mode: 'fix' },
      prompt: {
        mode: 'fix',
        overview: { tree: 'src/app.ts\nREADME.md', readmeHead: '# bench', testCommand: null },
        allowedCommands: null
      },
      budgets: {
        maxIterations: iterations,
        maxToolCalls: 20,
        totalTimeoutMs: 120_000,
        maxTokens: null,
        maxCostUsd: null,
        contextWindow: 128_000
      },
      prices: { in: null, out: null },
      transcript: new Transcript(transcriptPath, new Redactor(['bench-key']))
    });
    const wallMs = performance.now() - started;
    rmSync(transcriptPath, { force: true });
    if (result.conclusion !== 'success' || result.iterations !== iterations) {
      throw new Error(
        `loop bench run ended ${result.conclusion} after ${result.iterations} iterations: ${result.reason}`
      );
    }
    return { wallMs, toolMs };
  } finally {
    await model.close();
  }
}

/** One streamed chat completion straight over fetch: the transport the loop pays for anyway. */
async function bareRoundTrips(count: number): Promise<number[]> {
  const model = await startScriptedModel(() => ({
    toolCalls: [{ name: 'read_file', arguments: { path: 'src/app.ts', start_line: 1, end_line: 5 } }]
  }));
  try {
    const samples: number[] = [];
    for (let i = -3; i < count; i++) {
      const started = performance.now();
      const response = await fetch(`${model.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' },
        body: JSON.stringify({
          model: 'scripted',
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'Read src/app.ts' }]
        })
      });
      await response.text();
      if (i >= 0) samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    await model.close();
  }
}

export async function benchLoop(runs: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kubrick-bench-loop-'));
  try {
    writeFileSync(join(dir, 'README.md'), '# bench\n');
    const source = Array.from({ length: 200 }, (_, i) => `export const value${i} = ${i};`).join('\n');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'app.ts'), `${source}\n`);
    await oneRun(dir, LOOP_ITERATIONS); // warm-up: the tokenizer's table loads once per process
    const perIteration: number[] = [];
    const toolShare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { wallMs, toolMs } = await oneRun(dir, LOOP_ITERATIONS);
      perIteration.push((wallMs - toolMs) / LOOP_ITERATIONS);
      toolShare.push(toolMs / LOOP_ITERATIONS);
    }
    const tools = summarize(toolShare);
    return [
      row(
        `agent loop overhead (${LOOP_ITERATIONS} iterations, zero model latency)`,
        'ms/iteration',
        summarize(perIteration),
        {
          baseline: summarize(await bareRoundTrips(Math.max(10, runs * 5))),
          baselineName: 'one bare streamed HTTP round trip to the scripted model',
          target: atMost(5, 'ms'),
          note: `tool time excluded (read_file: median ${tools.median.toFixed(2)} ms/iteration)`
        }
      )
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
