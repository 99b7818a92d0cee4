/**
 * Per-command start-up cost of the namespace sandbox: the same trivial command (`true`) run bare
 * (sandbox: none) and through the namespace sandbox. Batches alternate, so load from other
 * processes falls on both; each batch gives median(boxed) − median(bare), and the row reports the
 * median of those with their min and max. The one-time setup per run is reported separately.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../src/sandbox/create.js';
import type { ExecRequest, Sandbox } from '../src/sandbox/types.js';
import { below, row, summarize, unavailable, type Row } from './stats.js';

export interface SandboxFigures {
  setupOnceMs: number;
  bareMedianMs: number;
  sandboxMedianMs: number;
  /** One figure per batch: median(boxed) − median(bare). */
  addedPerBatchMs: number[];
}

async function medianOf(box: Sandbox, request: ExecRequest, iterations: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    const result = await box.run(request);
    if (result.exitCode !== 0) throw new Error(`\`true\` failed under ${box.kind}: ${result.stderr}`);
    times.push(performance.now() - started);
  }
  return summarize(times).median;
}

/** Throws SandboxUnavailableError when namespaces cannot be set up on this machine. */
export async function measureSandbox(iterations: number, batches: number): Promise<SandboxFigures> {
  const workspace = mkdtempSync(join(tmpdir(), 'kubrick-bench-ws-'));
  const request: ExecRequest = {
    argv: ['true'],
    cwd: workspace,
    env: { PATH: '/usr/bin:/bin' },
    timeoutMs: 10_000,
    maxOutputBytes: 10_000
  };
  let sandbox: Sandbox | undefined;
  try {
    const startedSetup = performance.now();
    sandbox = await createSandbox({
      mode: 'namespaces',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: process.env
    });
    const setupOnceMs = performance.now() - startedSetup;
    const none = await createSandbox({
      mode: 'none',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: process.env
    });
    await medianOf(none, request, Math.min(5, iterations)); // warm-up
    await medianOf(sandbox, request, Math.min(5, iterations));
    const bare: number[] = [];
    const boxed: number[] = [];
    const added: number[] = [];
    for (let b = 0; b < batches; b++) {
      const plain = await medianOf(none, request, iterations);
      const inBox = await medianOf(sandbox, request, iterations);
      bare.push(plain);
      boxed.push(inBox);
      added.push(inBox - plain);
    }
    return {
      setupOnceMs,
      bareMedianMs: summarize(bare).median,
      sandboxMedianMs: summarize(boxed).median,
      addedPerBatchMs: added
    };
  } finally {
    await sandbox?.close?.();
    rmSync(workspace, { recursive: true, force: true });
  }
}

export async function benchSandbox(iterations: number, batches: number): Promise<Row[]> {
  const name = 'sandbox: added start-up per command (`true`)';
  let figures: SandboxFigures;
  try {
    figures = await measureSandbox(iterations, batches);
  } catch (error) {
    return [
      unavailable(name, 'ms', `namespaces unavailable here: ${(error as Error).message}`, below(20, 'ms'))
    ];
  }
  const added = summarize(figures.addedPerBatchMs);
  return [
    row(name, 'ms', added, {
      baseline: figures.bareMedianMs,
      baselineName: '`true` without a sandbox (ms per command)',
      target: below(20, 'ms'),
      note: `${batches} batches of ${iterations} commands each way; sandboxed median ${figures.sandboxMedianMs.toFixed(1)} ms`
    }),
    row('sandbox: one-time setup per run', 'ms', summarize([figures.setupOnceMs]))
  ];
}
