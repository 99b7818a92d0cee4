import path from 'node:path';
import {
  parse,
  type AndOr,
  type Command,
  type CommandNode,
  type PipelineNode,
  type Redirection,
  type Script,
  type Statement
} from 'unbash';
import { renderScript } from './canonical.js';
import { describeCharacter, findHiddenCharacter, isPlainAscii } from './characters.js';
import { alwaysDenied } from './denied-programs.js';
import { judgeArguments } from './judge-command.js';
import { PathJudge } from './paths.js';
import { denial, type Denial } from './rules.js';
import type { Policy, PolicyContext, PolicyDecision, PolicyEntry } from './types.js';
import { resolveWord, type StaticWord } from './words.js';
import type { Arg } from './grammar/types.js';
import { INTERPRETER_NAMES, programName } from './grammar/index.js';
import { errorMessage } from '../error-message.js';

/** Longer inputs are not commands an agent types; refusing them bounds the work per decision. */
const MAX_COMMAND_LENGTH = 100_000;
/** `cd a && cd b` multiplies the directories a later relative path may be resolved from. */
const MAX_DIRECTORIES = 8;

export const NO_POLICY_REASON =
  'no command policy file exists, so no command may run; a maintainer can add `.github/kubrick-policy.yml` on the default branch (see docs/policy.md)';

/** Decides whether a command may run. Never throws: an internal error is a deny. */
export function decide(command: string, policy: Policy | null, ctx: PolicyContext): PolicyDecision {
  try {
    if (policy === null) return deny(denial('no-policy', NO_POLICY_REASON, command));
    return decideWithPolicy(command, policy, ctx);
  } catch (error) {
    return deny(
      denial(
        'parse-error',
        `the command could not be checked (${errorMessage(error)}), so it was refused`,
        command
      )
    );
  }
}

function deny(found: Denial, commands?: string[][]): PolicyDecision {
  return {
    decision: 'deny',
    rule: found.rule,
    reason: found.reason,
    offending: found.offending,
    ...(commands ? { commands } : {})
  };
}

function decideWithPolicy(command: string, policy: Policy, ctx: PolicyContext): PolicyDecision {
  if (command.trim() === '') return deny(denial('empty-command', 'the command is empty', command));
  if (command.length > MAX_COMMAND_LENGTH) {
    return deny(
      denial(
        'command-too-long',
        `the command is longer than ${MAX_COMMAND_LENGTH} characters`,
        command.slice(0, 80)
      )
    );
  }
  if (command.includes('\0'))
    return deny(denial('nul-byte', 'the command contains a NUL byte', 'NUL (U+0000)'));
  const script = parse(command);
  const errors = script.errors ?? [];
  if (errors.length > 0) {
    const first = errors[0];
    return deny(
      denial(
        'parse-error',
        `the command does not parse as complete shell syntax (${first?.message ?? 'parse error'}); check quotes and brackets`,
        command.slice(first?.pos ?? 0, (first?.pos ?? 0) + 40)
      )
    );
  }
  const walker = new Walker(command, policy, ctx);
  const found = walker.script(script);
  if (found) return deny(found, walker.commands);
  const hidden = findHiddenCharacter(command, walker.literalBodies);
  if (hidden) {
    return deny(
      denial(
        'hidden-character',
        `the command contains an invisible or control character (${describeCharacter(hidden.char)}) that makes it read differently from how it runs`,
        describeCharacter(hidden.char)
      ),
      walker.commands
    );
  }
  if (walker.commands.length === 0)
    return deny(denial('empty-command', 'the command contains no command to run', command));
  const interpreters = [...new Set(walker.bareInterpreters)];
  const anyCode =
    interpreters.length > 0
      ? `; ${interpreters.map(name => `"${name}"`).join(', ')} ${interpreters.length > 1 ? 'are' : 'is'} allowed by bare name, so ${interpreters.length > 1 ? 'they run' : 'it runs'} any code, inline code included (the sandbox contains it)`
      : '';
  return {
    decision: 'allow',
    reason: `every command matches an allowed prefix (${walker.matched.map(entry => `"${entry.text}"`).join(', ')})${anyCode}`,
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

const CONTROL_NAMES: Record<string, string> = {
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

class Walker {
  readonly commands: string[][] = [];
  readonly matched: PolicyEntry[] = [];
  readonly bareInterpreters: string[] = [];
  /** Quoted heredoc bodies: data, exempt from the hidden-character scan. */
  readonly literalBodies: { pos: number; end: number }[] = [];
  sawPattern = false;
  private readonly judge: PathJudge;
  private bases: string[];
  /** Directories a `cd` just moved to, for the && chain that follows it. */
  private lastCd: string[] | undefined;

  constructor(
    private readonly source: string,
    private readonly policy: Policy,
    private readonly ctx: PolicyContext
  ) {
    this.bases = [ctx.workspace];
    this.judge = new PathJudge(ctx);
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
        return denial(
          'background',
          'running a command in the background (&) is not allowed',
          this.text(statement)
        );
      }
      const found = this.node(statement.command);
      if (found) return found;
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
          const found = this.node(child);
          if (found) return found;
          if (this.lastCd && child.type === 'Command' && node.operators[index] === '&&')
            this.bases = this.lastCd;
        }
        this.bases = union(entry, this.bases);
        return undefined;
      }
      case 'Pipeline':
        for (const prefix of node.prefixes) {
          if (prefix.type !== 'Negation') {
            return denial(
              'time-keyword',
              'the `time` keyword is not allowed; run the command directly',
              this.text(prefix)
            );
          }
        }
        for (const child of node.commands) {
          const found = this.command(child);
          if (found) return found;
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
        return this.redirects(node.redirects) ?? this.statements(node.command.body.commands);
      case 'Function':
        return denial(
          'function-definition',
          'defining shell functions is not allowed; run commands directly',
          this.text(node)
        );
      default:
        return this.compound(node.type, node);
    }
  }

  private compound(type: string, node: { pos: number; end: number }): Denial {
    return denial(
      'control-structure',
      `shell control structures (${CONTROL_NAMES[type] ?? type}) are not allowed; run each command on its own`,
      this.text(node).slice(0, 120)
    );
  }

  private simple(node: Command): Denial | undefined {
    const assignment = node.prefix.find(item => item.type === 'Assignment');
    if (assignment) {
      return denial(
        'assignment',
        'setting environment variables before a command is not allowed; the environment is fixed',
        this.text(assignment)
      );
    }
    if (!node.name)
      return denial(
        'redirect-without-command',
        'a redirection without a command is not allowed',
        this.text(node)
      );
    const words: StaticWord[] = [];
    for (const item of [node.name, ...node.suffix]) {
      if (item.type === 'Assignment')
        return denial('assignment', 'variable assignments are not allowed', this.text(item));
      if (item.type !== 'Word') continue;
      const resolved = resolveWord(item, this.source);
      if (!resolved.ok) return denial(resolved.rule, resolved.reason, resolved.offending);
      words.push(resolved.word);
    }
    const args: Arg[] = words.flatMap(word =>
      word.fields.map(field => ({ value: field.value, field, source: word.source }))
    );
    const argv = args.map(arg => arg.value);
    this.commands.push(argv);
    if (args.some(arg => arg.field.glob)) this.sawPattern = true;
    const redirects = [
      ...node.prefix.filter(item => item.type !== 'Assignment'),
      ...node.redirects
    ] as Redirection[];
    return (
      this.checkProgram(words, args) ??
      this.checkPolicy(args) ??
      this.checkCharacters(words) ??
      this.redirects(redirects) ??
      judgeArguments({
        args,
        cwds: this.bases,
        judge: this.judge,
        bareAllowed: this.bareAllowed(argv[0] ?? ''),
        stdinPath: stdinOf(redirects, this.source)
      }) ??
      this.followCd(args)
    );
  }

  private bareAllowed(program: string): boolean {
    return this.policy.allow.some(entry => entry.words.length === 1 && entry.words[0] === program);
  }

  private checkProgram(words: StaticWord[], args: Arg[]): Denial | undefined {
    const name = words[0];
    const program = args[0]?.value ?? '';
    if (!name) return denial('empty-command', 'missing command name', '');
    if (args[0]?.field.glob)
      return denial('glob-command-name', 'a command name may not be a file pattern', name.source);
    if (program === '' || !isPlainAscii(program)) {
      return denial(
        'non-ascii',
        'the command name contains non-ASCII or invisible characters (look-alike letters are refused)',
        name.source
      );
    }
    const always = alwaysDenied(program) ?? alwaysDenied(path.posix.basename(program));
    if (always) return denial(always.rule, `"${program}" ${always.reason}`, program);
    return undefined;
  }

  private checkPolicy(args: Arg[]): Denial | undefined {
    const argv = args.map(a => a.value);
    const plain = withoutGitGlobals(args);
    const denied = this.policy.deny.find(entry => matchesDeny(entry, plain) || matchesDeny(entry, args));
    if (denied)
      return denial(
        'prefix-denied',
        `the command matches the denied prefix "${denied.text}"`,
        argv.join(' ')
      );
    const allowed = this.policy.allow.find(entry => matchesAllow(entry, plain));
    if (!allowed) {
      return denial(
        'prefix-not-allowed',
        `"${argv.slice(0, 3).join(' ')}" does not start with any allowed prefix`,
        argv.join(' ')
      );
    }
    this.matched.push(allowed);
    if (allowed.words.length === 1 && INTERPRETER_NAMES.includes(programName(allowed.words[0] ?? ''))) {
      this.bareInterpreters.push(allowed.words[0] ?? '');
    }
    return undefined;
  }

  private checkCharacters(words: StaticWord[]): Denial | undefined {
    for (const word of words) {
      if ((word.value.startsWith('-') && !isPlainAscii(word.value)) || DASH_LOOKALIKE.test(word.value)) {
        return denial('non-ascii', 'an option contains non-ASCII look-alike characters', word.source);
      }
      if (word.unquotedNonAscii) {
        return denial(
          'non-ascii',
          'an unquoted word contains non-ASCII characters (look-alike letters are refused); quote it if it is text',
          word.source
        );
      }
    }
    return undefined;
  }

  private redirects(redirects: readonly Redirection[]): Denial | undefined {
    for (const redirect of redirects) {
      const found = this.redirect(redirect);
      if (found) return found;
    }
    return undefined;
  }

  private redirect(redirect: Redirection): Denial | undefined {
    const offending = this.text(redirect);
    if (redirect.descriptor?.type === 'FileDescriptorVariable') {
      return denial(
        'redirect-fd-variable',
        'redirections that assign a file-descriptor variable ({fd}>…) are not allowed',
        offending
      );
    }
    if (redirect.type === 'HereDoc') {
      if (!redirect.closing || !redirect.delimiter)
        return denial('heredoc-unclosed', 'the here-document is not closed by its delimiter line', offending);
      if (redirect.delimiter.quoted) {
        this.literalBodies.push({ pos: redirect.body.pos, end: redirect.body.end });
        return undefined;
      }
      if (/[$`]/.test(redirect.body.text)) {
        return denial(
          'heredoc-expansion',
          `an unquoted here-document body with "$" or a backtick would be expanded; quote the delimiter (<<'${redirect.delimiter.value}')`,
          offending
        );
      }
      return undefined;
    }
    if (!redirect.target) return denial('parse-error', 'a redirection has no target', offending);
    const resolved = resolveWord(redirect.target, this.source);
    if (!resolved.ok) return denial(resolved.rule, resolved.reason, resolved.offending);
    const target = resolved.word;
    if (redirect.type === 'HereString') return undefined;
    const op = redirect.operator;
    if ((op === '>&' || op === '<&') && /^(\d+|-)$/.test(target.value)) return undefined;
    if (op === '<&') return denial('parse-error', 'input duplication needs a descriptor number', offending);
    if (target.pattern || target.fields.length !== 1) {
      return denial(
        'redirect-pattern',
        'a redirection target may not be a file pattern or a brace expansion; name the file',
        offending
      );
    }
    if (target.value === '') return denial('parse-error', 'a redirection target is empty', offending);
    const access = op === '<' ? 'read' : 'write';
    const found = this.judge.path(target.value, access, this.bases, offending);
    if (found)
      return {
        ...found,
        reason: `cannot ${access === 'read' ? 'read from' : 'write to'} that file: ${found.reason}`
      };
    return undefined;
  }

  /**
   * `cd DIR` (when the policy allows `cd`) moves later commands; relative paths after it are
   * checked from every directory the script may then be in, resolved as the kernel resolves them.
   */
  private followCd(args: Arg[]): Denial | undefined {
    if (args[0]?.value !== 'cd') return undefined;
    const target = args[1];
    const shown = args.map(a => a.value).join(' ');
    if (args.length !== 2 || !target || target.field.glob || target.value.startsWith('-')) {
      return denial('cd-target', 'cd needs exactly one directory inside the workspace', shown);
    }
    const found = this.judge.path(target.value, 'read', this.bases, target.source);
    if (found) return found;
    const after: string[] = [];
    for (const base of this.bases) {
      const real = this.judge.real(target.value, base);
      if (!real) return denial('path-unresolvable', `cd target "${target.value}" cannot be resolved`, shown);
      after.push(real);
    }
    const next = union(this.bases, after);
    if (next.length > MAX_DIRECTORIES)
      return denial('too-many-directories', 'too many directory changes to check paths reliably', shown);
    this.lastCd = [...new Set(after)];
    this.bases = next;
    return undefined;
  }
}

/** Dashes and hyphens that look like "-" at the start of a word. */
const DASH_LOOKALIKE = /^[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

/** The file a command's standard input comes from, when a `<` redirection names one. */
function stdinOf(redirects: readonly Redirection[], source: string): string | undefined {
  let found: string | undefined;
  for (const redirect of redirects) {
    if (redirect.type === 'HereDoc' || redirect.type === 'HereString') found = undefined;
    else if (
      redirect.operator === '<' &&
      redirect.target &&
      (redirect.descriptor === undefined ||
        (redirect.descriptor.type === 'FileDescriptor' && redirect.descriptor.value === 0))
    ) {
      const resolved = resolveWord(redirect.target, source);
      found = resolved.ok && !resolved.word.pattern ? resolved.word.value : undefined;
    }
  }
  return found;
}

/** git's global options that take the next word as their value. */
const GIT_GLOBALS_WITH_VALUE = new Set([
  '-c',
  '-C',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--super-prefix',
  '--list-cmds',
  '--attr-source',
  '--exec-path'
]);

/**
 * Prefixes match git's subcommand with the global options before it set aside (`git --no-pager
 * diff` is `git diff`); the git grammar then judges those options (`git -c core.pager=sh diff`
 * is refused for its -c, not for a missing prefix).
 */
function withoutGitGlobals(args: Arg[]): Arg[] {
  if (args[0]?.value !== 'git') return args;
  let index = 1;
  while (index < args.length) {
    const value = args[index]?.value ?? '';
    if (!value.startsWith('-') || args[index]?.field.glob) break;
    index += GIT_GLOBALS_WITH_VALUE.has(value) ? 2 : 1;
  }
  return index === 1 ? args : [args[0] as Arg, ...args.slice(index)];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function matchesAllow(entry: PolicyEntry, args: Arg[]): boolean {
  if (args.length < entry.words.length) return false;
  return entry.words.every((expected, index) => {
    const arg = args[index];
    return arg !== undefined && !arg.field.glob && arg.value === expected;
  });
}

/** A pattern word could expand to the denied word, so it counts as matching. */
function matchesDeny(entry: PolicyEntry, args: Arg[]): boolean {
  if (args.length < entry.words.length) return false;
  return entry.words.every((expected, index) => {
    const arg = args[index];
    return arg !== undefined && (arg.field.glob || arg.value === expected);
  });
}

/** The message a model sees for a denied command: why, what part, and what it may run instead. */
export function formatDenial(decision: PolicyDecision, policy: Policy | null): string {
  const lines = [`Command denied: ${decision.reason}.`];
  if (decision.rule) lines.push(`Rule: ${decision.rule}`);
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
