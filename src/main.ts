import { join } from 'node:path';
import { Transcript } from './agent/transcript.js';
import { ConfigError } from './config/load.js';
import type { Dependencies } from './dependencies.js';
import { addReaction, ProgressComment } from './github/comments.js';
import { runMarker } from './github/markers.js';
import { Redactor } from './report/redact.js';
import { emptyOutcome, type RunOutcome } from './report/outcome.js';
import { renderFinalComment, renderProgressComment, type ProgressState } from './report/comment.js';
import { outputValues, writeOutputs, writeStepSummary } from './report/outputs.js';
import { escapeCommandData, neutralizeWorkflowCommands } from './report/workflow-commands.js';
import { RunFailed, RunRefused } from './run/errors.js';
import { startRun, type StartedRun } from './run/start.js';
import { EventError } from './trigger/event.js';
import { threadNumber, type ActedDecision } from './trigger/decision.js';
import { errorMessage } from './error-message.js';

/** Exit codes of the action: 0 done (success, no changes, refused, ignored), 1 failed or stopped at a budget. */
function exitCodeFor(outcome: RunOutcome): number {
  return outcome.conclusion === 'failure' || outcome.conclusion === 'budget_exhausted' ? 1 : 0;
}

/** The key of the hidden marker: the same trigger finds and edits the same comment on a re-run. */
function markerKey(eventName: string, decision: ActedDecision): string {
  if (decision.commentId !== undefined) return `comment-${decision.commentId}`;
  const number = threadNumber(decision.target) ?? 0;
  if (eventName === 'pull_request') return `pr-${number}-auto`;
  return `issue-${number}-${eventName}`;
}

/**
 * One run of the action, as the runner starts it:
 * read the event → load trusted settings → route and authorize → react and open the progress
 * comment → run the agent → publish (PR, review, answer) → final comment, outputs, summary.
 * Returns the exit code; never throws.
 */
export async function run(deps: Dependencies): Promise<number> {
  const log = (line: string) => deps.stdout(line);
  const fail = (message: string) => log(`::error::${escapeCommandData(message)}`);

  // 1. What happened, where, with which settings, and who asked. Mistakes here get an annotation.
  let started: StartedRun;
  try {
    started = await startRun(deps, { log, fail });
  } catch (error) {
    const redactor = Redactor.fromEnvironment(deps.env);
    if (error instanceof EventError || error instanceof ConfigError) fail(redactor.redact(error.message));
    else fail(redactor.redact(`Kubrick could not start: ${errorMessage(error)}`));
    writeOutputs(deps.env, outputValues({ ...emptyOutcome(), conclusion: 'failure' }, null));
    return 1;
  }
  const { eventName, runner, gh, settings, decision, configProblem, defaultBranch, redactor } = started;

  if (decision.action === 'ignore') {
    log(`Kubrick: nothing to do (${redactor.redact(decision.reason).replace(/\.$/, '')}).`);
    writeOutputs(deps.env, { ...outputValues(emptyOutcome(), null), conclusion: '' });
    return 0;
  }

  // The agent, the policy engine, the sandbox and git are most of the bundle. They load while the
  // progress comment and the policy are on their way, instead of before the first GitHub request.
  const execution = decision.action === 'run' ? import('./run/execute.js') : null;
  execution?.catch(() => undefined); // awaited (and reported) below; this only marks it handled

  // 2. From here on the requester is authorized (or refused with an explanation): every path ends
  // with a final comment on the issue or PR, when there is one.
  const startedAt = deps.now();
  const outcome: RunOutcome = {
    ...emptyOutcome(decision.action === 'run' ? decision.task : ''),
    mode: decision.mode ?? null,
    maxIterations: settings.max_iterations,
    runUrl: runner.runUrl,
    transcriptPath: join(runner.scratchDir, `transcript-${runner.runId}-${Date.now().toString(36)}.jsonl`)
  };
  const issueNumber = threadNumber(decision.target);
  const marker = runMarker(markerKey(eventName, decision));
  let comment: ProgressComment | null = null;
  let reaction: Promise<boolean> | null = null;
  const progress: ProgressState = {
    mode: decision.mode ?? null,
    task: outcome.task,
    steps: [{ label: 'Checked the requester’s permission', done: true }],
    iteration: 0,
    maxIterations: settings.max_iterations,
    recent: [],
    runUrl: runner.runUrl
  };
  const showProgress = () => {
    if (comment) comment.update(redactor.redact(renderProgressComment(marker, progress)));
  };

  try {
    if (issueNumber !== undefined) {
      comment = await ProgressComment.start(gh, {
        owner: runner.owner,
        repo: runner.repo,
        issueNumber,
        marker,
        body: redactor.redact(renderProgressComment(marker, progress)),
        trustedAuthors: settings.allowed_bots
      });
      // The 👀 goes out behind the comment without holding up the run (GitHub spaces writes a
      // second apart); it is awaited before the process ends.
      if (decision.commentId !== undefined && decision.action === 'run') {
        reaction = addReaction(gh, {
          owner: runner.owner,
          repo: runner.repo,
          content: 'eyes',
          kind: decision.commentKind === 'review_comment' ? 'review_comment' : 'issue_comment',
          commentId: decision.commentId
        });
      }
    }
    if (decision.action === 'refuse') throw new RunRefused(decision.reason);
    const request = decision; // a run from here on
    if (configProblem) throw new RunFailed(configProblem);

    const transcript = new Transcript(outcome.transcriptPath, redactor, deps.now);
    transcript.record({
      type: 'trigger',
      event: eventName,
      decision: { ...request, task: undefined },
      task: request.task
    });
    const { executeRun } = await (execution ?? import('./run/execute.js'));
    await executeRun({
      deps,
      gh,
      runner,
      settings,
      defaultBranch,
      ownLogin: comment?.authorLogin,
      decision: request,
      outcome,
      transcript,
      redactor,
      progress: {
        step: label => {
          progress.steps.push({ label, done: true });
          showProgress();
        },
        turn: iteration => {
          progress.iteration = iteration;
          showProgress();
        },
        tool: line => {
          progress.recent = [...progress.recent, line].slice(-5);
          showProgress();
        }
      }
    });
  } catch (error) {
    if (error instanceof RunRefused) {
      outcome.conclusion = 'refused';
      outcome.reason = error.message;
    } else {
      outcome.conclusion = 'failure';
      outcome.reason =
        error instanceof RunFailed ? error.message : `an unexpected error occurred: ${errorMessage(error)}`;
    }
  }

  // 3. The report: final comment, outputs (conclusion first), job summary. Each is attempted even
  // when another fails, and secrets are removed from all of them.
  outcome.durationMs = deps.now() - startedAt;
  await reaction;
  let exitCode = exitCodeFor(outcome);
  if (comment) {
    try {
      await comment.finalize(redactor.redact(renderFinalComment(marker, outcome)));
    } catch (error) {
      fail(redactor.redact(`Kubrick could not write its final comment: ${errorMessage(error)}`));
      exitCode = 1;
    }
  }
  writeOutputs(deps.env, redactor.redactValue(outputValues(outcome, comment?.id ?? null)));
  try {
    writeStepSummary(deps.env, redactor.redactValue(outcome));
  } catch (error) {
    log(`::warning::${escapeCommandData(`could not write the job summary: ${errorMessage(error)}`)}`);
  }
  const headline = `Kubrick: ${outcome.conclusion}${outcome.reason ? `: ${outcome.reason}` : ''}`;
  if (outcome.conclusion === 'failure' || outcome.conclusion === 'budget_exhausted')
    fail(redactor.redact(headline));
  else log(neutralizeWorkflowCommands(redactor.redact(headline)));
  return exitCode;
}
