import type { Settings } from '../config/settings.js';
import { errorMessage } from '../error-message.js';
import type { GitHub } from '../github/client.js';
import { findOpenPullForBranch, getPull, type PullInfo } from '../github/pulls.js';
import { FORK_CI_REASON } from '../trigger/decide.js';
import type {
  CiRequest,
  FailedRun,
  IgnoreDecision,
  PullTarget,
  RefuseDecision,
  RouteDecision,
  RunDecision
} from '../trigger/decision.js';
import { readCiHistory, earlierAttempts, type CiHistory } from './attempts.js';
import { ciBranch } from './branch.js';
import { CiApiError, newestFailedRuns, type Repo } from './runs.js';

export interface ResolveOptions {
  gh: GitHub;
  where: Repo;
  settings: Settings;
  defaultBranch: string;
  /** Kubrick's own run (GITHUB_RUN_ID): never one of the runs to fix. */
  ownRunId: string;
}

type CiDecision = RunDecision & { ci: CiRequest };

const short = (sha: string) => sha.slice(0, 7);

function ignored(decision: CiDecision, reason: string): IgnoreDecision {
  return { action: 'ignore', reason, target: decision.target, mode: decision.mode, ci: decision.ci };
}

/** A refusal that keeps everything known about the request (its comment, the CI facts). */
function refused(decision: CiDecision, reason: string, ci: CiRequest = decision.ci): RefuseDecision {
  const { action: _run, task: _task, approvePlan: _plan, reason: _reason, ...facts } = decision;
  return { ...facts, action: 'refuse', reason, ci };
}

function pullTargetOf(pull: PullInfo): PullTarget {
  return {
    kind: 'pull_request',
    number: pull.number,
    title: pull.title,
    isFork: pull.isFork,
    headRef: pull.headRef,
    headSha: pull.headSha,
    baseRef: pull.baseRef
  };
}

/** The open pull request a fork's failed run belongs to: its head is that fork's branch at that commit. */
async function forkPull(gh: GitHub, where: Repo, owner: string, branch: string, sha: string) {
  const open = await findOpenPullForBranch(gh, { ...where, branch, headOwner: owner, headSha: sha });
  return open ? getPull(gh, { ...where, number: open.number }) : undefined;
}

/** What the request is about: a pull request, the default branch, or nothing to do (a reason). */
async function locate(
  options: ResolveOptions,
  decision: CiDecision
): Promise<{ pull: PullInfo } | { defaultBranch: true } | { ignore: string }> {
  const { gh, where, defaultBranch } = options;
  const { target } = decision;
  if (target.kind === 'pull_request') return { pull: await getPull(gh, { ...where, number: target.number }) };
  if (target.kind !== 'commit') return { ignore: 'the request names no pull request or commit' };
  if (target.forkOwner !== undefined) {
    const pull = await forkPull(gh, where, target.forkOwner, target.branch, target.sha);
    return pull
      ? { pull }
      : {
          ignore: `no open pull request from ${target.forkOwner}:${target.branch} is at ${short(target.sha)}`
        };
  }
  if (decision.ci.explain) return { ignore: 'the fork the failed run came from is unknown' };
  if (target.branch === defaultBranch) return { defaultBranch: true };
  const open = await findOpenPullForBranch(gh, { ...where, branch: target.branch });
  if (!open) return { ignore: `no open pull request has the branch ${target.branch}, where the run failed` };
  return { pull: await getPull(gh, { ...where, number: open.number }) };
}

function listed(names: readonly string[]): string {
  return names.map(name => `"${name}"`).join(', ');
}

function capReason(capped: readonly FailedRun[], settings: Settings, onPull: boolean): string {
  const names = listed([...new Set(capped.map(run => run.workflowName))]);
  return [
    `Kubrick already made ${settings.max_ci_fix_attempts} fix attempt${settings.max_ci_fix_attempts === 1 ? '' : 's'} for ${names} on this ${onPull ? 'pull request' : 'commit'} (max_ci_fix_attempts = ${settings.max_ci_fix_attempts}), so it stops here.`,
    'Look at the failure yourself, or raise max_ci_fix_attempts and ask again with `/kubrick fix-ci`.'
  ].join(' ');
}

/**
 * Once a CI request is authorized: finds its pull request (or the default branch), the failed runs
 * (`/kubrick fix-ci`), and how many fix runs each workflow had there. Returns the decision to carry
 * out: the run, narrowed to what may still be fixed; a refusal that says why not (no failed run, the
 * cap reached, a fork without `ci_fix_forks: explain`); or, for a workflow_run event, nothing at all
 * when there is nothing new to say (a closed pull request, newer commits, a cap already announced).
 */
export async function resolveCiDecision(
  options: ResolveOptions,
  decision: CiDecision
): Promise<RouteDecision> {
  const { gh, where, settings } = options;
  const fromEvent = decision.ci.source === 'workflow_run';
  const place = await locate(options, decision);
  if ('ignore' in place) return ignored(decision, place.ignore);

  let resolved: CiDecision = decision;
  let history: CiHistory = { attempts: new Map(), capAnnounced: new Set() };
  let headSha: string;
  if ('pull' in place) {
    const { pull } = place;
    resolved = { ...resolved, target: pullTargetOf(pull) };
    if (pull.state !== 'open') return ignored(resolved, `pull request #${pull.number} is closed`);
    const run = decision.ci.runs[0];
    if (
      fromEvent &&
      run &&
      (pull.isFork !== Boolean(decision.ci.explain) || pull.headRef !== run.headBranch)
    ) {
      return ignored(
        resolved,
        `pull request #${pull.number} is not the one the run's branch ${run.headBranch} belongs to`
      );
    }
    if (fromEvent && run && pull.headSha !== run.headSha) {
      return ignored(
        resolved,
        `pull request #${pull.number} has new commits since the failed run (${short(run.headSha)} → ${short(pull.headSha)}); CI runs again on them`
      );
    }
    if (pull.isFork && !decision.ci.explain) {
      if (settings.ci_fix_forks !== 'explain') {
        return fromEvent
          ? ignored(resolved, 'the pull request comes from a fork')
          : refused(resolved, FORK_CI_REASON);
      }
      resolved = { ...resolved, mode: 'ask', ci: { ...resolved.ci, explain: true } };
    }
    headSha = pull.headSha;
    history = await readCiHistory(gh, where, pull.number, settings.allowed_bots);
  } else {
    const run = decision.ci.runs[0] as FailedRun;
    headSha = run.headSha;
    const branch = ciBranch(settings.branch_prefix, run);
    const open = await findOpenPullForBranch(gh, { ...where, branch });
    if (open) history = await readCiHistory(gh, where, open.number, settings.allowed_bots);
  }

  const runs = fromEvent
    ? decision.ci.runs
    : await newestFailedRuns(gh, where, {
        headSha,
        workflows: settings.ci_workflows,
        exclude: options.ownRunId
      });
  if (runs.length === 0) {
    const among =
      settings.ci_workflows.length > 0
        ? ` among the workflows in ci_workflows (${listed(settings.ci_workflows)})`
        : '';
    return refused(
      resolved,
      `There is no failed workflow run for the head commit ${short(headSha)} of this pull request${among}: the newest run of each workflow passed or is still running, so there is nothing for \`fix-ci\` to fix.`
    );
  }
  const allowed = runs.filter(
    run => earlierAttempts(history, run, options.ownRunId) < settings.max_ci_fix_attempts
  );
  const capped = runs.filter(run => !allowed.includes(run));
  if (allowed.length === 0) {
    if (fromEvent && capped.every(run => history.capAnnounced.has(run.workflowId))) {
      return ignored(
        resolved,
        `max_ci_fix_attempts (${settings.max_ci_fix_attempts}) is reached, as Kubrick already said`
      );
    }
    return refused(resolved, capReason(capped, settings, 'pull' in place), { ...resolved.ci, runs, capped });
  }
  const ci: CiRequest = { ...resolved.ci, runs: allowed };
  if (capped.length > 0) ci.capped = capped;
  return { ...resolved, ci };
}

/**
 * resolveCiDecision for the start of a run: a failure to read GitHub does not stop the run silently
 * but becomes the problem its final comment reports (the requester is authorized by then).
 */
export async function resolveCiRequest(
  options: ResolveOptions,
  decision: CiDecision
): Promise<{ decision: RouteDecision; problem: string | null }> {
  try {
    return { decision: await resolveCiDecision(options, decision), problem: null };
  } catch (error) {
    const detail = error instanceof CiApiError ? error.message : `GitHub answered: ${errorMessage(error)}`;
    return { decision, problem: `Kubrick could not look up the failed CI. ${detail}` };
  }
}
