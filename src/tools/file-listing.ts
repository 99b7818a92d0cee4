import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compileGlob, escapeGlob, expandBraces } from './glob.js';
import { GitUnavailableError, isGitWorkTree, runGit } from './git.js';
import type { Workspace } from './workspace.js';

/**
 * The set of files the tools consider part of the repository: tracked plus untracked-but-not-ignored,
 * straight from `git ls-files` (one process, NUL-separated, no per-file stat). Without git, a walk
 * that never follows symbolic links and skips `.git` and `node_modules` stands in.
 */

export interface FileScope {
  /** Workspace-relative directory (`.` for the root), already resolved through the jail. */
  directory: string;
  /** Glob relative to `directory`; one without `/` matches file names at any depth. */
  pattern?: string;
}

export interface FileListing {
  files: string[];
  source: 'git' | 'walk';
  /** The walk stopped at WALK_LIMIT entries. */
  incomplete: boolean;
}

const WALK_LIMIT = 200_000;
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const GIT_DIRECTORY_NAME = /^(?:\.git[. ]*|git~\d+)$/i;

/** The scope as globs relative to the workspace root; null means "everything under the directory". */
export function scopeGlobs(scope: FileScope): string[] | null {
  if (!scope.pattern) return null;
  const base = scope.directory === '.' ? '' : `${escapeGlob(scope.directory)}/`;
  return expandBraces(scope.pattern).map(alternative => {
    const cleaned = alternative.replace(/^(?:\.\/|\/)+/, '');
    return base + (cleaned.includes('/') ? cleaned : `**/${cleaned}`);
  });
}

/** git pathspecs for the scope (`:(glob)` magic, or the literal directory). */
export function scopePathspecs(scope: FileScope): string[] {
  const globs = scopeGlobs(scope);
  if (globs) return globs.map(glob => `:(glob)${glob}`);
  return scope.directory === '.' ? [] : [`:(literal)${scope.directory}`];
}

export async function listWorkspaceFiles(
  workspace: Workspace,
  scope: FileScope,
  signal?: AbortSignal
): Promise<FileListing> {
  if (await isGitWorkTree(workspace)) {
    try {
      const files = await gitListFiles(workspace.root, scopePathspecs(scope), signal);
      if (files) return { files, source: 'git', incomplete: false };
    } catch (error) {
      if (!(error instanceof GitUnavailableError)) throw error;
    }
  }
  return walkFiles(workspace.root, scope, signal);
}

async function gitListFiles(
  root: string,
  pathspecs: string[],
  signal?: AbortSignal
): Promise<string[] | null> {
  const result = await runGit(
    root,
    // --deduplicate: an unmerged path is otherwise listed once per conflict stage.
    ['ls-files', '--cached', '--others', '--exclude-standard', '--deduplicate', '-z', '--', ...pathspecs],
    { cwd: root, signal }
  );
  if (result.exitCode !== 0) return null;
  const entries = result.stdout.toString('utf8').split('\0');
  entries.pop(); // the output ends with a NUL
  // git prints untracked files, then tracked ones, each run sorted; V8's TimSort merges two runs in linear time.
  return entries.sort();
}

async function walkFiles(root: string, scope: FileScope, signal?: AbortSignal): Promise<FileListing> {
  const globs = scopeGlobs(scope);
  const matchers = globs?.map(glob => compileGlob(glob));
  const files: string[] = [];
  const pending: string[] = [scope.directory];
  let seen = 0;
  while (pending.length > 0) {
    signal?.throwIfAborted();
    const directory = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(directory === '.' ? root : join(root, directory), { withFileTypes: true });
    } catch {
      continue; // unreadable directory: skip it rather than fail the whole listing
    }
    for (const entry of entries) {
      if (++seen > WALK_LIMIT) return { files: files.sort(), source: 'walk', incomplete: true };
      const relativePath = directory === '.' ? entry.name : `${directory}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!GIT_DIRECTORY_NAME.test(entry.name) && !SKIPPED_DIRECTORIES.has(entry.name))
          pending.push(relativePath);
      } else if (!matchers || matchers.some(matches => matches(relativePath))) {
        // Symbolic links are listed as entries, never followed.
        if (!GIT_DIRECTORY_NAME.test(entry.name)) files.push(relativePath);
      }
    }
  }
  return { files: files.sort(), source: 'walk', incomplete: false };
}
