import type { GitCommandManager } from './git-command.js';
import { ALWAYS_PROTECTED } from '../policy/paths.js';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface FileChange {
  path: string;
  status: ChangeStatus;
  /** The old path of a rename (both sides are staged). */
  from?: string;
}

export interface WorkspaceChanges {
  /** Changes that may be committed. */
  files: FileChange[];
  /** Changed paths that are never committed (workflows, the policy, .git, nested repositories). */
  protectedSkipped: string[];
}

export interface DiffStats {
  files: number;
  additions: number;
  deletions: number;
}

/**
 * The agent's changes against HEAD, tracked and untracked, from `git status --porcelain=v1 -z`.
 * Submodule pointer changes are ignored (never committed), and so are ignored files.
 */
export async function workspaceChanges(
  git: GitCommandManager,
  protectedPaths: string[]
): Promise<WorkspaceChanges> {
  const { stdout } = await git.exec([
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--ignore-submodules=all'
  ]);
  const isProtected = protectedMatcher(protectedPaths);
  const files: FileChange[] = [];
  const skipped = new Set<string>();
  const fields = stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (field.length < 4) continue;
    const xy = field.slice(0, 2);
    const path = field.slice(3);
    const from = xy[0] === 'R' || xy[0] === 'C' ? fields[++i] : undefined;
    const touched = from === undefined ? [path] : [path, from];
    // An untracked nested repository shows as "dir/": adding it would commit a gitlink.
    if (touched.some(p => isProtected(p)) || path.endsWith('/')) {
      touched.forEach(p => skipped.add(p));
      continue;
    }
    files.push(
      from !== undefined && xy[0] === 'R' ? { path, status: 'renamed', from } : { path, status: statusOf(xy) }
    );
  }
  return { files, protectedSkipped: [...skipped].sort() };
}

function statusOf(xy: string): ChangeStatus {
  if (xy === '??' || xy[0] === 'A' || xy[0] === 'C') return 'added';
  if (xy.includes('D')) return 'deleted';
  return 'modified';
}

/**
 * Matches workspace-relative paths against protected globs (`*` within a segment, `**` across
 * segments, a plain path also covers what is under it), case-insensitively so `.GitHub/Workflows`
 * on a case-insensitive checkout is caught too. A path that replaces a protected directory's
 * ancestor (a file or symlink named `.github`) is protected as well, as is any path with a `.git`
 * segment.
 */
export function protectedMatcher(protectedPaths: string[]): (path: string) => boolean {
  const patterns = [...ALWAYS_PROTECTED, ...protectedPaths].map(p =>
    p.replace(/^\.?\/+/, '').replace(/\/+$/, '')
  );
  const regexes = patterns.map(globToRegExp);
  const literalPrefixes = patterns.map(p => {
    const parts = p.split('/');
    const firstGlob = parts.findIndex(part => /[*?[]/.test(part));
    return parts
      .slice(0, firstGlob === -1 ? parts.length : firstGlob)
      .join('/')
      .toLowerCase();
  });
  return (rawPath: string) => {
    const path = rawPath.replace(/\/+$/, '');
    const lower = path.toLowerCase();
    const segments = lower.split('/');
    if (segments.includes('.git')) return true;
    if (regexes.some(r => r.test(path))) return true;
    // Ancestors of a protected path, up to where its glob-free prefix stops.
    return literalPrefixes.some(prefix => prefix.startsWith(`${lower}/`));
  };
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      // "dir/**" also matches "dir" itself; "**/" matches zero or more directories.
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source = source.endsWith('/') ? `${source.slice(0, -1)}(?:/.*)?` : `${source}.*`;
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A plain path protects everything beneath it too (a directory named in the list).
  return new RegExp(`^${source}(?:/.*)?$`, 'i');
}

/** Files, added and deleted lines between two commits (binary files count as files only). */
export async function diffStats(git: GitCommandManager, from: string, to: string): Promise<DiffStats> {
  // Counting lines needs no program: no textconv driver, no external diff.
  const { stdout } = await git.exec([
    'diff',
    '--numstat',
    '-z',
    '--no-renames',
    '--no-textconv',
    '--no-ext-diff',
    from,
    to,
    '--'
  ]);
  const stats: DiffStats = { files: 0, additions: 0, deletions: 0 };
  for (const record of stdout.split('\0')) {
    const match = /^(\d+|-)\t(\d+|-)\t/.exec(record);
    if (!match) continue;
    stats.files += 1;
    if (match[1] !== '-') stats.additions += Number(match[1]);
    if (match[2] !== '-') stats.deletions += Number(match[2]);
  }
  return stats;
}
