import type { GitCommandManager } from './git-command.js';
import { GitError } from './errors.js';

/** What a push of one ref came to, read from `git push --porcelain`. */
export type PushOutcome =
  | { status: 'pushed' }
  /** The branch is not where we expected (lease failed, not a fast-forward, or it now exists). */
  | { status: 'moved'; detail: string }
  /** The server refused the update itself (protected branch, hook): retrying will not help. */
  | { status: 'refused'; detail: string };

export interface RemoteContext {
  git: GitCommandManager;
  remote: string;
  auth: Record<string, string>;
}

/** The sha of refs/heads/<branch> on the remote, or null when there is no such branch. */
export async function remoteBranchSha(ctx: RemoteContext, branch: string): Promise<string | null> {
  const ref = `refs/heads/${branch}`;
  const result = await ctx.git.exec(['ls-remote', ctx.remote, ref], {
    extraConfig: ctx.auth,
    allowFailure: true
  });
  if (result.exitCode !== 0) {
    const stderr = ctx.git.redact(result.stderr, ctx.auth).trim();
    throw new GitError(
      `Could not read branch ${branch} from ${ctx.remote}: ${stderr || `git exited with ${result.exitCode}`}. ` +
        'Check that the remote is reachable and that the token may read the repository.',
      { command: `git ls-remote ${ctx.remote} ${ref}`, exitCode: result.exitCode, stderr }
    );
  }
  for (const line of result.stdout.split('\n')) {
    const [sha, name] = line.split('\t');
    if (name === ref && sha) return sha;
  }
  return null;
}

/**
 * Fetches one remote ref with its tip commit only (safe in a shallow clone: the new tip becomes a
 * shallow boundary) into `localRef`. Returns its sha, or null when the remote has no such ref.
 */
export async function fetchRef(
  ctx: RemoteContext,
  remoteRef: string,
  localRef: string
): Promise<string | null> {
  const result = await ctx.git.exec(
    ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', ctx.remote, `+${remoteRef}:${localRef}`],
    { extraConfig: ctx.auth, allowFailure: true }
  );
  if (result.exitCode !== 0) {
    if (/couldn't find remote ref/i.test(result.stderr)) return null;
    const stderr = ctx.git.redact(result.stderr, ctx.auth).trim();
    throw new GitError(`Could not fetch ${remoteRef} from ${ctx.remote}: ${stderr}`, {
      command: `git fetch ${ctx.remote} ${remoteRef}`,
      exitCode: result.exitCode,
      stderr
    });
  }
  return (await ctx.git.exec(['rev-parse', '--verify', `${localRef}^{commit}`])).stdout.trim();
}

/** How git and GitHub word a ref update lost to a concurrent push. */
const CONCURRENT_UPDATE =
  /failed to update ref|cannot lock ref|incorrect old value|failed to lock|is at [0-9a-f]+ but expected/i;

/**
 * Pushes `sha` to refs/heads/<branch>. With `lease` (a sha, or '' for "must not exist yet") the
 * update is a compare-and-swap (`--force-with-lease`); without it, only a fast-forward is accepted.
 */
export async function pushRef(
  ctx: RemoteContext,
  sha: string,
  branch: string,
  lease?: string
): Promise<PushOutcome> {
  const ref = `refs/heads/${branch}`;
  const args = ['push', '--porcelain', '--no-verify'];
  if (lease !== undefined) args.push(`--force-with-lease=${ref}:${lease}`);
  args.push(ctx.remote, `${sha}:${ref}`);
  const result = await ctx.git.exec(args, { extraConfig: ctx.auth, allowFailure: true });
  if (result.exitCode === 0) return { status: 'pushed' };

  const line = result.stdout.split('\n').find(l => l.startsWith('!') && l.includes(`:${ref}`));
  const detail = line?.split('\t')[2]?.trim() ?? '';
  // Two pushes to one branch at the same moment: the server lost the race for the ref lock. The
  // branch moved under us, which a re-fetch and retry handles; anything else remote-rejected is a rule.
  if (/\[remote rejected\]/.test(detail) && CONCURRENT_UPDATE.test(detail))
    return { status: 'moved', detail };
  if (/\[remote rejected\]/.test(detail)) return { status: 'refused', detail };
  if (/\[rejected\]/.test(detail)) return { status: 'moved', detail };
  const stderr = ctx.git.redact(result.stderr, ctx.auth).trim();
  throw new GitError(
    `Could not push to ${branch} on ${ctx.remote}: ${stderr || detail || `git exited with ${result.exitCode}`}. ` +
      'Check that the token may write contents (permissions: contents: write) and that the remote is reachable.',
    { command: `git push ${ctx.remote} ${sha}:${ref}`, exitCode: result.exitCode, stderr }
  );
}
