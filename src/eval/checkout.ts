/**
 * A fresh git checkout of a task's starting files for one run: copied, never touched in place, so
 * the suite stays as it was and no run sees another's work. The single commit lets the agent's
 * `git diff` work as in a real repository, lets Kubrick tell "no changes" apart, and lets a check
 * compare against the starting state (`git diff --quiet HEAD -- tests`).
 */
import { cpSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GitCommandManager } from '../git/git-command.js';

/** Fixed identity and date: every checkout of a task has the same commit id. */
const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'kubrick eval',
  GIT_AUTHOR_EMAIL: 'eval@kubrick.invalid',
  GIT_COMMITTER_NAME: 'kubrick eval',
  GIT_COMMITTER_EMAIL: 'eval@kubrick.invalid',
  GIT_AUTHOR_DATE: '2000-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z'
};

/**
 * Copies `repoDir` to `<into>/repo` (a `.git` in the suite's files is left out: the history is
 * ours) and commits everything on `main`. Returns the realpath of the new workspace.
 */
export async function checkoutTask(repoDir: string, into: string, env: NodeJS.ProcessEnv): Promise<string> {
  const workspace = join(into, 'repo');
  mkdirSync(workspace, { recursive: true });
  cpSync(repoDir, workspace, {
    recursive: true,
    verbatimSymlinks: true,
    filter: source => basename(source) !== '.git'
  });
  // Only what git needs: no user config, hooks or templates of this machine reach the checkout.
  const git = new GitCommandManager({
    cwd: workspace,
    env: { PATH: env.PATH ?? '/usr/bin:/bin', HOME: into, GIT_CONFIG_NOSYSTEM: '1' }
  });
  await git.exec(['init', '-q', '-b', 'main', '--template=']);
  await git.exec(['add', '-A']);
  await git.exec(['commit', '-q', '--allow-empty', '--no-verify', '-m', 'Task starting point'], {
    env: COMMIT_ENV
  });
  return realpathSync(workspace);
}
