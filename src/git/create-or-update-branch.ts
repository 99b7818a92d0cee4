import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitCommandManager } from './git-command.js';
import { GitError } from './errors.js';
import { diffStats, workspaceChanges } from './changes.js';
import type { DiffStats, FileChange } from './changes.js';
import { branchNameProblem } from './branch-name.js';
import { fetchRef, pushRef, remoteBranchSha } from './remote.js';
import type { RemoteContext } from './remote.js';

export interface CommitIdentity {
  name: string;
  email: string;
}

export interface CommitAndPushOptions {
  git: GitCommandManager;
  /** The branch to update: ours (`kubrick/…`) or, in pr-head mode, the PR's head branch. */
  branch: string;
  /** The default branch name (for messages; the commit's parent is the workspace's start). */
  base: string;
  /** The commit the workspace started from; commits the agent made itself are folded into ours. */
  baseSha?: string;
  author: CommitIdentity;
  /** The requester, credited with a Co-authored-by trailer. */
  coAuthor?: { login: string; id?: number };
  message: string;
  protectedPaths: string[];
  /** pushAuthConfig(…) for the remote's server; given to fetch and push only. */
  auth: Record<string, string>;
  remote?: string;
  /** own-branch: a kubrick branch, updated with a lease. pr-head: a human's branch, fast-forward only. */
  mode: 'own-branch' | 'pr-head';
  /** Names the fallback branch `<branch>-<runId>` (GITHUB_RUN_ID); defaults to the commit's short sha. */
  runId?: string;
  /** Where the temporary worktree for a rebase goes (RUNNER_TEMP on a runner). */
  scratchDir?: string;
  /** How many times to re-fetch and rebase when the branch moves under us. */
  maxAttempts?: number;
}

export interface CommitAndPushResult {
  result: 'created' | 'updated' | 'not-updated' | 'no-changes';
  /** The branch that now holds the work: `branch`, or the fallback branch when `fallbackFrom` is set. */
  branch: string;
  /** The tip of `branch` on the remote after this call (the workspace's HEAD when nothing was pushed). */
  headSha: string;
  /** The commit pushed (after any rebase); absent when nothing was pushed. */
  commitSha?: string;
  protectedSkipped: string[];
  /** What was committed. */
  files: FileChange[];
  /** Size of our commit (against its parent). */
  stats?: DiffStats;
  /** Our commit was replayed onto commits someone else pushed meanwhile. */
  rebased: boolean;
  /** Set when the work could not go to the intended branch and went to a fallback branch instead. */
  fallbackFrom?: string;
  /** Why the fallback was needed, in words for the final comment. */
  reason?: string;
}

/**
 * Commits the agent's workspace changes (never protected paths) as one commit and pushes it, after
 * peter-evans/create-or-update-branch, with one difference: commits already on the remote branch
 * (a previous run, a concurrent run, a human) are never discarded. Our commit goes on top of them;
 * when it cannot, it goes to a fallback branch, so no work is ever lost.
 */
export async function commitAndPush(opts: CommitAndPushOptions): Promise<CommitAndPushResult> {
  const { git, branch } = opts;
  const problem = branchNameProblem(branch);
  if (problem) throw new GitError(`Cannot push to "${branch}": not a valid branch name (${problem}).`);
  const ctx: RemoteContext = { git, remote: opts.remote ?? 'origin', auth: opts.auth };
  const startRev = opts.baseSha ?? 'HEAD';
  if (startRev.startsWith('-')) throw new GitError(`baseSha "${startRev}" is not a commit.`);
  const [start = '', startTree = ''] = (
    await git.exec(['rev-parse', `${startRev}^{commit}`, `${startRev}^{tree}`])
  ).stdout.split('\n');

  // Reset the index (not the files) to the start, so nothing the agent staged or committed itself
  // bypasses the protected-path filter below.
  await git.exec(['reset', '-q', start, '--']);
  const changes = await workspaceChanges(git, opts.protectedPaths);
  const base = { protectedSkipped: changes.protectedSkipped, files: changes.files, rebased: false };
  if (changes.files.length === 0) {
    return { ...base, result: 'no-changes', branch, headSha: start };
  }
  const paths = changes.files.flatMap(f => (f.from ? [f.path, f.from] : [f.path]));
  await git.exec(['--literal-pathspecs', 'add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
    input: `${paths.join('\0')}\0`
  });
  const tree = (await git.exec(['write-tree'])).stdout.trim();
  if (tree === startTree) {
    return { ...base, files: [], result: 'no-changes', branch, headSha: start };
  }
  const message = commitMessage(opts.message, opts.coAuthor);
  const identity = identityEnv(opts.author);
  const commit = (
    await git.exec(['commit-tree', tree, '-p', start, '-F', '-'], { input: message, env: identity })
  ).stdout.trim();
  // The workspace now sits on the local branch at our commit, as if we had committed there.
  await git.exec(['update-ref', `refs/heads/${branch}`, commit]);
  await git.exec(['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  const stats = await diffStats(git, start, commit);

  const replay = { git, commit, start, message, identity, scratchDir: opts.scratchDir };
  const maxAttempts = opts.maxAttempts ?? 3;
  let rebased = false;
  let lastMove = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const remoteSha = await remoteBranchSha(ctx, branch);
    const lease = opts.mode === 'own-branch' ? (remoteSha ?? '') : undefined;

    if (remoteSha === null) {
      if (opts.mode === 'pr-head') {
        return fallback(
          ctx,
          opts,
          commit,
          { ...base, stats },
          `the pull request's branch ${branch} no longer exists`
        );
      }
      const outcome = await pushRef(ctx, commit, branch, lease);
      if (outcome.status === 'pushed') {
        return { ...base, stats, result: 'created', branch, headSha: commit, commitSha: commit };
      }
      if (outcome.status === 'refused')
        return fallback(ctx, opts, commit, { ...base, stats }, outcome.detail);
      lastMove = outcome.detail;
      continue;
    }

    let candidate = commit;
    if (remoteSha !== start) {
      // The branch holds commits we do not build on: replay our change on top of them.
      const fetched = await fetchRef(ctx, `refs/heads/${branch}`, `refs/remotes/${ctx.remote}/${branch}`);
      if (fetched === null) continue; // deleted meanwhile: start over
      const replayed = await replayOnto(replay, fetched);
      if (replayed === 'conflict') {
        return fallback(
          ctx,
          opts,
          commit,
          { ...base, stats },
          `our change conflicts with commits pushed to ${branch} by someone else`
        );
      }
      if (replayed === 'already-there') {
        return { ...base, rebased, result: 'not-updated', branch, headSha: fetched };
      }
      candidate = replayed;
      rebased = true;
      const outcome = await pushRef(ctx, candidate, branch, opts.mode === 'own-branch' ? fetched : undefined);
      if (outcome.status === 'pushed') {
        return {
          ...base,
          stats,
          rebased,
          result: 'updated',
          branch,
          headSha: candidate,
          commitSha: candidate
        };
      }
      if (outcome.status === 'refused')
        return fallback(ctx, opts, commit, { ...base, stats }, outcome.detail);
      lastMove = outcome.detail;
      continue;
    }

    const outcome = await pushRef(ctx, candidate, branch, lease);
    if (outcome.status === 'pushed') {
      return { ...base, stats, rebased, result: 'updated', branch, headSha: candidate, commitSha: candidate };
    }
    if (outcome.status === 'refused') return fallback(ctx, opts, commit, { ...base, stats }, outcome.detail);
    lastMove = outcome.detail;
  }
  return fallback(
    ctx,
    opts,
    commit,
    { ...base, stats },
    `${branch} kept moving while we pushed (${maxAttempts} attempts; last: ${lastMove})`
  );
}

/** Pushes our commit to a new branch `<branch>-<runId>` so the work survives when the branch cannot take it. */
async function fallback(
  ctx: RemoteContext,
  opts: CommitAndPushOptions,
  commit: string,
  base: Pick<CommitAndPushResult, 'protectedSkipped' | 'files' | 'stats'>,
  reason: string
): Promise<CommitAndPushResult> {
  const short = commit.slice(0, 8);
  const runId = (opts.runId ?? short).replace(/[^A-Za-z0-9._-]/g, '') || short;
  const names = [`${opts.branch}-${runId}`, `${opts.branch}-${runId}-${short}`];
  for (const name of names) {
    if (branchNameProblem(name)) continue;
    const outcome = await pushRef(ctx, commit, name, '');
    if (outcome.status === 'pushed') {
      return {
        ...base,
        rebased: false,
        result: 'created',
        branch: name,
        headSha: commit,
        commitSha: commit,
        fallbackFrom: opts.branch,
        reason: `Could not push to ${opts.branch} (${reason}); the work was pushed to ${name} instead.`
      };
    }
  }
  throw new GitError(
    `Could not push to ${opts.branch} (${reason}), nor to a fallback branch (${names.join(', ')}). ` +
      `The work is in the local commit ${commit}.`
  );
}

interface ReplayInput {
  git: GitCommandManager;
  commit: string;
  start: string;
  message: string;
  identity: Record<string, string>;
  scratchDir?: string;
}

/**
 * Re-applies our commit (its diff against its parent) on top of `onto`, in a temporary worktree
 * so the workspace is left alone. Works in a shallow clone: the three-way merge only needs our
 * commit's parent, our commit and `onto`, all present locally.
 */
async function replayOnto(input: ReplayInput, onto: string): Promise<string | 'conflict' | 'already-there'> {
  const { git } = input;
  const dir = await mkdtemp(join(input.scratchDir ?? tmpdir(), 'kubrick-rebase-'));
  try {
    await git.exec(['worktree', 'add', '--detach', '--force', dir, onto], {
      env: { GIT_LFS_SKIP_SMUDGE: '1' }
    });
    const picked = await git.exec(['cherry-pick', '--no-commit', input.commit], {
      cwd: dir,
      allowFailure: true,
      env: input.identity
    });
    if (picked.exitCode !== 0) return 'conflict';
    const tree = (await git.exec(['write-tree'], { cwd: dir })).stdout.trim();
    if (tree === (await revParse(git, `${onto}^{tree}`))) return 'already-there';
    return (
      await git.exec(['commit-tree', tree, '-p', onto, '-F', '-'], {
        input: input.message,
        env: input.identity
      })
    ).stdout.trim();
  } finally {
    await git.exec(['worktree', 'remove', '--force', dir], { allowFailure: true });
    await rm(dir, { recursive: true, force: true });
  }
}

async function revParse(git: GitCommandManager, rev: string): Promise<string> {
  return (await git.exec(['rev-parse', '--verify', rev])).stdout.trim();
}

/** Author and committer for one command; the runner has no identity configured. */
function identityEnv(author: CommitIdentity): Record<string, string> {
  const name = oneLine(author.name);
  const email = oneLine(author.email).replace(/[<>]/g, '');
  if (!name || !email) {
    throw new GitError('The commit author needs a name and an email: set commit_author to "Name <email>".');
  }
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email
  };
}

/** The message, a blank line, then a Co-authored-by trailer crediting the requester. */
export function commitMessage(message: string, coAuthor?: { login: string; id?: number }): string {
  const body = message.replace(/\0/g, '').trim() || 'Changes by Kubrick';
  if (!coAuthor) return `${body}\n`;
  const login = coAuthor.login.replace(/[^A-Za-z0-9[\]_-]/g, '');
  if (!login) return `${body}\n`;
  const email = coAuthor.id
    ? `${coAuthor.id}+${login}@users.noreply.github.com`
    : `${login}@users.noreply.github.com`;
  return `${body}\n\nCo-authored-by: ${login} <${email}>\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\0]/g, ' ').trim();
}
