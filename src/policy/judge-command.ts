import fs from 'node:fs';
import path from 'node:path';
import { checkAwkProgram } from './awk-program.js';
import { handlerFor, INLINE_CODE_FLAGS, programName } from './grammar/index.js';
import { parseOptions } from './grammar/parse.js';
import type { Arg, Grammar, JudgeEnv, Parsed, Role } from './grammar/types.js';
import { checkJqProgram } from './jq-program.js';
import { isInside, protectedHit, type PathJudge } from './paths.js';
import { denial, type Denial } from './rules.js';
import { checkSedScript } from './sed-script.js';

/** Programs that only print their arguments or compute with them: nothing in them is a path. */
const TEXT_PROGRAMS = new Set([
  'echo',
  'printf',
  'true',
  'false',
  ':',
  'pwd',
  'test',
  '[',
  'exit',
  'return',
  'shift',
  'break',
  'continue',
  'type',
  'which',
  'basename',
  'dirname',
  'seq',
  'sleep',
  'expr',
  'whoami',
  'id',
  'uname',
  'nproc',
  'tty',
  'cd'
]);

/** A recursive copy with more entries than this is refused rather than walked. */
const MAX_TREE_ENTRIES = 20_000;

export interface CommandInput {
  args: readonly Arg[];
  cwds: readonly string[];
  judge: PathJudge;
  bareAllowed: boolean;
  stdinPath: string | undefined;
}

/** Judges the arguments of one simple command whose prefix the policy allowed. */
export function judgeArguments(input: CommandInput): Denial | undefined {
  const [name, ...args] = input.args;
  if (!name) return undefined;
  const program = programName(name.value);
  const builtin = judgeBuiltin(program, args);
  if (builtin) return builtin;
  if (TEXT_PROGRAMS.has(program)) return undefined;
  const env = makeEnv(input, program);
  const handler = handlerFor(name.value);
  if (!handler) return judgeGeneric(program, args, env);
  const judged =
    handler.kind === 'grammar' ? env.grammar(handler.grammar, args, program) : handler.judge(args, env);
  return judged ?? globOption(args, env);
}

/** bash evaluates array subscripts (and the command substitutions in them) in these builtins' operands. */
function judgeBuiltin(program: string, args: readonly Arg[]): Denial | undefined {
  if (program === 'test' || program === '[') {
    for (let i = 0; i < args.length; i++) {
      const value = args[i]?.value;
      if ((value === '-v' || value === '-R') && (args[i + 1]?.value ?? '').includes('[')) {
        return denial(
          'builtin-subscript',
          `${program} ${value} evaluates the array subscript of "${args[i + 1]?.value ?? ''}", which can run commands`,
          args[i + 1]?.source ?? ''
        );
      }
    }
  }
  if (program === 'printf') {
    const first = args[0]?.value ?? '';
    if (first === '-v' || /^-v./.test(first))
      return denial(
        'printf-assign',
        'printf -v assigns a shell variable that later commands would see',
        first
      );
  }
  if (['exit', 'return', 'shift', 'break', 'continue'].includes(program)) {
    const odd = args.find(arg => !/^-?\d+$/.test(arg.value));
    if (odd)
      return denial(
        'builtin-subscript',
        `${program} takes a plain number; "${odd.value}" would be evaluated as arithmetic`,
        odd.source
      );
  }
  return undefined;
}

/** A pattern at the start of an argument that expands to a word starting with "-" (`rm *` with a file `-rf`). */
function globOption(args: readonly Arg[], env: JudgeEnv): Denial | undefined {
  for (const arg of args) {
    const first = arg.field.segments[0];
    if (!arg.field.glob || first?.kind !== 'glob' || /^[A-Za-z0-9_.]/.test(arg.value)) continue;
    if (env.judge.createdDashName) {
      return denial(
        'glob-option',
        `the pattern "${arg.value}" could expand to a file named like an option that this script creates; write it as ./${arg.value}`,
        arg.source
      );
    }
    for (const cwd of env.cwds) {
      const hit = env.judge.globMatches(arg.field, cwd).find(match => /^-./.test(match));
      if (hit) {
        return denial(
          'glob-option',
          `the pattern "${arg.value}" expands to "${hit}", which ${env.program} would read as an option; write it as ./${arg.value}`,
          arg.source
        );
      }
    }
  }
  return undefined;
}

/**
 * A program without a grammar: options are left alone, and every argument that looks like a path
 * (has a "/", starts with ".", names something that exists, or is an option with an attached path)
 * is judged as both read and written. Interpreters' inline-code flags follow the bare-name rule.
 */
function judgeGeneric(program: string, args: readonly Arg[], env: JudgeEnv): Denial | undefined {
  const flags = INLINE_CODE_FLAGS[program];
  if (flags && !env.bareAllowed) {
    const short = flags
      .filter(f => /^-[A-Za-z]$/.test(f))
      .map(f => f[1])
      .join('');
    for (const arg of args) {
      const value = arg.value;
      const key = value.split('=')[0] ?? value;
      const cluster =
        short !== '' && /^-[A-Za-z0-9]+$/.test(value) && [...value.slice(1)].some(ch => short.includes(ch));
      if (flags.includes(key) || cluster) {
        return denial(
          'interpreter-inline',
          `inline code (${program} ${value}) is allowed only when the policy allows ${program} by its bare name`,
          value
        );
      }
    }
  }
  for (const arg of args) {
    const found = env.arg(arg, 'generic');
    if (found) return found;
  }
  return undefined;
}

function looksLikePath(value: string, env: JudgeEnv): boolean {
  if (value.includes('/') || value.startsWith('.')) return true;
  return value !== '' && env.cwds.some(cwd => env.judge.fs.kind(path.posix.join(cwd, value)) !== 'missing');
}

/** The path-like parts of an argument of a program whose grammar is unknown. */
function genericCandidates(value: string, env: JudgeEnv): string[] {
  // `dd if=/etc/passwd`, `make -f x VAR=/y`: a value after "=" is a path as much as the word is.
  const assigned = /^[-A-Za-z0-9_.]*=/.test(value) ? [value.slice(value.indexOf('=') + 1)] : [];
  if (!value.startsWith('-'))
    return [value, ...assigned].filter(candidate => candidate !== '' && looksLikePath(candidate, env));
  const out: string[] = [...assigned];
  const bare = value.replace(/^-+/, '');
  if (bare.includes('/')) out.push(bare, value);
  const attached = /^-[A-Za-z]+(.*\/.*)$/.exec(value);
  if (attached?.[1]) out.push(attached[1]);
  return out.filter(candidate => candidate !== '' && looksLikePath(candidate, env));
}

function makeEnv(input: CommandInput, program: string): JudgeEnv {
  const { judge } = input;
  const argv = input.args.map(a => a.value);
  const env: JudgeEnv = {
    argv,
    program,
    cwds: input.cwds,
    stdinPath: input.stdinPath,
    judge,
    bareAllowed: input.bareAllowed,
    deny: denial,
    arg: (arg, role, cwds) => judgeArg(env, arg, role, cwds ?? input.cwds),
    path: (raw, access, offending, cwds) => judge.path(raw, access, cwds ?? input.cwds, offending),
    linkTarget: (target, link, cwd, relative, offending) =>
      judgeLinkTarget(judge, target, link, cwd, relative, offending),
    copyTree: (source, landing, cwd, offending) => judgeTree(judge, env, source, landing, cwd, offending),
    grammar: (grammar, args, label) => {
      const parsed = parseOptions(grammar, args, label);
      return 'rule' in parsed ? parsed : env.grammarParsed(grammar, parsed, label);
    },
    grammarParsed: (grammar, parsed, label) => judgeParsed(env, grammar, parsed, label),
    // A pattern is walked from where it starts: the working directory.
    followTree: arg => env.judge.treeLinksOut(arg.field.glob ? '.' : arg.value, input.cwds, arg.source),
    sedScript: script => problemDenial(checkSedScript(script), script),
    awkProgram: program => problemDenial(checkAwkProgram(program), program),
    jqProgram: program => problemDenial(checkJqProgram(program), program)
  };
  return env;
}

function problemDenial(
  problem: { rule: Denial['rule']; reason: string } | undefined,
  offending: string
): Denial | undefined {
  return problem
    ? denial(
        problem.rule,
        problem.reason,
        offending.length > 120 ? `${offending.slice(0, 117)}...` : offending
      )
    : undefined;
}

function judgeParsed(env: JudgeEnv, grammar: Grammar, parsed: Parsed, label: string): Denial | undefined {
  for (const option of parsed.options) {
    const refusal = option.spec.deny;
    if (refusal)
      return denial(
        refusal.rule,
        refusal.reason,
        option.value ? `${option.name} ${option.value.value}` : option.name
      );
    if (option.value && option.spec.role) {
      const found = env.arg(option.value, option.spec.role);
      if (found) return found;
    }
  }
  void label;
  return grammar.judge(parsed, env);
}

function judgeArg(env: JudgeEnv, arg: Arg, role: Role, cwds: readonly string[]): Denial | undefined {
  switch (role) {
    case 'read':
    case 'write':
    case 'write-name':
    case 'write-tree':
      return env.judge.field(arg.field, role, cwds, arg.source);
    case 'base-dir':
      return env.judge.field(arg.field, 'read', cwds, arg.source);
    case 'date-or-file':
      return /^[./]/.test(arg.value) ? env.judge.field(arg.field, 'read', cwds, arg.source) : undefined;
    case 'module':
      // `--import data:text/javascript,…` is inline code by another name.
      if (/^(data|https?|file):/i.test(arg.value) && !env.bareAllowed) {
        return denial(
          'interpreter-inline',
          `a module given as a URL ("${arg.value.slice(0, 40)}") is inline code, allowed only when the policy allows ${env.program} by its bare name`,
          arg.source
        );
      }
      return arg.value.startsWith('.') || arg.value.startsWith('/')
        ? env.judge.field(arg.field, 'read', cwds, arg.source)
        : undefined;
    case 'generic':
    case 'generic-read': {
      const access = role === 'generic' ? 'write' : 'read';
      if (arg.field.glob) return env.judge.field(arg.field, access, cwds, arg.source);
      for (const candidate of genericCandidates(arg.value, env)) {
        const found = env.judge.path(candidate, access, cwds, arg.source);
        if (found) return found;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Where a new symlink leads must stay inside the workspace and out of protected paths. */
function judgeLinkTarget(
  judge: PathJudge,
  target: string,
  link: string,
  cwd: string,
  relative: boolean,
  offending: string
): Denial | undefined {
  if (target === '') return denial('symlink-target', 'a symbolic link needs a target', offending);
  const directory = judge.real(path.posix.dirname(link), cwd);
  if (!directory)
    return denial('path-unresolvable', `the directory of the link "${link}" cannot be resolved`, offending);
  const linkPath = path.posix.join(directory, path.posix.basename(link));
  const base = relative ? cwd : directory;
  const resolved = judge.fs.resolve(base, target, true);
  if (!resolved.ok)
    return denial('path-unresolvable', `the link target "${target}" cannot be resolved`, offending);
  if (!isInside(resolved.path, judge.workspace)) {
    return denial(
      'symlink-target',
      `the link "${link}" would point at ${resolved.path}, outside the workspace`,
      offending
    );
  }
  const hit = protectedHit(path.relative(judge.workspace, resolved.path), judge.protectedPaths);
  if (hit)
    return denial(
      'symlink-target',
      `the link "${link}" would point into the protected path "${hit}"`,
      offending
    );
  judge.fs.addLink(linkPath, relative ? path.posix.relative(directory, resolved.path) || '.' : target);
  return undefined;
}

/** Everything under a copied or moved directory lands under `landing`: each entry is judged there, links by where they lead. */
function judgeTree(
  judge: PathJudge,
  env: JudgeEnv,
  source: string,
  landing: string,
  cwd: string,
  offending: string
): Denial | undefined {
  const named = judge.real(source.replace(/\/+$/, '') || source, cwd, false);
  if (!named) return undefined;
  if (judge.fs.kind(named) === 'link') {
    const target = judge.fs.readlink(named);
    return target === undefined ? undefined : env.linkTarget(target, landing, cwd, false, offending);
  }
  const root = judge.real(source, cwd);
  if (!root || judge.fs.kind(root) !== 'dir') return undefined;
  const queue: string[] = [''];
  let count = 0;
  while (queue.length > 0) {
    const relative = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++count > MAX_TREE_ENTRIES)
        return denial(
          'content-too-large',
          `"${source}" holds more than ${MAX_TREE_ENTRIES} entries to check`,
          offending
        );
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const destination = `${landing}/${child}`;
      const found = judge.path(destination, 'write-name', [cwd], offending);
      if (found)
        return denial(
          'content-write',
          `copying "${source}" would write "${destination}": ${found.reason}`,
          offending
        );
      if (entry.isSymbolicLink()) {
        const target = fs.readlinkSync(path.join(root, child));
        const link = env.linkTarget(target, destination, cwd, false, offending);
        if (link) return denial('archive-link', `"${source}/${child}" is a link: ${link.reason}`, offending);
      } else if (entry.isDirectory()) queue.push(child);
    }
  }
  return undefined;
}
