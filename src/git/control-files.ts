/**
 * The files in a repository's git directory that make git run programs or read settings: its
 * config (and every file that config includes), `config.worktree`, `commondir`, `info/`
 * (attributes, grafts, excludes), `hooks/`, object alternates, and the same inside submodules'
 * git directories. Kubrick fingerprints them before the agent runs and refuses to run git again
 * when any of them changed: only a command run without the sandbox (or an escape from it) can
 * change them, and git would then run what they name, next to the token.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A directory with more entries than this is not a hooks or info directory git made. */
const MAX_ENTRIES = 5000;

/** Where the repository's git directory is: `.git`, or what a `.git` file (worktree, submodule) points to. */
export function gitDirOf(workTree: string): string | null {
  const dotGit = join(workTree, '.git');
  try {
    const stat = statSync(dotGit);
    if (stat.isDirectory()) return dotGit;
    const text = readFileSync(dotGit, 'utf8');
    const match = /^gitdir: (.+)$/m.exec(text);
    return match ? resolve(workTree, match[1]!.trim()) : null;
  } catch {
    return null;
  }
}

/** The paths, relative to the git directory, whose content is fingerprinted. */
const CONTROL = [
  'config',
  'config.worktree',
  'commondir',
  'info',
  'hooks',
  'objects/info/alternates',
  'objects/info/http-alternates'
];

function fingerprint(path: string, into: Map<string, string>, budget: { left: number }): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    into.set(path, 'missing');
    return;
  }
  if (--budget.left < 0) {
    into.set(path, 'too many entries');
    return;
  }
  if (stat.isSymbolicLink()) {
    into.set(path, `link:${readlinkSync(path)}`);
  } else if (stat.isDirectory()) {
    into.set(path, `dir:${stat.mode}`);
    for (const name of readdirSync(path).sort()) fingerprint(join(path, name), into, budget);
  } else if (stat.isFile()) {
    const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    into.set(path, `file:${stat.mode}:${digest}`);
  } else {
    into.set(path, `special:${stat.mode}`);
  }
}

/** Submodules' git directories under `modules/` (nested ones included), without walking their objects. */
export function moduleGitDirs(gitDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    for (const name of safeReaddir(dir)) {
      const path = join(dir, name);
      if (!isKind(path, 'dir')) continue;
      if (isKind(join(path, 'HEAD'), 'file')) {
        found.push(path);
        walk(join(path, 'modules'), depth + 1);
      } else {
        walk(path, depth + 1); // a module name with slashes: modules/a/b
      }
    }
  };
  walk(join(gitDir, 'modules'), 0);
  return found;
}

/** The shared git directory of a linked worktree's git directory (its `commondir`), if it has one. */
function commonDirOf(gitDir: string): string | null {
  try {
    return resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    return null;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isKind(path: string, kind: 'dir' | 'file'): boolean {
  try {
    const stat = lstatSync(path);
    return kind === 'dir' ? stat.isDirectory() : stat.isFile();
  } catch {
    return false;
  }
}

export class ControlFiles {
  private constructor(
    private readonly gitDir: string,
    private readonly extraFiles: string[],
    private readonly state: Map<string, string>
  ) {}

  /**
   * Fingerprints the git directory's control files, and `extraFiles`: the config files git read
   * (includes) and the ones its includes name but that do not exist yet.
   */
  static capture(gitDir: string, extraFiles: string[] = []): ControlFiles {
    return new ControlFiles(gitDir, extraFiles, ControlFiles.read(gitDir, extraFiles));
  }

  private static read(gitDir: string, extraFiles: string[]): Map<string, string> {
    const state = new Map<string, string>();
    const budget = { left: MAX_ENTRIES };
    const common = commonDirOf(gitDir);
    const dirs = [gitDir, ...(common ? [common] : [])];
    for (const dir of [...dirs, ...dirs.flatMap(moduleGitDirs)]) {
      for (const name of CONTROL) fingerprint(join(dir, name), state, budget);
    }
    for (const file of extraFiles) fingerprint(file, state, budget);
    return state;
  }

  /** Paths whose content, presence or kind differs from the capture, for a message (relative to the git directory's parent). */
  changed(): string[] {
    const now = ControlFiles.read(this.gitDir, this.extraFiles);
    const paths = new Set([...this.state.keys(), ...now.keys()]);
    const changed: string[] = [];
    const base = dirname(this.gitDir);
    for (const path of paths) {
      if ((this.state.get(path) ?? 'missing') === (now.get(path) ?? 'missing')) continue;
      const shown = relative(base, path);
      changed.push(shown.startsWith('..') || isAbsolute(shown) ? path : shown);
    }
    return changed.sort();
  }
}

/**
 * The files a config's include entries name (`include.path`, `includeIf.<condition>.path`), resolved
 * as git does: relative to the including file's directory, `~/` from HOME.
 */
export function includeTargets(
  entries: Array<{ key: string; value: string; file?: string }>,
  home: string | undefined
): string[] {
  const targets: string[] = [];
  for (const { key, value, file } of entries) {
    if (!/^include(if\..*)?\.path$/i.test(key) || value === '' || !file) continue;
    if (value.startsWith('~/')) {
      if (home) targets.push(join(home, value.slice(2)));
    } else {
      targets.push(isAbsolute(value) ? value : resolve(dirname(file), value));
    }
  }
  return targets;
}
