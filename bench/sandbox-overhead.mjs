// Per-command start-up cost of the namespace sandbox: the same trivial command (`true`) run bare
// and through the sandbox, medians compared. Target: under 20 ms added per command.
// Usage: node bench/sandbox-overhead.mjs [iterations]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const iterations = Number(process.argv[2] ?? 40);
const out = mkdtempSync(join(tmpdir(), 'kubrick-bench-'));
const workspace = mkdtempSync(join(tmpdir(), 'kubrick-bench-ws-'));
try {
  await build({
    entryPoints: [new URL('../src/sandbox/index.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(out, 'sandbox.mjs'),
    logLevel: 'error'
  });
  const { createSandbox } = await import(pathToFileURL(join(out, 'sandbox.mjs')).href);
  const request = {
    argv: ['true'],
    cwd: workspace,
    env: { PATH: '/usr/bin:/bin' },
    timeoutMs: 10_000,
    maxOutputBytes: 10_000
  };

  const startedSetup = performance.now();
  const sandbox = await createSandbox({ mode: 'namespaces', allowNetwork: false, workspace, extraPaths: [] });
  const setupMs = performance.now() - startedSetup;
  const none = await createSandbox({ mode: 'none', allowNetwork: false, workspace, extraPaths: [] });

  const median = async box => {
    const times = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      const result = await box.run(request);
      if (result.exitCode !== 0) throw new Error(`sandboxed true failed: ${result.stderr}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  await median(none); // warm-up
  const bare = await median(none);
  const boxed = await median(sandbox);
  await sandbox.close();
  const added = boxed - bare;
  console.log(
    JSON.stringify({
      bench: 'sandbox-overhead',
      iterations,
      setupOnceMs: Math.round(setupMs),
      bareMedianMs: Number(bare.toFixed(1)),
      sandboxMedianMs: Number(boxed.toFixed(1)),
      addedPerCommandMs: Number(added.toFixed(1)),
      targetMs: 20,
      withinTarget: added < 20
    })
  );
} finally {
  rmSync(out, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
}
