import path from 'node:path';
import type { Denial } from '../rules.js';
import { HELP, opts, refuse } from './dsl.js';
import { followEach } from './search.js';
import type { Arg, Grammar, JudgeEnv, Parsed } from './types.js';

/** Judges every operand with one role. */
function operandsAre(role: 'read' | 'write' | 'write-name' | 'write-tree') {
  return (parsed: Parsed, env: JudgeEnv): Denial | undefined => {
    for (const operand of parsed.operands) {
      const found = env.arg(operand, role);
      if (found) return found;
    }
    return undefined;
  };
}

const reads = operandsAre('read');

/** Reads its operands and, when it follows links while recursing, checks every link under them. */
function readsFollowing(recursiveByDefault: boolean) {
  return (parsed: Parsed, env: JudgeEnv): Denial | undefined => {
    const found = reads(parsed, env);
    if (found) return found;
    const recursive = recursiveByDefault || parsed.sets.has('recursive');
    return recursive && parsed.sets.has('follow') && !parsed.sets.has('no-follow')
      ? followEach(parsed.operands, env)
      : undefined;
  };
}

const NO_PRESERVE_ROOT = refuse(
  'workspace-root',
  '--no-preserve-root lets a recursive command act on "/"',
  'no-preserve-root'
);

export const CAT: Grammar = {
  names: ['cat'],
  options: [
    ...HELP,
    ...opts(
      'A,show-all',
      'b,number-nonblank',
      'e',
      'E,show-ends',
      'n,number',
      's,squeeze-blank',
      't',
      'T,show-tabs',
      'u',
      'v,show-nonprinting'
    )
  ],
  judge: reads
};

export const HEAD: Grammar = {
  names: ['head'],
  numericOption: true,
  options: [
    ...HELP,
    ...opts('c,bytes=number', 'n,lines=number', 'q,quiet,silent', 'v,verbose', 'z,zero-terminated')
  ],
  judge: reads
};

export const TAIL: Grammar = {
  names: ['tail'],
  numericOption: true,
  options: [
    ...HELP,
    ...opts(
      'c,bytes=number',
      'f,follow?text',
      'F',
      'n,lines=number',
      'max-unchanged-stats=number',
      'pid=number',
      'q,quiet,silent',
      'retry',
      's,sleep-interval=number',
      'v,verbose',
      'z,zero-terminated',
      'debug'
    )
  ],
  judge: reads
};

export const WC: Grammar = {
  names: ['wc'],
  options: [
    ...HELP,
    ...opts('c,bytes', 'm,chars', 'l,lines', 'L,max-line-length', 'w,words', 'files0-from=read', 'total=text')
  ],
  judge: reads
};

export const CUT: Grammar = {
  names: ['cut'],
  options: [
    ...HELP,
    ...opts(
      'b,bytes=text',
      'c,characters=text',
      'd,delimiter=text',
      'f,fields=text',
      'n',
      'complement',
      's,only-delimited',
      'output-delimiter=text',
      'z,zero-terminated'
    )
  ],
  judge: reads
};

export const FILE: Grammar = {
  names: ['file'],
  options: [
    ...HELP,
    ...opts(
      'b,brief',
      'c,checking-printout',
      'E',
      'h,no-dereference',
      'i,mime',
      'mime-type',
      'mime-encoding',
      'k,keep-going',
      'l,list',
      'L,dereference',
      'N,no-pad',
      'n,no-buffer',
      'p,preserve-date',
      'r,raw',
      's,special-files',
      'S,no-sandbox',
      'z,uncompress',
      'Z,uncompress-noprelimit',
      '0,print0',
      'apple',
      'extension',
      'exclude-quiet=text',
      'debug',
      'e,exclude=text',
      'f,files-from=read',
      'F,separator=text',
      'm,magic-file=read',
      'P,parameter=text',
      'C,compile@compile'
    )
  ],
  judge: (parsed, env) => {
    if (parsed.sets.has('compile')) {
      // `file -C -m NAME` writes NAME.mgc into the working directory.
      const magic = parsed.options.find(o => o.spec.short === 'm')?.value?.value ?? 'magic';
      const found = env.path(`${path.posix.basename(magic)}.mgc`, 'write', '-C');
      if (found) return found;
    }
    return reads(parsed, env);
  }
};

export const STAT: Grammar = {
  names: ['stat'],
  options: [
    ...HELP,
    ...opts('L,dereference', 'f,file-system', 'c,format=text', 'printf=text', 't,terse', 'cached=text')
  ],
  judge: reads
};

export const DU: Grammar = {
  names: ['du'],
  options: [
    ...HELP,
    ...opts(
      '0,null',
      'a,all',
      'apparent-size',
      'B,block-size=text',
      'b,bytes',
      'c,total',
      'D,H,dereference-args',
      'd,max-depth=number',
      'files0-from=read',
      'h,human-readable',
      'inodes',
      'k',
      'L,dereference@follow',
      'l,count-links',
      'm',
      'P,no-dereference',
      'S,separate-dirs',
      'si',
      's,summarize',
      't,threshold=text',
      'time?text',
      'time-style=text',
      'X,exclude-from=read',
      'exclude=pattern',
      'x,one-file-system'
    )
  ],
  judge: readsFollowing(true)
};

export const LS: Grammar = {
  names: ['ls', 'dir', 'vdir'],
  options: [
    ...HELP,
    ...opts(
      'a,all',
      'A,almost-all',
      'author',
      'b,escape',
      'block-size=text',
      'B,ignore-backups',
      'c',
      'C',
      'color,colour?text',
      'd,directory',
      'D,dired',
      'f',
      'F,classify?text',
      'file-type',
      'format=text',
      'full-time',
      'g',
      'group-directories-first',
      'G,no-group',
      'h,human-readable',
      'si',
      'H,dereference-command-line',
      'dereference-command-line-symlink-to-dir',
      'hide=pattern',
      'hyperlink?text',
      'indicator-style=text',
      'i,inode',
      'I,ignore=pattern',
      'k,kibibytes',
      'l',
      'L,dereference@follow',
      'm',
      'n,numeric-uid-gid',
      'N,literal',
      'o',
      'p',
      'q,hide-control-chars',
      'show-control-chars',
      'Q,quote-name',
      'quoting-style=text',
      'r,reverse',
      'R,recursive@recursive',
      's,size',
      'S',
      'sort=text',
      'time=text',
      'time-style=text',
      't',
      'T,tabsize=number',
      'u',
      'U',
      'v',
      'w,width=number',
      'x',
      'X',
      'Z,context',
      'zero',
      '1'
    )
  ],
  judge: readsFollowing(false)
};

export const DIFF: Grammar = {
  names: ['diff'],
  numericOption: true,
  options: [
    ...HELP,
    ...opts(
      'normal',
      'q,brief',
      's,report-identical-files',
      'c',
      'C,context?number',
      'u',
      'U,unified?number',
      'e,ed',
      'n,rcs',
      'y,side-by-side',
      'W,width=number',
      'left-column',
      'suppress-common-lines',
      'p,show-c-function',
      'F,show-function-line=pattern',
      'label=text',
      'L=text',
      't,expand-tabs',
      'T,initial-tab',
      'tabsize=number',
      'suppress-blank-empty',
      'l,paginate',
      'r,recursive@recursive',
      'no-dereference@no-follow',
      'N,new-file',
      'unidirectional-new-file',
      'ignore-file-name-case',
      'no-ignore-file-name-case',
      'x,exclude=pattern',
      'X,exclude-from=read',
      'S,starting-file=text',
      'from-file=read',
      'to-file=read',
      'i,ignore-case',
      'E,ignore-tab-expansion',
      'Z,ignore-trailing-space',
      'b,ignore-space-change',
      'w,ignore-all-space',
      'B,ignore-blank-lines',
      'I,ignore-matching-lines=pattern',
      'a,text',
      'strip-trailing-cr',
      'D,ifdef=text',
      'GTYPE-group-format=text',
      'old-group-format=text',
      'new-group-format=text',
      'unchanged-group-format=text',
      'changed-group-format=text',
      'line-format=text',
      'old-line-format=text',
      'new-line-format=text',
      'unchanged-line-format=text',
      'd,minimal',
      'horizon-lines=number',
      'speed-large-files',
      'color?text',
      'palette=text'
    )
  ],
  judge: (parsed, env) => {
    const found = reads(parsed, env);
    if (found) return found;
    // diff -r follows links to what they point at unless told --no-dereference.
    return parsed.sets.has('recursive') && !parsed.sets.has('no-follow')
      ? followEach(parsed.operands, env)
      : undefined;
  }
};

export const SORT: Grammar = {
  names: ['sort'],
  options: [
    ...HELP,
    ...opts(
      'b,ignore-leading-blanks',
      'd,dictionary-order',
      'f,ignore-case',
      'g,general-numeric-sort',
      'i,ignore-nonprinting',
      'M,month-sort',
      'h,human-numeric-sort',
      'n,numeric-sort',
      'R,random-sort',
      'random-source=read',
      'r,reverse',
      'sort=text',
      'V,version-sort',
      'batch-size=number',
      'c',
      'check?text',
      'C',
      'debug',
      'files0-from=read',
      'k,key=text',
      'm,merge',
      'o,output=write',
      's,stable',
      'S,buffer-size=text',
      't,field-separator=text',
      'T,temporary-directory=write',
      'parallel=number',
      'u,unique',
      'z,zero-terminated'
    ),
    ...refuse('program-option-exec', 'sort --compress-program runs another program', 'compress-program=')
  ],
  judge: reads
};

export const UNIQ: Grammar = {
  names: ['uniq'],
  options: [
    ...HELP,
    ...opts(
      'c,count',
      'd,repeated',
      'D',
      'all-repeated?text',
      'f,skip-fields=number',
      'group?text',
      'i,ignore-case',
      's,skip-chars=number',
      'u,unique',
      'z,zero-terminated',
      'w,check-chars=number'
    )
  ],
  judge: (parsed, env) => {
    const [input, output] = parsed.operands;
    return (input && env.arg(input, 'read')) ?? (output && env.arg(output, 'write')) ?? undefined;
  }
};

export const TEE: Grammar = {
  names: ['tee'],
  options: [...HELP, ...opts('a,append', 'i,ignore-interrupts', 'p', 'output-error?text')],
  judge: operandsAre('write')
};

export const TOUCH: Grammar = {
  names: ['touch'],
  options: [
    ...HELP,
    ...opts(
      'a',
      'c,no-create',
      'd,date=text',
      'f',
      'h,no-dereference',
      'm',
      'r,reference=read',
      't=text',
      'time=text'
    )
  ],
  judge: operandsAre('write')
};

export const MKDIR: Grammar = {
  names: ['mkdir'],
  options: [...HELP, ...opts('m,mode=text', 'p,parents', 'v,verbose', 'Z', 'context?text')],
  judge: (parsed, env) => {
    for (const operand of parsed.operands) {
      const found = env.arg(operand, 'write');
      if (found) return found;
      for (const cwd of env.cwds) {
        const real = env.judge.real(operand.value, cwd);
        if (real) env.judge.fs.addDirectory(real);
      }
    }
    return undefined;
  }
};

export const RM: Grammar = {
  names: ['rm'],
  options: [
    ...HELP,
    ...NO_PRESERVE_ROOT,
    ...opts(
      'f,force',
      'i',
      'I',
      'interactive?text',
      'one-file-system',
      'preserve-root?text',
      'r,R,recursive@recursive',
      'd,dir',
      'v,verbose'
    )
  ],
  judge: (parsed, env) => operandsAre(parsed.sets.has('recursive') ? 'write-tree' : 'write-name')(parsed, env)
};

export const RMDIR: Grammar = {
  names: ['rmdir'],
  options: [...HELP, ...opts('ignore-fail-on-non-empty', 'p,parents', 'v,verbose')],
  judge: operandsAre('write-tree')
};

/** chmod/chown/chgrp: the first operand is the mode or owner, unless --reference gives it. */
function ownership(names: string[], extra: string[]): Grammar {
  return {
    names,
    operandLike: names[0] === 'chmod' ? /^-[rwxXstugoa=+,0-7-]+$/ : undefined,
    options: [
      ...HELP,
      ...NO_PRESERVE_ROOT,
      ...opts(
        'c,changes',
        'f,silent,quiet',
        'v,verbose',
        'preserve-root',
        'reference=read@reference',
        'R,recursive@recursive',
        ...extra
      )
    ],
    judge: (parsed, env) => {
      const targets = parsed.sets.has('reference') ? parsed.operands : parsed.operands.slice(1);
      const role = parsed.sets.has('recursive') ? 'write-tree' : 'write-name';
      for (const target of targets) {
        const found = env.arg(target, role);
        if (found) return found;
      }
      return undefined;
    }
  };
}

export const CHMOD = ownership(['chmod'], []);
export const CHOWN = ownership(
  ['chown', 'chgrp'],
  ['H', 'L', 'P', 'dereference', 'h,no-dereference', 'from=text']
);

const COPY_COMMON = [
  'b',
  'backup?text',
  'f,force',
  'i,interactive',
  'n,no-clobber',
  'S,suffix=text@suffix',
  't,target-directory=write@target',
  'T,no-target-directory@no-target',
  'u',
  'update?text',
  'v,verbose',
  'Z',
  'context?text',
  'strip-trailing-slashes',
  'debug'
];

export const CP: Grammar = {
  names: ['cp'],
  options: [
    ...HELP,
    ...opts(
      ...COPY_COMMON,
      'a,archive@recursive',
      'attributes-only',
      'copy-contents',
      'd@no-deref',
      'H',
      'l,link@link',
      'L,dereference@follow',
      'P,no-dereference@no-deref',
      'p',
      'preserve?text',
      'no-preserve=text',
      'parents@parents',
      'R,r,recursive@recursive',
      'reflink?text',
      'remove-destination',
      'sparse=text',
      's,symbolic-link@symlink',
      'x,one-file-system',
      'keep-directory-symlink'
    )
  ],
  judge: (parsed, env) => judgeCopy(parsed, env, 'copy')
};

export const MV: Grammar = {
  names: ['mv'],
  options: [...HELP, ...opts(...COPY_COMMON, 'exchange', 'no-copy')],
  judge: (parsed, env) => judgeCopy(parsed, env, 'move')
};

export const LN: Grammar = {
  names: ['ln'],
  options: [
    ...HELP,
    ...opts(
      'b',
      'backup?text',
      'd,F,directory',
      'f,force',
      'i,interactive',
      'L,logical',
      'n,no-dereference@no-target',
      'P,physical',
      'r,relative@relative',
      's,symbolic@symlink',
      'S,suffix=text@suffix',
      't,target-directory=write@target',
      'T,no-target-directory@no-target',
      'v,verbose'
    )
  ],
  judge: (parsed, env) => judgeLink(parsed, env)
};

/** Splits cp/mv/ln operands into sources and the destination, as coreutils does. */
function sourcesAndDestination(parsed: Parsed): {
  sources: Arg[];
  destination: Arg | undefined;
  intoDirectory: boolean;
} {
  const target = parsed.options.find(o => o.spec.sets === 'target')?.value;
  if (target) return { sources: parsed.operands, destination: target, intoDirectory: true };
  const operands = parsed.operands;
  if (operands.length < 2) return { sources: operands, destination: undefined, intoDirectory: false };
  return { sources: operands.slice(0, -1), destination: operands[operands.length - 1], intoDirectory: false };
}

function judgeCopy(parsed: Parsed, env: JudgeEnv, kind: 'copy' | 'move'): Denial | undefined {
  const suffix = parsed.options.find(o => o.spec.sets === 'suffix')?.value?.value;
  if (suffix !== undefined && /[/*]/.test(suffix)) {
    return env.deny(
      'path-protected-write',
      `the backup suffix "${suffix}" holds "/" or "*", so the backup could land anywhere`,
      suffix
    );
  }
  const { sources, destination, intoDirectory } = sourcesAndDestination(parsed);
  // A hard link is a second name for its source (writing one writes the other); a symlink's source is judged as its target.
  const sourceRole = kind === 'move' ? 'write-tree' : parsed.sets.has('link') ? 'write' : 'read';
  for (const source of sources) {
    const found = env.arg(source, sourceRole);
    if (found) return found;
  }
  if (parsed.sets.has('follow') && parsed.sets.has('recursive')) {
    // cp -rL copies what links point at: a link out would bring outside files in.
    const found = followEach(sources, env);
    if (found) return found;
  }
  if (!destination) return undefined;
  const found = env.arg(destination, 'write');
  if (found) return found;
  if (destination.field.glob) return undefined;
  // A recursive copy, a move, or cp -P/-d: links are copied as links, so where they lead is judged at the landing.
  const recursive = kind === 'move' || parsed.sets.has('recursive') || parsed.sets.has('no-deref');
  for (const cwd of env.cwds) {
    const toDirectory =
      intoDirectory ||
      sources.length > 1 ||
      (!parsed.sets.has('no-target') && env.judge.isDirectory(destination.value, cwd));
    for (const source of sources) {
      if (source.field.glob) {
        // Each match lands at destination/basename; judge the pattern's names there.
        continue;
      }
      const name = parsed.sets.has('parents')
        ? source.value
        : path.posix.basename(source.value.replace(/\/+$/, '') || '/');
      const landing = toDirectory ? `${destination.value}/${name}` : destination.value;
      const deniedLanding = env.path(landing, 'write', destination.source, [cwd]);
      if (deniedLanding) return deniedLanding;
      if (recursive) {
        const tree = env.copyTree(source.value, landing, cwd, destination.source);
        if (tree) return tree;
      } else if (kind === 'copy' && parsed.sets.has('symlink')) {
        const link = env.linkTarget(source.value, landing, cwd, false, source.source);
        if (link) return link;
      }
    }
  }
  return undefined;
}

function judgeLink(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const symbolic = parsed.sets.has('symlink');
  const target = parsed.options.find(o => o.spec.sets === 'target')?.value;
  let pairs: { target: Arg; link: string; linkSource: string }[];
  const operands = parsed.operands;
  if (target)
    pairs = operands.map(t => ({
      target: t,
      link: `${target.value}/${path.posix.basename(t.value)}`,
      linkSource: target.source
    }));
  else if (operands.length === 1 && operands[0]) {
    const only = operands[0];
    pairs = [{ target: only, link: path.posix.basename(only.value), linkSource: only.source }];
  } else {
    const destination = operands[operands.length - 1] as Arg;
    const sources = operands.slice(0, -1);
    pairs = sources.map(t => {
      const intoDirectory =
        sources.length > 1 ||
        (!parsed.sets.has('no-target') &&
          env.cwds.some(cwd => env.judge.isDirectory(destination.value, cwd)));
      return {
        target: t,
        link: intoDirectory ? `${destination.value}/${path.posix.basename(t.value)}` : destination.value,
        linkSource: destination.source
      };
    });
  }
  for (const pair of pairs) {
    const found = env.path(pair.link, 'write-name', pair.linkSource);
    if (found) return found;
    if (pair.target.field.glob) {
      return env.deny(
        'symlink-target',
        'a link target may not be a file pattern; name the target',
        pair.target.source
      );
    }
    if (!symbolic) {
      // A hard link is a second name for the same file: writing it writes the target.
      const hard = env.arg(pair.target, 'write');
      if (hard) return hard;
      continue;
    }
    for (const cwd of env.cwds) {
      const denied = env.linkTarget(
        pair.target.value,
        pair.link,
        cwd,
        parsed.sets.has('relative'),
        pair.target.source
      );
      if (denied) return denied;
    }
  }
  return undefined;
}

export const ECHO: Grammar = {
  names: ['echo'],
  options: [],
  judge: () => undefined
};

export const COREUTILS: readonly Grammar[] = [
  CAT,
  HEAD,
  TAIL,
  WC,
  CUT,
  FILE,
  STAT,
  DU,
  LS,
  DIFF,
  SORT,
  UNIQ,
  TEE,
  TOUCH,
  MKDIR,
  RM,
  RMDIR,
  CHMOD,
  CHOWN,
  CP,
  MV,
  LN
];
