import path from 'node:path';
import {
  parse,
  type Command,
  type CommandNode,
  type PipelineNode,
  type AndOr,
  type Redirection,
  type Script,
  type Statement
} from 'unbash';
import { findArgumentViolation, hasArgumentRules, programName } from './argument-rules.js';
import { renderScript } from './canonical.js';
import { describeCharacter, findHiddenCharacter, isPlainAscii } from './characters.js';
import { alwaysDeniedReason } from './denied-programs.js';
import {
  checkPathWord,
  containsProtected,
  isInside,
  realpathOfLongestExisting,
  type PathCheck
} from './paths.js';
import type { Policy, PolicyContext, PolicyDecision, PolicyEntry } from './types.js';
import { resolveWord, type StaticWord } from './words.js';

/** Longer inputs are not commands an agent types; refusing them bounds the work per decision. */
const MAX_COMMAND_LENGTH = 100_000;
/** `cd a && cd b` multiplies the directories a later relative path may be resolved from. */
const MAX_DIRECTORIES = 8;
/** Dashes and hyphens that look like "-" at the start of a word. */
const DASH_LOOKALIKE = /^[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

export const NO_POLICY_REASON =
  'no command policy file exists, so no command may run; a maintainer can add `.github/kubrick-policy.yml` on the default branch (see docs/policy.md)';

interface Denial {
  reason: string;
  offending: string;
}

/** Decides whether a command may run. Never throws: an internal error is a deny. */
export function decide(command: string, policy: Policy | null, ctx: PolicyContext): PolicyDecision {
  try {
    if (policy === null) return { decision: 'deny', reason: NO_POLICY_REASON, offending: command };
    return decideWithPolicy(command, policy, ctx);
  } catch (error) {
    return {
      decision: 'deny',
      reason: `the command could not be checked (${error instanceof Error ? error.message : String(error)}), so it was refused`,
      offending: command
    };
  }
}

function deny(denial: Denial, commands?: string[][]): PolicyDecision {
  return {
    decision: 'deny',
    reason: denial.reason,
    offending: denial.offending,
    ...(commands ? { commands } : {})
  };
}

function decideWithPolicy(command: string, policy: Policy, ctx: PolicyContext): PolicyDecision {
  if (command.trim() === '') return deny({ reason: 'the command is empty', offending: command });
  if (command.length > MAX_COMMAND_LENGTH) {
    return deny({
      reason: `the command is longer than ${MAX_COMMAND_LENGTH} characters`,
      offending: command.slice(0, 80)
    });
  }
  if (command.includes('\0'))
    return deny({ reason: 'the command contains a NUL byte', offending: 'NUL (U+0000)' });
  const script = parse(command);
  const errors = script.errors ?? [];
  if (errors.length > 0) {
    const first = errors[0];
    return deny({
      reason: `the command does not parse as complete shell syntax (${first?.message ?? 'parse error'}); check quotes and brackets`,
      offending: command.slice(first?.pos ?? 0, (first?.pos ?? 0) + 40)
    });
  }
  const walker = new Walker(command, policy, ctx);
  const denial = walker.script(script);
  if (denial) return deny(denial, walker.commands);
  const hidden = findHiddenCharacter(command, walker.literalBodies);
  if (hidden) {
    return deny(
      {
        reason: `the command contains an invisible or control character (${describeCharacter(hidden.char)}) that makes it read differently from how it runs`,
        offending: describeCharacter(hidden.char)
      },
      walker.commands
    );
  }
  if (walker.commands.length === 0)
    return deny({ reason: 'the command contains no command to run', offending: command });
  return {
    decision: 'allow',
    reason: `every command matches an allowed prefix (${walker.matched.map(entry => `"${entry.text}"`).join(', ')})`,
    commands: walker.commands,
    execution: execution(script, command, walker)
  };
}

function execution(script: Script, source: string, walker: Walker): PolicyDecision['execution'] {
  const only = script.commands.length === 1 ? script.commands[0] : undefined;
  const node = only?.command;
  if (node?.type === 'Command' && node.redirects.length === 0 && !walker.sawPattern) {
    return { kind: 'argv', argv: walker.commands[0] ?? [] };
  }
  return { kind: 'script', script: renderScript(script, source) };
}

class Walker {
  readonly commands: string[][] = [];
  readonly matched: PolicyEntry[] = [];
  /** Quoted heredoc bodies: data, exempt from the hidden-character scan. */
  readonly literalBodies: { pos: number; end: number }[] = [];
  sawPattern = false;
  private bases: string[];
  /** Directories a `cd` just moved to, for the && chain that follows it. */
  private lastCd: string[] | undefined;

  constructor(
    private readonly source: string,
    private readonly policy: Policy,
    private readonly ctx: PolicyContext
  ) {
    this.bases = [ctx.workspace];
  }

  private get pathCheck(): PathCheck {
    return { bases: this.bases, ctx: this.ctx };
  }

  private text(node: { pos: number; end: number }): string {
    return this.source.slice(node.pos, node.end);
  }

  script(script: Script): Denial | undefined {
    return this.statements(script.commands);
  }

  private statements(statements: readonly Statement[]): Denial | undefined {
    for (const statement of statements) {
      if (statement.background) {
        return {
          reason: 'running a command in the background (&) is not allowed',
          offending: this.text(statement)
        };
      }
      const denial = this.node(statement.command);
      if (denial) return denial;
    }
    return undefined;
  }

  private node(node: PipelineNode | AndOr): Denial | undefined {
    switch (node.type) {
      case 'AndOr': {
        // After `cd x &&` the rest of the chain runs in x; after `||` it may run in either directory.
        const entry = this.bases;
        for (const [index, child] of node.commands.entries()) {
          if (node.operators[index - 1] === '||') this.bases = union(entry, this.bases);
          this.lastCd = undefined;
          const denial = this.node(child);
          if (denial) return denial;
          if (this.lastCd && child.type === 'Command' && node.operators[index] === '&&')
            this.bases = this.lastCd;
        }
        this.bases = union(entry, this.bases);
        return undefined;
      }
      case 'Pipeline':
        for (const prefix of node.prefixes) {
          if (prefix.type !== 'Negation') {
            return {
              reason: 'the `time` keyword is not allowed; run the command directly',
              offending: this.text(prefix)
            };
          }
        }
        for (const child of node.commands) {
          const denial = this.command(child);
          if (denial) return denial;
        }
        return undefined;
      default:
        return this.command(node);
    }
  }

  private command(node: CommandNode): Denial | undefined {
    switch (node.type) {
      case 'Command':
        return this.simple(node);
      case 'Subshell':
      case 'BraceGroup':
        return this.statements(node.body.commands);
      case 'Redirected':
        if (node.command.type !== 'Subshell' && node.command.type !== 'BraceGroup')
          return this.compound(node.command.type, node);
        return this.statements(node.command.body.commands) ?? this.redirects(node.redirects, undefined);
      case 'Function':
        return {
          reason: 'defining shell functions is not allowed; run commands directly',
          offending: this.text(node)
        };
      default:
        return this.compound(node.type, node);
    }
  }

  private compound(type: string, node: { pos: number; end: number }): Denial {
    const names: Record<string, string> = {
      If: 'if',
      For: 'for',
      ArithmeticFor: 'for ((…))',
      While: 'while/until',
      Case: 'case',
      Select: 'select',
      TestCommand: '[[ … ]]',
      ArithmeticCommand: '(( … ))',
      Coproc: 'coproc'
    };
    const name = names[type] ?? type;
    return {
      reason: `shell control structures (${name}) are not allowed; run each command on its own`,
      offending: this.text(node).slice(0, 120)
    };
  }

  private simple(node: Command): Denial | undefined {
    const assignment = node.prefix.find(item => item.type === 'Assignment');
    if (assignment) {
      return {
        reason: 'setting environment variables before a command is not allowed; the environment is fixed',
        offending: this.text(assignment)
      };
    }
    if (!node.name) {
      return { reason: 'a redirection without a command is not allowed', offending: this.text(node) };
    }
    const words: StaticWord[] = [];
    for (const item of [node.name, ...node.suffix]) {
      if (item.type === 'Assignment') {
        return { reason: 'variable assignments are not allowed', offending: this.text(item) };
      }
      if (item.type !== 'Word') continue;
      const resolved = resolveWord(item, this.source);
      if (!resolved.ok) return { reason: resolved.reason, offending: resolved.offending };
      words.push(resolved.word);
    }
    const argv = words.map(word => word.value);
    this.commands.push(argv);
    if (words.some(word => word.pattern)) this.sawPattern = true;
    return (
      this.checkProgram(words, argv) ??
      this.checkPolicy(words, argv) ??
      this.checkArguments(words, argv) ??
      this.redirects(node.redirects, argv) ??
      this.followCd(words, argv)
    );
  }

  private checkProgram(words: StaticWord[], argv: string[]): Denial | undefined {
    const name = words[0];
    const program = argv[0] ?? '';
    if (!name) return { reason: 'missing command name', offending: '' };
    if (name.pattern) return { reason: 'a command name may not be a file pattern', offending: name.source };
    if (program === '' || !isPlainAscii(program)) {
      return {
        reason:
          'the command name contains non-ASCII or invisible characters (look-alike letters are refused)',
        offending: name.source
      };
    }
    const always = alwaysDeniedReason(program) ?? alwaysDeniedReason(path.posix.basename(program));
    if (always) return { reason: `"${program}" ${always}`, offending: program };
    return undefined;
  }

  private checkPolicy(allWords: StaticWord[], argv: string[]): Denial | undefined {
    const words = withoutHarmlessGitOptions(allWords);
    const denied = this.policy.deny.find(entry => matchesDeny(entry, words) || matchesDeny(entry, allWords));
    if (denied) {
      return { reason: `the command matches the denied prefix "${denied.text}"`, offending: argv.join(' ') };
    }
    const allowed = this.policy.allow.find(entry => matchesAllow(entry, words));
    if (!allowed) {
      return {
        reason: `"${argv.slice(0, 3).join(' ')}" does not start with any allowed prefix`,
        offending: argv.join(' ')
      };
    }
    this.matched.push(allowed);
    return undefined;
  }

  private checkArguments(words: StaticWord[], argv: string[]): Denial | undefined {
    const ruled = hasArgumentRules(argv[0] ?? '');
    const violation = findArgumentViolation({
      argv,
      bareAllowed: this.policy.allow.some(entry => entry.words.length === 1 && entry.words[0] === argv[0]),
      unsafeWrite: value => !this.isSafeWrite(value),
      holdsWorkspaceOrProtected: value => this.holdsWorkspaceOrProtected(value)
    });
    if (violation) return { reason: violation.rule.reason, offending: violation.offending };
    for (const [index, word] of words.entries()) {
      if ((word.value.startsWith('-') && !isPlainAscii(word.value)) || DASH_LOOKALIKE.test(word.value)) {
        return { reason: 'an option contains non-ASCII look-alike characters', offending: word.source };
      }
      if (word.unquotedNonAscii) {
        return {
          reason:
            'an unquoted word contains non-ASCII characters (look-alike letters are refused); quote it if it is text',
          offending: word.source
        };
      }
      if (index > 0 && ruled && word.pattern && startsWithGlob(word)) {
        return {
          reason: `a pattern at the start of an argument can expand to a file named like an option of ${programName(argv[0] ?? '')}; write it as ./${word.value}`,
          offending: word.source
        };
      }
      const denial = this.checkWordPaths(word);
      if (denial) return denial;
    }
    return undefined;
  }

  /** Every argument may be a path (read or written); options are checked on their `=value`. */
  private checkWordPaths(word: StaticWord): Denial | undefined {
    if (word.value.startsWith('-')) {
      const equals = word.value.indexOf('=');
      if (!word.value.startsWith('--') || equals < 0) return undefined;
      const value = word.value.slice(equals + 1);
      if (word.pattern) return undefined;
      return this.checkPlainPath(value, word.source);
    }
    const verdict = checkPathWord(word.segments, word.value, this.pathCheck);
    return verdict.ok ? undefined : { reason: verdict.reason, offending: word.source };
  }

  private checkPlainPath(value: string, source: string): Denial | undefined {
    if (value === '') return undefined;
    const segments = value.split('/').map(text => ({ kind: 'literal' as const, text }));
    const verdict = checkPathWord(segments, value, this.pathCheck);
    return verdict.ok ? undefined : { reason: verdict.reason, offending: source };
  }

  private isSafeWrite(value: string): boolean {
    return this.checkPlainPath(value, value) === undefined;
  }

  private holdsWorkspaceOrProtected(value: string): boolean {
    for (const base of this.bases) {
      const absolute = path.resolve(base, value);
      if (!isInside(absolute, this.ctx.workspace)) return true;
      if (containsProtected(path.relative(this.ctx.workspace, absolute), this.ctx.protectedPaths))
        return true;
    }
    return false;
  }

  private redirects(redirects: readonly Redirection[], argv: string[] | undefined): Denial | undefined {
    for (const redirect of redirects) {
      const denial = this.redirect(redirect);
      if (denial) return denial;
    }
    void argv;
    return undefined;
  }

  private redirect(redirect: Redirection): Denial | undefined {
    const offending = this.text(redirect);
    if (redirect.descriptor?.type === 'FileDescriptorVariable') {
      return {
        reason: 'redirections that assign a file-descriptor variable ({fd}>…) are not allowed',
        offending
      };
    }
    if (redirect.type === 'HereDoc') {
      if (!redirect.closing || !redirect.delimiter) {
        return { reason: 'the here-document is not closed by its delimiter line', offending };
      }
      if (redirect.delimiter.quoted) {
        this.literalBodies.push({ pos: redirect.body.pos, end: redirect.body.end });
        return undefined;
      }
      if (/[$`]/.test(redirect.body.text)) {
        return {
          reason: `an unquoted here-document body with "$" or a backtick would be expanded; quote the delimiter (<<'${redirect.delimiter.value}')`,
          offending
        };
      }
      return undefined;
    }
    if (!redirect.target) return { reason: 'a redirection has no target', offending };
    const resolved = resolveWord(redirect.target, this.source);
    if (!resolved.ok) return { reason: resolved.reason, offending: resolved.offending };
    const target = resolved.word;
    if (redirect.type === 'HereString') return undefined;
    if (target.pattern) {
      return { reason: 'a redirection target may not be a file pattern; name the file', offending };
    }
    const op = redirect.operator;
    if (op === '>&' || op === '<&') {
      if (/^(\d+|-)$/.test(target.value)) return undefined;
      if (op === '<&') return { reason: 'input duplication needs a descriptor number', offending };
    }
    if (target.value === '') return { reason: 'a redirection target is empty', offending };
    const verdict = checkPathWord(target.segments, target.value, this.pathCheck);
    if (!verdict.ok) {
      const direction = op === '<' ? 'read from' : 'write to';
      return { reason: `cannot ${direction} that file: ${verdict.reason}`, offending };
    }
    return undefined;
  }

  /**
   * `cd DIR` (when the policy allows `cd`) moves later commands; relative paths after it are
   * checked from every directory the script may then be in.
   */
  private followCd(words: StaticWord[], argv: string[]): Denial | undefined {
    if (argv[0] !== 'cd') return undefined;
    const target = words[1];
    if (argv.length !== 2 || !target || target.pattern || target.value.startsWith('-')) {
      return { reason: 'cd needs exactly one directory inside the workspace', offending: argv.join(' ') };
    }
    const after = [
      ...new Set(this.bases.map(base => realpathOfLongestExisting(path.resolve(base, target.value))))
    ];
    const next = union(this.bases, after);
    if (next.length > MAX_DIRECTORIES) {
      return { reason: 'too many directory changes to check paths reliably', offending: argv.join(' ') };
    }
    this.lastCd = after;
    this.bases = next;
    return undefined;
  }
}

/** Agents write `git --no-pager diff`; these global options change nothing a policy cares about. */
const HARMLESS_GIT_GLOBALS = new Set(['--no-pager', '-P', '--no-optional-locks', '--no-replace-objects']);

function withoutHarmlessGitOptions(words: StaticWord[]): StaticWord[] {
  if (words[0]?.value !== 'git') return words;
  let index = 1;
  while (
    index < words.length &&
    HARMLESS_GIT_GLOBALS.has(words[index]?.value ?? '') &&
    !words[index]?.pattern
  )
    index++;
  return index === 1 ? words : [words[0], ...words.slice(index)];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function startsWithGlob(word: StaticWord): boolean {
  const first = word.segments[0];
  return first?.kind === 'glob' && !/^[A-Za-z0-9_.]/.test(word.value);
}

function matchesAllow(entry: PolicyEntry, words: StaticWord[]): boolean {
  if (words.length < entry.words.length) return false;
  return entry.words.every((expected, index) => {
    const word = words[index];
    return word !== undefined && !word.pattern && word.value === expected;
  });
}

/** A pattern word could expand to the denied word, so it counts as matching. */
function matchesDeny(entry: PolicyEntry, words: StaticWord[]): boolean {
  if (words.length < entry.words.length) return false;
  return entry.words.every((expected, index) => {
    const word = words[index];
    return word !== undefined && (word.pattern || word.value === expected);
  });
}

/** The message a model sees for a denied command: why, what part, and what it may run instead. */
export function formatDenial(decision: PolicyDecision, policy: Policy | null): string {
  const lines = [`Command denied: ${decision.reason}.`];
  if (decision.offending) lines.push(`Offending part: ${decision.offending}`);
  if (policy === null) {
    lines.push('Allowed command prefixes: none (no policy file).');
  } else {
    const allowed = policy.allow.map(entry => `\`${entry.text}\``).join(', ');
    lines.push(`Allowed command prefixes: ${allowed || 'none'}.`);
    if (policy.deny.length > 0)
      lines.push(`Denied prefixes: ${policy.deny.map(entry => `\`${entry.text}\``).join(', ')}.`);
    lines.push(
      'Commands may combine allowed prefixes with &&, ||, ;, | and redirect output to workspace files; no $ expansions, substitutions or paths outside the workspace.'
    );
  }
  return lines.join('\n');
}
