import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ToolContext } from '../../src/tools/types.js';
import type { Mode } from '../../src/mode.js';
import { DEFAULT_PROTECTED_PATHS, Workspace } from '../../src/tools/workspace.js';

export const MB = 1024 * 1024;

const created: string[] = [];

/** A fresh directory under the system temp dir, removed by cleanupTempDirs(). */
export function tempDir(prefix = 'kubrick-tools-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function link(root: string, path: string, target: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(target, join(root, path));
}

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) env[name] = value;
  return env;
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, env: gitEnv(), encoding: 'utf8' });
}

/** A real repository: files committed, then `untracked` written without adding them. */
export function makeRepo(
  files: Record<string, string | Buffer>,
  untracked: Record<string, string | Buffer> = {}
): string {
  const root = tempDir('kubrick-repo-');
  git(root, 'init', '-q', '-b', 'main');
  // The repository's own identity, written directly: one git process less per test repository.
  appendFileSync(
    join(root, '.git/config'),
    '[user]\n\temail = test@example.com\n\tname = Test\n[commit]\n\tgpgsign = false\n'
  );
  writeFiles(root, files);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial', '--allow-empty');
  writeFiles(root, untracked);
  return root;
}

export function openWorkspace(root: string, maxFileSizeBytes = 10 * MB): Promise<Workspace> {
  return Workspace.open({
    root,
    maxFileSizeBytes,
    protectedPaths: DEFAULT_PROTECTED_PATHS,
    env: process.env
  });
}

export function contextFor(workspace: Workspace, mode: Mode = 'fix', maxResultChars?: number): ToolContext {
  return { workspace, mode, signal: new AbortController().signal, maxResultChars };
}
