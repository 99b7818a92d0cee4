import type { Denial } from '../rules.js';
import { HELP, opts, refuse } from './dsl.js';
import type { Arg, Grammar, JudgeEnv, Parsed } from './types.js';

/** The first operand is the pattern unless -e/-f (or --regexp/--file) gave one; the rest are read. */
function patternThenFiles(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const files =
    parsed.sets.has('pattern') || parsed.sets.has('files-mode') ? parsed.operands : parsed.operands.slice(1);
  for (const file of files) {
    const found = env.arg(file, 'read');
    if (found) return found;
  }
  // grep -R and rg -L follow every link they meet while recursing.
  return parsed.sets.has('follow') ? followEach(files, env) : undefined;
}

/** Walks each operand (the working directory when there is none) for links leading out. */
export function followEach(operands: readonly Arg[], env: JudgeEnv): Denial | undefined {
  const roots: Arg[] = operands.length > 0 ? [...operands] : [dotArg()];
  for (const root of roots) {
    const found = env.followTree(root);
    if (found) return found;
  }
  return undefined;
}

function dotArg(): Arg {
  return {
    value: '.',
    source: '.',
    field: { value: '.', glob: false, segments: [{ kind: 'literal', text: '.' }], shell: '.' }
  };
}

export const GREP: Grammar = {
  names: ['grep', 'egrep', 'fgrep'],
  numericOption: true,
  options: [
    ...HELP,
    ...opts(
      'E,extended-regexp',
      'F,fixed-strings',
      'G,basic-regexp',
      'P,perl-regexp',
      'e,regexp=pattern@pattern',
      'f,file=read@pattern',
      'i,ignore-case',
      'y',
      'no-ignore-case',
      'v,invert-match',
      'w,word-regexp',
      'x,line-regexp',
      'c,count',
      'color,colour?text',
      'L,files-without-match',
      'l,files-with-matches',
      'm,max-count=number',
      'o,only-matching',
      'q,quiet,silent',
      's,no-messages',
      'b,byte-offset',
      'H,with-filename',
      'h,no-filename',
      'label=text',
      'n,line-number',
      'T,initial-tab',
      'u,unix-byte-offsets',
      'Z,null',
      'z,null-data',
      'A,after-context=number',
      'B,before-context=number',
      'C,context=number',
      'a,text',
      'binary-files=text',
      'D,devices=text',
      'd,directories=text',
      'exclude=pattern',
      'exclude-from=read',
      'exclude-dir=pattern',
      'I',
      'include=pattern',
      'r,recursive',
      'R,dereference-recursive@follow',
      'line-buffered',
      'U,binary',
      'V'
    )
  ],
  judge: patternThenFiles
};

export const RG: Grammar = {
  names: ['rg'],
  abbreviations: false,
  options: [
    ...opts(
      'h,help',
      'V,version',
      'a,text',
      'no-text',
      'b,byte-offset',
      'no-byte-offset',
      'c,count',
      'count-matches',
      'F,fixed-strings',
      'no-fixed-strings',
      'H,with-filename',
      'I,no-filename',
      'i,ignore-case',
      'S,smart-case',
      's,case-sensitive',
      'l,files-with-matches',
      'files-without-match',
      'files@files-mode',
      'L,follow@follow',
      'no-follow',
      'n,line-number',
      'N,no-line-number',
      'o,only-matching',
      'p,pretty',
      'q,quiet',
      'u,unrestricted',
      'v,invert-match',
      'no-invert-match',
      'w,word-regexp',
      'x,line-regexp',
      'U,multiline',
      'no-multiline',
      'multiline-dotall',
      'no-multiline-dotall',
      'z,search-zip',
      'no-search-zip',
      '0,null',
      'null-data',
      'hidden',
      'no-hidden',
      '.',
      'no-ignore',
      'ignore',
      'no-ignore-vcs',
      'ignore-vcs',
      'no-ignore-dot',
      'no-ignore-global',
      'no-ignore-parent',
      'no-ignore-exclude',
      'no-ignore-files',
      'no-ignore-messages',
      'no-messages',
      'messages',
      'no-heading',
      'heading',
      'column',
      'no-column',
      'json',
      'no-json',
      'vimgrep',
      'stats',
      'no-stats',
      'trim',
      'no-trim',
      'sort-files',
      'type-list',
      'debug',
      'trace',
      'passthru',
      'passthrough',
      'line-buffered',
      'block-buffered',
      'crlf',
      'no-crlf',
      'no-config',
      'one-file-system',
      'no-one-file-system',
      'binary',
      'no-binary',
      'glob-case-insensitive',
      'no-glob-case-insensitive',
      'ignore-file-case-insensitive',
      'no-unicode',
      'unicode',
      'P,pcre2',
      'no-pcre2',
      'auto-hybrid-regex',
      'no-pcre2-unicode',
      'mmap',
      'no-mmap',
      'include-zero',
      'no-include-zero',
      'no-require-git',
      'max-columns-preview',
      'no-max-columns-preview',
      'line-number',
      'no-unicode',
      'block-buffered',
      'no-block-buffered',
      'no-line-buffered',
      'pcre2-version',
      'no-context-separator',
      'search-zip',
      'A,after-context=number',
      'B,before-context=number',
      'C,context=number',
      'color=text',
      'colors=text',
      'context-separator=text',
      'field-context-separator=text',
      'field-match-separator=text',
      'd,max-depth,maxdepth=number',
      'dfa-size-limit=text',
      'E,encoding=text',
      'e,regexp=pattern@pattern',
      'f,file=read@pattern',
      'g,glob=pattern',
      'iglob=pattern',
      'ignore-file=read',
      'j,threads=number',
      'M,max-columns=number',
      'm,max-count=number',
      'max-filesize=text',
      'path-separator=text',
      'pre-glob=pattern',
      'r,replace=text',
      'regex-size-limit=text',
      'sort=text',
      'sortr=text',
      't,type=text',
      'T,type-not=text',
      'type-add=text',
      'type-clear=text',
      'engine=text',
      'generate=text',
      'hyperlink-format=text'
    ),
    ...refuse(
      'program-option-exec',
      'rg --pre and --hostname-bin run another program',
      'pre=',
      'hostname-bin='
    )
  ],
  judge: patternThenFiles
};

/**
 * find has its own command line: options -H -L -P -D -O first, then start paths up to the first
 * word that begins an expression, then primaries with their own arguments.
 */
export const FIND_VALUE_PRIMARIES: Record<string, 'read' | 'write' | 'text' | 'pattern' | 'number'> = {
  '-name': 'pattern',
  '-iname': 'pattern',
  '-path': 'pattern',
  '-ipath': 'pattern',
  '-wholename': 'pattern',
  '-iwholename': 'pattern',
  '-regex': 'pattern',
  '-iregex': 'pattern',
  '-lname': 'pattern',
  '-ilname': 'pattern',
  '-type': 'text',
  '-xtype': 'text',
  '-user': 'text',
  '-group': 'text',
  '-uid': 'number',
  '-gid': 'number',
  '-size': 'text',
  '-perm': 'text',
  '-mtime': 'text',
  '-atime': 'text',
  '-ctime': 'text',
  '-mmin': 'text',
  '-amin': 'text',
  '-cmin': 'text',
  '-newer': 'read',
  '-anewer': 'read',
  '-cnewer': 'read',
  '-samefile': 'read',
  '-inum': 'number',
  '-links': 'text',
  '-maxdepth': 'number',
  '-mindepth': 'number',
  '-used': 'text',
  '-fstype': 'text',
  '-context': 'text',
  '-regextype': 'text',
  '-printf': 'text',
  '-fprint': 'write',
  '-fprint0': 'write',
  '-fls': 'write',
  '-files0-from': 'read'
};
const FIND_FLAGS = new Set(
  (
    '-print -print0 -ls -prune -quit -true -false -empty -executable -readable -writable -nouser -nogroup -depth -d -mount ' +
    '-xdev -noleaf -ignore_readdir_race -noignore_readdir_race -daystart -follow -warn -nowarn -a -and -o -or -not ! ( ) , ' +
    '-help --help -version --version'
  ).split(' ')
);
const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);

export const FIND: Grammar = {
  names: ['find'],
  options: [],
  judge: () => undefined
};

/** find is judged on its raw arguments: its grammar is an expression, not getopt. */
export function judgeFind(args: readonly Arg[], env: JudgeEnv): Denial | undefined {
  let i = 0;
  let follow = false;
  while (i < args.length) {
    const value = args[i]?.value ?? '';
    if (/^-[HLP]+$/.test(value)) {
      // The last of -H, -L and -P wins; -L follows every link met while walking.
      for (const letter of value.slice(1)) follow = letter === 'L';
      i++;
    } else if (/^-O\d?$/.test(value)) i++;
    else if (value === '-D') i += 2;
    else break;
  }
  const starts: Arg[] = [];
  for (; i < args.length; i++) {
    const arg = args[i] as Arg;
    const value = arg.value;
    if (value.startsWith('-') || value === '(' || value === '!' || value === ')' || value === ',') break;
    starts.push(arg);
    const found = env.arg(arg, 'read');
    if (found) return found;
  }
  if (follow || args.slice(i).some(arg => arg.value === '-follow')) {
    const found = followEach(starts, env);
    if (found) return found;
  }
  for (; i < args.length; i++) {
    const arg = args[i] as Arg;
    const value = arg.value;
    if (FIND_EXEC.has(value))
      return env.deny('find-exec', 'find -exec, -execdir, -ok and -okdir run arbitrary commands', value);
    if (value === '-delete')
      return env.deny(
        'find-delete',
        'find -delete removes every match, and a broad expression removes the workspace',
        value
      );
    if (FIND_FLAGS.has(value)) continue;
    if (/^-newer[aBcmt][aBcmt]$/.test(value)) {
      const reference = args[++i];
      if (!reference) return env.deny('option-value-missing', `find ${value} needs a reference`, value);
      if (!value.endsWith('t')) {
        const found = env.arg(reference, 'read');
        if (found) return found;
      }
      continue;
    }
    if (value === '-fprintf') {
      const file = args[++i];
      const format = args[++i];
      if (!file || !format)
        return env.deny('option-value-missing', 'find -fprintf needs a file and a format', value);
      const found = env.arg(file, 'write');
      if (found) return found;
      continue;
    }
    const role = FIND_VALUE_PRIMARIES[value];
    if (role) {
      const operand = args[++i];
      if (!operand) return env.deny('option-value-missing', `find ${value} needs a value`, value);
      if (role === 'read' || role === 'write') {
        const found = env.arg(operand, role);
        if (found) return found;
      }
      continue;
    }
    return env.deny(
      'option-unknown',
      `find has no primary "${value}" that the policy knows; unknown primaries are refused`,
      arg.source
    );
  }
  return undefined;
}

export const SEARCH: readonly Grammar[] = [GREP, RG];
