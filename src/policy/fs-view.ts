import fs from 'node:fs';
import path from 'node:path';

/** What lstat says about one name, with the misses a path walk expects folded into "missing". */
export type Kind = 'dir' | 'file' | 'link' | 'missing' | 'unknown';

export type Resolved =
  { ok: true; path: string; missing: boolean } | { ok: false; why: 'loop' | 'unknown'; at: string };

/** The kernel gives up after 40 links in one lookup (ELOOP). */
const MAX_LINKS = 40;

/**
 * The filesystem as a command will see it: the real one, plus the symlinks and directories that
 * earlier commands of the same script create (`ln -s . a && cat a/../x`). Paths are resolved
 * component by component as open(2) does, so `link/..` is the parent of the link's target, and
 * components after the first missing one are taken lexically (they will be created as written).
 */
export class FsView {
  private readonly kinds = new Map<string, Kind>();
  private readonly links = new Map<string, string>();
  /** Symlinks and directories the script creates before a later command runs. */
  private readonly createdLinks = new Map<string, string>();
  private readonly createdDirs = new Set<string>();
  /** Names a command of the script may or may not have replaced (ln over an existing name): unknowable. */
  private readonly uncertain = new Set<string>();

  kind(absolute: string): Kind {
    if (this.uncertain.has(absolute)) return 'unknown';
    const created = this.createdLinks.has(absolute)
      ? 'link'
      : this.createdDirs.has(absolute)
        ? 'dir'
        : undefined;
    if (created) return created;
    let kind = this.kinds.get(absolute);
    if (kind) return kind;
    kind = lstatKind(absolute);
    this.kinds.set(absolute, kind);
    return kind;
  }

  readlink(absolute: string): string | undefined {
    const created = this.createdLinks.get(absolute);
    if (created !== undefined) return created;
    let target = this.links.get(absolute);
    if (target === undefined) {
      try {
        target = fs.readlinkSync(absolute);
      } catch {
        return undefined;
      }
      this.links.set(absolute, target);
    }
    return target;
  }

  /** Names in a real directory plus the ones the script created there; undefined when unreadable. */
  list(directory: string): string[] | undefined {
    let names: string[] = [];
    try {
      names = fs.readdirSync(directory);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
    }
    for (const created of [...this.createdLinks.keys(), ...this.createdDirs]) {
      if (path.dirname(created) === directory) names.push(path.basename(created));
    }
    return [...new Set(names)];
  }

  /**
   * A link the script creates. Over a name that already exists the command may fail or replace
   * it, so later commands can rely on neither: paths through that name become unresolvable.
   */
  addLink(absolute: string, target: string): void {
    if (this.kind(absolute) !== 'missing') this.uncertain.add(absolute);
    else this.createdLinks.set(absolute, target);
  }

  addDirectory(absolute: string): void {
    if (this.kind(absolute) === 'missing') this.createdDirs.add(absolute);
  }

  /**
   * Resolves `input` from the real directory `cwd`. `followLast` is false for operations on the
   * name itself (rm, ln's link name, lstat); writes and reads through a link follow it.
   */
  resolve(cwd: string, input: string, followLast = true): Resolved {
    const todo = components(input);
    let current = input.startsWith('/') ? '/' : cwd;
    let missing = false;
    let hops = 0;
    while (todo.length > 0) {
      const name = todo.shift() as string;
      if (name === '..') {
        current = path.posix.dirname(current);
        continue;
      }
      const next = current === '/' ? `/${name}` : `${current}/${name}`;
      if (missing) {
        current = next;
        continue;
      }
      const kind = this.kind(next);
      if (kind === 'unknown') return { ok: false, why: 'unknown', at: next };
      if (kind === 'missing') {
        missing = true;
        current = next;
        continue;
      }
      if (kind === 'link' && (todo.length > 0 || followLast)) {
        if (++hops > MAX_LINKS) return { ok: false, why: 'loop', at: next };
        const target = this.readlink(next);
        if (target === undefined) return { ok: false, why: 'unknown', at: next };
        todo.unshift(...components(target));
        if (target.startsWith('/')) current = '/';
        continue;
      }
      current = next;
    }
    return { ok: true, path: current, missing };
  }
}

function components(input: string): string[] {
  return input.split('/').filter(part => part !== '' && part !== '.');
}

/**
 * lstat without exceptions for the usual misses: a missing name, a name under a file, a name that
 * is too long cannot be opened. Anything else (permissions) leaves the path unknown.
 */
function lstatKind(target: string): Kind {
  try {
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (!stat) return 'missing';
    if (stat.isSymbolicLink()) return 'link';
    return stat.isDirectory() ? 'dir' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENAMETOOLONG' || code === 'ENOTDIR' || code === 'ENOENT' ? 'missing' : 'unknown';
  }
}
