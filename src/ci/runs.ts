import { errorMessage } from '../error-message.js';
import type { GitHub } from '../github/client.js';
import { accessError } from '../github/access.js';
import type { FailedRun } from '../trigger/decision.js';
import { cleanTitle } from '../trigger/pull.js';
import { FAILED_CONCLUSIONS, isListedWorkflow, workflowName } from '../trigger/workflow-run.js';

/** Reading workflow runs or jobs failed; the message says what to change. */
export class CiApiError extends Error {}

export interface Repo {
  owner: string;
  repo: string;
}

/** A job of a failed run that failed itself. Names are sanitized: workflow files may come from a PR. */
export interface FailedJob {
  id: number;
  name: string;
  conclusion: string;
  /** The steps that failed (or timed out), by name. */
  failedSteps: string[];
}

export interface RunJobs {
  failed: FailedJob[];
  /** Names of the jobs that did not fail: said in the prompt, their logs left out. */
  others: string[];
}

const NAME_LIMIT = 120;

function shortName(value: unknown): string {
  const name = cleanTitle(value) ?? '';
  return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT - 1)}…` : name;
}

/** Calls GitHub's Actions API; a refusal names the step and the permission, as every other step's does. */
async function actionsCall<T>(what: string, where: Repo, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refused = accessError(error, {
      doing: `listing ${what}`,
      repo: `${where.owner}/${where.repo}`,
      permission: 'actions: read'
    });
    throw new CiApiError(refused?.message ?? `Could not list ${what}: ${errorMessage(error)}`, {
      cause: error
    });
  }
}

/** The jobs of a run's latest attempt (`filter=latest`), failed ones with their failed steps. */
export async function listRunJobs(gh: GitHub, where: Repo, runId: number): Promise<RunJobs> {
  const jobs = await actionsCall(`the jobs of workflow run ${runId}`, where, () =>
    gh.paginate(gh.rest.actions.listJobsForWorkflowRun, {
      ...where,
      run_id: runId,
      filter: 'latest',
      per_page: 100
    })
  );
  const failed: FailedJob[] = [];
  const others: string[] = [];
  for (const job of jobs) {
    const name = shortName(job.name) || `job ${job.id}`;
    if (job.conclusion && FAILED_CONCLUSIONS.includes(job.conclusion)) {
      const failedSteps = (job.steps ?? [])
        .filter(step => step.conclusion && FAILED_CONCLUSIONS.includes(step.conclusion))
        .map(step => shortName(step.name))
        .filter(step => step !== '');
      failed.push({ id: job.id, name, conclusion: job.conclusion, failedSteps });
    } else {
      others.push(name);
    }
  }
  return { failed, others };
}

interface ListedRun {
  id: number;
  workflow_id: number;
  name?: string | null;
  run_number: number;
  run_attempt?: number;
  status: string | null;
  conclusion: string | null;
  head_sha: string;
  head_branch: string | null;
  created_at: string;
}

function failedRunOf(run: ListedRun): FailedRun {
  return {
    id: run.id,
    attempt: run.run_attempt ?? 1,
    workflowId: run.workflow_id,
    workflowName: workflowName(run.name),
    headSha: run.head_sha,
    headBranch: run.head_branch ?? '',
    conclusion: run.conclusion ?? ''
  };
}

/**
 * The failed runs `/kubrick fix-ci` works on: for each workflow that ran on `headSha`, its newest run,
 * when that run failed or timed out (a newer run that passed or still runs means there is nothing to
 * fix). With `workflows` non-empty, only those workflows count. `exclude` is the run of Kubrick itself.
 */
export async function newestFailedRuns(
  gh: GitHub,
  where: Repo,
  options: { headSha: string; workflows: readonly string[]; exclude?: string }
): Promise<FailedRun[]> {
  const runs = (await actionsCall(`the workflow runs of commit ${options.headSha.slice(0, 7)}`, where, () =>
    gh.paginate(gh.rest.actions.listWorkflowRunsForRepo, {
      ...where,
      head_sha: options.headSha,
      per_page: 100
    })
  )) as ListedRun[];
  const newest = new Map<number, ListedRun>();
  for (const run of runs) {
    if (run.head_sha !== options.headSha || String(run.id) === options.exclude) continue;
    const known = newest.get(run.workflow_id);
    const newer =
      !known ||
      run.run_number > known.run_number ||
      (run.run_number === known.run_number && run.created_at > known.created_at);
    if (newer) newest.set(run.workflow_id, run);
  }
  return [...newest.values()]
    .filter(run => run.status === 'completed' && FAILED_CONCLUSIONS.includes(run.conclusion ?? ''))
    .map(failedRunOf)
    .filter(run => options.workflows.length === 0 || isListedWorkflow(run.workflowName, options.workflows))
    .sort((a, b) => a.workflowName.localeCompare(b.workflowName) || a.id - b.id);
}

/** The link to a run (or one of its jobs) on GitHub, built from ids rather than taken from a payload. */
export function runUrl(serverUrl: string, where: Repo, runId: number, jobId?: number): string {
  const run = `${serverUrl}/${where.owner}/${where.repo}/actions/runs/${runId}`;
  return jobId === undefined ? run : `${run}/job/${jobId}`;
}
