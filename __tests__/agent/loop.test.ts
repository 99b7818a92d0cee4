import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Budgets } from '../../src/agent/budgets.js';
import { runAgent, type AgentOptions } from '../../src/agent/loop.js';
import { Transcript } from '../../src/agent/transcript.js';
import { createLlmClient } from '../../src/llm/create.js';
import { loadPolicy } from '../../src/policy/load.js';
import { MODEL_MASK, Redactor } from '../../src/report/redact.js';
import { createSandbox } from '../../src/sandbox/create.js';
import { toolsForMode } from '../../src/tools/registry.js';
import { createCommandRunner } from '../../src/tools/run-command.js';
import type { Mode } from '../../src/mode.js';
import { Workspace } from '../../src/tools/workspace.js';
import {
  startScriptedModel,
  type ScriptedModel,
  type Script,
  type Turn
} from '../../test-support/scripted-model/server.js';

let dir: string;
let model: ScriptedModel | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-loop-'));
  writeFileSync(join(dir, 'a.txt'), 'old content\n');
  writeFileSync(join(dir, 'README.md'), '# Sample\n');
  execFileSync('git', ['init', '-q'], { cwd: dir });
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const budgets = (over: Partial<Budgets> = {}): Budgets => ({
  maxIterations: 15,
  maxToolCalls: 20,
  totalTimeoutMs: 60_000,
  maxTokens: null,
  maxCostUsd: null,
  contextWindow: 128_000,
  ...over
});

const call = (name: string, args: Record<string, unknown> | string) => ({ name, arguments: args });
const finish = (summary = 'done'): Turn => ({ toolCalls: [call('finish', { summary })] });

interface Harness {
  mode?: Mode;
  budgets?: Partial<Budgets>;
  policy?: string;
  secrets?: string[];
  task?: string;
  prices?: { in: number | null; out: number | null };
  /** Mask the secrets in what the model reads, as the session does. */
  mask?: boolean;
}

async function runScripted(script: Script, h: Harness = {}) {
  model = await startScriptedModel(script);
  const mode = h.mode ?? 'fix';
  const workspace = await Workspace.open({
    root: dir,
    maxFileSizeBytes: 10 * 1024 * 1024,
    protectedPaths: ['.git/**'],
    env: process.env
  });
  const transcriptPath = join(dir, '..', `${dir.split('/').pop()}-transcript.jsonl`);
  const commands =
    mode === 'fix' && h.policy
      ? createCommandRunner({
          policy: loadPolicy(h.policy, 'test policy'),
          policyContext: { workspace: workspace.root, protectedPaths: ['.git/**'] },
          sandbox: await createSandbox({
            mode: 'none',
            allowNetwork: false,
            workspace: workspace.root,
            extraPaths: [],
            env: process.env
          }),
          toolTimeoutMs: 30_000,
          passthrough: [],
          parentEnv: process.env
        })
      : undefined;
  const options: AgentOptions = {
    llm: createLlmClient({
      provider: 'openai',
      model: 'scripted',
      baseUrl: model.url,
      apiKey: 'test-key',
      toolProtocol: 'native',
      promptFormat: 'chatml',
      maxAttempts: 1
    }),
    task: h.task ?? 'Fix the bug in a.txt',
    tools: toolsForMode(mode, { commands: commands !== undefined }),
    allToolNames: toolsForMode('fix').map(t => t.name),
    toolContext: { workspace, mode, commands },
    prompt: {
      mode,
      overview: { tree: 'a.txt\nREADME.md', readmeHead: '# Sample', testCommand: null },
      allowedCommands: null
    },
    budgets: budgets(h.budgets),
    prices: h.prices ?? { in: null, out: null },
    transcript: new Transcript(transcriptPath, new Redactor(h.secrets ?? []))
  };
  if (h.mask) options.mask = text => options.transcript.redactor.redact(text, MODEL_MASK);
  const result = await runAgent(options);
  const transcript = readFileSync(transcriptPath, 'utf8');
  rmSync(transcriptPath, { force: true });
  return { result, requests: model.requests, transcript };
}

/** The tool results the model was sent in request `index` (OpenAI wire format). */
function toolMessages(requests: ScriptedModel['requests'], index: number): string[] {
  const body = requests[index]!.body as { messages: { role: string; content: unknown }[] };
  return body.messages.filter(m => m.role === 'tool').map(m => String(m.content));
}

describe('the bounded loop (seed bugs)', () => {
  it('runs the calls of the final iteration, then ends budget_exhausted naming max_iterations', async () => {
    const { result } = await runScripted(
      [
        { toolCalls: [call('read_file', { path: 'a.txt' })] },
        { toolCalls: [call('write_file', { path: 'b.txt', content: 'written in the last turn\n' })] }
      ],
      { budgets: { maxIterations: 2 } }
    );
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('written in the last turn\n');
    expect(result.conclusion).toBe('budget_exhausted');
    expect(result.budget).toBe('max_iterations');
    expect(result.iterations).toBe(2);
    expect(result.reason).toContain('max_iterations = 2');
  });

  it('makes exactly max_iterations model calls, no extra wrap-up call', async () => {
    const { requests } = await runScripted(
      [1, 2, 3].map(n => ({ toolCalls: [call('read_file', { path: 'a.txt', start_line: n })] })),
      { budgets: { maxIterations: 3 } }
    );
    expect(requests).toHaveLength(3);
  });

  it('lets a read after a write in the same turn see the new content', async () => {
    const { requests, result } = await runScripted([
      {
        toolCalls: [
          call('write_file', { path: 'a.txt', content: 'brand new\n' }),
          call('read_file', { path: 'a.txt' })
        ]
      },
      finish()
    ]);
    const results = toolMessages(requests, 1);
    expect(results[1]).toContain('brand new');
    expect(results[1]).not.toContain('old content');
    expect(result.conclusion).toBe('success');
  });

  it('runs the other calls of the turn in which finish is called, in order, before ending', async () => {
    const { result, requests, transcript } = await runScripted([
      {
        toolCalls: [
          call('write_file', { path: 'first.txt', content: '1' }),
          call('finish', { summary: 'wrote two files' }),
          call('write_file', { path: 'second.txt', content: '2' })
        ]
      }
    ]);
    expect(existsSync(join(dir, 'first.txt'))).toBe(true);
    expect(existsSync(join(dir, 'second.txt'))).toBe(true);
    expect(result.conclusion).toBe('success');
    expect(result.summary).toBe('wrote two files');
    expect(result.toolCalls).toBe(3);
    expect(requests).toHaveLength(1);
    // finish itself runs last, after the calls that follow it in the turn.
    const ran = transcript
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as { type: string; name?: string; content?: string })
      .filter(e => e.type === 'tool_result');
    expect(ran.map(e => e.name)).toEqual(['write_file', 'write_file', 'finish']);
  });

  it.each(['ask', 'plan', 'review'] as const)(
    'cannot write in %s mode even when the model calls write_file',
    async mode => {
      const { requests, result } = await runScripted(
        [
          {
            toolCalls: [
              call('write_file', { path: 'a.txt', content: 'hacked' }),
              call('edit_file', { path: 'a.txt', old_string: 'old', new_string: 'x' })
            ]
          },
          finish('answer')
        ],
        { mode }
      );
      expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old content\n');
      const results = toolMessages(requests, 1);
      expect(results[0]).toContain(`not available in ${mode} mode`);
      expect(results[1]).toContain(`not available in ${mode} mode`);
      expect(result.conclusion).toBe('success');
      const offered = (requests[0]!.body as { tools: { function: { name: string } }[] }).tools.map(
        t => t.function.name
      );
      expect(offered.sort()).toEqual(['finish', 'list_files', 'read_file', 'search_files']);
    }
  );

  it('keeps the task in the prompt after the context was compacted, and summarizes without tools', async () => {
    writeFileSync(
      join(dir, 'big.txt'),
      Array.from({ length: 2000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n')
    );
    const task = 'UNIQUE-TASK-MARKER: make big.txt shorter';
    const script: Script = ({ request }) => {
      const body = request.body as { tools?: unknown[] };
      if (!body.tools || body.tools.length === 0) return { text: 'Notes: read big.txt several times.' };
      const turns = model!.requests.filter(r => (r.body as { tools?: unknown[] }).tools?.length).length;
      return turns <= 5
        ? { toolCalls: [call('read_file', { path: 'big.txt', start_line: turns })] }
        : finish();
    };
    const { requests, result, transcript } = await runScripted(script, {
      task,
      budgets: { contextWindow: 4000 }
    });
    expect(result.conclusion).toBe('success');
    const summarizing = requests.filter(r => !(r.body as { tools?: unknown[] }).tools?.length);
    expect(summarizing.length).toBeGreaterThan(0);
    const last = requests[requests.length - 1]!.body as { messages: { role: string; content: unknown }[] };
    expect(JSON.stringify(last.messages)).toContain('UNIQUE-TASK-MARKER');
    expect(transcript).toContain('"type":"context"');
  });
});

describe('errors the model causes come back as results, and the loop goes on', () => {
  it('answers an unknown tool and malformed arguments under the call id', async () => {
    const { requests, result } = await runScripted([
      { toolCalls: [call('delete_everything', { path: '/' }), call('read_file', '{"path": "a.txt",')] },
      finish()
    ]);
    const results = toolMessages(requests, 1);
    expect(results[0]).toContain('no tool named "delete_everything"');
    expect(results[1]).toContain('could not be used');
    expect(result.conclusion).toBe('success');
  });

  it('masks a secret in the messages the runner writes itself, not only in what a tool returned', async () => {
    const canary = 'CANARY-SECRET-5b7e0a';
    // Short enough for the JSON parser to quote it whole in its error message.
    const short = 'Zq7-pw-x1';
    writeFileSync(join(dir, 'leak.txt'), `token=${canary}\n`);
    const { requests } = await runScripted(
      [
        {
          toolCalls: [
            call('read_file', { path: 'leak.txt' }),
            call(`tool_${canary}`, {}),
            call('read_file', short)
          ]
        },
        finish()
      ],
      { secrets: [canary, short], mask: true }
    );
    const results = toolMessages(requests, 1);
    expect(results).toHaveLength(3);
    // A tool's result, an unknown tool named by the model, arguments that could not be parsed.
    expect(results[0]).toContain('token=***');
    expect(results[1]).toContain('no tool named "tool_***"');
    expect(results[2]).toContain('could not be used');
    expect(results[2]).toContain('"***" is not valid JSON');
    for (const text of results) {
      expect(text).not.toContain(canary);
      expect(text).not.toContain(short);
    }
  });

  it('executes at most max_tool_calls calls per turn', async () => {
    const { requests } = await runScripted(
      [{ toolCalls: [1, 2, 3].map(n => call('write_file', { path: `f${n}.txt`, content: 'x' })) }, finish()],
      { budgets: { maxToolCalls: 2 } }
    );
    expect(existsSync(join(dir, 'f3.txt'))).toBe(false);
    expect(toolMessages(requests, 1)[2]).toContain('max_tool_calls');
  });

  it('nudges after the third identical call and stops the fourth as a failure', async () => {
    const same = { toolCalls: [call('read_file', { path: 'a.txt' })] };
    const { requests, result } = await runScripted([same, same, same, same, finish()]);
    expect(toolMessages(requests, 3).at(-1)).toContain('three times in a row');
    expect(result.conclusion).toBe('failure');
    expect(result.reason).toContain('repeated the same call');
    expect(requests).toHaveLength(4);
  });

  it('nudges once after a text-only answer, then takes a second one as the end', async () => {
    const { requests, result } = await runScripted([
      { text: 'I think it is fine.' },
      { text: 'The answer is 42.' }
    ]);
    const second = requests[1]!.body as { messages: { role: string; content: unknown }[] };
    expect(JSON.stringify(second.messages)).toContain('call `finish`');
    expect(result.conclusion).toBe('success');
    expect(result.summary).toBe('The answer is 42.');
  });
});

describe('budgets', () => {
  it('ends on max_tokens naming it', async () => {
    const turn = (n: number): Turn => ({
      toolCalls: [call('read_file', { path: 'a.txt', start_line: n })],
      usage: { input: 600, output: 10 }
    });
    const { result } = await runScripted([turn(1), turn(2), turn(3), finish()], {
      budgets: { maxTokens: 1000 }
    });
    expect(result.conclusion).toBe('budget_exhausted');
    expect(result.budget).toBe('max_tokens');
    expect(result.iterations).toBe(2);
  });

  it('ends on max_cost_usd when the price is known', async () => {
    const turn = (n: number): Turn => ({
      toolCalls: [call('read_file', { path: 'a.txt', start_line: n })],
      usage: { input: 1_000_000, output: 0 }
    });
    const { result } = await runScripted([turn(1), turn(2), turn(3), finish()], {
      budgets: { maxCostUsd: 1.5 },
      prices: { in: 1, out: 1 }
    });
    expect(result.conclusion).toBe('budget_exhausted');
    expect(result.budget).toBe('max_cost_usd');
    expect(result.costUsd).toBe(2);
  });

  it('aborts an in-flight model request at total_timeout', async () => {
    const startedAt = Date.now();
    const { result } = await runScripted([{ fault: { delayMs: 20_000 }, text: 'too late' }], {
      budgets: { totalTimeoutMs: 1500 }
    });
    expect(result.conclusion).toBe('budget_exhausted');
    expect(result.budget).toBe('total_timeout');
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it('aborts a running command at total_timeout', async () => {
    const startedAt = Date.now();
    const { result } = await runScripted(
      [{ toolCalls: [call('run_command', { command: 'sleep 30' })] }, finish()],
      {
        budgets: { totalTimeoutMs: 1500 },
        policy: 'version: 1\nallow: ["sleep"]\n'
      }
    );
    expect(result.conclusion).toBe('budget_exhausted');
    expect(result.budget).toBe('total_timeout');
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});

describe('transcript', () => {
  it('records every turn, call and result, with known secrets redacted', async () => {
    const canary = 'CANARY-SECRET-93f1c2';
    writeFileSync(join(dir, 'leak.txt'), `token=${canary}\n`);
    const { transcript } = await runScripted(
      [{ toolCalls: [call('read_file', { path: 'leak.txt' })] }, finish()],
      {
        secrets: [canary]
      }
    );
    expect(transcript).not.toContain(canary);
    expect(transcript).toContain('[REDACTED]');
    const types = transcript
      .trim()
      .split('\n')
      .map(l => (JSON.parse(l) as { type: string }).type);
    expect(types).toEqual([
      'turn',
      'tool_call',
      'tool_result',
      'budget',
      'turn',
      'tool_call',
      'tool_result',
      'budget',
      'end'
    ]);
  });
});
