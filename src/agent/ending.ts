import { errorMessage } from '../error-message.js';
import { LlmError } from '../llm/types.js';
import type { BudgetName } from './budgets.js';

/**
 * How a run ends: exactly one value per run. The turn runner returns it (or null to go on), and the
 * loop stops on the first one; nothing else decides it.
 */
export type Ending =
  | { conclusion: 'success' }
  | { conclusion: 'budget_exhausted'; budget: BudgetName }
  | { conclusion: 'failure'; reason: string };

export type AgentConclusion = Ending['conclusion'];

export const SUCCESS: Ending = { conclusion: 'success' };

export function budgetSpent(budget: BudgetName): Ending {
  return { conclusion: 'budget_exhausted', budget };
}

export function failed(reason: string): Ending {
  return { conclusion: 'failure', reason };
}

/**
 * The ending of a run that something threw out of. Only the total_timeout timer aborts the run's
 * signal, so anything thrown once it fired (the model request it cut, a tool it stopped) is that
 * budget; a model that failed for good is a failure in the model client's words.
 */
export function endingForError(error: unknown, signal: AbortSignal): Ending {
  if (signal.aborted) return budgetSpent('total_timeout');
  if (error instanceof LlmError) return failed(error.message);
  return failed(`internal error: ${errorMessage(error)}`);
}
