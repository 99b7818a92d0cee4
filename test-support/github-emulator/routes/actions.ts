/**
 * GitHub Actions: workflow runs (listed with their filters, one by one), their jobs (`filter=latest`
 * or `all`), and job logs, which answer with a redirect to the log storage on another origin, as
 * GitHub does. Seeding (`seedWorkflowRun`, `rerunWorkflowRun`) records runs the way a finished run
 * leaves them.
 */
import type { EmulatorContext } from '../context.js';
import { repoApiUrl, repoHtmlUrl } from '../context.js';
import type { ApiRequest, ApiResponse, Route } from '../http.js';
import { HttpError, notFound, positiveInt } from '../http.js';
import type { LogStorage } from '../log-storage.js';
import { nodeId, repoJson, userId, userJson } from '../serialize.js';
import type { JobRecord, JobStepRecord, WorkflowRunRecord } from '../types.js';
import { repoGuard } from './repos.js';

type Json = Record<string, unknown>;

export interface SeedJob {
  name: string;
  conclusion: 'success' | 'failure' | 'timed_out' | 'cancelled' | 'skipped' | null;
  /** Steps by name; `failed` marks the ones that failed (default: none, or the last of a failed job). */
  steps?: Array<{ name: string; conclusion?: 'success' | 'failure' | 'timed_out' | 'skipped' }>;
  /** The raw log; `null` for a job without one (404), `'expired'` for one GitHub deleted (410). */
  log?: string | Buffer | null | 'expired';
}

export interface SeedWorkflowRun {
  /** The workflow's name. */
  workflow: string;
  path?: string;
  headBranch: string;
  /** Default: the branch's tip in the bare repository. */
  headSha?: string;
  event?: string;
  conclusion: 'success' | 'failure' | 'timed_out' | 'cancelled' | null;
  status?: WorkflowRunRecord['status'];
  actor: string;
  triggeringActor?: string;
  /** The run belongs to a fork's pull request: its head repository is `<forkOwner>/<repo>`. */
  forkOwner?: string;
  jobs: SeedJob[];
}

/** Same id for the same workflow name, like GitHub's one id per workflow file. */
export function workflowIdOf(name: string): number {
  return userId(`workflow:${name}`);
}

function jobsOf(ctx: EmulatorContext, run: WorkflowRunRecord, attempt: number | 'all'): JobRecord[] {
  return [...ctx.state.jobs.values()]
    .filter(job => job.runId === run.id && (attempt === 'all' || job.runAttempt === attempt))
    .sort((a, b) => a.id - b.id);
}

function addJobs(ctx: EmulatorContext, run: WorkflowRunRecord, jobs: SeedJob[]): void {
  const now = ctx.state.now();
  for (const seed of jobs) {
    const failedJob = seed.conclusion === 'failure' || seed.conclusion === 'timed_out';
    const steps = (seed.steps ?? [{ name: 'Run tests' }]).map((step, index, all): JobStepRecord => ({
      name: step.name,
      number: index + 1,
      status: 'completed' as const,
      conclusion:
        step.conclusion ?? (failedJob && index === all.length - 1 ? (seed.conclusion as string) : 'success')
    }));
    const job: JobRecord = {
      id: ctx.state.allocateId(),
      runId: run.id,
      runAttempt: run.runAttempt,
      name: seed.name,
      status: 'completed',
      conclusion: seed.conclusion,
      steps: [
        { name: 'Set up job', number: 0, status: 'completed' as const, conclusion: 'success' },
        ...steps
      ].map((step, index): JobStepRecord => ({ ...step, number: index + 1 })),
      log: seed.log === undefined ? `2024-01-01T00:00:00.0000000Z ${seed.name} ran\n` : seed.log,
      startedAt: now,
      completedAt: now
    };
    ctx.state.jobs.set(job.id, job);
  }
}

/** Records a finished (or running) workflow run with its jobs and their logs. */
export async function seedWorkflowRun(
  ctx: EmulatorContext,
  seed: SeedWorkflowRun
): Promise<WorkflowRunRecord> {
  const headSha = seed.headSha ?? (await ctx.git.branchSha(seed.headBranch));
  if (!headSha) throw new Error(`the emulator's repository has no branch ${seed.headBranch}`);
  const workflowId = workflowIdOf(seed.workflow);
  const runNumber = [...ctx.state.workflowRuns.values()].filter(r => r.workflowId === workflowId).length + 1;
  const now = ctx.state.now();
  const run: WorkflowRunRecord = {
    id: ctx.state.allocateId(),
    workflowId,
    name: seed.workflow,
    path: seed.path ?? `.github/workflows/${seed.workflow.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yml`,
    headBranch: seed.headBranch,
    headSha,
    event: seed.event ?? 'pull_request',
    status: seed.status ?? 'completed',
    conclusion: seed.conclusion,
    runNumber,
    runAttempt: 1,
    actor: seed.actor,
    triggeringActor: seed.triggeringActor ?? seed.actor,
    headOwner: seed.forkOwner ?? ctx.owner,
    createdAt: now,
    updatedAt: now
  };
  ctx.state.workflowRuns.set(run.id, run);
  addJobs(ctx, run, seed.jobs);
  return run;
}

/** "Re-run jobs": the same run, its next attempt, with new jobs (the earlier attempt's stay for `filter=all`). */
export function rerunWorkflowRun(
  ctx: EmulatorContext,
  runId: number,
  rerun: { conclusion: SeedWorkflowRun['conclusion']; jobs: SeedJob[]; triggeringActor?: string }
): WorkflowRunRecord {
  const run = ctx.state.workflowRuns.get(runId);
  if (!run) throw new Error(`the emulator has no workflow run ${runId}`);
  run.runAttempt += 1;
  run.conclusion = rerun.conclusion;
  run.status = 'completed';
  run.updatedAt = ctx.state.now();
  if (rerun.triggeringActor) run.triggeringActor = rerun.triggeringActor;
  addJobs(ctx, run, rerun.jobs);
  return run;
}

/** Open pull requests of this repository whose head branch the run ran on (GitHub lists no fork's). */
function linkedPulls(ctx: EmulatorContext, run: WorkflowRunRecord): Json[] {
  if (run.headOwner.toLowerCase() !== ctx.owner.toLowerCase()) return [];
  const repo = { id: userId(`${ctx.owner}/${ctx.repo}`) + 7, url: repoApiUrl(ctx), name: ctx.repo };
  return [...ctx.state.pulls.values()]
    .filter(
      p => !p.fromFork && p.headRef === run.headBranch && ctx.state.issues.get(p.number)?.state === 'open'
    )
    .map(p => ({
      url: `${repoApiUrl(ctx)}/pulls/${p.number}`,
      id: p.id,
      number: p.number,
      head: { ref: p.headRef, sha: p.headSha, repo },
      base: { ref: p.baseRef, sha: '', repo }
    }));
}

export function workflowRunJson(ctx: EmulatorContext, run: WorkflowRunRecord): Json {
  const api = `${repoApiUrl(ctx)}/actions/runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.name,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id + 1,
    url: api,
    html_url: `${repoHtmlUrl(ctx)}/actions/runs/${run.id}`,
    pull_requests: linkedPulls(ctx, run),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: userJson(ctx, run.actor),
    run_attempt: run.runAttempt,
    run_started_at: run.createdAt,
    triggering_actor: userJson(ctx, run.triggeringActor),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApiUrl(ctx)}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${api}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${repoApiUrl(ctx)}/actions/workflows/${run.workflowId}`,
    head_commit: { id: run.headSha, tree_id: '', message: '', timestamp: run.createdAt },
    repository: repoJson(ctx),
    head_repository: repoJson(ctx, run.headOwner)
  };
}

export function workflowJson(ctx: EmulatorContext, run: WorkflowRunRecord): Json {
  return {
    id: run.workflowId,
    node_id: nodeId('Workflow', run.workflowId),
    name: run.name,
    path: run.path,
    state: 'active',
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
    url: `${repoApiUrl(ctx)}/actions/workflows/${run.workflowId}`,
    html_url: `${repoHtmlUrl(ctx)}/blob/${ctx.defaultBranch}/${run.path}`,
    badge_url: `${repoHtmlUrl(ctx)}/workflows/${encodeURIComponent(run.name)}/badge.svg`
  };
}

function jobJson(ctx: EmulatorContext, run: WorkflowRunRecord, job: JobRecord): Json {
  return {
    id: job.id,
    run_id: run.id,
    workflow_name: run.name,
    head_branch: run.headBranch,
    run_url: `${repoApiUrl(ctx)}/actions/runs/${run.id}`,
    run_attempt: job.runAttempt,
    node_id: nodeId('CheckRun', job.id),
    head_sha: run.headSha,
    url: `${repoApiUrl(ctx)}/actions/jobs/${job.id}`,
    html_url: `${repoHtmlUrl(ctx)}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.startedAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map(step => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: job.startedAt,
      completed_at: job.completedAt
    })),
    check_run_url: `${repoApiUrl(ctx)}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 1,
    runner_group_name: 'GitHub Actions'
  };
}

/** `{ total_count, <key>: [...] }` pages with GitHub's Link header, as the Actions lists answer. */
function wrappedPage(ctx: EmulatorContext, req: ApiRequest, key: string, items: Json[]): ApiResponse {
  const perPage = Math.min(Math.max(Number(req.query.get('per_page')) || 30, 1), 100);
  const page = Math.max(Number(req.query.get('page')) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string) => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(p));
    return `<${ctx.apiUrl}${req.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links = page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : [];
  return {
    status: 200,
    body: { total_count: items.length, [key]: items.slice((page - 1) * perPage, page * perPage) },
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  };
}

function runOf(ctx: EmulatorContext, req: ApiRequest): WorkflowRunRecord {
  repoGuard(ctx, req);
  const run = ctx.state.workflowRuns.get(positiveInt(req.params.run_id, 'run'));
  if (!run) throw notFound();
  return run;
}

export function actionRoutes(ctx: EmulatorContext, storage: LogStorage): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/actions/runs',
      handler: req => {
        repoGuard(ctx, req);
        const q = req.query;
        const runs = [...ctx.state.workflowRuns.values()]
          .filter(r => !q.get('head_sha') || r.headSha === q.get('head_sha'))
          .filter(r => !q.get('branch') || r.headBranch === q.get('branch'))
          .filter(r => !q.get('event') || r.event === q.get('event'))
          .filter(r => !q.get('actor') || r.actor === q.get('actor'))
          .filter(r => !q.get('status') || r.status === q.get('status') || r.conclusion === q.get('status'))
          .sort((a, b) => b.id - a.id)
          .map(r => workflowRunJson(ctx, r));
        return wrappedPage(ctx, req, 'workflow_runs', runs);
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/actions/runs/:run_id',
      handler: req => ({ status: 200, body: workflowRunJson(ctx, runOf(ctx, req)) })
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/actions/runs/:run_id/jobs',
      handler: req => {
        const run = runOf(ctx, req);
        const filter = req.query.get('filter') ?? 'latest';
        if (filter !== 'latest' && filter !== 'all') {
          throw new HttpError(422, `Invalid filter: ${filter}`);
        }
        const jobs = jobsOf(ctx, run, filter === 'all' ? 'all' : run.runAttempt);
        return wrappedPage(
          ctx,
          req,
          'jobs',
          jobs.map(job => jobJson(ctx, run, job))
        );
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt/jobs',
      handler: req => {
        const run = runOf(ctx, req);
        const attempt = positiveInt(req.params.attempt, 'attempt');
        const jobs = jobsOf(ctx, run, attempt);
        return wrappedPage(
          ctx,
          req,
          'jobs',
          jobs.map(job => jobJson(ctx, run, job))
        );
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/actions/jobs/:job_id',
      handler: req => {
        repoGuard(ctx, req);
        const job = ctx.state.jobs.get(positiveInt(req.params.job_id, 'job'));
        const run = job && ctx.state.workflowRuns.get(job.runId);
        if (!job || !run) throw notFound();
        return { status: 200, body: jobJson(ctx, run, job) };
      }
    },
    {
      // GitHub answers with a redirect to a short-lived storage URL on another origin.
      method: 'GET',
      pattern: '/repos/:owner/:repo/actions/jobs/:job_id/logs',
      handler: req => {
        repoGuard(ctx, req);
        const job = ctx.state.jobs.get(positiveInt(req.params.job_id, 'job'));
        if (!job || job.log === null) throw notFound();
        if (job.log === 'expired') throw new HttpError(410, 'Gone');
        return { status: 302, headers: { location: storage.signedUrl(job.id) } };
      }
    }
  ];
}

/** The stored log of a job, for the storage server. */
export function storedLog(ctx: EmulatorContext, jobId: number): string | Buffer | null {
  const log = ctx.state.jobs.get(jobId)?.log;
  return log === undefined || log === null || log === 'expired' ? null : log;
}
