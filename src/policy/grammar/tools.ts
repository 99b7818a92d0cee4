import type { Denial } from '../rules.js';
import { HELP, opts, refuse } from './dsl.js';
import type { Arg, Grammar, JudgeEnv, OptionSpec, Parsed } from './types.js';

export const SED: Grammar = {
  names: ['sed', 'gsed'],
  options: [
    ...HELP,
    ...opts(
      'n,quiet,silent',
      'debug',
      'e,expression=text@script',
      'f,file=read@script-file',
      'follow-symlinks',
      'i,in-place?text@in-place',
      'l,line-length=number',
      'posix',
      'E,r,regexp-extended',
      's,separate',
      'sandbox',
      'u,unbuffered',
      'z,null-data',
      'b,binary'
    )
  ],
  judge: (parsed, env) => judgeSed(parsed, env)
};

function judgeSed(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const sources: string[] = [];
  for (const option of parsed.options) {
    if (option.spec.sets === 'script') sources.push(option.value?.value ?? '');
    if (option.spec.sets === 'script-file') {
      const file = option.value as Arg;
      if (file.value === '-')
        return env.deny(
          'sed-script-file',
          'sed -f - reads its script from standard input, which cannot be checked',
          file.source
        );
      const text = env.cwds.map(cwd => env.judge.readText(file.value, cwd));
      if (text.some(t => t === undefined)) {
        return env.deny(
          'sed-script-file',
          `the sed script file "${file.value}" cannot be read now, so it cannot be checked`,
          file.source
        );
      }
      sources.push(...(text as string[]));
    }
  }
  let files = parsed.operands;
  if (sources.length === 0) {
    const [script, ...rest] = parsed.operands;
    if (!script) return undefined;
    sources.push(script.value);
    files = rest;
  }
  const problem = env.sedScript(sources.join('\n'));
  if (problem) return problem;
  const inPlace = parsed.options.find(o => o.spec.sets === 'in-place');
  const suffix = inPlace?.value?.value;
  if (suffix !== undefined && /[/*]/.test(suffix)) {
    return env.deny(
      'sed-in-place-suffix',
      `the sed -i backup suffix "${suffix}" holds "/" or "*", so the backup could be written anywhere`,
      inPlace?.name ?? suffix
    );
  }
  for (const file of files) {
    const found = env.arg(file, inPlace ? 'write' : 'read');
    if (found) return found;
    if (suffix && !file.field.glob) {
      const backup = env.path(`${file.value}${suffix}`, 'write', file.source);
      if (backup) return backup;
    }
  }
  return undefined;
}

const AWK_EXTENSION =
  'awk -l/--load, -i/--include, -E/--exec and -D/--debug load code the checker cannot see';

export const AWK: Grammar = {
  names: ['awk', 'gawk', 'mawk', 'nawk'],
  permute: false,
  options: [
    ...opts(
      'f,file=read@program-file',
      'F,field-separator=text',
      'v,assign=text',
      'e,source=text@program',
      'b,characters-as-bytes',
      'c,traditional',
      'C,copyright',
      'd,dump-variables?text@dump',
      'g,gen-pot',
      'h,help',
      'L,lint?text',
      'M,bignum',
      'N,use-lc-numeric',
      'n,non-decimal-data',
      'o,pretty-print?text@pretty',
      'O,optimize',
      's,no-optimize',
      'p,profile?text@profile',
      'P,posix',
      'r,re-interval',
      'S,sandbox',
      't,lint-old',
      'V,version',
      'k,csv',
      'W=text@mawk'
    ),
    ...refuse('awk-extension', AWK_EXTENSION, 'l,load=', 'i,include=', 'E,exec=', 'D,debug?')
  ],
  judge: (parsed, env) => judgeAwk(parsed, env)
};

function judgeAwk(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const programs: string[] = [];
  for (const option of parsed.options) {
    const value = option.value;
    if (option.spec.sets === 'program') programs.push(value?.value ?? '');
    if (option.spec.sets === 'program-file' && value) {
      const text = env.cwds.map(cwd => env.judge.readText(value.value, cwd));
      if (text.some(t => t === undefined)) {
        return env.deny(
          'awk-program-file',
          `the awk program file "${value.value}" cannot be read now, so it cannot be checked`,
          value.source
        );
      }
      programs.push(...(text as string[]));
    }
    if (option.spec.sets === 'mawk' && /^e/.test(value?.value ?? '')) {
      return env.deny(
        'awk-extension',
        'mawk -W exec loads a program file the checker cannot see',
        option.name
      );
    }
    const defaults: Record<string, string> = {
      dump: 'awkvars.out',
      pretty: 'awkprof.out',
      profile: 'awkprof.out'
    };
    const written = option.spec.sets ? defaults[option.spec.sets] : undefined;
    if (written) {
      const found = value ? env.arg(value, 'write') : env.path(written, 'write', option.name);
      if (found) return found;
    }
  }
  let operands = parsed.operands;
  if (programs.length === 0) {
    const [program, ...rest] = operands;
    if (!program) return undefined;
    programs.push(program.value);
    operands = rest;
  }
  for (const program of programs) {
    const problem = env.awkProgram(program);
    if (problem) return problem;
  }
  for (const operand of operands) {
    // `name=value` operands are assignments, the rest are input files.
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(operand.value)) continue;
    const found = env.arg(operand, 'read');
    if (found) return found;
  }
  return undefined;
}

export const JQ: Grammar = {
  names: ['jq', 'gojq'],
  abbreviations: false,
  options: opts(
    'n,null-input',
    'r,raw-output',
    'raw-output0',
    'j,join-output',
    'a,ascii-output',
    's,slurp',
    'c,compact-output',
    'C,color-output',
    'M,monochrome-output',
    'S,sort-keys',
    'e,exit-status',
    'R,raw-input',
    'tab',
    'indent=number',
    'seq',
    'stream',
    'stream-errors',
    'unbuffered',
    'f,from-file@from-file',
    'L,library-path=read',
    'h,help',
    'V,version',
    'build-configuration',
    'b,binary',
    'debug-dump-disasm',
    'debug-trace',
    'args@args',
    'jsonargs@args'
  ).concat([
    { long: ['arg'], arg: 'required', role: 'text', extraArgs: 1 },
    { long: ['argjson'], arg: 'required', role: 'text', extraArgs: 1 },
    { long: ['slurpfile'], arg: 'required', role: 'text', extraArgs: 1, sets: 'file-arg' },
    { long: ['rawfile'], arg: 'required', role: 'text', extraArgs: 1, sets: 'file-arg' }
  ]),
  judge: (parsed, env) => {
    for (const option of parsed.options) {
      if (option.spec.sets !== 'file-arg') continue;
      const file = option.extra[0];
      const found = file ? env.arg(file, 'read') : undefined;
      if (found) return found;
    }
    const [program, ...rest] = parsed.operands;
    if (!program) return undefined;
    if (parsed.sets.has('from-file')) {
      const found = env.arg(program, 'read');
      if (found) return found;
      const text = env.cwds.map(cwd => env.judge.readText(program.value, cwd));
      if (text.some(t => t === undefined))
        return env.deny(
          'jq-module',
          `the jq program file "${program.value}" cannot be read now, so it cannot be checked`,
          program.source
        );
      for (const source of text as string[]) {
        const problem = env.jqProgram(source);
        if (problem) return problem;
      }
    } else {
      const problem = env.jqProgram(program.value);
      if (problem) return problem;
    }
    if (parsed.sets.has('args')) return undefined;
    for (const file of rest) {
      const found = env.arg(file, 'read');
      if (found) return found;
    }
    return undefined;
  }
};

/** Arguments for a script or module: it may read or write what it is given, so paths are judged both ways. */
function scriptArguments(operands: readonly Arg[], env: JudgeEnv): Denial | undefined {
  for (const operand of operands) {
    const found = env.arg(operand, 'generic');
    if (found) return found;
  }
  return undefined;
}

function interpreterJudge(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const inline = parsed.sets.has('inline') || parsed.operands[0]?.value === '-';
  if (inline && !env.bareAllowed) {
    return env.deny(
      'interpreter-inline',
      `inline code (sh -c, python -c, node -e, or a script on standard input) is allowed only when the policy allows ${env.program} by its bare name`,
      parsed.options.find(o => o.spec.sets === 'inline')?.name ?? '-'
    );
  }
  // `python -m pytest …` is pytest: its options are judged with pytest's grammar.
  const module = parsed.options.find(o => o.spec.sets === 'module')?.value?.value;
  if (module === 'pytest') return env.grammar(PYTEST, parsed.operands, 'pytest');
  if (inline || module !== undefined) return scriptArguments(parsed.operands, env);
  const [script, ...rest] = parsed.operands;
  if (script) {
    const found = env.arg(script, 'read');
    if (found) return found;
  }
  return scriptArguments(rest, env);
}

export const NODE: Grammar = {
  names: ['node', 'nodejs'],
  permute: false,
  abbreviations: false,
  acceptLong:
    /^(experimental-|no-|trace-|harmony|max-|enable-|expose-|allow-|frozen-|preserve-|jitless|abort-|stack-|test-|watch|report-|unhandled-|pending-|throw-|force-|insecure-|use-|disable-|zero-|secure-|tls-|dns-|network-|inspect)/,
  options: opts(
    'e,eval=code@inline',
    'p,print=code@inline',
    'c,check',
    'i,interactive',
    'v,version',
    'h,help',
    'r,require=module',
    'import=module',
    'loader,experimental-loader=module',
    'input-type=text',
    'env-file=read',
    'env-file-if-exists=read',
    'stack-size=number',
    'max-old-space-size=number',
    'title=text',
    'C,conditions=text',
    'test',
    'watch',
    'watch-path=read',
    'test-reporter=text',
    'test-reporter-destination=write',
    'test-name-pattern=pattern',
    'test-skip-pattern=pattern',
    'test-concurrency=number',
    'test-timeout=number',
    'redirect-warnings=write',
    'report-directory=write',
    'diagnostic-dir=write',
    'heap-prof-dir=write',
    'cpu-prof-dir=write',
    'openssl-config=read',
    'icu-data-dir=read',
    'disable-warning=text',
    'unhandled-rejections=text',
    'run=text',
    'enable-source-maps',
    'inspect?code@inline',
    'inspect-brk?code@inline',
    'inspect-wait?code@inline',
    'cpu-prof',
    'heap-prof',
    'prof'
  ),
  judge: interpreterJudge
};

export const PYTHON: Grammar = {
  names: ['python', 'pypy'],
  permute: false,
  abbreviations: false,
  // -c and -m end python's own options: what follows is sys.argv for the code or module.
  options: opts('c=code@inline', 'm=text@module')
    .map((spec): OptionSpec => ({ ...spec, ends: true }))
    .concat(
      opts(
        'W=text',
        'X=text',
        'b',
        'B',
        'd',
        'E',
        'h,help',
        'i',
        'I',
        'O',
        'P',
        'q',
        'R',
        's',
        'S',
        'u',
        'v',
        'V,version',
        'x',
        'check-hash-based-pycs=text',
        'help-env',
        'help-xoptions',
        'help-all'
      )
    ),
  judge: interpreterJudge
};

export const PYTEST: Grammar = {
  names: ['pytest', 'py.test'],
  abbreviations: false,
  acceptLong:
    /^(benchmark-|randomly-|reruns|only-rerun|rerun-|hypothesis-|django-|ds=|nomigrations|create-db|reuse-db|mypy|flake8|black|isort|asyncio-|timeout-method|xdist-|looponfail|sugar|instafail|snapshot-update)/,
  options: opts(
    'h,help',
    'V,version',
    'x,exitfirst',
    'maxfail=number',
    'q,quiet',
    'v,verbose',
    'verbosity=number',
    's',
    'capture=text',
    'k=text',
    'm=text',
    'l,showlocals',
    'no-showlocals',
    'tb=text',
    'r=text',
    'lf,last-failed',
    'ff,failed-first',
    'nf,new-first',
    'sw,stepwise',
    'sw-skip,stepwise-skip',
    'co,collect-only',
    'durations=number',
    'durations-min=number',
    'pdb',
    'pdbcls=text',
    'trace',
    'strict-markers',
    'strict-config',
    'strict',
    'disable-warnings,disable-pytest-warnings',
    'W,pythonwarnings=text',
    'fixtures,funcargs',
    'fixtures-per-test',
    'markers',
    'setup-only',
    'setup-show',
    'setup-plan',
    'runxfail',
    'color=text',
    'code-highlight=text',
    'no-header',
    'no-summary',
    'no-fold-skipped',
    'import-mode=text',
    'pyargs',
    'doctest-modules',
    'doctest-glob=pattern',
    'doctest-report=text',
    'doctest-continue-on-failure',
    'doctest-ignore-import-errors',
    'continue-on-collection-errors',
    'keep-duplicates',
    'noconftest',
    'collect-in-virtualenv',
    'full-trace',
    'show-capture=text',
    'log-level=text',
    'log-format=text',
    'log-date-format=text',
    'log-cli-level=text',
    'log-cli-format=text',
    'log-cli-date-format=text',
    'log-file=write',
    'log-file-level=text',
    'log-file-mode=text',
    'log-file-format=text',
    'log-file-date-format=text',
    'log-auto-indent=text',
    'log-disable=text',
    'trace-config',
    'debug?write',
    'assert=text',
    'junit-xml,junitxml=write',
    'junit-prefix=text',
    'basetemp=write-tree',
    'rootdir=read',
    'c,config-file=read',
    'confcutdir=read',
    'ignore=read',
    'ignore-glob=pattern',
    'deselect=text',
    'o,override-ini=text@ini',
    'cache-clear',
    'cache-show?text',
    'lfnf,last-failed-no-failures=text',
    'p=text',
    'html=write',
    'self-contained-html',
    'cov?text',
    'cov-report=text@cov-report',
    'cov-config=read',
    'cov-fail-under=number',
    'cov-branch',
    'cov-append',
    'cov-context=text',
    'no-cov',
    'no-cov-on-fail',
    'timeout=number',
    'n,numprocesses=text',
    'dist=text',
    'maxprocesses=number',
    'asyncio-mode=text',
    'runslow',
    'emoji',
    'last-failed-no-failures=text',
    'co'
  ),
  judge: (parsed, env) => {
    for (const option of parsed.options) {
      const value = option.value?.value ?? '';
      if (option.spec.sets === 'ini') {
        // `-o cache_dir=X` and friends name directories pytest writes.
        const match = /^([A-Za-z_]*(?:dir|path|file|temp))=(.*)$/.exec(value);
        if (match?.[2] !== undefined) {
          const found = env.path(match[2], 'write-tree', option.name);
          if (found) return found;
        }
      }
      if (option.spec.sets === 'cov-report' && value.includes(':')) {
        const found = env.path(value.slice(value.indexOf(':') + 1), 'write', option.name);
        if (found) return found;
      }
    }
    for (const operand of parsed.operands) {
      const file = operand.value.split('::')[0] ?? '';
      const found = env.path(file, 'read', operand.source);
      if (found) return found;
    }
    return undefined;
  }
};

/** npm's configuration keys that choose programs, files or locations it runs or loads. */
const NPM_RUNS = [
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
  'call',
  'global',
  'location',
  'cafile',
  'node-gyp',
  'viewer'
];
const NPM_PATHS = ['cache', 'tmp', 'logs-dir', 'workspace', 'w'];

/** nopt expands unambiguous abbreviations of known keys, so `--script-sh` is `--script-shell`. */
function npmKey(arg: string, names: readonly string[]): string | undefined {
  if (!arg.startsWith('--') || arg.length < 3) return undefined;
  const given = (arg.slice(2).split('=')[0] ?? '').replace(/^no-/, '');
  if (given === '') return undefined;
  return (
    names.find(name => name === given) ?? names.find(name => name.startsWith(given) && given.length >= 2)
  );
}

/**
 * npm reads any `--key[=value]` as configuration, so its options cannot be listed; the keys that
 * run or load other code are refused (with nopt's abbreviations), path-valued keys are judged, and
 * arguments for the script or package are judged as read and written when they look like paths.
 */
export function judgeNpm(args: readonly Arg[], env: JudgeEnv, npx: boolean): Denial | undefined {
  const runs =
    'npm options that choose the shell, node options, config files, editor or install location run or load other code';
  const scripts =
    'npm config flags like --ignore-scripts=false or --no-ignore-scripts turn install scripts back on';
  let afterDashDash = false;
  let subcommand: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    const value = arg.value;
    if (afterDashDash) {
      // The script or package may write what it is given, so paths are judged as writes too.
      const found = env.arg(arg, 'generic');
      if (found) return found;
      continue;
    }
    if (value === '--') {
      afterDashDash = true;
      continue;
    }
    if (npmKey(value, NPM_RUNS)) return env.deny('npm-config', runs, arg.source);
    if (
      value === '-C' ||
      /^-C./.test(value) ||
      value === '-g' ||
      (value === '-c' && (npx || ['exec', 'x'].includes(subcommand ?? '')))
    ) {
      return env.deny(
        value === '-c' ? 'npm-runs-commands' : 'npm-config',
        value === '-c' ? 'npx -c and npm exec -c run a shell command line' : runs,
        arg.source
      );
    }
    if (/^--(?:no-)?ig/.test(value) && (value.includes('=') || value.startsWith('--no-')))
      return env.deny('npm-scripts-enabled', scripts, arg.source);
    if (/^--(?:no-)?foreground-scripts/.test(value))
      return env.deny('npm-scripts-enabled', scripts, arg.source);
    const pathKey = npmKey(value, NPM_PATHS);
    if (pathKey) {
      const inline = value.indexOf('=');
      const target = inline >= 0 ? value.slice(inline + 1) : args[++i]?.value;
      if (target !== undefined) {
        const found = env.path(target, 'write', arg.source);
        if (found) return found;
      }
      continue;
    }
    if (value.startsWith('-')) continue;
    if (npx) {
      // npx hands everything after the package to the program it runs: its options too.
      const found = env.arg(arg, 'generic');
      if (found) return found;
      afterDashDash = true;
      continue;
    }
    if (subcommand === undefined) {
      subcommand = value;
      if (['explore', 'edit', 'set', 'delete'].includes(value))
        return env.deny(
          'npm-runs-commands',
          'npm explore, edit and config set run commands or change npm configuration',
          value
        );
      continue;
    }
    if ((subcommand === 'config' || subcommand === 'c') && ['set', 'edit', 'delete', 'fix'].includes(value)) {
      return env.deny(
        'npm-runs-commands',
        'npm config set/edit/delete changes npm configuration that later commands run with',
        `${subcommand} ${value}`
      );
    }
    const found = env.arg(arg, 'generic');
    if (found) return found;
  }
  return undefined;
}

export const TOOLS: readonly Grammar[] = [SED, AWK, JQ, NODE, PYTHON, PYTEST];
