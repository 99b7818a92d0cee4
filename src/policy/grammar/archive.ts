import path from 'node:path';
import { listTar, listZip, patchTargets, readArchive, stripComponents, type Entry } from '../content.js';
import type { Denial } from '../rules.js';
import { HELP, opts, refuse } from './dsl.js';
import { parseOptions } from './parse.js';
import { followEach } from './search.js';
import type { Arg, Grammar, JudgeEnv, Parsed } from './types.js';

const TAR_RUNS =
  'tar --to-command, --use-compress-program (-I), --checkpoint-action, --info-script (-F), --new-volume-script and --rsh-command run other programs';

export const TAR: Grammar = {
  names: ['tar', 'gtar'],
  options: [
    ...HELP,
    ...opts(
      'A,catenate,concatenate@append',
      'c,create@create',
      'd,diff,compare@list',
      'delete@delete',
      'r,append@append',
      't,list@list',
      'test-label@list',
      'u,update@append',
      'x,extract,get@extract',
      'f,file=text@archive',
      'C,directory=base-dir',
      'T,files-from=read@files-from',
      'X,exclude-from=read',
      'exclude=pattern',
      'exclude-vcs',
      'exclude-vcs-ignores',
      'exclude-backups',
      'exclude-caches',
      'exclude-caches-under',
      'exclude-caches-all',
      'exclude-tag=text',
      'exclude-tag-under=text',
      'exclude-tag-all=text',
      'z,gzip,gunzip,ungzip',
      'j,bzip2',
      'J,xz',
      'Z,compress,uncompress',
      'a,auto-compress',
      'no-auto-compress',
      'zstd',
      'lzip',
      'lzma',
      'lzop',
      'v,verbose',
      'k,keep-old-files',
      'keep-newer-files',
      'keep-directory-symlink',
      'overwrite',
      'overwrite-dir',
      'no-overwrite-dir',
      'skip-old-files',
      'p,preserve-permissions,same-permissions',
      'no-same-permissions',
      'same-owner',
      'no-same-owner',
      'numeric-owner',
      'h,dereference@follow',
      'hard-dereference',
      'S,sparse',
      'O,to-stdout@stdout',
      'm,touch',
      'strip-components=number',
      'b,blocking-factor=number',
      'B,read-full-records',
      'record-size=number',
      'i,ignore-zeros',
      'N,newer,after-date=date-or-file',
      'newer-mtime=date-or-file',
      'g,listed-incremental=write',
      'G,incremental',
      'level=number',
      'K,starting-file=text',
      'L,tape-length=number',
      'M,multi-volume',
      'V,label=text',
      'W,verify',
      'w,interactive,confirmation',
      'remove-files@remove',
      'owner=text',
      'group=text',
      'mode=text',
      'mtime=date-or-file',
      'sort=text',
      'format=text',
      'H=text',
      'posix',
      'wildcards',
      'no-wildcards',
      'wildcards-match-slash',
      'no-wildcards-match-slash',
      'anchored',
      'no-anchored',
      'ignore-case',
      'no-ignore-case',
      'recursion',
      'no-recursion',
      'null',
      'no-null',
      'verbatim-files-from',
      'no-verbatim-files-from',
      'unquote',
      'no-unquote',
      'totals?text',
      'checkpoint?number',
      'warning=text',
      'occurrence?number',
      'one-file-system',
      'one-top-level?text@top-level',
      'index-file=write',
      'atime-preserve?text',
      'delay-directory-restore',
      'no-delay-directory-restore',
      'U,unlink-first',
      'recursive-unlink',
      'suffix=text',
      'backup?text',
      'xattrs',
      'no-xattrs',
      'xattrs-include=text',
      'xattrs-exclude=text',
      'acls',
      'no-acls',
      'selinux',
      'no-selinux',
      'ignore-failed-read',
      'ignore-command-error',
      'no-ignore-command-error',
      's,preserve-order,same-order',
      'show-transformed-names',
      'show-stored-names',
      'show-defaults',
      'show-omitted-dirs',
      'full-time',
      'utc',
      'quoting-style=text',
      'quote-chars=text',
      'no-quote-chars=text',
      'force-local',
      'restrict',
      'l,check-links',
      'R,block-number',
      'o',
      'no-check-device',
      'check-device',
      'clamp-mtime',
      'pax-option=text',
      'hole-detection=text',
      'no-seek',
      'n,seek',
      'utc',
      'volno-file=write'
    ),
    ...refuse(
      'program-option-exec',
      TAR_RUNS,
      'to-command=',
      'I,use-compress-program=',
      'checkpoint-action=',
      'F,info-script,new-volume-script=',
      'rsh-command=',
      'rmt-command='
    ),
    ...refuse(
      'tar-absolute-names',
      'tar -P keeps absolute and ../ member names, and --transform renames members, so extraction targets cannot be checked',
      'P,absolute-names',
      'transform,xform='
    )
  ],
  judge: (parsed, env) => judgeTar(parsed, env)
};

/** Letters of old-style `tar xzf a.tar` that take the next words as values, in order. */
const OLD_STYLE_VALUES = new Set([...'fbCTXNLKgVIFH']);

/** `tar xzf a.tar src` is `tar -x -z -f a.tar src`. */
export function tarArgs(args: readonly Arg[]): Arg[] {
  const first = args[0];
  if (!first || first.value.startsWith('-') || !/^[A-Za-z]+$/.test(first.value)) return [...args];
  const rest = args.slice(1);
  const out: Arg[] = [];
  let next = 0;
  for (const letter of first.value) {
    out.push({ ...first, value: `-${letter}` });
    if (OLD_STYLE_VALUES.has(letter) && rest[next]) out.push(rest[next++] as Arg);
  }
  return [...out, ...rest.slice(next)];
}

export function parseTar(args: readonly Arg[], program: string): Parsed | Denial {
  return parseOptions(TAR, tarArgs(args), program);
}

function judgeTar(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const archive = parsed.options.find(o => o.spec.sets === 'archive')?.value;
  if (archive && !parsed.options.some(o => o.name === '--force-local') && /^[^/]*:/.test(archive.value)) {
    return env.deny(
      'program-option-exec',
      `the archive "${archive.value}" names a remote host, which tar reaches by running rsh or ssh; use a local file`,
      archive.source
    );
  }
  const listed = judgeFilesFrom(parsed, env);
  if (listed) return listed;
  const directories = parsed.options.filter(o => o.spec.short === 'C' && o.value).map(o => o.value as Arg);
  const bases = baseDirectories(directories, env);
  if (parsed.sets.has('create') || parsed.sets.has('append') || parsed.sets.has('delete')) {
    if (archive && archive.value !== '-') {
      const found = env.arg(archive, 'write');
      if (found) return found;
    }
    const role = parsed.sets.has('remove') ? 'write-tree' : 'read';
    for (const operand of parsed.operands) {
      const found = env.arg(operand, role, bases);
      if (found) return found;
    }
    // tar -h archives what links point at.
    return parsed.sets.has('follow') ? followEach(parsed.operands, { ...env, cwds: bases }) : undefined;
  }
  if (archive && archive.value !== '-') {
    const found = env.arg(archive, 'read');
    if (found) return found;
  }
  if (!parsed.sets.has('extract') || parsed.sets.has('stdout')) return undefined;
  if (!archive || archive.value === '-' || archive.field.glob) {
    return env.deny(
      'archive-unlisted',
      'tar extraction needs a named archive file (-f FILE) so its members can be checked first',
      env.argv.join(' ')
    );
  }
  const strip = Number(parsed.options.find(o => o.name.startsWith('--strip'))?.value?.value ?? '0');
  let top = '';
  const topLevel = parsed.options.find(o => o.spec.sets === 'top-level');
  if (topLevel)
    top =
      topLevel.value?.value ??
      path.posix.basename(archive.value).replace(/\.(tar(\.\w+)?|tgz|tbz2?|txz)$/, '');
  return judgeMembers(archive, 'tar', env, bases, strip, top);
}

/**
 * GNU tar reads a line of a -T list that starts with "-" as an option (--checkpoint-action=exec=…
 * included) unless --verbatim-files-from is given, so the list is read and such lines refused.
 */
function judgeFilesFrom(parsed: Parsed, env: JudgeEnv): Denial | undefined {
  const verbatim = parsed.options.some(o => o.name.startsWith('--verbatim'));
  for (const option of parsed.options.filter(o => o.spec.sets === 'files-from')) {
    const list = option.value as Arg;
    if (list.value === '-') {
      if (!verbatim)
        return env.deny(
          'archive-unlisted',
          'tar -T - reads names (and options) from standard input, which cannot be checked; name a list file',
          list.source
        );
      continue;
    }
    for (const cwd of env.cwds) {
      const text = env.judge.readText(list.value, cwd);
      if (text === undefined)
        return env.deny(
          'archive-unlisted',
          `the tar name list "${list.value}" cannot be read now, so it cannot be checked`,
          list.source
        );
      const names = text
        .split(parsed.options.some(o => o.name === '--null') ? '\0' : '\n')
        .filter(line => line !== '');
      const option = verbatim ? undefined : names.find(line => line.startsWith('-'));
      if (option)
        return env.deny(
          'program-option-exec',
          `the tar name list "${list.value}" holds the option line "${option.slice(0, 60)}", which tar would obey`,
          list.source
        );
      for (const name of names) {
        const found = env.path(name, parsed.sets.has('extract') ? 'write-name' : 'read', list.source, [cwd]);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** Every directory the command's relative operands may be relative to: -C values, from every cwd. */
function baseDirectories(directories: readonly Arg[], env: JudgeEnv): string[] {
  if (directories.length === 0) return [...env.cwds];
  const out: string[] = [];
  for (const cwd of env.cwds) {
    for (const directory of directories) {
      const real = env.judge.real(directory.value, cwd);
      if (real) out.push(real);
    }
  }
  return out;
}

function judgeMembers(
  archive: Arg,
  format: 'tar' | 'zip',
  env: JudgeEnv,
  bases: readonly string[],
  strip: number,
  top: string
): Denial | undefined {
  for (const cwd of env.cwds) {
    const real = env.judge.real(archive.value, cwd);
    const data = real ? readArchive(real) : undefined;
    if (!data) {
      return env.deny(
        'archive-unlisted',
        `the archive "${archive.value}" cannot be read now, so what it would write cannot be checked`,
        archive.source
      );
    }
    const listing = format === 'tar' ? listTar(data) : listZip(data);
    if (!listing.ok)
      return env.deny(
        'archive-unlisted',
        `the archive "${archive.value}" cannot be listed: ${listing.why}`,
        archive.source
      );
    const denied = judgeEntries(listing.entries, env, bases, strip, top, archive.source);
    if (denied) return denied;
  }
  return undefined;
}

/** Each member is judged as a write at its landing path; links also by where they lead. */
export function judgeEntries(
  entries: readonly Entry[],
  env: JudgeEnv,
  bases: readonly string[],
  strip: number,
  top: string,
  offending: string
): Denial | undefined {
  for (const entry of entries) {
    const stripped = strip > 0 ? stripComponents(entry.name, strip) : entry.name;
    if (stripped === undefined) continue;
    const name = top ? `${top}/${stripped}` : stripped;
    const found = env.path(name, 'write-name', `${offending} (member ${entry.name})`, bases);
    if (found)
      return {
        ...found,
        rule: 'content-write',
        reason: `the archive member "${entry.name}" would be written: ${found.reason}`
      };
    if (entry.kind === 'symlink' || entry.kind === 'hardlink') {
      for (const base of bases) {
        const denied =
          entry.kind === 'symlink'
            ? env.linkTarget(entry.link ?? '', name, base, false, `${offending} (member ${entry.name})`)
            : env.path(entry.link ?? '', 'write', `${offending} (member ${entry.name})`, [base]);
        if (denied)
          return {
            ...denied,
            rule: 'archive-link',
            reason: `the archive member "${entry.name}" is a link: ${denied.reason}`
          };
      }
    }
  }
  return undefined;
}

export const UNZIP: Grammar = {
  names: ['unzip'],
  options: [
    ...opts(
      'h',
      'v',
      'l@list',
      't@list',
      'z@list',
      'Z@list',
      'p@stdout',
      'c@stdout',
      'f',
      'u',
      'n',
      'o',
      'j@junk',
      'q',
      'a',
      'b',
      'C',
      'K',
      'L',
      'M',
      'V',
      'X',
      'D',
      'd=base-dir',
      'x=pattern',
      'P=text'
    )
  ],
  judge: (parsed, env) => {
    const [archive, ...members] = parsed.operands;
    if (!archive) return undefined;
    const found = env.arg(archive, 'read');
    if (found) return found;
    if (parsed.sets.has('list') || parsed.sets.has('stdout')) return undefined;
    void members;
    const directory = parsed.options.find(o => o.spec.short === 'd')?.value;
    const bases = directory ? baseDirectories([directory], env) : [...env.cwds];
    if (archive.field.glob)
      return env.deny(
        'archive-unlisted',
        'unzip needs a named archive so its members can be checked first',
        archive.source
      );
    if (parsed.sets.has('junk')) {
      // -j drops directories: every member lands in the target directory under its base name.
      return judgeMembers(archive, 'zip', { ...env }, bases, 0, '');
    }
    return judgeMembers(archive, 'zip', env, bases, 0, '');
  }
};

export const PATCH: Grammar = {
  names: ['patch'],
  options: [
    ...HELP,
    ...opts(
      'b,backup',
      'backup-if-mismatch',
      'no-backup-if-mismatch',
      'B,prefix=text@backup-affix',
      'Y,basename-prefix=text@backup-affix',
      'z,suffix=text@backup-affix',
      'V,version-control=text',
      'c,context',
      'd,directory=base-dir',
      'D,ifdef=text',
      'dry-run@dry',
      'E,remove-empty-files',
      'e,ed',
      'f,force',
      'F,fuzz=number',
      'g,get=number',
      'i,input=read@input',
      'l,ignore-whitespace',
      'merge?text',
      'N,forward',
      'n,normal',
      'o,output=write@output',
      'p,strip=number@strip',
      'posix',
      'quoting-style=text',
      'R,reverse',
      'r,reject-file=write',
      's,quiet,silent',
      'T,set-time',
      't,batch',
      'u,unified',
      'v',
      'verbose',
      'x,debug=number',
      'Z,set-utc',
      'follow-symlinks',
      'read-only=text',
      'reject-format=text'
    )
  ],
  judge: (parsed, env) => {
    const affix = parsed.options.find(o => o.spec.sets === 'backup-affix')?.value?.value;
    if (affix !== undefined && /[/*]/.test(affix)) {
      return env.deny(
        'path-protected-write',
        `the backup prefix or suffix "${affix}" holds "/" or "*", so backups could land anywhere`,
        affix
      );
    }
    const [file, patchArg] = parsed.operands;
    const input = parsed.options.find(o => o.spec.sets === 'input')?.value ?? patchArg;
    if (parsed.sets.has('dry')) return input ? env.arg(input, 'read') : undefined;
    const source = input?.value ?? env.stdinPath;
    if (input) {
      const found = env.arg(input, 'read');
      if (found) return found;
    }
    if (file) {
      // An explicit file to patch: only it (or -o) is written.
      return env.arg(file, 'write');
    }
    if (parsed.sets.has('output')) return undefined;
    const directory = parsed.options.find(o => o.spec.short === 'd')?.value;
    const bases = directory ? baseDirectories([directory], env) : [...env.cwds];
    const strip = parsed.options.find(o => o.spec.sets === 'strip')?.value?.value;
    return judgePatchFile(
      source,
      env,
      bases,
      strip === undefined ? undefined : Number(strip),
      input?.source ?? 'patch'
    );
  }
};

/** Judges what a patch file would write; `strip` undefined means every strip level patch could pick. */
export function judgePatchFile(
  source: string | undefined,
  env: JudgeEnv,
  bases: readonly string[],
  strip: number | undefined,
  offending: string
): Denial | undefined {
  if (source === undefined) {
    return env.deny(
      'archive-unlisted',
      'the patch must come from a named file (-i FILE or < FILE) so what it changes can be checked first',
      offending
    );
  }
  for (const cwd of env.cwds) {
    const text = env.judge.readText(source, cwd, 50_000_000);
    if (text === undefined) {
      return env.deny(
        'archive-unlisted',
        `the patch "${source}" cannot be read now, so what it changes cannot be checked`,
        offending
      );
    }
    const targets = patchTargets(text);
    if (targets.symlink)
      return env.deny('archive-link', `the patch "${source}" creates or changes a symbolic link`, offending);
    const candidates = new Set(targets.plainNames);
    for (const name of targets.names) {
      const depth = name.split('/').length;
      const levels = strip === undefined ? Array.from({ length: depth }, (_, k) => k) : [strip];
      for (const level of levels) {
        const stripped = stripComponents(name, level);
        if (stripped !== undefined) candidates.add(stripped);
      }
    }
    for (const name of candidates) {
      const found = env.path(name, 'write-name', offending, bases);
      if (found)
        return { ...found, rule: 'content-write', reason: `the patch changes "${name}": ${found.reason}` };
    }
  }
  return undefined;
}

export const ARCHIVES: readonly Grammar[] = [TAR, UNZIP, PATCH];
