import path from 'node:path';
import type { Denial } from '../rules.js';
import { ARCHIVES, parseTar, TAR } from './archive.js';
import { COREUTILS } from './coreutils.js';
import { judgeGit } from './git.js';
import { judgeFind, SEARCH } from './search.js';
import { judgeNpm, TOOLS } from './tools.js';
import type { Arg, Grammar, JudgeEnv } from './types.js';

/** How one program's arguments are judged: a grammar table, or a judge with its own parser. */
export type Handler =
  | { kind: 'grammar'; grammar: Grammar }
  | { kind: 'custom'; judge: (args: readonly Arg[], env: JudgeEnv) => Denial | undefined };

const HANDLERS = new Map<string, Handler>();
for (const grammar of [...COREUTILS, ...SEARCH, ...ARCHIVES, ...TOOLS]) {
  for (const name of grammar.names) HANDLERS.set(name, { kind: 'grammar', grammar });
}
HANDLERS.set('find', { kind: 'custom', judge: judgeFind });
HANDLERS.set('git', { kind: 'custom', judge: judgeGit });
HANDLERS.set('npm', { kind: 'custom', judge: (args, env) => judgeNpm(args, env, false) });
HANDLERS.set('npx', { kind: 'custom', judge: (args, env) => judgeNpm(args, env, true) });
for (const name of TAR.names) {
  HANDLERS.set(name, {
    kind: 'custom',
    judge: (args, env) => {
      const parsed = parseTar(args, name);
      return 'rule' in parsed ? parsed : env.grammarParsed(TAR, parsed, name);
    }
  });
}

/** Interpreters without a grammar: the flags that take inline code. */
export const INLINE_CODE_FLAGS: Record<string, readonly string[]> = {
  sh: ['-c'],
  bash: ['-c'],
  dash: ['-c'],
  zsh: ['-c'],
  ksh: ['-c'],
  fish: ['-c', '--command'],
  bun: ['-e', '-p', '--eval', '--print'],
  deno: ['eval'],
  perl: ['-e', '-E'],
  ruby: ['-e'],
  php: ['-r'],
  lua: ['-e'],
  Rscript: ['-e']
};

/** The name a handler is found by: `/usr/bin/python3.12` → `python`. */
export function programName(argv0: string): string {
  const base = path.posix.basename(argv0);
  const versioned = /^(python|pypy|ruby|perl|php|lua|node)[0-9.]*$/.exec(base);
  return versioned?.[1] ?? base;
}

export function handlerFor(argv0: string): Handler | undefined {
  return HANDLERS.get(programName(argv0));
}

/** Programs whose arguments are parsed with a grammar (for docs and tests). */
export const GRAMMAR_PROGRAMS: readonly string[] = [...HANDLERS.keys()].sort();

export const INTERPRETER_NAMES: readonly string[] = [
  'node',
  'nodejs',
  'python',
  'pypy',
  ...Object.keys(INLINE_CODE_FLAGS)
];
