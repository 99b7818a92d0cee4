import path from 'node:path';
import { findSedDanger } from './sed-script.js';

/**
 * Built-in argument rules: options that make an allowed program run another program, read its
 * configuration from somewhere else, or write outside the workspace. They apply under every
 * policy, after the allow prefix matched. One row per escape, each with the reason shown to the
 * model and an example the tests must see denied (under a policy that allows the program).
 */
export interface ArgumentRule {
  /** Program names (basename of argv[0], version suffix dropped: python3.12 → python). */
  programs: readonly string[];
  /** One line: why this is refused. */
  reason: string;
  /** A command this rule denies; the table test runs every example. */
  example: string;
  /** Returns the offending argument, or undefined when the rule does not apply. */
  find: (input: RuleInput) => string | undefined;
}

export interface RuleInput {
  /** argv after quote removal; argv[0] is the program as written. */
  argv: readonly string[];
  /** Whether the policy allows this program by its bare name (an allowed interpreter runs any code). */
  bareAllowed: boolean;
  /** Whether writing this path would leave the workspace or touch a protected file. */
  unsafeWrite: (value: string) => boolean;
  /** Whether this path is the workspace root, above it, or a directory holding protected files. */
  holdsWorkspaceOrProtected: (value: string) => boolean;
}

/** Long options of GNU and git tools accept unambiguous abbreviations, so `--to-com` is `--to-command`. */
function longOption(arg: string, names: readonly string[]): boolean {
  if (!arg.startsWith('--') || arg.length < 3) return false;
  const given = arg.slice(2).split('=')[0] ?? '';
  return given.length > 0 && names.some(name => name.startsWith(given));
}

function exactOption(arg: string, names: readonly string[]): boolean {
  const key = arg.split('=')[0] ?? arg;
  return names.includes(key);
}

/** Short option clusters (`-xIf`) that contain one of the letters. */
function shortCluster(arg: string, letters: string): boolean {
  if (!/^-[A-Za-z0-9]/.test(arg) || arg.startsWith('--')) return false;
  return [...arg.slice(1)].some(ch => letters.includes(ch));
}

const args = (input: RuleInput): readonly string[] => input.argv.slice(1);
const firstMatch = (input: RuleInput, test: (arg: string) => boolean): string | undefined =>
  args(input).find(test);

/** git's global options come before the subcommand; the subcommand is the first non-option word. */
function gitSplit(argv: readonly string[]): { globals: string[]; sub: string | undefined; rest: string[] } {
  const globals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) return { globals, sub: arg, rest: argv.slice(i + 1) };
    globals.push(arg);
    if (
      ['-c', '-C', '--git-dir', '--work-tree', '--namespace', '--config-env', '--super-prefix'].includes(arg)
    ) {
      globals.push(argv[++i] ?? '');
    }
  }
  return { globals, sub: undefined, rest: [] };
}

const gitSub = (
  input: RuleInput,
  subs: readonly string[],
  test: (arg: string) => boolean
): string | undefined => {
  const { sub, rest } = gitSplit(input.argv);
  return sub !== undefined && subs.includes(sub) ? rest.find(test) : undefined;
};

const gitGlobal = (input: RuleInput, test: (arg: string) => boolean): string | undefined =>
  gitSplit(input.argv).globals.find(test);

export const INTERPRETERS: Record<string, readonly string[]> = {
  sh: ['-c'],
  bash: ['-c'],
  dash: ['-c'],
  zsh: ['-c'],
  ksh: ['-c'],
  fish: ['-c', '--command'],
  python: ['-c'],
  pypy: ['-c'],
  node: ['-e', '-p', '--eval', '--print'],
  nodejs: ['-e', '-p', '--eval', '--print'],
  bun: ['-e', '-p', '--eval', '--print'],
  deno: ['eval'],
  perl: ['-e', '-E'],
  ruby: ['-e'],
  php: ['-r'],
  lua: ['-e'],
  Rscript: ['-e']
};

function inlineCodeFlag(input: RuleInput): string | undefined {
  const program = programName(input.argv[0] ?? '');
  const flags = INTERPRETERS[program] ?? [];
  for (const arg of args(input)) {
    if (flags.includes(arg.split('=')[0] ?? arg)) return arg;
    const shortFlags = flags
      .filter(f => /^-[A-Za-z]$/.test(f))
      .map(f => f[1])
      .join('');
    // Clusters like `bash -ec '…'` or `perl -ne '…'` still carry the inline-code flag.
    if (shortFlags && shortCluster(arg, shortFlags)) return arg;
  }
  return undefined;
}

/** awk programs run commands through system() and pipes, and gawk can load extensions. */
function awkDanger(input: RuleInput): string | undefined {
  const rest = args(input);
  let program: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--') {
      program ??= rest[i + 1];
      break;
    }
    if (
      ['-f', '-E', '-l', '--file', '--exec', '--load', '-i', '--include'].includes(arg.split('=')[0] ?? arg)
    ) {
      return arg;
    }
    if (/^-[fEli]./.test(arg)) return arg;
    if (arg === '-e' || arg === '--source') {
      const source = rest[++i] ?? '';
      if (awkProgramDanger(source)) return source;
      program = program ?? '';
      continue;
    }
    if (['-v', '-F'].includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    program ??= arg;
    break;
  }
  return program !== undefined && awkProgramDanger(program) ? program : undefined;
}

function awkProgramDanger(program: string): boolean {
  return (
    /\bsystem\s*\(/.test(program) || /(^|[^|])\|([^|]|$)/.test(program) || /@load|@include/.test(program)
  );
}

const NPM_DANGEROUS = [
  'prefix',
  'script-shell',
  'shell',
  'userconfig',
  'globalconfig',
  'node-options',
  'editor',
  'browser',
  'git',
  'init-module',
  'onload-script',
  'call'
];

const SED_PROGRAMS = ['sed', 'gsed'];
const AWK_PROGRAMS = ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'];

export const ARGUMENT_RULES: readonly ArgumentRule[] = [
  // git
  {
    programs: ['git'],
    reason: 'git -c sets configuration such as core.pager or alias.x that runs arbitrary commands',
    example: 'git -c core.pager=sh diff',
    find: i => gitGlobal(i, a => a === '-c' || a.startsWith('-c'))
  },
  {
    programs: ['git'],
    reason: 'git --config-env sets configuration from the environment, which can run arbitrary commands',
    example: 'git --config-env=core.pager=X diff',
    find: i => gitGlobal(i, a => longOption(a, ['config-env']))
  },
  {
    programs: ['git'],
    reason: 'git -C, --git-dir and --work-tree point git at another repository, outside the workspace checks',
    example: 'git -C /tmp status',
    find: i => gitGlobal(i, a => a === '-C' || longOption(a, ['git-dir', 'work-tree']))
  },
  {
    programs: ['git'],
    reason: 'git --exec-path changes where git finds its helper programs',
    example: 'git --exec-path=. status',
    find: i => gitGlobal(i, a => longOption(a, ['exec-path']))
  },
  {
    programs: ['git'],
    reason: 'git diff/log/show --output writes to any file, bypassing the workspace checks',
    example: 'git diff --output=/tmp/x',
    find: i =>
      gitSub(
        i,
        [
          'diff',
          'log',
          'show',
          'whatchanged',
          'range-diff',
          'format-patch',
          'diff-tree',
          'diff-index',
          'diff-files'
        ],
        a => longOption(a, ['output', 'output-directory'])
      )
  },
  {
    programs: ['git'],
    reason: 'git --ext-diff runs an external diff program from the configuration',
    example: 'git diff --ext-diff',
    find: i => firstMatch(i, a => longOption(a, ['ext-diff']))
  },
  {
    programs: ['git'],
    reason: 'git --upload-pack, --receive-pack and --exec name a program to run',
    example: 'git fetch --upload-pack=touch\\ x origin',
    find: i =>
      firstMatch(i, a => exactOption(a, ['--upload-pack', '--receive-pack', '--exec'])) ??
      gitSub(i, ['clone', 'ls-remote', 'archive'], a => a === '-u' || /^-u./.test(a))
  },
  {
    programs: ['git'],
    reason: 'git grep --open-files-in-pager runs a pager program',
    example: 'git grep -Osh foo',
    find: i => gitSub(i, ['grep'], a => longOption(a, ['open-files-in-pager']) || /^-O/.test(a))
  },
  {
    programs: ['git'],
    reason:
      'git difftool, mergetool, filter-branch, submodule foreach, bisect run and rebase --exec run arbitrary commands',
    example: 'git rebase -x id main',
    find: i => {
      const { sub, rest } = gitSplit(i.argv);
      if (sub === undefined) return undefined;
      if (['difftool', 'mergetool', 'filter-branch', 'filter-repo'].includes(sub)) return sub;
      if (sub === 'submodule' && rest.includes('foreach')) return 'submodule foreach';
      if (sub === 'bisect' && rest[0] === 'run') return 'bisect run';
      if (sub === 'rebase') return rest.find(a => a === '-x' || /^-x./.test(a) || longOption(a, ['exec']));
      return undefined;
    }
  },
  {
    programs: ['git'],
    reason: 'git config can only be read: a written setting (alias, pager, hooks path) runs commands later',
    example: 'git config alias.x !sh',
    find: i => {
      const { sub, rest } = gitSplit(i.argv);
      if (sub !== 'config') return undefined;
      const readOnly = rest.some(a =>
        ['--get', '--get-all', '--get-regexp', '--list', '-l', '--show-origin', '--show-scope'].includes(a)
      );
      const nonOptions = rest.filter(a => !a.startsWith('-'));
      if (
        readOnly ||
        rest[0] === 'get' ||
        rest[0] === 'list' ||
        (nonOptions.length === 1 && rest[0] !== 'set')
      ) {
        return undefined;
      }
      return rest.join(' ') || 'config';
    }
  },
  {
    programs: ['git'],
    reason: 'git push --force, --mirror, --delete and +/: refspecs rewrite or delete remote history',
    example: 'git push origin +main',
    find: i => {
      const { sub, rest } = gitSplit(i.argv);
      if (sub !== 'push') return undefined;
      return rest.find(
        a =>
          longOption(a, ['force', 'force-with-lease', 'force-if-includes', 'mirror', 'delete', 'prune']) ||
          (/^-[A-Za-z]+$/.test(a) && /[fd]/.test(a)) ||
          a.startsWith('+') ||
          a.startsWith(':')
      );
    }
  },
  // npm
  {
    programs: ['npm', 'npx'],
    reason:
      'npm options that choose the shell, node options, config files, editor or install location run or load other code',
    example: 'npm test --script-shell=sh',
    find: i => {
      const found = firstMatch(i, a => longOption(a, NPM_DANGEROUS) || a === '-C' || /^-C./.test(a));
      if (found) return found;
      // `npx -c` / `npm exec -c` take a shell command line; elsewhere -c is not npm's.
      const runsExec =
        programName(i.argv[0] ?? '') === 'npx' ||
        ['exec', 'x'].includes(args(i).find(a => !a.startsWith('-')) ?? '');
      return runsExec ? firstMatch(i, a => a === '-c') : undefined;
    }
  },
  {
    programs: ['npm', 'npx'],
    reason:
      'npm config flags like --ignore-scripts=false or --no-ignore-scripts turn install scripts back on',
    example: 'npm ci --ignore-scripts=false',
    find: i =>
      firstMatch(
        i,
        a =>
          (longOption(a, ['ignore-scripts']) && a.includes('=')) ||
          /^--no-ig/.test(a) ||
          /^--(?:no-)?foreground-scripts/.test(a)
      )
  },
  {
    programs: ['npm'],
    reason: 'npm exec -c, explore, edit and config set run commands or change npm configuration',
    example: 'npm config set script-shell sh',
    find: i => {
      const sub = args(i).find(a => !a.startsWith('-'));
      if (sub === 'explore' || sub === 'edit') return sub;
      if (
        (sub === 'config' || sub === 'c') &&
        args(i).some(a => ['set', 'edit', 'delete', 'fix'].includes(a))
      ) {
        return `${sub} ${args(i).find(a => ['set', 'edit', 'delete', 'fix'].includes(a)) ?? ''}`.trim();
      }
      if (sub === 'set' || sub === 'delete') return sub;
      return undefined;
    }
  },
  // find
  {
    programs: ['find'],
    reason: 'find -exec, -execdir, -ok and -okdir run arbitrary commands',
    example: 'find . -exec sh {} ;',
    find: i => firstMatch(i, a => ['-exec', '-execdir', '-ok', '-okdir'].includes(a))
  },
  {
    programs: ['find'],
    reason: 'find -delete removes every match, and a broad expression removes the workspace',
    example: 'find / -delete',
    find: i => firstMatch(i, a => a === '-delete')
  },
  {
    programs: ['find'],
    reason:
      'find -fprint, -fprint0, -fprintf and -fls write to a file, which must be inside the workspace and not protected',
    example: 'find . -fprint .git/hooks/pre-commit',
    find: i => {
      const rest = args(i);
      const index = rest.findIndex(a => ['-fprint', '-fprint0', '-fprintf', '-fls'].includes(a));
      if (index < 0) return undefined;
      const target = rest[index + 1];
      return target === undefined || i.unsafeWrite(target)
        ? `${rest[index] ?? ''} ${target ?? ''}`.trim()
        : undefined;
    }
  },
  // rm and friends
  {
    programs: ['rm'],
    reason: 'rm -r/-f on /, . or .. (or a directory holding protected files) deletes the workspace or more',
    example: 'rm -fr /',
    find: i => {
      const rest = args(i);
      if (rest.some(a => a === '--no-preserve-root')) return '--no-preserve-root';
      const forceful = rest.some(
        a => (/^-[A-Za-z]+$/.test(a) && /[rRf]/.test(a)) || longOption(a, ['recursive', 'force'])
      );
      if (!forceful) return undefined;
      return rest.find(a => !a.startsWith('-') && i.holdsWorkspaceOrProtected(a));
    }
  },
  {
    programs: ['mv', 'rmdir', 'chmod', 'chown', 'chgrp', 'shred', 'truncate'],
    reason:
      'moving, changing or removing the workspace root or a directory holding protected files is not allowed',
    example: 'mv .github x',
    find: i => args(i).find(a => !a.startsWith('-') && i.holdsWorkspaceOrProtected(a))
  },
  // text tools
  {
    programs: ['rg'],
    reason: 'rg --pre runs a preprocessor program on every file',
    example: 'rg --pre=sh foo',
    find: i => firstMatch(i, a => a === '--pre' || a.startsWith('--pre='))
  },
  {
    programs: ['sort'],
    reason: 'sort --compress-program runs another program',
    example: 'sort --compress-program=sh x',
    find: i => firstMatch(i, a => longOption(a, ['compress-program']))
  },
  {
    programs: ['sort'],
    reason: 'sort -o writes to a file, which must be inside the workspace and not protected',
    example: 'sort -o/tmp/x a',
    find: i => {
      const rest = args(i);
      for (let k = 0; k < rest.length; k++) {
        const arg = rest[k] ?? '';
        let target: string | undefined;
        if (arg === '-o') target = rest[k + 1];
        else if (/^-o./.test(arg)) target = arg.slice(2);
        else if (longOption(arg, ['output']))
          target = arg.includes('=') ? arg.split('=').slice(1).join('=') : rest[k + 1];
        if (target !== undefined && i.unsafeWrite(target)) return arg;
      }
      return undefined;
    }
  },
  {
    programs: ['tar', 'gtar', 'bsdtar'],
    reason:
      'tar --to-command, --use-compress-program (-I), --checkpoint-action, --info-script (-F) and --rsh-command run other programs',
    example: 'tar -xf a.tar --to-command=sh',
    find: i => {
      const rest = args(i);
      const danger = rest.find(
        a =>
          longOption(a, [
            'to-command',
            'use-compress-program',
            'checkpoint-action',
            'info-script',
            'new-volume-script',
            'rsh-command'
          ]) || shortCluster(a, 'IF')
      );
      if (danger) return danger;
      // Old-style `tar xIf …`: the first argument is an option cluster without a dash.
      const first = rest[0];
      return first !== undefined && !first.startsWith('-') && /^[A-Za-z]+$/.test(first) && /[IF]/.test(first)
        ? first
        : undefined;
    }
  },
  {
    programs: SED_PROGRAMS,
    reason:
      'sed e/w/W/r/R commands, s///e and s///w flags, and -f script files run commands or touch files outside the rules',
    example: "sed 's/x/y/e' a.txt",
    find: i => findSedDanger(args(i))
  },
  {
    programs: AWK_PROGRAMS,
    reason: 'awk system(), pipes, -f program files and extension loading run other programs',
    example: `awk 'BEGIN { system("sh") }'`,
    find: awkDanger
  },
  {
    programs: ['printf'],
    reason: 'printf -v assigns a shell variable that later commands would see',
    example: 'printf -v PATH x',
    find: i => firstMatch(i, a => a === '-v' || /^-v./.test(a))
  },
  {
    programs: Object.keys(INTERPRETERS),
    reason:
      'inline code (sh -c, python -c, node -e) is allowed only when the policy allows the interpreter by its bare name',
    example: "python -c 'import os'",
    find: i => (i.bareAllowed ? undefined : inlineCodeFlag(i))
  }
];

/** The name a rule matches on: `/usr/bin/python3.12` → `python`. */
export function programName(argv0: string): string {
  const base = path.posix.basename(argv0);
  const versioned = /^(python|pypy|ruby|perl|php|lua|node)[0-9.]*$/.exec(base);
  return versioned?.[1] ?? base;
}

const RULES_BY_PROGRAM = new Map<string, ArgumentRule[]>();
for (const rule of ARGUMENT_RULES) {
  for (const program of rule.programs) {
    RULES_BY_PROGRAM.set(program, [...(RULES_BY_PROGRAM.get(program) ?? []), rule]);
  }
}

/** Programs with argument rules: a glob there could expand to a file named like one of their options. */
export function hasArgumentRules(argv0: string): boolean {
  return RULES_BY_PROGRAM.has(programName(argv0));
}

export function findArgumentViolation(
  input: RuleInput
): { rule: ArgumentRule; offending: string } | undefined {
  for (const rule of RULES_BY_PROGRAM.get(programName(input.argv[0] ?? '')) ?? []) {
    const offending = rule.find(input);
    if (offending !== undefined) return { rule, offending };
  }
  return undefined;
}
