import { join } from 'node:path';
import { Transcript } from './agent/transcript.js';
import { openingCiOutcome } from './ci/report.js';
import type { Dependencies } from './dependencies.js';
import { errorMessage } from './error-message.js';
import { GitError } from './git/errors.js';
import { GitHubAccessError } from './github/access.js';
import { runMarker } from './github/markers.js';
import { conclusionOf, type RunEnd } from './report/conclusion.js';
import { emptyOutcome, type RunOutcome } from './report/outcome.js';
import { RunProgress } from './report/progress.js';
import { reportIgnored, reportRun, reportStartFailure } from './report/run-report.js';
import { MIN_SECRET_LENGTH, Redactor } from './report/redact.js';
import { addMaskCommands, workflowLog } from './report/workflow-commands.js';
import { RunFailed, RunRefused } from './run/errors.js';
import type { executeRun } from './run/execute.js';
import { startRun, type StartedRun } from './run/start.js';
import { threadNumber, type ActedDecision, type RunDecision } from './trigger/decision.js';

/** The key of the hidden marker: the same trigger finds and edits the same comment on a re-run. */
function markerKey(eventName: string, decision: ActedDecision): string {
  if (decision.commentId !== undefined) return `comment-${decision.commentId}`;
  // Each failed run (and each re-run of it) gets its own report: earlier ones count as attempts.
  const failed = decision.ci?.source === 'workflow_run' ? decision.ci.runs[0] : undefined;
  if (failed) return `ci-run-${failed.id}-${failed.attempt}`;
  const number = threadNumber(decision.target) ?? 0;
  if (eventName === 'pull_request') return `pr-${number}-auto`;
  return `issue-${number}-${eventName}`;
}

/** What the report says before anything has happened; the run fills it in as it goes. */
function openingOutcome(started: StartedRun, decision: ActedDecision, now: number): RunOutcome {
  const { runner, settings } = started;
  return {
    ...emptyOutcome(decision.action === 'run' ? decision.task : ''),
    mode: decision.mode ?? null,
    maxIterations: settings.max_iterations,
    runUrl: runner.runUrl,
    transcriptPath: join(runner.scratchDir, `transcript-${runner.runId}-${now.toString(36)}.jsonl`),
    ci: decision.ci ? openingCiOutcome(decision, runner) : null
  };
}

/** Prepares, runs the agent and publishes; how that went is the RunEnd the conclusion comes from. */
async function carryOut(
  deps: Dependencies,
  started: StartedRun,
  request: RunDecision,
  report: { outcome: RunOutcome; progress: RunProgress },
  execution: Promise<{ executeRun: typeof executeRun }>
): Promise<RunEnd> {
  const { outcome, progress } = report;
  const transcript = new Transcript(outcome.transcriptPath, started.redactor, deps.now);
  transcript.record({
    type: 'trigger',
    event: started.eventName,
    decision: { ...request, task: undefined },
    task: request.task
  });
  const { executeRun } = await execution;
  return executeRun({
    deps,
    started,
    ownLogin: progress.ownLogin,
    decision: request,
    outcome,
    transcript,
    progress
  });
}

/**
 * One run of the action, as the runner starts it:
 * read the event → load trusted settings → route and authorize → react and open the progress
 * comment → run the agent → publish (PR, review, answer) → final comment, outputs, summary.
 * Returns the exit code; never throws.
 */
export async function run(deps: Dependencies): Promise<number> {
  const log = workflowLog(deps.stdout);
  // 0. Before anything is printed, the runner learns every secret value (the inputs github_token and
  // api_key, and every secret-named variable) and masks it in all later log lines, whoever writes them.
  const redactor = Redactor.fromEnvironment(deps.env);
  for (const line of addMaskCommands(redactor.secrets, MIN_SECRET_LENGTH)) deps.stdout(line);
  // 1. What happened, where, with which settings, and who asked. Mistakes here get an annotation.
  let started: StartedRun;
  try {
    started = await startRun(deps, log, redactor);
  } catch (error) {
    return reportStartFailure(deps.env, log, error, redactor);
  }
  const { eventName, runner, gh, settings, decision } = started;
  if (decision.action === 'ignore') return reportIgnored(deps.env, log, redactor.redact(decision.reason));

  // The agent, the policy engine, the sandbox and git are most of the bundle. They load while the
  // progress comment and the policy are on their way, instead of before the first GitHub request.
  const execution = decision.action === 'run' ? import('./run/execute.js') : null;
  execution?.catch(() => undefined); // awaited (and reported) in carryOut; this only marks it handled

  // 2. From here on the requester is authorized (or refused with an explanation): every path ends
  // with a final comment on the issue or PR, when there is one.
  const startedAt = deps.now();
  const outcome = openingOutcome(started, decision, startedAt);
  const progress = new RunProgress({
    gh,
    owner: runner.owner,
    repo: runner.repo,
    issueNumber: threadNumber(decision.target),
    marker: runMarker(markerKey(eventName, decision)),
    trustedAuthors: settings.allowed_bots,
    redactor,
    mode: outcome.mode,
    task: outcome.task,
    maxIterations: settings.max_iterations,
    runUrl: runner.runUrl
  });
  let end: RunEnd;
  try {
    const trigger =
      decision.action === 'run' && decision.commentId !== undefined
        ? { kind: decision.commentKind ?? 'issue_comment', id: decision.commentId }
        : null;
    await progress.open(trigger);
    if (decision.action === 'refuse') throw new RunRefused(decision.reason);
    if (started.configProblem) throw new RunFailed(started.configProblem);
    end = await carryOut(
      deps,
      started,
      decision,
      { outcome, progress },
      execution ?? import('./run/execute.js')
    );
  } catch (error) {
    if (error instanceof RunRefused) end = { kind: 'refused', reason: error.message };
    else if (error instanceof RunFailed || error instanceof GitHubAccessError || error instanceof GitError)
      end = { kind: 'failed', reason: error.message };
    else end = { kind: 'failed', reason: `an unexpected error occurred: ${errorMessage(error)}` };
  }

  // 3. The report.
  Object.assign(outcome, conclusionOf(end));
  outcome.durationMs = deps.now() - startedAt;
  return reportRun(deps.env, log, { outcome, progress, redactor });
}
