import type { RuleId } from '../rules.js';
import type { OptionSpec, Role } from './types.js';

/**
 * Option tables written compactly: `'o,output=write'` is `-o`/`--output` with a required value
 * whose role is a written path; `'i,in-place?sed-suffix'` has an optional attached value; a bare
 * `'n,quiet,silent'` is a flag. A trailing `@name` records a mode the program judge looks for.
 */
export function opts(...specs: string[]): OptionSpec[] {
  return specs.flatMap(parseSpec);
}

/** One spec per short letter (`r,R,recursive` is -r, -R and --recursive). */
function parseSpec(spec: string): OptionSpec[] {
  const first = parseOne(spec);
  const body = spec.split(/[=?@]/)[0] ?? '';
  const shorts = body.split(',').filter(n => n.length === 1);
  return [first, ...shorts.slice(1).map(letter => ({ ...first, short: letter, long: [] }))];
}

function parseOne(spec: string): OptionSpec {
  const [body = '', sets] = spec.split('@');
  const match = /^([^=?]+)(?:([=?])(.*))?$/.exec(body);
  if (!match) throw new Error(`bad option spec ${spec}`);
  const [, names = '', kind, role] = match;
  const list = names.split(',');
  const short = list.find(n => n.length === 1);
  const long = list.filter(n => n.length > 1);
  const option: OptionSpec = {
    ...(short ? { short } : {}),
    ...(long.length > 0 ? { long } : {}),
    arg: kind === '=' ? 'required' : kind === '?' ? 'optional' : 'none',
    ...(role ? { role: role as Role } : {}),
    ...(sets ? { sets } : {})
  };
  return option;
}

/** Options refused outright: `refuse('program-option-exec', 'runs …', 'pre=', 'I,use-compress-program=')`. */
export function refuse(rule: RuleId, reason: string, ...specs: string[]): OptionSpec[] {
  return opts(...specs).map(spec => ({ ...spec, deny: { rule, reason } }));
}

/** --help and --version, which every GNU tool has. */
export const HELP = opts('help', 'version');
