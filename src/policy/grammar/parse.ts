import { denial, type Denial } from '../rules.js';
import { fieldOf } from '../words.js';
import type { Arg, Grammar, OptionSpec, Parsed, ParsedOption } from './types.js';

/** The option tables, indexed once per grammar. */
interface Index {
  short: Map<string, OptionSpec>;
  long: Map<string, OptionSpec>;
  longNames: string[];
}
const indexes = new WeakMap<Grammar, Index>();

function indexOf(grammar: Grammar): Index {
  let index = indexes.get(grammar);
  if (!index) {
    index = { short: new Map(), long: new Map(), longNames: [] };
    for (const spec of grammar.options) {
      if (spec.short) index.short.set(spec.short, spec);
      for (const name of spec.long ?? []) index.long.set(name, spec);
    }
    index.longNames = [...index.long.keys()];
    indexes.set(grammar, index);
  }
  return index;
}

/** Looks a long option up as getopt_long does: exact, else an unambiguous prefix. */
export function lookupLong(grammar: Grammar, name: string): OptionSpec | 'ambiguous' | undefined {
  const index = indexOf(grammar);
  const exact = index.long.get(name);
  if (exact) return exact;
  if (grammar.abbreviations === false || name === '') return undefined;
  const candidates = new Set(index.longNames.filter(n => n.startsWith(name)).map(n => index.long.get(n)));
  if (candidates.size === 1) return [...candidates][0];
  return candidates.size > 1 ? 'ambiguous' : undefined;
}

export function lookupShort(grammar: Grammar, letter: string): OptionSpec | undefined {
  return indexOf(grammar).short.get(letter);
}

/**
 * Parses argv (without the program name) the way the program's own parser does: GNU permutation
 * (unless the grammar stops at the first operand), `--`, short clusters with an attached value
 * (`-abVALUE`), `--long=value`, `--long value` and unambiguous abbreviations. An option the grammar
 * does not know is refused, naming it (fail closed).
 */
export function parseOptions(grammar: Grammar, args: readonly Arg[], program: string): Parsed | Denial {
  const parsed: Parsed = { options: [], operands: [], afterDashDash: -1, sets: new Set() };
  const permute = grammar.permute !== false;
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    const value = arg.value;
    if (parsed.ended) optionsDone = true;
    if (optionsDone || value === '-' || !value.startsWith('-') || grammar.operandLike?.test(value)) {
      parsed.operands.push(arg);
      if (!permute) optionsDone = true;
      continue;
    }
    if (value === '--') {
      optionsDone = true;
      parsed.afterDashDash = parsed.operands.length;
      continue;
    }
    if (grammar.numericOption && /^-\d+$/.test(value)) continue;
    const take = (): Arg | undefined => args[++i];
    if (value.startsWith('--')) {
      const equals = value.indexOf('=');
      const name = value.slice(2, equals < 0 ? undefined : equals);
      let spec = lookupLong(grammar, name);
      if (!spec && grammar.negatable && name.startsWith('no-')) {
        const positive = lookupLong(grammar, name.slice(3));
        if (positive && positive !== 'ambiguous' && equals < 0)
          spec = { long: [name], arg: 'none', role: 'text' };
      }
      if (!spec && grammar.acceptLong?.test(name))
        spec = { long: [name], arg: equals >= 0 ? 'optional' : 'none', role: 'text' };
      if (spec === 'ambiguous') {
        return denial(
          'option-unknown',
          `${program} option "--${name}" is an ambiguous abbreviation; write the option out in full`,
          arg.source
        );
      }
      if (!spec) {
        return denial(
          'option-unknown',
          `${program} has no option "--${name}" that the policy knows; unknown options are refused`,
          arg.source
        );
      }
      const option: ParsedOption = { spec, name: `--${name}`, attached: equals >= 0, extra: [] };
      const kind = spec.arg ?? 'none';
      if (equals >= 0) {
        if (kind === 'none') {
          return denial('option-unknown', `${program} option "--${name}" takes no value`, arg.source);
        }
        option.value = sliceArg(arg, equals + 1);
      } else if (kind === 'required') {
        option.value = take();
        if (!option.value) return missing(program, `--${name}`, arg);
      }
      const extra = takeExtra(spec, args, i);
      i += extra.length;
      option.extra = extra;
      if (extra.length < (spec.extraArgs ?? 0)) return missing(program, `--${name}`, arg);
      record(parsed, option);
      continue;
    }
    for (let k = 1; k < value.length; k++) {
      const letter = value[k] as string;
      const spec = lookupShort(grammar, letter);
      if (!spec) {
        return denial(
          'option-unknown',
          `${program} has no option "-${letter}" that the policy knows (in "${value}"); unknown options are refused`,
          arg.source
        );
      }
      const kind = spec.arg ?? 'none';
      const option: ParsedOption = { spec, name: `-${letter}`, attached: false, extra: [] };
      if (kind === 'none') {
        record(parsed, option);
        continue;
      }
      if (k + 1 < value.length) {
        option.value = sliceArg(arg, k + 1);
        option.attached = true;
      } else if (kind === 'required') {
        option.value = take();
        if (!option.value) return missing(program, `-${letter}`, arg);
      }
      const extra = takeExtra(spec, args, i);
      i += extra.length;
      option.extra = extra;
      record(parsed, option);
      break;
    }
  }
  return parsed;
}

function takeExtra(spec: OptionSpec, args: readonly Arg[], i: number): Arg[] {
  const count = spec.extraArgs ?? 0;
  return args.slice(i + 1, i + 1 + count);
}

function record(parsed: Parsed, option: ParsedOption): void {
  parsed.options.push(option);
  if (option.spec.sets) parsed.sets.add(option.spec.sets);
  if (option.spec.ends) parsed.ended = true;
}

function missing(program: string, name: string, arg: Arg): Denial {
  return denial('option-value-missing', `${program} option "${name}" needs a value`, arg.source);
}

/**
 * The value part of an argument (`-oFILE` → `FILE`). When the word was a pattern, every glob
 * character left in the value is taken as one (a quoted `*` then counts as a pattern too, which
 * can only refuse more).
 */
export function sliceArg(arg: Arg, from: number): Arg {
  const value = arg.value.slice(from);
  return { value, source: arg.source, field: fieldOf(value, arg.field.glob) };
}
