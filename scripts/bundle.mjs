// Bundles the action and the CLI into self-contained ESM files, so a run needs no install.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

// Some dependencies are CommonJS and call require(); ESM output needs a real require in scope.
const banner = {
  js: [
    "import { createRequire as __kubrickCreateRequire } from 'node:module';",
    'const require = __kubrickCreateRequire(import.meta.url);'
  ].join('\n')
};

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node24',
  banner,
  legalComments: 'none',
  minifySyntax: true,
  logLevel: 'warning'
});
