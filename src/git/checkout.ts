import type { GitCommandManager } from './git-command.js';
import { GitError } from './errors.js';
import { branchNameProblem } from './branch-name.js';
import { fetchRef } from './remote.js';

export interface CheckedOut {
  /** The local branch now checked out. */
  branch: string;
  /** The commit it points at: pass it as `baseSha` to commitAndPush. */
  headSha: string;
}

/**
 * Puts the workspace on a same-repo PR's head (the workspace starts as a shallow clone of the
 * default branch). Fetches the head branch itself, since that is where the fix is pushed; falls back
 * to refs/pull/N/head when the branch is gone (the push then goes to a fallback branch).
 * Call it before the agent runs: it refuses to overwrite local changes.
 */
export async function checkoutPrHead(
  git: GitCommandManager,
  opts: { prNumber: number; headRef: string; auth: Record<string, string>; remote?: string }
): Promise<CheckedOut> {
  const remote = opts.remote ?? 'origin';
  const problem = branchNameProblem(opts.headRef);
  if (problem)
    throw new GitError(`The pull request's head branch "${opts.headRef}" is not usable (${problem}).`);
  if (!Number.isSafeInteger(opts.prNumber) || opts.prNumber <= 0) {
    throw new GitError(`Pull request number ${opts.prNumber} is not a positive integer.`);
  }
  const ctx = { git, remote, auth: opts.auth };
  const sha =
    (await fetchRef(ctx, `refs/heads/${opts.headRef}`, `refs/remotes/${remote}/${opts.headRef}`)) ??
    (await fetchRef(ctx, `refs/pull/${opts.prNumber}/head`, `refs/remotes/${remote}/pr/${opts.prNumber}`));
  if (sha === null) {
    throw new GitError(
      `Pull request #${opts.prNumber} has neither its branch ${opts.headRef} nor refs/pull/${opts.prNumber}/head on ${remote}.`
    );
  }
  await switchTo(git, opts.headRef, sha);
  return { branch: opts.headRef, headSha: sha };
}

/**
 * When our branch already exists on the remote (an earlier run), continues from it, so this run
 * builds on that work instead of racing it. Otherwise starts it from `startFrom` (the remote branch
 * its pull request will target) when one is given, else leaves the workspace as it is.
 */
export async function checkoutRemoteBranch(
  git: GitCommandManager,
  opts: { branch: string; auth: Record<string, string>; remote?: string; startFrom?: string }
): Promise<CheckedOut & { existed: boolean }> {
  const remote = opts.remote ?? 'origin';
  const problem = branchNameProblem(opts.branch);
  if (problem) throw new GitError(`Cannot check out "${opts.branch}": not a valid branch name (${problem}).`);
  const sha = await fetchRef(
    { git, remote, auth: opts.auth },
    `refs/heads/${opts.branch}`,
    `refs/remotes/${remote}/${opts.branch}`
  );
  if (sha === null && opts.startFrom) {
    const base = await startingPoint(git, { remote, auth: opts.auth, branch: opts.startFrom });
    await switchTo(git, opts.branch, base);
    return { branch: opts.branch, headSha: base, existed: false };
  }
  if (sha === null) {
    const head = (await git.exec(['rev-parse', '--verify', 'HEAD'])).stdout.trim();
    return { branch: opts.branch, headSha: head, existed: false };
  }
  await switchTo(git, opts.branch, sha);
  return { branch: opts.branch, headSha: sha, existed: true };
}

/** The tip of the branch new work starts from (`base_branch`); it must exist on the remote. */
async function startingPoint(
  git: GitCommandManager,
  opts: { remote: string; auth: Record<string, string>; branch: string }
): Promise<string> {
  const problem = branchNameProblem(opts.branch);
  if (problem) throw new GitError(`base_branch "${opts.branch}" is not a valid branch name (${problem}).`);
  const sha = await fetchRef(
    { git, remote: opts.remote, auth: opts.auth },
    `refs/heads/${opts.branch}`,
    `refs/remotes/${opts.remote}/${opts.branch}`
  );
  if (sha === null) {
    throw new GitError(
      `base_branch "${opts.branch}" does not exist in the repository: create it, or set base_branch to an existing branch (empty for the default branch).`
    );
  }
  return sha;
}

async function switchTo(git: GitCommandManager, branch: string, sha: string): Promise<void> {
  const switched = await git.exec(['switch', '--quiet', '--no-guess', '-C', branch, sha], {
    allowFailure: true
  });
  if (switched.exitCode !== 0) {
    throw new GitError(
      `Could not check out ${branch} at ${sha.slice(0, 8)}: ${git.redact(switched.stderr).trim()} ` +
        '(the workspace must have no local changes before the agent runs).'
    );
  }
}
