import fs from 'node:fs';
import path from 'node:path';
import type { PolicyContext } from './types.js';

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

/** One segment of a path as the shell sees it: a literal name, or a glob that matches a single name. */
export type PathSegment =
  { kind: 'literal'; text: string } | { kind: 'glob'; regex: RegExp; startsWithDot: boolean };

export type PathVerdict = { ok: true } | { ok: false; reason: string };

const OK: PathVerdict = { ok: true };

/** Why a path would be refused, or OK. `write` paths may not be protected ancestors' contents either. */
export interface PathCheck {
  /** Directories the command may be running in (the workspace, plus `cd` targets seen earlier). */
  bases: readonly string[];
  ctx: PolicyContext;
}

/**
 * Checks a word that may be a path. Reads and writes get the same rules: a command argument can be
 * either (`cp a b`, `tee x`), so the workspace boundary and the protected files apply to both.
 */
export function checkPathWord(segments: PathSegment[], raw: string, check: PathCheck): PathVerdict {
  const absolute =
    segments.length > 0 && segments[0]?.kind === 'literal' && segments[0].text === '' && raw.startsWith('/');
  if (absolute) return checkAbsolute(segments, raw, check);
  for (const base of check.bases) {
    const verdict = checkFrom(base, segments, raw, check.ctx);
    if (!verdict.ok) return verdict;
  }
  return OK;
}

function checkAbsolute(segments: PathSegment[], raw: string, check: PathCheck): PathVerdict {
  const { workspace } = check.ctx;
  const literal = literalPrefix(segments);
  const normalized = path.posix.normalize(literal.join('/') || '/');
  if (normalized === '/dev/null' && literal.length === segments.length) return OK;
  if (normalized === '/proc' || normalized.startsWith('/proc/')) {
    return {
      ok: false,
      reason: `"${raw}" is under /proc, which exposes process secrets and is never allowed`
    };
  }
  if (normalized === '/dev' || normalized.startsWith('/dev/')) {
    return { ok: false, reason: `"${raw}" is a device path; only /dev/null is allowed` };
  }
  if (isInside(normalized, workspace)) {
    const relative = path.posix.relative(workspace, normalized);
    return checkFrom(workspace, relativeSegments(relative, segments.slice(literal.length)), raw, check.ctx);
  }
  // A word like "/api/users" (a grep pattern, a URL route) names nothing that exists: its first
  // directory is absent from "/", and commands never run as root, so they cannot create it either.
  const first = normalized.split('/')[1] ?? '';
  if (first !== '' && first !== '..' && literal.length >= 2 && !fs.existsSync(`/${first}`)) return OK;
  return {
    ok: false,
    reason: `"${raw}" is an absolute path outside the workspace; use a path relative to the workspace root`
  };
}

function relativeSegments(relative: string, rest: PathSegment[]): PathSegment[] {
  const head: PathSegment[] =
    relative === '' ? [] : relative.split('/').map(text => ({ kind: 'literal', text }) as PathSegment);
  return [...head, ...rest];
}

function literalPrefix(segments: PathSegment[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'literal') break;
    out.push(segment.text);
  }
  return out;
}

function checkFrom(base: string, segments: PathSegment[], raw: string, ctx: PolicyContext): PathVerdict {
  const { workspace } = ctx;
  const literal = literalPrefix(segments);
  for (const segment of segments.slice(literal.length)) {
    if (segment.kind === 'literal' && segment.text === '..') {
      return {
        ok: false,
        reason: `"${raw}" has ".." after a pattern and may leave the workspace; write the path without ".."`
      };
    }
    if (segment.kind === 'glob' && segment.startsWithDot) {
      return {
        ok: false,
        reason: `"${raw}" has a pattern starting with "." that can match ".." or hidden directories; name the files explicitly`
      };
    }
  }
  const joined = path.resolve(base, literal.join('/') || '.');
  if (!isInside(joined, workspace)) {
    return { ok: false, reason: `"${raw}" leaves the workspace; use paths inside the workspace root` };
  }
  const real = resolveUnderWorkspace(joined, workspace);
  if (!isInside(real, workspace)) {
    return { ok: false, reason: `"${raw}" goes through a symbolic link that leads outside the workspace` };
  }
  const lexicalRel = path.relative(workspace, joined);
  const globRest = segments.slice(literal.length);
  for (const rel of real === joined ? [lexicalRel] : [lexicalRel, path.relative(workspace, real)]) {
    const relSegments = relativeSegments(rel, globRest);
    const hit = protectedMatch(relSegments, ctx.protectedPaths);
    if (hit) {
      return {
        ok: false,
        reason: `"${raw}" touches the protected path "${hit}", which commands may not change`
      };
    }
  }
  return OK;
}

export function isInside(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/**
 * The real location of a path that lies lexically inside the (already real) workspace. Walks down
 * with lstat and only resolves links when it meets one, so the common case costs a stat or two.
 */
function resolveUnderWorkspace(joined: string, workspace: string): string {
  if (joined === workspace) return joined;
  let current = workspace;
  for (const name of joined.slice(workspace.length + (workspace.endsWith('/') ? 0 : 1)).split('/')) {
    current = current === '/' ? `/${name}` : `${current}/${name}`;
    const stat = probe(current);
    if (stat === 'unknown') return UNRESOLVABLE;
    if (!stat) return joined;
    if (stat.isSymbolicLink()) return realpathOfLongestExisting(joined);
  }
  return joined;
}

/**
 * lstat without exceptions for the usual misses: a name that is too long or sits under a file
 * cannot exist. Anything else (permissions) leaves the path unknown, which callers refuse.
 */
function probe(target: string): fs.Stats | undefined | 'unknown' {
  try {
    return fs.lstatSync(target, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENAMETOOLONG' || code === 'ENOTDIR' || code === 'ENOENT' ? undefined : 'unknown';
  }
}

/** Where an unresolvable chain of links points: outside every workspace, so it is refused. */
const UNRESOLVABLE = '/\0unresolvable-symlink';

/**
 * Resolves symlinks in the part of the path that exists; the rest is appended as written.
 * Existence is probed with lstat (no exceptions: this runs for every argument of every command).
 * A dangling link is followed to where it points, since writing through it creates that file.
 */
export function realpathOfLongestExisting(absolute: string, depth = 0): string {
  if (depth > 40) return UNRESOLVABLE;
  let current = absolute;
  const rest: string[] = [];
  let stat = probe(current);
  while (!stat || stat === 'unknown') {
    if (stat === 'unknown') return UNRESOLVABLE;
    const parent = path.dirname(current);
    if (parent === current) return absolute;
    rest.unshift(path.basename(current));
    current = parent;
    stat = probe(current);
  }
  try {
    const real = fs.realpathSync.native(current);
    return rest.length === 0 ? real : path.join(real, ...rest);
  } catch {
    if (!stat.isSymbolicLink()) return UNRESOLVABLE;
    try {
      const target = path.resolve(path.dirname(current), fs.readlinkSync(current));
      return realpathOfLongestExisting(path.join(target, ...rest), depth + 1);
    } catch {
      return UNRESOLVABLE;
    }
  }
}

/**
 * Whether a workspace-relative path (possibly with glob segments) can name a protected file or
 * something inside a protected directory. Returns the protected pattern it hits.
 */
export function protectedMatch(
  segments: PathSegment[],
  protectedPaths: readonly string[]
): string | undefined {
  const cleaned = segments.filter(s => !(s.kind === 'literal' && (s.text === '' || s.text === '.')));
  for (const pattern of protectedPaths) {
    const root = protectedRoot(pattern);
    if (root.length === 0) return pattern;
    if (cleaned.length < root.length) continue;
    if (root.every((name, index) => segmentMatches(cleaned[index], name))) return pattern;
  }
  return undefined;
}

/** Whether a path is a protected path or an ancestor directory of one (the workspace root included). */
export function containsProtected(relative: string, protectedPaths: readonly string[]): string | undefined {
  const parts = relative.split('/').filter(p => p !== '' && p !== '.');
  for (const pattern of protectedPaths) {
    const root = protectedRoot(pattern);
    if (parts.length <= root.length && parts.every((name, index) => root[index] === name)) return pattern;
  }
  return undefined;
}

/** ".git/**" protects ".git" and everything under it; a plain path protects itself. */
const rootCache = new Map<string, string[]>();
function protectedRoot(pattern: string): string[] {
  let root = rootCache.get(pattern);
  if (!root) {
    root = pattern
      .replace(/\/\*\*$/, '')
      .split('/')
      .filter(p => p !== '' && p !== '.');
    rootCache.set(pattern, root);
  }
  return root;
}

function segmentMatches(segment: PathSegment | undefined, name: string): boolean {
  if (!segment) return false;
  if (segment.kind === 'literal') return segment.text === name;
  if (name.startsWith('.') && !segment.startsWithDot) return false;
  return segment.regex.test(name);
}
