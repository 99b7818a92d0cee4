import type { Denial } from '../rules.js';
import { judgePatchFile } from './archive.js';
import { opts, refuse } from './dsl.js';
import { lookupLong, parseOptions } from './parse.js';
import { containsProtected } from '../paths.js';
import type { Arg, Grammar, JudgeEnv, OptionSpec, Parsed } from './types.js';

const CONFIG_OVERRIDE =
  'git -c and --config-env set configuration such as core.pager or alias.x that runs arbitrary commands';
const REPOSITORY =
  'git -C, --git-dir, --work-tree and --bare point git at another repository, whose configuration can run commands';

/** git's own options, before the subcommand (git.c handle_options: exact names, no clusters). */
const GLOBALS: Grammar = {
  names: ['git'],
  permute: false,
  abbreviations: false,
  options: [
    ...opts(
      'v,version',
      'h,help',
      'html-path',
      'man-path',
      'info-path',
      'p,paginate',
      'P,no-pager',
      'no-replace-objects',
      'no-lazy-fetch',
      'no-optional-locks',
      'no-advice',
      'literal-pathspecs',
      'glob-pathspecs',
      'noglob-pathspecs',
      'icase-pathspecs',
      'namespace=text',
      'list-cmds=text',
      'attr-source=text',
      'exec-path?text@exec-path'
    ),
    ...refuse('git-config-override', CONFIG_OVERRIDE, 'c=', 'config-env='),
    ...refuse('git-repository-override', REPOSITORY, 'C=', 'git-dir=', 'work-tree=', 'bare', 'super-prefix=')
  ],
  judge: () => undefined
};

const EXTERNAL =
  'this git option runs an external program (a diff driver, a pager, an upload or receive pack)';
const OUTPUT =
  'git --output writes its result to any file, bypassing the redirection checks; redirect with > instead';

/** Options shared by diff, log, show and stash show (diff-options.txt). */
const DIFF_OPTIONS: OptionSpec[] = [
  ...opts(
    'p,u,patch',
    's,no-patch',
    'U,unified?number',
    'output-indicator-new=text',
    'output-indicator-old=text',
    'output-indicator-context=text',
    'raw',
    'patch-with-raw',
    't',
    'indent-heuristic',
    'no-indent-heuristic',
    'minimal',
    'patience',
    'histogram',
    'anchored=text',
    'diff-algorithm=text',
    'stat?text',
    'stat-width=number',
    'stat-name-width=number',
    'stat-graph-width=number',
    'stat-count=number',
    'compact-summary',
    'numstat',
    'shortstat',
    'X,dirstat?text',
    'cumulative',
    'dirstat-by-file?text',
    'summary',
    'patch-with-stat',
    'z',
    'name-only',
    'name-status',
    'submodule?text',
    'color?text',
    'no-color',
    'color-moved?text',
    'no-color-moved',
    'color-moved-ws=text',
    'no-color-moved-ws',
    'word-diff?text',
    'word-diff-regex=pattern',
    'color-words?pattern',
    'no-renames',
    'rename-empty',
    'no-rename-empty',
    'check',
    'ws-error-highlight=text',
    'full-index',
    'binary',
    'abbrev?number',
    'no-abbrev',
    'B,break-rewrites?text',
    'M,find-renames?text',
    'C,find-copies?text',
    'find-copies-harder',
    'D,irreversible-delete',
    'l=number',
    'diff-filter=text',
    'S=text',
    'G=pattern',
    'find-object=text',
    'pickaxe-all',
    'pickaxe-regex',
    'O=read',
    'skip-to=text',
    'rotate-to=text',
    'R',
    'relative?text',
    'no-relative',
    'a,text',
    'ignore-cr-at-eol',
    'ignore-space-at-eol',
    'b,ignore-space-change',
    'w,ignore-all-space',
    'ignore-blank-lines',
    'I,ignore-matching-lines=pattern',
    'inter-hunk-context=number',
    'W,function-context',
    'no-function-context',
    'exit-code',
    'no-exit-code',
    'quiet',
    'no-ext-diff',
    'textconv',
    'no-textconv',
    'ignore-submodules?text',
    'src-prefix=text',
    'dst-prefix=text',
    'no-prefix',
    'default-prefix',
    'line-prefix=text',
    'ita-invisible-in-index',
    'ita-visible-in-index',
    'cc',
    'combined-all-paths',
    'm',
    'dd',
    'remerge-diff?text',
    'diff-merges=text',
    'no-diff-merges',
    'first-parent',
    'follow',
    'no-follow'
  ),
  ...refuse('git-external-program', EXTERNAL, 'ext-diff'),
  ...refuse('git-output', OUTPUT, 'output=')
];

const REVISION_OPTIONS = opts(
  'n,max-count=number',
  'skip=number',
  'since,after,since-as-filter=text',
  'until,before=text',
  'max-age=text',
  'min-age=text',
  'author=pattern',
  'committer=pattern',
  'grep-reflog=pattern',
  'grep=pattern',
  'all-match',
  'invert-grep',
  'i,regexp-ignore-case',
  'basic-regexp',
  'E,extended-regexp',
  'F,fixed-strings',
  'P,perl-regexp',
  'remove-empty',
  'merges',
  'no-merges',
  'min-parents=number',
  'max-parents=number',
  'no-min-parents',
  'no-max-parents',
  'exclude-first-parent-only',
  'not',
  'all',
  'branches?pattern',
  'tags?pattern',
  'remotes?pattern',
  'glob=pattern',
  'exclude=pattern',
  'exclude-hidden=text',
  'reflog',
  'alternate-refs',
  'single-worktree',
  'ignore-missing',
  'bisect',
  'cherry-mark',
  'cherry-pick',
  'left-only',
  'right-only',
  'cherry',
  'g,walk-reflogs',
  'merge',
  'boundary',
  'simplify-by-decoration',
  'show-pulls',
  'full-history',
  'dense',
  'sparse',
  'simplify-merges',
  'ancestry-path?text',
  'date-order',
  'author-date-order',
  'topo-order',
  'reverse',
  'no-walk?text',
  'do-walk',
  'pretty?text',
  'format=text',
  'abbrev-commit',
  'no-abbrev-commit',
  'oneline',
  'encoding=text',
  'expand-tabs?number',
  'no-expand-tabs',
  'notes?text',
  'no-notes',
  'show-notes?text',
  'show-notes-by-default',
  'show-signature',
  'no-show-signature',
  'relative-date',
  'date=text',
  'parents',
  'children',
  'left-right',
  'graph',
  'no-graph',
  'show-linear-break?text',
  'decorate?text',
  'no-decorate',
  'decorate-refs=pattern',
  'decorate-refs-exclude=pattern',
  'clear-decorations',
  'source',
  'use-mailmap',
  'no-use-mailmap',
  'mailmap',
  'no-mailmap',
  'full-diff',
  'log-size',
  'L=text',
  'in-commit-order',
  'no-standard-notes',
  'standard-notes',
  'count',
  'k'
);

/** A parse-options subcommand: permutes, abbreviates, accepts --no-X. Pathspecs after `--` must at least be readable. */
function sub(
  names: string[],
  options: OptionSpec[],
  judge: Grammar['judge'],
  numericOption = false
): Grammar {
  return {
    names,
    options: [...opts('h', 'q,quiet', 'v,verbose'), ...options],
    negatable: true,
    numericOption,
    judge: (parsed, env) => judge(parsed, env) ?? pathspecsRead(parsed, env)
  };
}

function pathspecsRead(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  if (parsed.afterDashDash < 0) return undefined;
  for (const spec of parsed.operands.slice(parsed.afterDashDash)) {
    if (spec.value.startsWith(':')) continue;
    const found = env.arg(spec, 'read');
    if (found) return found;
  }
  return undefined;
}

const text = (): undefined => undefined;

/** Operands after the first (or after --) are pathspecs the command writes. */
/**
 * A pathspec git writes through. git matches its own wildcards, where `*` crosses "/" (so a quoted
 * `'*.yml'` reaches .github/workflows), and a directory covers everything below it. The workspace
 * root itself (`git restore .`) is fine: what git writes back is the index or a commit.
 */
function pathspecWrite(spec: Arg, env: JudgeEnv, remove = false): Denial | undefined {
  if (spec.value.startsWith(':')) {
    return env.deny(
      'option-unknown',
      'pathspec magic (":(…)") is not supported in a path that is written; name the files',
      spec.source
    );
  }
  if (/[*?[]/.test(spec.value)) {
    const hit = gitPatternHitsProtected(spec.value, env.judge.protectedPaths);
    if (hit) {
      return env.deny(
        'glob-protected-write',
        `the git pathspec "${spec.value}" can match the protected path "${hit}" (git's * crosses "/"); name the files`,
        spec.source
      );
    }
  }
  const found = env.arg(spec, remove ? 'write-tree' : 'write');
  if (found || remove) return found;
  for (const cwd of env.cwds) {
    const real = env.judge.real(spec.value, cwd);
    const relative = real === undefined ? undefined : env.judge.relative(real);
    if (relative === undefined || relative === '' || relative.startsWith('..')) continue;
    const holder = containsProtected(relative, env.judge.protectedPaths);
    if (holder) {
      return env.deny(
        'path-protected-write',
        `the git pathspec "${spec.value}" covers the protected path "${holder}"`,
        spec.source
      );
    }
  }
  return undefined;
}

/** Whether a git wildcard pathspec could match a protected path or something below one. */
function gitPatternHitsProtected(pattern: string, protectedPaths: readonly string[]): string | undefined {
  const source = pattern
    .replace(/^\.\//, '')
    .replace(/\[!/g, '[^')
    .split('')
    .map(ch =>
      ch === '*'
        ? '.*'
        : ch === '?'
          ? '.'
          : ch === '[' || ch === ']'
            ? ch
            : ch.replace(/[.+^${}()|\\/]/g, '\\$&')
    )
    .join('');
  let regex: RegExp;
  try {
    regex = new RegExp(`^${source}(/.*)?$`, 'is');
  } catch {
    return pattern;
  }
  const samples = [
    '.git/config',
    '.git/hooks/pre-commit',
    'x/.git/config',
    ...protectedPaths.map(p => p.replace(/\*\*$/, 'x.yml'))
  ];
  return samples.find(sample => regex.test(sample) || regex.test(sample.split('/').slice(0, -1).join('/')));
}

function pathspecsWrite(skipFirst: boolean) {
  return (parsed: Parsed, env: JudgeEnv): Denial | undefined => {
    const split = parsed.afterDashDash;
    const specs = split >= 0 ? parsed.operands.slice(split) : parsed.operands.slice(skipFirst ? 1 : 0);
    for (const spec of specs) {
      const found = pathspecWrite(spec, env);
      if (found) return found;
    }
    return undefined;
  };
}

const PATHSPEC_FILE = opts('pathspec-from-file=read', 'pathspec-file-nul');

const DIFF = sub(
  ['diff'],
  [
    ...DIFF_OPTIONS,
    ...opts('cached,staged', 'merge-base', 'no-index@no-index', '1,base', '2,ours', '3,theirs', '0')
  ],
  (parsed, env) => {
    if (!parsed.sets.has('no-index')) return undefined;
    // `git diff --no-index a b` reads any two files, like diff(1).
    for (const operand of parsed.operands) {
      const found = env.arg(operand, 'read');
      if (found) return found;
    }
    return undefined;
  },
  true
);

const LOG = sub(
  ['log', 'whatchanged', 'rev-list'],
  [...DIFF_OPTIONS, ...REVISION_OPTIONS, ...opts('c', 'e,email', 'w=text', 's,summary', 'committer-only')],
  text,
  true
);
const SHOW = sub(['show'], [...DIFF_OPTIONS, ...REVISION_OPTIONS], text, true);
const SHORTLOG = sub(
  ['shortlog'],
  [
    ...REVISION_OPTIONS,
    ...opts('n,numbered', 's,summary', 'e,email', 'w?text', 'c,committer', 'group=text', 'format=text')
  ],
  text,
  true
);

const STATUS = sub(
  ['status'],
  opts(
    's,short',
    'b,branch',
    'show-stash',
    'porcelain?text',
    'long',
    'u,untracked-files?text',
    'ignore-submodules?text',
    'ignored?text',
    'z',
    'column?text',
    'ahead-behind',
    'renames',
    'find-renames?text'
  ),
  text
);

const GREP = sub(
  ['grep'],
  [
    ...opts(
      'cached',
      'no-index@no-index',
      'untracked',
      'exclude-standard',
      'recurse-submodules',
      'a,text',
      'textconv',
      'i,ignore-case',
      'I',
      'max-depth=number',
      'r,recursive',
      'w,word-regexp',
      'v,invert-match',
      'H',
      'full-name',
      'E,extended-regexp',
      'G,basic-regexp',
      'P,perl-regexp',
      'F,fixed-strings',
      'n,line-number',
      'column',
      'l,files-with-matches,name-only',
      'L,files-without-match',
      'z,null',
      'o,only-matching',
      'c,count',
      'color?text',
      'break',
      'heading',
      'p,show-function',
      'C,context=number',
      'A,after-context=number',
      'B,before-context=number',
      'W,function-context',
      'm,max-count=number',
      'threads=number',
      'f=read@pattern',
      'e=pattern@pattern',
      'and',
      'or',
      'not',
      'all-match',
      'no-color'
    ),
    ...refuse(
      'git-external-program',
      'git grep -O / --open-files-in-pager runs a pager program on the matches',
      'O,open-files-in-pager?'
    )
  ],
  (parsed, env) => {
    if (!parsed.sets.has('no-index')) return undefined;
    const files = parsed.sets.has('pattern') ? parsed.operands : parsed.operands.slice(1);
    for (const file of files) {
      const found = env.arg(file, 'read');
      if (found) return found;
    }
    return undefined;
  },
  true
);

const BLAME = sub(
  ['blame', 'annotate'],
  opts(
    'b',
    'root',
    'show-stats',
    'f,show-name',
    'n,show-number',
    'p,porcelain',
    'line-porcelain',
    'incremental',
    'l',
    't',
    's',
    'e,show-email',
    'w',
    'abbrev?number',
    'c',
    'score-debug',
    'L=text',
    'S=read',
    'reverse=text',
    'first-parent',
    'contents=read',
    'date=text',
    'progress',
    'M?number',
    'C?number',
    'ignore-rev=text',
    'ignore-revs-file=read',
    'color-lines',
    'color-by-age',
    'minimal',
    'encoding=text'
  ),
  text
);

const LS_FILES = sub(
  ['ls-files'],
  opts(
    'c,cached',
    'd,deleted',
    'm,modified',
    'o,others',
    'i,ignored',
    's,stage',
    'u,unmerged',
    'k,killed',
    'directory',
    'empty-directory',
    'eol',
    'deduplicate',
    'x,exclude=pattern',
    'X,exclude-from=read',
    'exclude-per-directory=text',
    'exclude-standard',
    'error-unmatch',
    'with-tree=text',
    't',
    'f',
    'full-name',
    'recurse-submodules',
    'abbrev?number',
    'debug',
    'sparse',
    'format=text',
    'z',
    'resolve-undo'
  ),
  text
);

const REV_PARSE: Grammar = {
  names: ['rev-parse'],
  options: opts('q', 'h'),
  acceptLong: /^[a-z]/,
  judge: text
};

const BRANCH = sub(
  ['branch'],
  opts(
    'a,all',
    'r,remotes',
    'l,list',
    'show-current',
    'd,delete',
    'D',
    'm,move',
    'M',
    'c,copy',
    'C',
    'f,force',
    'merged?text',
    'no-merged?text',
    'contains?text',
    'no-contains?text',
    'points-at=text',
    'sort=text',
    'format=text',
    'color?text',
    'column?text',
    'i,ignore-case',
    'abbrev=number',
    't,track?text',
    'u,set-upstream-to=text',
    'unset-upstream',
    'create-reflog',
    'recurse-submodules',
    'omit-empty'
  ),
  text
);

const ADD = sub(
  ['add', 'stage'],
  [
    ...opts(
      'n,dry-run',
      'f,force',
      'i,interactive',
      'p,patch',
      'e,edit',
      'u,update',
      'A,all',
      'ignore-removal',
      'N,intent-to-add',
      'refresh',
      'ignore-errors',
      'ignore-missing',
      'warn-embedded-repo',
      'renormalize',
      'chmod=text',
      'sparse'
    ),
    ...PATHSPEC_FILE
  ],
  text
);

const COMMIT = sub(
  ['commit'],
  [
    ...opts(
      'a,all',
      'p,patch',
      'C,reuse-message=text',
      'c,reedit-message=text',
      'fixup=text',
      'squash=text',
      'reset-author',
      'short',
      'branch',
      'porcelain',
      'long',
      'z,null',
      'F,file=read',
      'author=text',
      'date=text',
      'm,message=text',
      't,template=read',
      's,signoff',
      'trailer=text',
      'n,no-verify',
      'verify',
      'allow-empty',
      'allow-empty-message',
      'cleanup=text',
      'e,edit',
      'amend',
      'post-rewrite',
      'i,include',
      'o,only',
      'u,untracked-files?text',
      'dry-run',
      'status',
      'S,gpg-sign?text'
    ),
    ...PATHSPEC_FILE
  ],
  text
);

const STASH = sub(
  ['stash'],
  [
    ...DIFF_OPTIONS,
    ...opts(
      'p,patch',
      'k,keep-index',
      'u,include-untracked',
      'only-untracked',
      'a,all',
      'm,message=text',
      'index',
      'S,staged'
    ),
    ...PATHSPEC_FILE
  ],
  (parsed, env) => {
    const [verb] = parsed.operands;
    if (verb?.value === 'push' || verb?.value === 'save' || verb === undefined) return undefined;
    if (['list', 'show', 'drop', 'pop', 'apply', 'branch', 'clear', 'create', 'store'].includes(verb.value))
      return undefined;
    return env.deny(
      'git-subcommand-unknown',
      `git stash has no subcommand "${verb.value}" that the policy knows`,
      verb.source
    );
  }
);

const CHECKOUT_OPTIONS = opts(
  'progress',
  'f,force',
  'ours',
  'theirs',
  'm,merge',
  'conflict=text',
  'p,patch',
  'ignore-skip-worktree-bits',
  'recurse-submodules',
  'overlay',
  'pathspec-from-file=read',
  'pathspec-file-nul'
);

const CHECKOUT = sub(
  ['checkout'],
  [
    ...CHECKOUT_OPTIONS,
    ...opts(
      'b=text',
      'B=text',
      't,track?text',
      'guess',
      'l',
      'detach',
      'orphan=text',
      'ignore-other-worktrees',
      'overwrite-ignore'
    )
  ],
  pathspecsWrite(true)
);

const RESTORE = sub(
  ['restore'],
  [...CHECKOUT_OPTIONS, ...opts('s,source=text', 'W,worktree', 'S,staged', 'ignore-unmerged')],
  pathspecsWrite(false)
);

const SWITCH = sub(
  ['switch'],
  opts(
    'c,create=text',
    'C,force-create=text',
    'd,detach',
    'guess',
    'f,force,discard-changes',
    'm,merge',
    'conflict=text',
    'progress',
    't,track?text',
    'orphan=text',
    'ignore-other-worktrees',
    'recurse-submodules'
  ),
  text
);

const APPLY = sub(
  ['apply'],
  [
    ...opts(
      'stat@dry',
      'numstat@dry',
      'summary@dry',
      'check@dry',
      'index',
      'intent-to-add',
      '3,3way',
      'ours',
      'theirs',
      'union',
      'apply@apply',
      'add',
      'build-fake-ancestor=write',
      'R,reverse',
      'allow-binary-replacement,binary',
      'reject',
      'z',
      'p=number@strip',
      'C=number',
      'unidiff-zero',
      'inaccurate-eof',
      'recount',
      'cached',
      'ignore-space-change,ignore-whitespace',
      'whitespace=text',
      'exclude=pattern',
      'include=pattern',
      'directory=text@directory',
      'allow-empty'
    ),
    ...refuse('content-write', 'git apply --unsafe-paths writes outside the repository', 'unsafe-paths')
  ],
  (parsed, env) => {
    for (const patch of parsed.operands) {
      const found = env.arg(patch, 'read');
      if (found) return found;
    }
    if (parsed.sets.has('dry') && !parsed.sets.has('apply')) return undefined;
    const strip = Number(parsed.options.find(o => o.spec.sets === 'strip')?.value?.value ?? '1');
    const directory = parsed.options.find(o => o.spec.sets === 'directory')?.value?.value;
    const sources = parsed.operands.length > 0 ? parsed.operands.map(p => p.value) : [env.stdinPath];
    for (const source of sources) {
      const found = judgePatchFile(
        source,
        withPrefix(env, directory),
        env.cwds,
        strip,
        source ?? 'git apply'
      );
      if (found) return found;
    }
    return undefined;
  }
);

/** git apply --directory=ROOT prepends ROOT to every path in the patch. */
function withPrefix(env: JudgeEnv, directory: string | undefined): JudgeEnv {
  if (!directory) return env;
  return {
    ...env,
    path: (raw, role, offending, cwds) => env.path(`${directory}/${raw}`, role, offending, cwds)
  };
}

const PUSH_FORCE =
  'git push --force, --mirror, --delete, --prune and +ref or :ref refspecs rewrite or delete remote history';

const PUSH = sub(
  ['push'],
  [
    ...opts(
      'all',
      'branches',
      'n,dry-run',
      'porcelain',
      'tags',
      'follow-tags',
      'signed?text',
      'atomic',
      'o,push-option=text',
      'repo=text',
      'u,set-upstream',
      'thin',
      'progress',
      'recurse-submodules=text',
      'verify',
      '4,ipv4',
      '6,ipv6'
    ),
    ...refuse(
      'git-push-force',
      PUSH_FORCE,
      'f,force',
      'force-with-lease?',
      'force-if-includes',
      'mirror',
      'd,delete',
      'prune'
    ),
    ...refuse('git-external-program', EXTERNAL, 'receive-pack=', 'exec=')
  ],
  (parsed, env) => {
    const refspec = parsed.operands.slice(1).find(o => o.value.startsWith('+') || o.value.startsWith(':'));
    return refspec ? env.deny('git-push-force', PUSH_FORCE, refspec.source) : undefined;
  }
);

const FETCH = sub(
  ['fetch', 'pull'],
  [
    ...opts(
      'all',
      'a,append',
      'atomic',
      'depth=number',
      'deepen=number',
      'shallow-since=text',
      'shallow-exclude=text',
      'unshallow',
      'update-shallow',
      'negotiation-tip=text',
      'negotiate-only',
      'dry-run',
      'porcelain',
      'write-fetch-head',
      'f,force',
      'k,keep',
      'multiple',
      'auto-maintenance',
      'auto-gc',
      'write-commit-graph',
      'prefetch',
      'p,prune',
      'P,prune-tags',
      'n',
      'no-tags',
      'refetch',
      'refmap=text',
      't,tags',
      'recurse-submodules?text',
      'j,jobs=number',
      'set-upstream',
      'submodule-prefix=text',
      'progress',
      'o,server-option=text',
      'show-forced-updates',
      '4,ipv4',
      '6,ipv6',
      'u,update-head-ok',
      'filter=text',
      'rebase?text',
      'ff',
      'ff-only',
      'commit',
      'edit',
      'squash',
      'stat',
      'autostash',
      's,strategy=text',
      'X,strategy-option=text',
      'verify',
      'verify-signatures',
      'log?number',
      'signoff',
      'allow-unrelated-histories',
      'cleanup=text',
      'S,gpg-sign?text'
    ),
    ...refuse('git-external-program', EXTERNAL, 'upload-pack=')
  ],
  text
);

const REBASE = sub(
  ['rebase'],
  [
    ...opts(
      'onto=text',
      'keep-base',
      'apply',
      'empty=text',
      'keep-empty',
      'allow-empty-message',
      'skip',
      'edit-todo',
      'continue',
      'abort',
      'quit',
      'show-current-patch',
      'm,merge',
      's,strategy=text',
      'X,strategy-option=text',
      'rerere-autoupdate',
      'S,gpg-sign?text',
      'stat',
      'n',
      'verify',
      'C=number',
      'f,force-rebase',
      'ff',
      'fork-point',
      'ignore-whitespace',
      'whitespace=text',
      'committer-date-is-author-date',
      'ignore-date,reset-author-date',
      'signoff',
      'i,interactive',
      'r,rebase-merges?text',
      'root',
      'autosquash',
      'autostash',
      'reschedule-failed-exec',
      'update-refs'
    ),
    ...refuse('git-runs-commands', 'git rebase --exec runs a command after each commit', 'x,exec=')
  ],
  text
);

const CONFIG = sub(
  ['config'],
  opts(
    'global@scope',
    'system@scope',
    'local',
    'worktree',
    'f,file=read',
    'blob=text',
    'get@read',
    'get-all@read',
    'get-regexp@read',
    'get-urlmatch@read',
    'replace-all@write',
    'add@write',
    'unset@write',
    'unset-all@write',
    'rename-section@write',
    'remove-section@write',
    'l,list@read',
    'fixed-value',
    'type=text',
    'bool',
    'int',
    'bool-or-int',
    'path',
    'expiry-date',
    'z,null',
    'name-only',
    'show-origin',
    'show-scope',
    'get-colorbool@read',
    'get-color@read',
    'e,edit@write',
    'includes',
    'default=text',
    'all',
    'regexp',
    'url=text',
    'value=text'
  ),
  (parsed, env) => {
    const [verb] = parsed.operands;
    const reading =
      !parsed.sets.has('write') &&
      (parsed.sets.has('read') ||
        verb?.value === 'get' ||
        verb?.value === 'list' ||
        (parsed.operands.length === 1 &&
          !['set', 'unset', 'edit', 'rename-section', 'remove-section'].includes(verb?.value ?? '')));
    if (reading) return undefined;
    return env.deny(
      'git-config-write',
      'git config can only be read: a written setting (alias, pager, hooks path) runs commands later',
      env.argv.join(' ')
    );
  }
);

/** Subcommands that do not read or write paths given as arguments beyond git's own repository. */
const PLAIN_SUBCOMMANDS = [
  'reset',
  'merge',
  'cherry-pick',
  'revert',
  'tag',
  'remote',
  'describe',
  'reflog',
  'cat-file',
  'ls-tree',
  'show-ref',
  'merge-base',
  'name-rev',
  'symbolic-ref',
  'for-each-ref',
  'count-objects',
  'fsck',
  'gc',
  'prune',
  'shortlog',
  'cherry',
  'range-diff',
  'diff-tree',
  'diff-index',
  'diff-files',
  'show-branch',
  'var',
  'version',
  'help',
  'check-ignore',
  'check-attr',
  'check-ref-format',
  'ls-remote',
  'sparse-checkout',
  'maintenance',
  'notes',
  'bisect',
  'submodule',
  'init',
  'clean',
  'rm',
  'mv',
  'worktree',
  'format-patch',
  'archive',
  'bundle',
  'am',
  'clone',
  'rerere',
  'verify-commit',
  'verify-tag',
  'grep',
  'interpret-trailers',
  'stripspace',
  'mailinfo',
  'column'
];

/**
 * The rest of git's common subcommands are parsed permissively: every option is accepted except
 * the ones that run programs, write arbitrary files or re-point git, which are refused by name.
 * Operands of the ones that change files (rm, mv, clean, worktree, init, clone) are judged as writes.
 */
const PERMISSIVE_REFUSALS: {
  names: string[];
  rule:
    | 'git-external-program'
    | 'git-output'
    | 'git-runs-commands'
    | 'git-config-override'
    | 'git-repository-override';
  reason: string;
}[] = [
  {
    names: [
      'exec',
      'upload-pack',
      'receive-pack',
      'ext-diff',
      'remote',
      'tool',
      'extcmd',
      'open-files-in-pager'
    ],
    rule: 'git-external-program',
    reason: EXTERNAL
  },
  { names: ['output', 'output-directory'], rule: 'git-output', reason: OUTPUT },
  {
    names: ['template'],
    rule: 'git-runs-commands',
    reason: 'git --template copies hooks into a repository, which later git commands run'
  },
  { names: ['config'], rule: 'git-config-override', reason: CONFIG_OVERRIDE },
  { names: ['separate-git-dir', 'git-dir', 'work-tree'], rule: 'git-repository-override', reason: REPOSITORY }
];

const PERMISSIVE_WRITES = new Set([
  'rm',
  'mv',
  'clean',
  'worktree',
  'init',
  'clone',
  'format-patch',
  'archive',
  'bundle'
]);

function judgePermissive(subcommand: string, args: readonly Arg[], env: JudgeEnv): Denial | undefined {
  if (['difftool', 'mergetool', 'filter-branch', 'filter-repo'].includes(subcommand)) {
    return env.deny(
      'git-runs-commands',
      `git ${subcommand} runs external tools or arbitrary commands`,
      subcommand
    );
  }
  const values = args.map(a => a.value);
  if (subcommand === 'submodule' && values.includes('foreach'))
    return env.deny(
      'git-runs-commands',
      'git submodule foreach runs a command in every submodule',
      'submodule foreach'
    );
  if (subcommand === 'bisect' && values[0] === 'run')
    return env.deny('git-runs-commands', 'git bisect run runs a command at every step', 'bisect run');
  let afterDashDash = false;
  for (const arg of args) {
    const value = arg.value;
    if (!afterDashDash && value === '--') {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && value.startsWith('--')) {
      const name = value.slice(2).split('=')[0] ?? '';
      for (const refusal of PERMISSIVE_REFUSALS) {
        if (
          name.length > 0 &&
          refusal.names.some(n => n.startsWith(name) && (name.length >= 3 || n === name))
        )
          return env.deny(refusal.rule, refusal.reason, arg.source);
      }
      continue;
    }
    if (!afterDashDash && value.startsWith('-') && value.length > 1) {
      if ((subcommand === 'clone' || subcommand === 'archive') && /^-[A-Za-z]*u/.test(value))
        return env.deny('git-external-program', EXTERNAL, arg.source);
      if (subcommand === 'clone' && /^-[A-Za-z]*c/.test(value))
        return env.deny('git-config-override', CONFIG_OVERRIDE, arg.source);
      if ((subcommand === 'archive' || subcommand === 'format-patch') && /^-[A-Za-z]*o/.test(value))
        return env.deny('git-output', OUTPUT, arg.source);
      continue;
    }
    if (PERMISSIVE_WRITES.has(subcommand)) {
      const found =
        subcommand === 'rm' || subcommand === 'mv' || subcommand === 'clean'
          ? pathspecWrite(arg, env, true)
          : env.arg(arg, 'write');
      if (found) return found;
    }
  }
  return undefined;
}

const SUBCOMMANDS = new Map<string, Grammar>();
for (const grammar of [
  DIFF,
  LOG,
  SHOW,
  SHORTLOG,
  STATUS,
  GREP,
  BLAME,
  LS_FILES,
  REV_PARSE,
  BRANCH,
  ADD,
  COMMIT,
  STASH,
  CHECKOUT,
  RESTORE,
  SWITCH,
  APPLY,
  PUSH,
  FETCH,
  REBASE,
  CONFIG
]) {
  for (const name of grammar.names) SUBCOMMANDS.set(name, grammar);
}

/** Every git grammar, for the generated tests. */
export const GIT_SUBCOMMAND_GRAMMARS: ReadonlyMap<string, Grammar> = SUBCOMMANDS;
export const GIT_GLOBALS = GLOBALS;

/** Subcommands that rewrite the working tree from git's objects, where any name may become a symlink. */
const REWRITES_TREE = new Set([
  'checkout',
  'switch',
  'restore',
  'reset',
  'stash',
  'merge',
  'pull',
  'rebase',
  'cherry-pick',
  'revert',
  'am',
  'clone',
  'worktree',
  'submodule',
  'bisect',
  'sparse-checkout',
  'read-tree',
  'checkout-index'
]);

export function judgeGit(args: readonly Arg[], env: JudgeEnv): Denial | undefined {
  if (env.cwds.some(cwd => cwd !== env.judge.workspace)) {
    return env.deny(
      'git-repository-override',
      "git runs only from the workspace root: in another directory a nested repository's configuration could run commands; use git -- PATH instead of cd",
      env.argv.join(' ')
    );
  }
  const globals = parseOptions(GLOBALS, args, 'git');
  if ('rule' in globals) return globals;
  for (const option of globals.options) {
    if (option.spec.deny) return env.deny(option.spec.deny.rule, option.spec.deny.reason, option.name);
    if (option.spec.sets === 'exec-path' && option.value !== undefined) {
      return env.deny(
        'git-exec-path',
        'git --exec-path=DIR changes where git finds its helper programs',
        option.name
      );
    }
  }
  const [subcommand, ...rest] = globals.operands;
  if (!subcommand) return undefined;
  const grammar = SUBCOMMANDS.get(subcommand.value);
  let verdict: Denial | undefined;
  if (grammar) verdict = env.grammar(grammar, rest, `git ${subcommand.value}`);
  else if (
    PLAIN_SUBCOMMANDS.includes(subcommand.value) ||
    ['difftool', 'mergetool', 'filter-branch', 'filter-repo'].includes(subcommand.value)
  ) {
    verdict = judgePermissive(subcommand.value, rest, env);
  } else {
    return env.deny(
      'git-subcommand-unknown',
      `git "${subcommand.value}" is not a subcommand the policy knows (aliases included); run the git command it stands for`,
      subcommand.source
    );
  }
  const readOnlyStash =
    subcommand.value === 'stash' &&
    ['list', 'show'].includes(rest.find(a => !a.value.startsWith('-'))?.value ?? '');
  if (!verdict && REWRITES_TREE.has(subcommand.value) && !readOnlyStash)
    env.judge.opaqueAfter = `git ${subcommand.value}`;
  return verdict;
}

export { lookupLong };
