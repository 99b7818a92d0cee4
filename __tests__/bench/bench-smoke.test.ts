/**
 * `npm run bench -- --quick` end to end: the bench runs every section on this machine and writes a
 * results file with every row, each a sane figure. Timing targets live in the bench, not here: this
 * machine may be loaded, so only shapes and orders of magnitude are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Results } from '../../bench/main.js';
import type { Row } from '../../bench/stats.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string;
let results: Results;
let stdout: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-bench-smoke-'));
  const out = join(dir, 'results.json');
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--quick', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 150_000
  });
  if (run.status !== 0)
    throw new Error(`bench --quick failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
  stdout = run.stdout;
  results = JSON.parse(readFileSync(out, 'utf8')) as Results;
}, 160_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const EXPECTED: { prefix: string; unit: string; baseline: boolean; sane: [number, number] }[] = [
  { prefix: 'bundle: dist/index.js', unit: 'MB', baseline: false, sane: [0.01, 50] },
  { prefix: 'bundle: dist/index.js + chunks', unit: 'MB', baseline: false, sane: [0.01, 50] },
  { prefix: 'bundle: dist/cli.js', unit: 'KB', baseline: false, sane: [0.1, 50_000] },
  { prefix: 'policy decisions', unit: 'decisions/s', baseline: true, sane: [100, 10_000_000] },
  { prefix: 'policy decision latency p99', unit: 'ms', baseline: false, sane: [0.0001, 1000] },
  { prefix: 'agent loop overhead', unit: 'ms/iteration', baseline: true, sane: [0.01, 2000] },
  { prefix: 'prompt caching: prefix reuse', unit: '% (mean)', baseline: false, sane: [90, 100] },
  {
    prefix: 'prompt caching: input cost at cache prices, openai',
    unit: '% of uncached',
    baseline: false,
    sane: [1, 100]
  },
  {
    prefix: 'prompt caching: input cost at cache prices, anthropic',
    unit: '% of uncached',
    baseline: false,
    sane: [1, 100]
  },
  { prefix: 'cold start: spawn → first GitHub API request', unit: 'ms', baseline: true, sane: [1, 30_000] },
  { prefix: 'cold start: spawn → first model request', unit: 'ms', baseline: true, sane: [1, 30_000] },
  { prefix: 'cold start: spawn → exit', unit: 'ms', baseline: true, sane: [1, 60_000] },
  { prefix: 'search_files (5,000 files, 100 matches)', unit: 'ms', baseline: true, sane: [0.1, 30_000] },
  { prefix: 'list_files (5,000 files)', unit: 'ms', baseline: true, sane: [0.1, 30_000] },
  { prefix: 'read_file of a 5 MB file', unit: 'ms', baseline: true, sane: [0.1, 30_000] },
  { prefix: 'peak RSS of node dist/index.js', unit: 'MB', baseline: false, sane: [10, 4000] }
];

function find(prefix: string): Row {
  const found = results.rows.find(r => r.name.startsWith(prefix));
  if (!found)
    throw new Error(`no row starting with "${prefix}" in ${results.rows.map(r => r.name).join(' | ')}`);
  return found;
}

describe('npm run bench -- --quick', () => {
  it.each(EXPECTED)('reports "$prefix" as a median with min, max, runs and its baseline', expected => {
    const r = find(expected.prefix);
    expect(r.unit).toBe(expected.unit);
    expect(r.value).not.toBeNull();
    const value = r.value as number;
    expect(value).toBeGreaterThanOrEqual(expected.sane[0]);
    expect(value).toBeLessThanOrEqual(expected.sane[1]);
    expect(r.runs).toBeGreaterThanOrEqual(1);
    expect(r.min as number).toBeLessThanOrEqual(value);
    expect(r.max as number).toBeGreaterThanOrEqual(value);
    if (expected.baseline) {
      expect(r.baseline as number).toBeGreaterThan(0);
      expect(r.baselineName).toEqual(expect.any(String));
      expect(r.ratio as number).toBeCloseTo(value / (r.baseline as number), 6);
    } else {
      expect(r.ratio).toBe(r.baseline === null ? null : value / (r.baseline as number));
    }
  });

  it('reports the sandbox start-up cost, or says why namespaces are unavailable here', () => {
    const r = find('sandbox: added start-up per command');
    expect(r.target).toBe('< 20 ms');
    if (r.value === null) {
      expect(r.note).toMatch(/namespaces unavailable/);
    } else {
      expect(r.baseline as number).toBeGreaterThan(0);
      expect(Math.abs(r.value)).toBeLessThan(10_000);
      expect(r.met).toBe(r.value < 20);
    }
  });

  it('takes medians of several runs and records the machine load beside the figures', () => {
    expect(results.quick).toBe(true);
    expect(find('cold start: spawn → first model request').runs).toBeGreaterThanOrEqual(3);
    expect(find('agent loop overhead').runs).toBeGreaterThanOrEqual(3);
    expect(results.loadAverage.start).toHaveLength(3);
    expect(results.loadAverage.end).toHaveLength(3);
    expect(results.cpus).toBeGreaterThan(0);
    // Every row that has a target says whether its median meets it.
    for (const r of results.rows.filter(row => row.target !== null && row.value !== null))
      expect(typeof r.met).toBe('boolean');
  });

  it('prints the table with every row', () => {
    expect(stdout).toContain('benchmark');
    for (const r of results.rows) expect(stdout).toContain(r.name);
    expect(stdout).toMatch(/load average: start/);
  });
});
