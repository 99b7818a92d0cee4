import { MODEL_MASK } from '../report/redact.js';
import { checkoutPrHead, checkoutRemoteBranch } from '../git/checkout.js';
import { GitError } from '../git/errors.js';
import { fetchRef } from '../git/remote.js';
import { getIssue } from '../github/issues.js';
import { getPull } from '../github/pulls.js';
import type { PreparedTarget, PrepareOptions } from '../run/prepare-target.js';
import { RunFailed } from '../run/errors.js';
import { ciLogTool, type CiJobLog } from '../tools/ci-log.js';
import type { CiRequest, FailedRun, RunDecision } from '../trigger/decision.js';
import { attemptTrailer } from './attempts.js';
import { ciBranch } from './branch.js';
import { downloadJobLog, LogAccessError } from './log-download.js';
import { viewJobLog } from './log-excerpt.js';
import { cleanJobLog } from './log-text.js';
import { ciTaskText, type JobLogForPrompt } from './prompt.js';
import {
  codeName,
  failedRunLines,
  rerunNote,
  type CiOutcome,
  type ReportedJob,
  type ReportedRun
} from './report.js';
import { CiApiError, listRunJobs, runUrl } from './runs.js';

/** Runs worked on at once (fix-ci on a commit where many workflows failed). */
const MAX_RUNS = 5;
/** Failed jobs whose logs are read; the others are named. */
const MAX_LOGS = 8;
const DOWNLOADS_AT_ONCE = 4;

export interface CiPrepareOptions extends PrepareOptions {
  decision: RunDecision & { ci: CiRequest };
  /** HTTP for the log downloads (the token goes only to the API, never to the storage they redirect to). */
  fetch: typeof fetch;
}

interface ReadLogs {
  prompt: JobLogForPrompt[];
  tool: CiJobLog[];
}

type JobOfRun = { job: ReportedJob; run: FailedRun };

async function readLogs(options: CiPrepareOptions, jobs: readonly JobOfRun[]): Promise<ReadLogs> {
  const { runner, settings } = options;
  const download = {
    apiUrl: runner.apiUrl,
    token: settings.github_token,
    owner: runner.owner,
    repo: runner.repo,
    fetch: options.fetch
  };
  const prompt: JobLogForPrompt[] = [];
  const tool: CiJobLog[] = [];
  for (let at = 0; at < jobs.length; at += DOWNLOADS_AT_ONCE) {
    const batch = jobs.slice(at, at + DOWNLOADS_AT_ONCE);
    const logs = await Promise.all(batch.map(({ job }) => downloadJobLog(download, job.id)));
    logs.forEach((log, index) => {
      const { job, run } = batch[index] as JobOfRun;
      if (log.kind === 'missing') {
        prompt.push({ jobId: job.id, excerpt: null, missing: log.reason, totalChars: 0, errorOffsets: [] });
        return;
      }
      const view = viewJobLog(cleanJobLog(log.text), job.failedSteps);
      // GitHub masks the secrets it knows in logs; the run's own (token, API key) are masked here too.
      view.excerpt = options.redactor?.redact(view.excerpt, MODEL_MASK) ?? view.excerpt;
      prompt.push({
        jobId: job.id,
        excerpt: view.excerpt,
        totalChars: view.text.length,
        errorOffsets: view.errorOffsets
      });
      tool.push({
        id: job.id,
        name: job.name,
        runId: run.id,
        text: view.text,
        errorOffsets: view.errorOffsets
      });
    });
  }
  return { prompt, tool };
}

/** The failed runs with their jobs, as the report names them. */
async function reportedRuns(options: CiPrepareOptions): Promise<ReportedRun[]> {
  const { gh, runner } = options;
  const where = { owner: runner.owner, repo: runner.repo };
  const reported: ReportedRun[] = [];
  for (const run of options.decision.ci.runs.slice(0, MAX_RUNS)) {
    const jobs = await listRunJobs(gh, where, run.id);
    reported.push({
      run,
      url: runUrl(runner.serverUrl, where, run.id),
      failedJobs: jobs.failed.map(job => ({
        id: job.id,
        name: job.name,
        failedSteps: job.failedSteps,
        url: runUrl(runner.serverUrl, where, run.id, job.id)
      })),
      otherJobs: jobs.others
    });
  }
  return reported;
}

/** The failed runs' jobs and the logs of the failed ones; GitHub's refusals end the run with what to do. */
async function readFailures(options: CiPrepareOptions) {
  try {
    const reported = await reportedRuns(options);
    const failedJobs: JobOfRun[] = reported.flatMap(r => r.failedJobs.map(job => ({ job, run: r.run })));
    const logs = await readLogs(options, failedJobs.slice(0, MAX_LOGS));
    return { reported, logs, unread: failedJobs.slice(MAX_LOGS).map(({ job }) => job.name) };
  } catch (error) {
    if (error instanceof CiApiError || error instanceof LogAccessError) throw new RunFailed(error.message);
    throw error;
  }
}

/** Puts the workspace at the commit that failed on the default branch, on the fix branch (or continues it). */
async function checkoutDefaultBranchFix(options: CiPrepareOptions, run: FailedRun) {
  const { git, auth, settings } = options;
  const branch = ciBranch(settings.branch_prefix, run);
  const existing = await checkoutRemoteBranch(git, { branch, auth });
  if (existing.existed) return { branch, headSha: existing.headSha, existed: true };
  if (existing.headSha !== run.headSha) {
    const sha = await fetchRef(
      { git, remote: 'origin', auth },
      run.headSha,
      'refs/remotes/origin/kubrick-ci-base'
    );
    if (sha !== run.headSha) {
      throw new GitError(`The commit ${run.headSha.slice(0, 7)} that failed is not on the remote any more.`);
    }
  }
  const switched = await git.exec(['switch', '--quiet', '--no-guess', '-C', branch, run.headSha], {
    allowFailure: true
  });
  if (switched.exitCode !== 0) {
    throw new GitError(
      `Could not check out ${run.headSha.slice(0, 8)}: ${git.redact(switched.stderr).trim()}`
    );
  }
  return { branch, headSha: run.headSha, existed: false };
}

/** "Fix CI: CI (test, lint)" plus the attempt trailers later runs count. */
function commitMessage(reported: readonly ReportedRun[], fixRunId: string): string {
  const workflows = [...new Set(reported.map(r => r.run.workflowName))].join(', ');
  const jobs = [...new Set(reported.flatMap(r => r.failedJobs.map(j => j.name)))];
  const jobText = jobs.length > 0 ? ` (${jobs.slice(0, 3).join(', ')}${jobs.length > 3 ? ', …' : ''})` : '';
  const subject = `Fix CI: ${workflows}${jobText}`.replace(/[\r\n]/g, ' ');
  const trailer = attemptTrailer(
    reported.map(r => r.run),
    fixRunId
  );
  return `${subject.length > 100 ? `${subject.slice(0, 99)}…` : subject}\n\n${trailer}`;
}

/**
 * A CI fix or explanation: the failed runs' jobs and logs become the task (and the ci_log tool's
 * pages), and the workspace goes where the fix will be pushed: the pull request's branch, the fix
 * branch of a default-branch failure, or (an explanation of a fork's failure) the pull request's
 * head, detached, for reading only.
 */
export async function prepareCiTarget(options: CiPrepareOptions): Promise<PreparedTarget> {
  const { gh, git, auth, runner, decision, defaultBranch } = options;
  const where = { owner: runner.owner, repo: runner.repo };
  const { ci, target } = decision;
  const { reported, logs, unread } = await readFailures(options);
  const outcome: CiOutcome = {
    runs: reported,
    capped: ci.capped ?? [],
    explain: ci.explain === true,
    attempted: true,
    capRefusal: false,
    fixRunId: runner.runId
  };
  const tools = logs.tool.length > 0 ? [ciLogTool(logs.tool)] : [];
  const first = ci.runs[0] as FailedRun;
  const common = { ci: outcome, tools };
  const taskInput = {
    ci,
    runs: reported,
    logs: logs.prompt,
    unread,
    requester: decision.requester,
    defaultBranch
  };

  if (target.kind === 'commit') {
    const checkout = await checkoutDefaultBranchFix(options, first);
    const task = ciTaskText({ ...taskInput, pull: null });
    return {
      ...common,
      task,
      preparedLabel: `Read the logs of ${failedJobsLabel(reported)}${checkout.existed ? ` and continued \`${checkout.branch}\`` : ''}`,
      branch: checkout.branch,
      branchMode: 'own-branch',
      baseSha: checkout.headSha,
      commitMessage: commitMessage(reported, runner.runId),
      pullRequest: {
        title:
          `Fix CI on ${defaultBranch}: ${first.workflowName} failed at ${first.headSha.slice(0, 7)}`.slice(
            0,
            200
          ),
        context: [...failedRunLines(outcome), rerunNote(outcome)].join('\n\n')
      }
    };
  }

  if (target.kind !== 'pull_request') throw new RunFailed('failed CI is fixed on a pull request or a commit');
  const [issue, pull] = await Promise.all([
    getIssue(gh, { ...where, issueNumber: target.number }),
    getPull(gh, { ...where, number: target.number })
  ]);
  const task = ciTaskText({ ...taskInput, pull });
  if (ci.explain) {
    const sha = await fetchRef(
      { git, remote: 'origin', auth },
      `refs/pull/${pull.number}/head`,
      `refs/remotes/origin/pr/${pull.number}`
    );
    if (sha) await git.exec(['checkout', '--quiet', '--detach', sha]);
    return {
      ...common,
      task,
      preparedLabel: `Read the logs of ${failedJobsLabel(reported)}`,
      issue,
      pull,
      branch: null,
      branchMode: 'own-branch',
      baseSha: sha ?? undefined
    };
  }
  if (pull.isFork) throw new RunFailed('the pull request comes from a fork, where Kubrick never pushes');
  const head = await checkoutPrHead(git, { prNumber: pull.number, headRef: pull.headRef, auth });
  return {
    ...common,
    task,
    preparedLabel: `Read the logs of ${failedJobsLabel(reported)} and checked out \`${pull.headRef}\``,
    issue,
    pull,
    branch: pull.headRef,
    branchMode: 'pr-head',
    baseSha: head.headSha,
    commitMessage: commitMessage(reported, runner.runId)
  };
}

function failedJobsLabel(reported: readonly ReportedRun[]): string {
  const jobs = reported.flatMap(r => r.failedJobs.map(j => codeName(j.name)));
  if (jobs.length === 0) return 'the failed run';
  return jobs.length <= 3 ? jobs.join(', ') : `${jobs.length} failed jobs`;
}
