// Per-command start-up cost of the namespace sandbox on its own (the same figure `npm run bench`
// reports in its table): `true` run bare and through the sandbox, medians compared.
// Usage: node bench/sandbox-overhead.mjs [iterations]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const iterations = Number(process.argv[2] ?? 40);
const out = mkdtempSync(join(tmpdir(), 'kubrick-bench-'));
try {
  await build({
    entryPoints: [new URL('./sandbox.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(out, 'sandbox.mjs'),
    logLevel: 'error'
  });
  const { measureSandbox } = await import(pathToFileURL(join(out, 'sandbox.mjs')).href);
  const figures = await measureSandbox(iterations, 1);
  const added = figures.addedPerBatchMs[0];
  console.log(
    JSON.stringify({
      bench: 'sandbox-overhead',
      iterations,
      setupOnceMs: Math.round(figures.setupOnceMs),
      bareMedianMs: Number(figures.bareMedianMs.toFixed(1)),
      sandboxMedianMs: Number(figures.sandboxMedianMs.toFixed(1)),
      addedPerCommandMs: Number(added.toFixed(1)),
      targetMs: 20,
      withinTarget: added < 20
    })
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
