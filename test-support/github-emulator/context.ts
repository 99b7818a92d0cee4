/** Everything a route handler needs: the repository's identity, its URLs, the state and the bare repo. */
import type { BareRepo } from './git.js';
import type { EmulatorState } from './state.js';
import type { PullRecord, RepoRole } from './types.js';

export interface EmulatorContext {
  owner: string;
  repo: string;
  defaultBranch: string;
  isPrivate: boolean;
  /** Who the token acts as. */
  tokenLogin: string;
  /** Filled in once the server listens. */
  apiUrl: string;
  serverUrl: string;
  state: EmulatorState;
  git: BareRepo;
  /** The user's role, or null when the permission endpoint should answer 404. */
  roleOf(login: string): RepoRole | null;
  /** Team slugs with access to the repository. */
  teams: readonly string[];
}

export function fullName(ctx: EmulatorContext): string {
  return `${ctx.owner}/${ctx.repo}`;
}

export function repoApiUrl(ctx: EmulatorContext): string {
  return `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}`;
}

export function repoHtmlUrl(ctx: EmulatorContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`;
}

/** Owner and repo in the path must name the emulated repository; anything else is GitHub's 404. */
export function isThisRepo(
  ctx: EmulatorContext,
  owner: string | undefined,
  repo: string | undefined
): boolean {
  return owner?.toLowerCase() === ctx.owner.toLowerCase() && repo?.toLowerCase() === ctx.repo.toLowerCase();
}

/**
 * The PR's current head commit. A same-repo PR follows its branch (as GitHub does on every push) and
 * `refs/pull/{n}/head` is moved along, so `git fetch origin refs/pull/{n}/head` sees the latest commit.
 */
export async function currentHeadSha(ctx: EmulatorContext, pull: PullRecord): Promise<string> {
  if (!pull.fromFork) {
    const branchSha = await ctx.git.branchSha(pull.headRef);
    if (branchSha && branchSha !== pull.headSha) {
      pull.headSha = branchSha;
      await ctx.git.updateRef(`refs/pull/${pull.number}/head`, branchSha);
    }
  }
  return pull.headSha;
}

/** Brings every open same-repo PR's head ref up to date, after a push through smart HTTP. */
export async function syncPullHeads(ctx: EmulatorContext): Promise<void> {
  for (const pull of ctx.state.pulls.values()) {
    if (ctx.state.issues.get(pull.number)?.state === 'open') await currentHeadSha(ctx, pull);
  }
}
