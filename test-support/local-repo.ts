/**
 * A plain local git repository for tests that run `kubrick run` on a directory: the files written
 * and committed once on `main`, synchronously, in a `beforeEach`. Several end-to-end tests need just
 * this; repo-fixtures.ts builds the heavier checkout-like setup (a bare origin, asynchronously).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes each file of `files` (relative path to content) under `root`, making directories as needed. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/**
 * Writes `files` under `root`, then `git init -q -b main`, `git add -A` and `git commit -qm initial`
 * there as a fixed test identity (t <t@example.com>). Git runs with exactly `env` when given (so the
 * caller chooses its HOME), and with this process's environment otherwise.
 */
export function commitTree(
  root: string,
  files: Record<string, string>,
  env?: { PATH?: string; HOME: string }
): void {
  writeTree(root, files);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: root,
      ...(env ? { env } : {})
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'initial');
}
