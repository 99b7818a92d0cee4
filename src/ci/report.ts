import type { RunnerContext } from '../run/runner-context.js';
import type { ActedDecision, FailedRun } from '../trigger/decision.js';
import { attemptMarker, capMarker } from './attempts.js';
import { runUrl } from './runs.js';

/** A failed job as the report names it. */
export interface ReportedJob {
  id: number;
  name: string;
  failedSteps: string[];
  url: string;
}

/** A failed run as the report names it. */
export interface ReportedRun {
  run: FailedRun;
  url: string;
  failedJobs: ReportedJob[];
  /** The jobs of the run that did not fail. */
  otherJobs: string[];
}

/** What the final comment, the job summary and the outputs say about a run that was about failed CI. */
export interface CiOutcome {
  runs: ReportedRun[];
  /** Workflows that failed too but reached max_ci_fix_attempts: not worked on, said once. */
  capped: FailedRun[];
  /** A fork's pull request: a read-only explanation, nothing pushed. */
  explain: boolean;
  /** The agent was started: later runs count this run as an attempt (a hidden marker says so). */
  attempted: boolean;
  /** The cap was announced by this run's refusal. */
  capRefusal: boolean;
  /** This run's id (GITHUB_RUN_ID), which its attempt markers carry. */
  fixRunId: string;
}

/**
 * What the report knows about the CI request before any job is read: the failed runs (a refusal
 * names them, and a cap refusal is marked so it is said once).
 */
export function openingCiOutcome(decision: ActedDecision, runner: RunnerContext): CiOutcome | null {
  const { ci } = decision;
  if (!ci) return null;
  const where = { owner: runner.owner, repo: runner.repo };
  const capped = ci.capped ?? [];
  const refusedAtCap = decision.action === 'refuse' && capped.length > 0;
  return {
    runs: (refusedAtCap ? capped : ci.runs).map(run => ({
      run,
      url: runUrl(runner.serverUrl, where, run.id),
      failedJobs: [],
      otherJobs: []
    })),
    capped,
    explain: ci.explain === true,
    attempted: false,
    capRefusal: refusedAtCap,
    fixRunId: runner.runId
  };
}

/** Names from workflow files, made safe for an inline code span (never a line break or backtick). */
export function codeName(name: string): string {
  const clean = name.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return `\`${clean || '?'}\``;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "job `test` (step `Run npm test`)", for each failed job of a run. */
function jobsLine(run: ReportedRun): string {
  if (run.failedJobs.length === 0) return 'no job failed (the workflow itself may not have started)';
  const shown = run.failedJobs.slice(0, 10).map(job => {
    const steps =
      job.failedSteps.length > 0 ? ` (step ${job.failedSteps.slice(0, 3).map(codeName).join(', ')})` : '';
    return `[${codeName(job.name)}](${job.url})${steps}`;
  });
  const more = run.failedJobs.length - shown.length;
  return `${run.failedJobs.length === 1 ? 'job' : 'jobs'} ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** One line per failed run: the workflow, the link to the run, the failed jobs and steps. */
export function failedRunLines(ci: CiOutcome): string[] {
  return ci.runs.map(reported => {
    const { run } = reported;
    const how = run.conclusion === 'timed_out' ? 'timed out' : 'failed';
    // Jobs are read only once a run starts working on the failure.
    const jobs = ci.attempted ? `: ${jobsLine(reported)}` : '';
    return `**CI:** the workflow ${codeName(run.workflowName)} ${how} in [run ${run.id}](${reported.url}) on \`${run.headSha.slice(0, 7)}\`${jobs}.`;
  });
}

/** What to do so CI runs on what Kubrick pushed, which GITHUB_TOKEN pushes never start. */
export function rerunNote(ci: CiOutcome): string {
  const links = ci.runs.map(r => `[run ${r.run.id}](${r.url})`).join(', ');
  return `**Re-run CI to check the fix:** pushes made with the workflow's \`GITHUB_TOKEN\` start no workflows (a GitHub rule), so CI has not run on this commit yet. Re-run the failed jobs of ${links || 'the failed run'} or push any commit; to have Kubrick's pushes start CI themselves, pass a GitHub App token from \`actions/create-github-app-token\` as \`github_token\`.`;
}

/** The hidden markers later runs count attempts and announced caps by. */
export function ciMarkers(ci: CiOutcome): string[] {
  const markers = ci.attempted ? ci.runs.map(r => attemptMarker(r.run, ci.fixRunId)) : [];
  const capped = ci.capRefusal || ci.attempted ? ci.capped : [];
  for (const id of new Set(capped.map(run => run.workflowId))) markers.push(capMarker(id));
  return markers;
}

/** The CI part of the final comment. `pushed`: the run put commits on a branch. */
export function renderCiSection(ci: CiOutcome, pushed: boolean): string {
  const lines = failedRunLines(ci);
  if (ci.capped.length > 0 && !ci.capRefusal) {
    const names = [...new Set(ci.capped.map(run => codeName(run.workflowName)))].join(', ');
    lines.push(
      `**Not worked on:** ${names} failed too, but reached max_ci_fix_attempts on this pull request (${plural(ci.capped.length, 'run')}).`
    );
  }
  if (ci.explain && ci.attempted) {
    lines.push(
      '**This pull request comes from a fork**, so Kubrick only explains the failure: it pushed nothing and ran no command.'
    );
  }
  if (pushed && !ci.explain) lines.push(rerunNote(ci));
  return [...lines, ...ciMarkers(ci)].join('\n\n');
}
