// `npm run bench [-- --quick] [-- --compare-peers]`: bundles bench/main.ts (which imports the
// TypeScript sources and the test support) with esbuild into a temporary file and runs it.
// The action itself is measured through dist/, so run `npm run bundle` after changing src/.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = mkdtempSync(join(tmpdir(), 'kubrick-bench-build-'));
try {
  const outfile = join(out, 'bench.mjs');
  await build({
    entryPoints: [join(repoRoot, 'bench', 'main.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Modules that find files (or require()) relative to themselves must see the repository,
    // not the temporary directory the bundle runs from.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(repoRoot, 'bench', 'main.ts')).href) },
    banner: {
      js:
        "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(" +
        JSON.stringify(pathToFileURL(join(repoRoot, 'bench', 'main.ts')).href) +
        ');'
    },
    logLevel: 'warning'
  });
  const { main } = await import(pathToFileURL(outfile).href);
  await main(process.argv.slice(2), repoRoot);
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
