// Bundles the action and the CLI into self-contained ESM files, so a run needs no install, and writes
// dist/licenses.txt with the licence of every package the bundle contains.
//
// `node scripts/bundle.mjs [--outdir DIR] [--metafile FILE]`: DIR (default dist, emptied first) receives
// the bundle; FILE, when given, receives esbuild's metafile (which inputs went into which output).
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { licensesText } from './licenses.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let options;
try {
  ({ values: options } = parseArgs({
    options: { outdir: { type: 'string', default: 'dist' }, metafile: { type: 'string' } }
  }));
} catch (error) {
  console.error(`bundle: ${error.message}\nusage: node scripts/bundle.mjs [--outdir DIR] [--metafile FILE]`);
  process.exit(2);
}
const outdir = resolve(root, options.outdir);
// The output directory is deleted first: refuse one that is, or holds, the repository itself.
const rootFromOutdir = relative(outdir, root);
if (rootFromOutdir === '' || !(rootFromOutdir.startsWith('..') || isAbsolute(rootFromOutdir))) {
  console.error(`bundle: --outdir ${options.outdir} contains the repository; give a directory of its own.`);
  process.exit(2);
}

// Some dependencies are CommonJS and call require(); ESM output needs a real require in scope.
const banner = {
  js: [
    "import { createRequire as __kubrickCreateRequire } from 'node:module';",
    'const require = __kubrickCreateRequire(import.meta.url);'
  ].join('\n')
};

await rm(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node24',
  banner,
  legalComments: 'none',
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning'
});

try {
  await writeFile(join(outdir, 'licenses.txt'), licensesText(root, metafile));
} catch (error) {
  console.error(`bundle: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (options.metafile) {
  const file = resolve(root, options.metafile);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(metafile, null, 2));
}
