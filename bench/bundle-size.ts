/**
 * Bundle size: dist/index.js and dist/cli.js, and what index.js really loads at start-up (itself
 * plus every chunk it imports statically, transitively; chunks behind `import()` load only when used).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { atMost, row, type Row } from './stats.js';

const MB = 1024 * 1024;
/** `import … from "./x.js"` and bare `import "./x.js"`, not `import("./x.js")`. */
const STATIC_IMPORT = /(?:^|[;\n])\s*(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** The file and every relative module it imports statically, transitively. */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [resolve(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) pending.push(resolve(dirname(file), match[1]!));
  }
  return [...seen];
}

const sizeOf = (file: string) => statSync(file).size;
const single = (value: number) => ({ median: value, min: value, max: value, runs: 1 });

export function benchBundle(repoRoot: string): Row[] {
  const index = join(repoRoot, 'dist', 'index.js');
  const cli = join(repoRoot, 'dist', 'cli.js');
  const closure = staticClosure(index);
  const loaded = closure.reduce((sum, file) => sum + sizeOf(file), 0);
  return [
    row('bundle: dist/index.js', 'MB', single(sizeOf(index) / MB), { target: atMost(3, 'MB') }),
    row('bundle: dist/index.js + chunks it loads at start-up', 'MB', single(loaded / MB), {
      target: atMost(3, 'MB'),
      note: `${closure.length} files; chunks behind import() (tokenizer table, CLI commands) not counted`
    }),
    row('bundle: dist/cli.js', 'KB', single(sizeOf(cli) / 1024))
  ];
}
