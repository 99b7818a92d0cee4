import type { ScriptProblem } from './sed-script.js';

/**
 * jq reads files only through its options and through modules: `import "path" as name;`,
 * `include "path";` and `import "path" as $data;` search the -L directories. A module path that is
 * absolute, climbs with "..", or a directive that sets its own search path can reach any file.
 */
export function checkJqProgram(program: string): ScriptProblem | undefined {
  const directive = /\b(import|include)\s*"((?:[^"\\]|\\.)*)"([^;]*);/g;
  for (const match of program.matchAll(directive)) {
    const module = match[2] ?? '';
    const rest = match[3] ?? '';
    const parts = module.split('/');
    if (
      module.startsWith('/') ||
      module.startsWith('~') ||
      module.startsWith('$') ||
      parts.includes('..') ||
      /\\/.test(module)
    ) {
      return {
        rule: 'jq-module',
        reason: `the jq module path "${module}" is absolute or climbs with "..", so it can read any file`
      };
    }
    if (/\bsearch\b/.test(rest))
      return { rule: 'jq-module', reason: 'the jq import sets its own module search path' };
  }
  if (
    /\b(import|include)\b/.test(program.replace(/"(?:[^"\\]|\\.)*"/g, '""')) &&
    !/\b(import|include)\s*"/.test(program)
  ) {
    return { rule: 'jq-module', reason: 'the jq program has an import or include the checker cannot read' };
  }
  return undefined;
}
