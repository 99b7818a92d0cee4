import type { Access, PathJudge } from '../paths.js';
import type { Denial, RuleId } from '../rules.js';
import type { Field } from '../words.js';

/**
 * What a value means to the program that reads it. Path roles are judged against the workspace
 * and the protected paths; `exec` values name a program the option would run, so the option is
 * refused; the rest are data.
 */
export type Role =
  | Access
  | 'text'
  | 'pattern'
  | 'number'
  /** A directory that later operands are relative to (tar -C); judged as a read path. */
  | 'base-dir'
  /** A date, or (starting with `/` or `.`) a file whose date GNU tar takes: then a read path. */
  | 'date-or-file'
  | 'sed-script'
  | 'sed-file'
  | 'awk-program'
  | 'awk-file'
  | 'jq-program'
  | 'jq-file'
  | 'code'
  | 'module'
  /** An argument of a program without a grammar: judged as read and written when it looks like a path. */
  | 'generic'
  /** Data for a script (after the script name, or after npm's --): judged as a read when it looks like a path. */
  | 'generic-read';

export interface OptionSpec {
  /** Single-letter names (`o` for `-o`). */
  short?: string;
  /** Long names without dashes (`output` for `--output`). */
  long?: readonly string[];
  /** `required`: separate, attached (`-oX`, `--output=X`); `optional`: attached or `=` only. */
  arg?: 'none' | 'required' | 'optional';
  role?: Role;
  /** The option is refused outright, with this rule and reason. */
  deny?: { rule: RuleId; reason: string };
  /** A name the program-specific judge looks for (mode switches such as tar's -x). */
  sets?: string;
  /** Consumes this many further words after its value (jq --arg NAME VALUE). */
  extraArgs?: number;
  /** Everything after this option is an operand (python -c CODE, python -m MODULE). */
  ends?: boolean;
  /** Optional-value options where a following word counts as the value only in this form. */
}

/** One argument of a command: a field of a word after brace expansion. */
export interface Arg {
  value: string;
  field: Field;
  /** The word as written, for messages. */
  source: string;
}

export interface ParsedOption {
  spec: OptionSpec;
  /** As written, e.g. `--out` or `-o` inside `-abo`. */
  name: string;
  value?: Arg | undefined;
  /** The value came attached (`-oX`, `--o=X`). */
  attached: boolean;
  extra: Arg[];
}

export interface Parsed {
  options: ParsedOption[];
  operands: Arg[];
  /** Operands after `--`: the program reads them as operands whatever they look like. */
  afterDashDash: number;
  sets: Set<string>;
  /** An option that ends option parsing was seen (python -c, -m). */
  ended?: boolean;
}

export interface Grammar {
  /** Program names (basename, version suffix dropped). */
  names: readonly string[];
  options: readonly OptionSpec[];
  /** GNU getopt permutes (options after operands count); POSIX and interpreters stop at the first operand. */
  permute?: boolean;
  /** GNU getopt_long accepts unambiguous abbreviations of long options. */
  abbreviations?: boolean;
  /** `head -20`, `grep -5`: a dash and digits is a count. */
  numericOption?: boolean;
  /** `--no-X` is accepted for every long option X (git's parse-options). */
  negatable?: boolean;
  /** Long options matching this are accepted as flags (`--name` or `--name=text`): open-ended families such as node's --experimental-*. */
  acceptLong?: RegExp;
  /** Arguments that look like options but are operands (chmod -w). */
  operandLike?: RegExp;
  /** Operands and program-specific rules; options with roles are judged before this runs. */
  judge: (parsed: Parsed, env: JudgeEnv) => Denial | undefined;
  /** Tests: example values for the generated spelling suite, keyed by role. */
  note?: string;
}

/** What a program judge may ask about the command it judges. */
export interface JudgeEnv {
  argv: readonly string[];
  program: string;
  /** Directories the command may run in. */
  cwds: readonly string[];
  /** The file standard input is redirected from (`patch -p1 < fix.diff`), when there is one. */
  stdinPath: string | undefined;
  /** Judge a typed argument. */
  arg: (arg: Arg, role: Role, cwds?: readonly string[]) => Denial | undefined;
  /** Judge a path string computed by the judge (a destination, an archive member). */
  path: (raw: string, access: Access, offending: string, cwds?: readonly string[]) => Denial | undefined;
  /** A symlink at `link` (relative to `cwd`) pointing at `target`: where it leads must be inside and unprotected; recorded for later commands. */
  linkTarget: (
    target: string,
    link: string,
    cwd: string,
    relative: boolean,
    offending: string
  ) => Denial | undefined;
  /** A recursive copy or move of `source` to `landing`: everything below lands there and is judged as written. */
  copyTree: (source: string, landing: string, cwd: string, offending: string) => Denial | undefined;
  /** Parse and judge with another grammar (git subcommands). */
  grammar: (grammar: Grammar, args: readonly Arg[], program: string) => Denial | undefined;
  /** Judge an already parsed command line with its grammar (options with roles, then the grammar's judge). */
  grammarParsed: (grammar: Grammar, parsed: Parsed, program: string) => Denial | undefined;
  /** The operand is read recursively with links followed: no link under it may lead outside. */
  followTree: (arg: Arg) => Denial | undefined;
  sedScript: (script: string) => Denial | undefined;
  awkProgram: (program: string) => Denial | undefined;
  jqProgram: (program: string) => Denial | undefined;
  judge: PathJudge;
  /** Whether the policy allows this program by its bare name. */
  bareAllowed: boolean;
  deny: (rule: RuleId, reason: string, offending: string) => Denial;
}
