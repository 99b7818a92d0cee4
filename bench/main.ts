/**
 * `npm run bench`: measures start-up, loop overhead, tool speed, policy throughput, the sandbox,
 * memory and bundle size, each beside its baseline, prints a table and writes bench/results.json.
 * Flags: --quick (fewer runs, 5 000-file repository), --compare-peers (npm install of peer CLIs;
 * needs the network), --only cold,loop,cache,tools,policy,sandbox,memory,bundle, --out FILE.
 * Run by scripts/bench.mjs, which bundles this folder with esbuild first.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { benchColdStart, benchMemory } from './action-runs.js';
import { benchBundle } from './bundle-size.js';
import { ensureLargeRepo } from './large-repo.js';
import { benchLoop } from './loop-overhead.js';
import { benchPeers, peerBaseline } from './peers.js';
import { benchPolicy } from './policy.js';
import { benchPromptCache } from './prompt-cache.js';
import { benchSandbox } from './sandbox.js';
import { unavailable, type Row } from './stats.js';
import { benchTools } from './tools.js';

export const SECTIONS = ['bundle', 'policy', 'loop', 'cache', 'cold', 'sandbox', 'tools', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

interface Plan {
  coldRuns: number;
  loopRuns: number;
  repoFiles: number;
  toolRuns: number;
  policyRuns: number;
  policySeconds: number;
  sandboxIterations: number;
  sandboxBatches: number;
  memoryRuns: number;
  peerRuns: number;
}

const FULL: Plan = {
  coldRuns: 10,
  loopRuns: 7,
  repoFiles: 100_000,
  toolRuns: 5,
  policyRuns: 5,
  policySeconds: 1,
  sandboxIterations: 30,
  sandboxBatches: 5,
  memoryRuns: 3,
  peerRuns: 3
};
const QUICK: Plan = {
  coldRuns: 3,
  loopRuns: 3,
  repoFiles: 5_000,
  toolRuns: 3,
  policyRuns: 3,
  policySeconds: 0.2,
  sandboxIterations: 10,
  sandboxBatches: 3,
  memoryRuns: 1,
  peerRuns: 1
};

export interface Results {
  generatedAt: string;
  quick: boolean;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  /** 1, 5 and 15 minute load averages before and after: the machine may be shared. */
  loadAverage: { start: number[]; end: number[] };
  durationSeconds: number;
  rows: Row[];
}

function parseArgs(argv: string[]) {
  const options = { quick: false, peers: false, out: '', only: new Set<Section>(SECTIONS) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') options.quick = true;
    else if (arg === '--compare-peers') options.peers = true;
    else if (arg === '--out') options.out = argv[++i] ?? '';
    else if (arg === '--only') {
      const wanted = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = wanted.filter(name => !(SECTIONS as readonly string[]).includes(name));
      if (unknown.length > 0)
        throw new Error(`--only: unknown section ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
      options.only = new Set(wanted as Section[]);
    } else throw new Error(`unknown argument ${arg}; use --quick, --compare-peers, --only LIST, --out FILE`);
  }
  return options;
}

const fmt = (value: number | null): string => {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
};

export function formatTable(rows: Row[]): string {
  const header = ['benchmark', 'median', 'unit', 'min–max', 'baseline', 'ratio', 'target', 'met', 'runs'];
  const lines = rows.map(r => [
    r.name,
    fmt(r.value),
    r.unit,
    r.min === null ? '—' : `${fmt(r.min)}–${fmt(r.max)}`,
    fmt(r.baseline),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}x`,
    r.target ?? '',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
    String(r.runs)
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map(l => l[i]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 4 || i === 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const notes = rows.flatMap(r => [
    ...(r.baselineName ? [`  ${r.name} — baseline: ${r.baselineName}`] : []),
    ...(r.note ? [`  ${r.name} — ${r.note}`] : [])
  ]);
  return [render(header), render(widths.map(w => '-'.repeat(w))), ...lines.map(render), '', ...notes].join(
    '\n'
  );
}

export async function main(argv: string[], repoRoot: string): Promise<Results> {
  const options = parseArgs(argv);
  const plan = options.quick ? QUICK : FULL;
  const out = resolve(options.out || join(repoRoot, 'bench', 'results.json'));
  const needsDist = options.only.has('cold') || options.only.has('memory') || options.only.has('bundle');
  if (needsDist && !existsSync(join(repoRoot, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run bundle` first (the bench measures the bundle).');
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const start = loadavg();
  const started = Date.now();
  log(
    `kubrick bench (${options.quick ? 'quick' : 'full'}), load average ${start.map(n => n.toFixed(2)).join(' ')} on ${cpus().length} CPUs`
  );
  const rows: Row[] = [];
  const failures: string[] = [];
  // A failing section (say, dist/ rebuilt by someone mid-run) is reported, and the others still run.
  const section = async (name: Section, fn: () => Promise<Row[]> | Row[]) => {
    if (!options.only.has(name)) return;
    log(`• ${name}`);
    try {
      rows.push(...(await fn()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      log(`  ${name} failed: ${message}`);
      rows.push(unavailable(`${name}: FAILED`, '', message.split('\n')[0] ?? message));
    }
  };
  await section('bundle', () => benchBundle(repoRoot));
  await section('policy', () => benchPolicy(plan.policyRuns, plan.policySeconds));
  await section('loop', () => benchLoop(plan.loopRuns));
  await section('cache', () => benchPromptCache());
  await section('cold', () => benchColdStart(plan.coldRuns));
  await section('sandbox', () => benchSandbox(plan.sandboxIterations, plan.sandboxBatches));
  if (options.only.has('tools') || options.only.has('memory')) {
    const repo = ensureLargeRepo(plan.repoFiles, log);
    await section('tools', () => benchTools(repo, plan.toolRuns));
    await section('memory', () => benchMemory(repo, plan.memoryRuns, log));
  }
  if (options.peers) {
    log('• peers (npm install; needs the network)');
    rows.push(...(await benchPeers(plan.peerRuns, peerBaseline(rows))));
  }
  const results: Results = {
    generatedAt: new Date().toISOString(),
    quick: options.quick,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: { start, end: loadavg() },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rows
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(rows));
  console.log(
    `\nload average: start ${start.map(n => n.toFixed(2)).join(' ')}, end ${results.loadAverage.end.map(n => n.toFixed(2)).join(' ')} (${results.cpus} CPUs); ${results.durationSeconds} s; written to ${out}`
  );
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} section(s) failed (the other figures were written):\n${failures.join('\n')}`
    );
  }
  return results;
}
