/**
 * How the workspace's `.git` looks inside the sandbox. Git inside works as usual (status, diff,
 * add, stash, checkout -- f, restore, reset, commit): objects, refs, the index and the logs are
 * writable. What makes git run programs or read settings stays read-only (config, hooks/, info/,
 * objects/info/, and the same in submodules' git directories), because Kubrick's own git reads that
 * directory on the host after the commands ran. `.git` itself is a mount point, so a command cannot
 * rename it away and put a repository of its own in its place. The config a command reads is a
 * copy without credentials: no persisted `extraheader`, no password in a URL.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { moduleGitDirs } from '../git/control-files.js';
import { isInside } from './toolchains.js';

export interface GitView {
  /** Paths bound back read-write on top of the workspace (`.git` itself). */
  readWrite: string[];
  /** Paths made read-only, each shown from `source` (a credential-free copy for config files). */
  readOnly: Array<{ path: string; source: string }>;
  /** Credential-free copies of config files to write before the sandbox starts: name → content. */
  copies: Array<{ name: string; content: string }>;
}

/** Subdirectories git reads settings or programs from; made if missing, so a command cannot create them. */
const CONTROL_DIRS = ['hooks', 'info', 'objects/info'];

/**
 * A git config file without credentials: `extraheader` lines of http sections (and their
 * continuation lines) are dropped, and user:password@ is cut from every URL.
 */
export function withoutCredentials(config: string): string {
  const out: string[] = [];
  let section = '';
  let dropping = false;
  for (const line of config.split('\n')) {
    if (dropping) {
      dropping = /\\\s*$/.test(line);
      continue;
    }
    const header = /^\s*\[\s*([^\]\s"]+)/.exec(line);
    if (header) section = header[1]!.toLowerCase().split('.')[0]!;
    if (section === 'http' && /^\s*extraheader\s*(=|$)/i.test(line)) {
      dropping = /\\\s*$/.test(line);
      continue;
    }
    out.push(line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s"]*@/gi, '$1'));
  }
  return out.join('\n');
}

function kind(path: string): 'dir' | 'file' | 'link' | null {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

export function gitView(workspace: string, stagingDir: string): GitView {
  const view: GitView = { readWrite: [], readOnly: [], copies: [] };
  const dotGit = join(workspace, '.git');
  let gitDir: string;
  switch (kind(dotGit)) {
    case null:
      return view;
    case 'file':
      // A linked worktree or a submodule checkout: its git directory lives elsewhere, out of view.
      view.readOnly.push({ path: dotGit, source: dotGit });
      return view;
    case 'link': {
      let real: string;
      try {
        real = realpathSync(dotGit);
      } catch {
        return view; // dangling: git finds no repository there either
      }
      if (!isInside(real, workspace) || real === workspace || kind(real) !== 'dir') return view;
      gitDir = real;
      break;
    }
    default:
      gitDir = dotGit;
  }
  view.readWrite.push(gitDir);
  let copy = 0;
  for (const dir of [gitDir, ...moduleGitDirs(gitDir)]) {
    for (const sub of CONTROL_DIRS) {
      const path = join(dir, sub);
      if (!existsSync(path)) mkdirSync(path, { recursive: true });
      if (kind(path) === 'dir') view.readOnly.push({ path, source: path });
    }
    for (const name of ['config', 'config.worktree', 'commondir']) {
      const path = join(dir, name);
      if (kind(path) !== 'file') continue;
      const copyName = `git-${name}-${copy++}`;
      view.copies.push({ name: copyName, content: withoutCredentials(readFileSync(path, 'utf8')) });
      view.readOnly.push({ path, source: join(stagingDir, copyName) });
    }
  }
  return view;
}
