import fs from 'node:fs';
import path from 'node:path';
import { FsView } from './fs-view.js';
import { denial, type Denial } from './rules.js';
import type { PolicyContext } from './types.js';
import type { Field, PathSegment } from './words.js';

/** Protected whatever the configuration says: repository history and CI definitions. */
export const ALWAYS_PROTECTED: readonly string[] = ['.git/**', '.github/workflows/**'];

/** The protected set for a repository whose policy and config live at the given paths. */
export function protectedPathsFor(policyPath: string, configPath: string): string[] {
  const extra = [policyPath, configPath].map(p => path.posix.normalize(p.replace(/^\.?\/+/, '')));
  return [...new Set([...ALWAYS_PROTECTED, ...extra])];
}

/**
 * Files no tool or command may write with the default settings: repository history, CI definitions,
 * and Kubrick's own policy and config. The one list every layer (tools, policy, git) starts from.
 */
export const DEFAULT_PROTECTED_PATHS: readonly string[] = protectedPathsFor(
  '.github/kubrick-policy.yml',
  '.github/kubrick.yml'
);

/**
 * How a command uses a path. `write-name` acts on the name itself (rm, mv's source, a link's
 * name: a final symlink is not followed); `write-tree` also acts on everything below it (rm -r,
 * mv of a directory, chmod -R), so it may not hold protected paths or be the workspace root.
 */
export type Access = 'read' | 'write' | 'write-name' | 'write-tree';

/** Outside the workspace, these may be read: devices that hold no data. */
const READABLE_OUTSIDE = new Set(['/dev/null', '/dev/zero', '/dev/urandom', '/dev/random', '/dev/stdin']);
/** Outside the workspace, these may be written. */
const WRITABLE_OUTSIDE = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);
/** A glob is expanded against the disk to judge each match; more matches than this are refused. */
const MAX_GLOB_MATCHES = 2000;
/** A recursive read that follows links walks at most this many entries looking for links out. */
const MAX_TREE_WALK = 50_000;

export function isInside(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** ".git/**" protects ".git" and everything under it; a plain path protects itself. */
const rootCache = new Map<string, string[]>();
export function protectedRoot(pattern: string): string[] {
  let root = rootCache.get(pattern);
  if (!root) {
    root = pattern
      .replace(/\/\*\*$/, '')
      .split('/')
      .filter(p => p !== '' && p !== '.')
      .map(p => p.toLowerCase());
    rootCache.set(pattern, root);
  }
  return root;
}

/**
 * The protected pattern a workspace-relative path falls under. Names compare case-insensitively
 * (macOS runners), and a `.git` component anywhere counts: a nested repository's config and hooks
 * run code as surely as the top-level ones.
 */
export function protectedHit(relative: string, protectedPaths: readonly string[]): string | undefined {
  const parts = relative
    .split('/')
    .filter(p => p !== '' && p !== '.')
    .map(p => p.toLowerCase());
  if (parts.includes('.git')) return '.git/**';
  for (const pattern of protectedPaths) {
    const root = protectedRoot(pattern);
    if (root.length <= parts.length && root.every((name, index) => parts[index] === name)) return pattern;
  }
  return undefined;
}

/** Whether a path is a protected path's ancestor directory (the workspace root included). */
export function containsProtected(relative: string, protectedPaths: readonly string[]): string | undefined {
  const parts = relative
    .split('/')
    .filter(p => p !== '' && p !== '.')
    .map(p => p.toLowerCase());
  for (const pattern of protectedPaths) {
    const root = protectedRoot(pattern);
    if (parts.length <= root.length && parts.every((name, index) => root[index] === name)) return pattern;
  }
  return undefined;
}

/** The part of a path that exists, with symlinks resolved, and the rest appended as written. */
export function realpathOfLongestExisting(absolute: string): string {
  const resolved = new FsView().resolve('/', absolute);
  return resolved.ok ? resolved.path : absolute;
}

/**
 * Judges paths for one decision: resolves them against the disk as the kernel will, with the
 * links and directories the script creates on the way, and applies the workspace boundary and the
 * protected paths.
 */
export class PathJudge {
  readonly fs = new FsView();
  readonly workspace: string;
  readonly protectedPaths: readonly string[];
  /** A write earlier in the script created a name starting with "-", which a later glob could expand to. */
  createdDashName = false;
  /**
   * An earlier command of the script rewrote the working tree from git's objects (checkout, reset,
   * stash, merge, …), which can turn any name into a symlink: paths after it cannot be judged.
   */
  opaqueAfter: string | undefined;

  constructor(private readonly ctx: PolicyContext) {
    this.workspace = ctx.workspace;
    this.protectedPaths = ctx.protectedPaths;
  }

  relative(absolute: string): string {
    return path.relative(this.workspace, absolute);
  }

  /** Judges a literal path string from every directory the command may run in. */
  path(raw: string, access: Access, cwds: readonly string[], offending = raw): Denial | undefined {
    if (raw === '') return undefined;
    if (this.opaqueAfter !== undefined) return this.opaque(raw, offending);
    if (access !== 'read' && path.posix.basename(raw).startsWith('-')) this.createdDashName = true;
    if (raw.startsWith('/')) {
      const lexical = path.posix.normalize(raw);
      if (access === 'read' && READABLE_OUTSIDE.has(lexical)) return undefined;
      if (access !== 'read' && WRITABLE_OUTSIDE.has(lexical)) return undefined;
    }
    for (const cwd of raw.startsWith('/') ? [this.workspace] : cwds) {
      const found = this.judgeFrom(cwd, raw, access, offending);
      if (found) return found;
    }
    return undefined;
  }

  private judgeFrom(cwd: string, raw: string, access: Access, offending: string): Denial | undefined {
    // A trailing slash makes the kernel follow a final link even for rm and mv.
    const followLast = access === 'read' || access === 'write' || /\/\.?$/.test(raw);
    const named = this.fs.resolve(cwd, raw, followLast);
    if (!named.ok) {
      return denial(
        'path-unresolvable',
        `"${raw}" goes through symbolic links that cannot be resolved (${named.why === 'loop' ? 'a loop' : 'an unreadable directory'} at ${this.display(named.at)})`,
        offending
      );
    }
    const outside = this.outside(named.path, raw, access, offending);
    if (outside !== 'inside') return outside;
    if (access === 'read') return undefined;
    const targets = [named.path];
    if (!followLast) {
      const followed = this.fs.resolve(cwd, raw, true);
      // Writing through a link into a protected file is refused; a link leading out is only renamed or removed.
      if (followed.ok && isInside(followed.path, this.workspace) && access === 'write-name')
        targets.push(followed.path);
    }
    for (const target of targets) {
      const relative = this.relative(target);
      if (access === 'write-tree' || access === 'write-name') {
        if (relative === '') {
          return denial(
            'workspace-root',
            `"${raw}" is the workspace root, which commands may not remove, move or change as a whole`,
            offending
          );
        }
      }
      const hit = protectedHit(relative, this.ctx.protectedPaths);
      if (hit) {
        return denial(
          'path-protected-write',
          `"${raw}" resolves to ${relative === '' ? 'the workspace root' : `"${relative}"`}, under the protected path "${hit}", which commands may read but not change`,
          offending
        );
      }
      if (access === 'write-tree') {
        const holder = containsProtected(relative, this.ctx.protectedPaths);
        if (holder) {
          return denial(
            'path-protected-write',
            `"${raw}" holds the protected path "${holder}", so removing, moving or changing it as a whole is not allowed`,
            offending
          );
        }
      }
    }
    return undefined;
  }

  private opaque(raw: string, offending: string): Denial {
    return denial(
      'path-unresolvable',
      `"${raw}" comes after \`${this.opaqueAfter ?? 'git'}\` in the same script, which can replace any file with a symbolic link; run it as its own command first`,
      offending
    );
  }

  /** 'inside', or the denial for a resolved path outside the workspace. */
  private outside(
    resolved: string,
    raw: string,
    access: Access,
    offending: string
  ): Denial | undefined | 'inside' {
    if (
      resolved === '/proc' ||
      resolved.startsWith('/proc/') ||
      /^\/proc(\/|$)/.test(path.posix.normalize(raw))
    ) {
      return denial(
        'path-proc',
        `"${raw}" is under /proc, which exposes process secrets and is never allowed`,
        offending
      );
    }
    if (isInside(resolved, this.workspace)) return 'inside';
    if (access === 'read' && READABLE_OUTSIDE.has(resolved)) return undefined;
    if (access !== 'read' && WRITABLE_OUTSIDE.has(resolved)) return undefined;
    if (resolved === '/dev' || resolved.startsWith('/dev/')) {
      return denial('path-device', `"${raw}" is a device path; only /dev/null is allowed`, offending);
    }
    const how =
      raw.startsWith('/') && resolved === path.posix.normalize(raw)
        ? ''
        : ` (it resolves to ${resolved}, following symbolic links as the kernel does)`;
    return denial(
      'path-outside',
      `"${raw}" leaves the workspace${how}; use paths inside the workspace root`,
      offending
    );
  }

  private display(absolute: string): string {
    return isInside(absolute, this.workspace) ? this.relative(absolute) || '.' : absolute;
  }

  /** Judges one shell field: a literal path, or a glob against what it matches now and what it could match. */
  field(field: Field, access: Access, cwds: readonly string[], offending: string): Denial | undefined {
    if (!field.glob) return this.path(field.value, access, cwds, offending);
    if (this.opaqueAfter !== undefined) return this.opaque(field.value, offending);
    const segments = field.segments;
    let sawGlob = false;
    for (const segment of segments) {
      if (segment.kind === 'glob') {
        sawGlob = true;
        if (segment.leadingDot && (segment.regex.test('..') || segment.regex.test('.'))) {
          return denial(
            'glob-dotdot',
            `the pattern "${field.value}" can match "." or ".."; name the files explicitly`,
            offending
          );
        }
      } else if (sawGlob && segment.text === '..') {
        return denial(
          'glob-dotdot',
          `"${field.value}" has ".." after a pattern and may leave the workspace; write the path without ".."`,
          offending
        );
      }
    }
    const firstGlob = segments.findIndex(s => s.kind === 'glob');
    const prefix = segments
      .slice(0, firstGlob)
      .map(s => (s.kind === 'literal' ? s.text : ''))
      .join('/');
    const rest = segments.slice(firstGlob);
    const absolute = field.value.startsWith('/');
    for (const cwd of absolute ? ['/'] : cwds) {
      const base = this.fs.resolve(cwd, absolute ? prefix || '/' : prefix || '.', true);
      if (!base.ok) return this.path(prefix, access, [cwd], offending);
      if (access !== 'read') {
        const hit = this.patternHitsProtected(base.path, rest);
        if (hit) {
          return denial(
            'glob-protected-write',
            `the pattern "${field.value}" could match the protected path "${hit}" (directly or through a link), which commands may not change`,
            offending
          );
        }
      }
      const matches = this.expand(base.path, rest);
      if (matches === 'too-many') {
        return denial(
          'content-too-large',
          `the pattern "${field.value}" matches more than ${MAX_GLOB_MATCHES} paths; narrow it`,
          offending
        );
      }
      const candidates =
        matches.length > 0 ? matches : [path.posix.join(base.path, field.value.slice(prefix.length))];
      if (matches.length === 0) {
        // Nothing matches: bash passes the pattern on as written. It must still be a fine path.
        const outside = this.outside(base.path, field.value, access, offending);
        if (outside !== 'inside' && outside !== undefined) return outside;
        continue;
      }
      for (const match of candidates) {
        const found = this.path(match, access, [cwd], offending);
        if (found) {
          return {
            ...found,
            reason: `the pattern "${field.value}" matches "${this.display(match)}": ${found.reason}`
          };
        }
      }
    }
    return undefined;
  }

  /**
   * Whether a pattern rooted at `base` could name a protected path: from the workspace root, or at
   * any depth after a glob segment (which could match a link back to the root, such as `self -> .`).
   */
  private patternHitsProtected(base: string, rest: PathSegment[]): string | undefined {
    const head: PathSegment[] = isInside(base, this.workspace)
      ? this.relative(base)
          .split('/')
          .filter(p => p !== '')
          .map(text => ({ kind: 'literal', text }))
      : [];
    const segments = [...head, ...rest].filter(
      s => !(s.kind === 'literal' && (s.text === '' || s.text === '.'))
    );
    for (let k = 0; k < segments.length; k++) {
      if (segmentMatches(segments[k], '.git')) return '.git/**';
      const afterGlob = segments.slice(0, k).some(s => s.kind === 'glob');
      if (k > 0 && !afterGlob) continue;
      for (const pattern of this.ctx.protectedPaths) {
        const root = protectedRoot(pattern);
        if (root.length > 0 && root.every((name, index) => segmentMatches(segments[k + index], name)))
          return pattern;
      }
    }
    return undefined;
  }

  /** What bash would expand a glob field to now, from `cwd`: existing paths only, as the words it passes. */
  globMatches(field: Field, cwd: string): string[] {
    const segments = field.segments;
    const firstGlob = segments.findIndex(s => s.kind === 'glob');
    if (firstGlob < 0) return [];
    const prefix = segments
      .slice(0, firstGlob)
      .map(s => (s.kind === 'literal' ? s.text : ''))
      .join('/');
    const absolute = field.value.startsWith('/');
    const base = this.fs.resolve(cwd, absolute ? prefix || '/' : prefix || '.', true);
    if (!base.ok) return [];
    const found = this.expand(base.path, segments.slice(firstGlob));
    if (found === 'too-many') return [];
    const trailingSlash =
      segments[segments.length - 1]?.kind === 'literal' &&
      segments.length > 1 &&
      (segments[segments.length - 1] as { text: string }).text === '';
    return found
      .filter(match => {
        const resolved = this.fs.resolve('/', match, true);
        return resolved.ok && !resolved.missing && (!trailingSlash || this.fs.kind(resolved.path) === 'dir');
      })
      .map(match => (absolute ? match : path.relative(base.path, match)))
      .map(match => (prefix === '' || absolute ? match : `${prefix}/${match}`));
  }

  /** Every path the glob segments match under `base` now (including links the script created). */
  private expand(base: string, rest: PathSegment[]): string[] | 'too-many' {
    let current = [base];
    for (const segment of rest) {
      const next: string[] = [];
      for (const directory of current) {
        if (segment.kind === 'literal') {
          next.push(segment.text === '' ? directory : path.posix.join(directory, segment.text));
          continue;
        }
        const real = this.fs.resolve('/', directory, true);
        const names = real.ok ? (this.fs.list(real.path) ?? []) : [];
        for (const name of names) {
          if (name.startsWith('.') && !segment.leadingDot) continue;
          if (segment.regex.test(name)) next.push(path.posix.join(directory, name));
        }
        if (next.length > MAX_GLOB_MATCHES) return 'too-many';
      }
      current = next;
    }
    return current;
  }

  /**
   * For programs that follow symbolic links while they recurse (grep -R, rg -L, find -L, diff -r,
   * du -L, cp -rL, tar -h): every link under the tree must lead inside the workspace, or the
   * program reads outside through it. Links that stay inside are not descended (their targets are
   * walked where they are).
   */
  treeLinksOut(raw: string, cwds: readonly string[], offending: string): Denial | undefined {
    for (const cwd of cwds) {
      const root = this.real(raw, cwd);
      if (!root || !isInside(root, this.workspace)) continue;
      const queue = [root];
      let count = 0;
      while (queue.length > 0) {
        const directory = queue.shift() as string;
        let entries: fs.Dirent[];
        try {
          entries = fs.readdirSync(directory, { withFileTypes: true });
        } catch {
          continue;
        }
        for (const entry of entries) {
          if (++count > MAX_TREE_WALK) {
            return denial(
              'content-too-large',
              `"${raw}" holds more than ${MAX_TREE_WALK} entries to check for links leading out; use the form that does not follow links (grep -r, find without -L) or name a smaller directory`,
              offending
            );
          }
          const child = `${directory}/${entry.name}`;
          if (entry.isDirectory()) queue.push(child);
          else if (entry.isSymbolicLink()) {
            const target = this.fs.resolve('/', child, true);
            if (!target.ok)
              return denial(
                'path-unresolvable',
                `"${this.display(child)}" is a link that cannot be resolved`,
                offending
              );
            if (!isInside(target.path, this.workspace) && !READABLE_OUTSIDE.has(target.path)) {
              return denial(
                'path-outside',
                `following links under "${raw}" reaches "${this.display(child)}", which leads to ${target.path}, outside the workspace`,
                offending
              );
            }
          }
        }
      }
    }
    return undefined;
  }

  /** Whether a path exists now (or was created by the script). */
  exists(raw: string, cwd: string): boolean {
    const resolved = this.fs.resolve(cwd, raw, true);
    return resolved.ok && !resolved.missing;
  }

  isDirectory(raw: string, cwd: string): boolean {
    const resolved = this.fs.resolve(cwd, raw, true);
    return resolved.ok && !resolved.missing && this.fs.kind(resolved.path) === 'dir';
  }

  /** The real absolute path, or undefined when it cannot be resolved. */
  real(raw: string, cwd: string, followLast = true): string | undefined {
    const resolved = this.fs.resolve(cwd, raw, followLast);
    return resolved.ok ? resolved.path : undefined;
  }

  /** Reads a small workspace file (a sed or awk script, a patch) or undefined. */
  readText(raw: string, cwd: string, limit = 1_000_000): string | undefined {
    const real = this.real(raw, cwd);
    if (!real || !isInside(real, this.workspace)) return undefined;
    try {
      const stat = fs.statSync(real);
      if (!stat.isFile() || stat.size > limit) return undefined;
      return fs.readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  }
}

function segmentMatches(segment: PathSegment | undefined, name: string): boolean {
  if (!segment) return false;
  if (segment.kind === 'literal') return segment.text.toLowerCase() === name;
  if (name.startsWith('.') && !segment.leadingDot) return false;
  return segment.regex.test(name) || new RegExp(segment.regex.source, 'is').test(name);
}
