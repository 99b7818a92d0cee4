/**
 * `kubrick run` with each hosted API's provider against the scripted servers, which cache prompt
 * prefixes and report it the way OpenAI and Anthropic do: consecutive requests repeat what came
 * before, the tools never change, Anthropic requests carry their breakpoints, and `--json` reports
 * the cached tokens the server counted and the cost at the prices in .github/kubrick.yml. The
 * checkout's AGENTS.md reaches the model.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { localRunCommand } from '../../src/cli/run.js';
import type { ProviderName } from '../../src/llm/types.js';
import { commitTree } from '../../test-support/local-repo.js';
import { isLoopRequest, prefixReuse, toolsOf } from '../../test-support/scripted-model/prefix-reuse.js';
import {
  startScriptedModel,
  type ScriptedModel,
  type Turn
} from '../../test-support/scripted-model/server.js';

let dir: string;
let model: ScriptedModel | undefined;

const PRICES = 'price_per_mtok_in: 3\nprice_per_mtok_out: 15\nprice_per_mtok_cached_in: 0.3\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-run-caching-'));
  const files: Record<string, string> = {
    ...SAMPLE_FILES,
    'src/long.js': `${Array.from({ length: 400 }, (_, i) => `export const item${i} = '${'v'.repeat(30)}';`).join('\n')}\n`,
    'AGENTS.md': '# For agents\n\nLOCAL-RULE-5: keep the exports sorted.\n'
  };
  // No env: git inherits this process's environment (and HOME), as it always has here.
  commitTree(dir, files);
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Seven model calls: reads (one of a 400-line file), a listing, a search, the fix, then finish. */
const TRAJECTORY: Turn[] = [
  { toolCalls: [{ name: 'read_file', arguments: { path: 'src/math.js' } }] },
  { toolCalls: [{ name: 'read_file', arguments: { path: 'src/long.js' } }] },
  { toolCalls: [{ name: 'read_file', arguments: { path: 'test.js' } }] },
  { toolCalls: [{ name: 'list_files', arguments: {} }] },
  { toolCalls: [{ name: 'search_files', arguments: { pattern: 'add\\(' } }] },
  {
    toolCalls: [
      {
        name: 'edit_file',
        arguments: { path: 'src/math.js', old_string: 'return a - b;', new_string: 'return a + b;' }
      }
    ]
  },
  { toolCalls: [{ name: 'finish', arguments: { summary: 'add() adds now.' } }] }
];

async function kubrickRun(provider: ProviderName, config: string) {
  writeFileSync(join(dir, '.github', 'kubrick.yml'), config);
  model = await startScriptedModel([...TRAJECTORY]);
  let stdout = '';
  let stderr = '';
  const code = await localRunCommand(
    [
      '--task',
      'fix the failing test',
      '--provider',
      provider,
      '--base-url',
      model.url,
      '--model',
      'scripted',
      '--json'
    ],
    {
      env: { PATH: process.env.PATH, HOME: dir, KUBRICK_API_KEY: 'test-key' },
      cwd: dir,
      stdin: Readable.from([]),
      stdout: text => (stdout += text),
      stderr: text => (stderr += text)
    }
  ).catch(error => {
    throw new Error(`kubrick run threw: ${String(error)}\n${stderr}`);
  });
  expect([code, stderr]).toEqual([0, expect.any(String)]);
  return { report: JSON.parse(stdout) as Record<string, unknown>, requests: model.requests };
}

describe.each<ProviderName>(['openai', 'anthropic'])('kubrick run --provider %s', provider => {
  it('reuses each request as the prefix of the next, and reports and prices the cached tokens', async () => {
    const { report, requests } = await kubrickRun(provider, `sandbox: none\n${PRICES}`);
    expect(report.conclusion).toBe('success');
    expect(requests).toHaveLength(7);
    const shares = prefixReuse(requests);
    expect(shares).toHaveLength(6);
    for (const share of shares) expect(share).toBeGreaterThanOrEqual(0.9);
    expect(new Set(requests.map(toolsOf)).size).toBe(1);
    expect(requests.every(isLoopRequest)).toBe(true);

    const usage = requests.map(r => r.usage!);
    const sum = (pick: (u: (typeof usage)[number]) => number) => usage.reduce((s, u) => s + pick(u), 0);
    const cached = sum(u => u.cached ?? 0);
    const writes = sum(u => u.cacheWrite ?? 0);
    const input = sum(u => u.input);
    const output = sum(u => u.output);
    expect(cached).toBeGreaterThan(0);
    expect(report.tokens_cached).toBe(cached);
    expect(report.tokens_in).toBe(input);
    expect(report.tokens_out).toBe(output);
    // uncached × 3 + cached × 0.3 + cache writes × 1.25 × 3 + output × 15, per million tokens.
    const expected = ((input - cached - writes) * 3 + cached * 0.3 + writes * 1.25 * 3 + output * 15) / 1e6;
    expect(report.cost_usd).toBeCloseTo(expected, 6);
    if (provider === 'anthropic') {
      expect(writes).toBeGreaterThan(0);
      for (const request of requests) {
        const body = request.body as { messages: { content: { cache_control?: unknown }[] }[] };
        const marks = JSON.stringify(body).split('"cache_control"').length - 1;
        expect(marks).toBeGreaterThanOrEqual(1);
        expect(marks).toBeLessThanOrEqual(4);
        const newest = body.messages[body.messages.length - 1]!.content;
        expect(newest[newest.length - 1]!.cache_control).toEqual({ type: 'ephemeral' });
      }
    } else {
      expect(writes).toBe(0);
    }
    // The checkout's instructions for agents reached the model.
    expect(report.instructions_file).toBe('AGENTS.md');
    expect(JSON.stringify(requests[0]!.body)).toContain('LOCAL-RULE-5: keep the exports sorted.');
  });
});

describe('prompt_cache: false', () => {
  it('sends no cache_control', async () => {
    const { report, requests } = await kubrickRun(
      'anthropic',
      `sandbox: none\nprompt_cache: false\n${PRICES}`
    );
    expect(report.conclusion).toBe('success');
    for (const request of requests) expect(JSON.stringify(request.body)).not.toContain('cache_control');
    expect(report.tokens_cached).toBe(0);
  });
});
