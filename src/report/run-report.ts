import { ConfigError } from '../config/load.js';
import type { Dependencies } from '../dependencies.js';
import { errorMessage } from '../error-message.js';
import { GitHubAccessError } from '../github/access.js';
import { EventError } from '../trigger/event.js';
import { emptyOutcome, type RunOutcome } from './outcome.js';
import { outputValues, writeOutputs, writeStepSummary } from './outputs.js';
import type { RunProgress } from './progress.js';
import type { Redactor } from './redact.js';
import { neutralizeWorkflowCommands, type WorkflowLog } from './workflow-commands.js';

/** Exit codes of the action: 0 done (success, no changes, refused, ignored), 1 failed or stopped at a budget. */
function exitCodeFor(outcome: RunOutcome): number {
  return outcome.conclusion === 'failure' || outcome.conclusion === 'budget_exhausted' ? 1 : 0;
}

/** Nothing could start (no event, no token, …): an annotation and the outputs of a failure. */
export function reportStartFailure(
  env: Dependencies['env'],
  log: WorkflowLog,
  error: unknown,
  redactor: Redactor
): number {
  if (error instanceof EventError || error instanceof ConfigError || error instanceof GitHubAccessError)
    log.fail(redactor.redact(error.message));
  else log.fail(redactor.redact(`Kubrick could not start: ${errorMessage(error)}`));
  writeOutputs(env, outputValues({ ...emptyOutcome(), conclusion: 'failure' }, null));
  return 1;
}

/** An event the action does not act on: one log line, and outputs whose conclusion is empty. */
export function reportIgnored(env: Dependencies['env'], log: WorkflowLog, reason: string): number {
  log.log(`Kubrick: nothing to do (${reason.replace(/\.$/, '')}).`);
  writeOutputs(env, { ...outputValues(emptyOutcome(), null), conclusion: '' });
  return 0;
}

/**
 * The report of a run that passed authorization: final comment, outputs (conclusion first), job
 * summary and a headline. Each is attempted even when another fails, and secrets are removed from
 * all of them. Returns the exit code.
 */
export async function reportRun(
  env: Dependencies['env'],
  log: WorkflowLog,
  report: { outcome: RunOutcome; progress: RunProgress; redactor: Redactor }
): Promise<number> {
  const { outcome, progress, redactor } = report;
  let exitCode = exitCodeFor(outcome);
  try {
    await progress.finalize(outcome);
  } catch (error) {
    log.fail(redactor.redact(`Kubrick could not write its final comment: ${errorMessage(error)}`));
    exitCode = 1;
  }
  writeOutputs(env, redactor.redactValue(outputValues(outcome, progress.commentId)));
  try {
    writeStepSummary(env, redactor.redactValue(outcome));
  } catch (error) {
    log.warn(`could not write the job summary: ${errorMessage(error)}`);
  }
  const headline = `Kubrick: ${outcome.conclusion}${outcome.reason ? `: ${outcome.reason}` : ''}`;
  if (exitCodeFor(outcome) === 1) log.fail(redactor.redact(headline));
  else log.log(neutralizeWorkflowCommands(redactor.redact(headline)));
  return exitCode;
}
