import type { AgentResult } from '../agent/loop.js';
import type { Conclusion } from './outcome.js';

/** What a run came to, in the terms its conclusion is decided from. */
export type RunEnd =
  /** The request was refused (fix on a fork, no plan to approve, not permitted, …). */
  | { kind: 'refused'; reason: string }
  /** The run could not go on (bad policy, no model, a push that failed, an unexpected error). */
  | { kind: 'failed'; reason: string }
  /**
   * The agent ran. `nothingChanged`: a fix that left nothing to show, neither a new commit nor an
   * open pull request of an earlier run for the same request.
   */
  | { kind: 'agent'; result: AgentResult; nothingChanged: boolean };

/** The conclusion of a run and the reason its report gives, decided here and nowhere else. */
export function conclusionOf(end: RunEnd): { conclusion: Conclusion; reason: string | null } {
  switch (end.kind) {
    case 'refused':
      return { conclusion: 'refused', reason: end.reason };
    case 'failed':
      return { conclusion: 'failure', reason: end.reason };
    case 'agent':
      return { conclusion: agentConclusion(end.result, end.nothingChanged), reason: end.result.reason };
  }
}

/** What an agent's run came to: a success that changed nothing is `no_changes`. */
export function agentConclusion(
  result: AgentResult,
  nothingChanged: boolean
): Exclude<Conclusion, 'refused'> {
  return result.conclusion === 'success' && nothingChanged ? 'no_changes' : result.conclusion;
}
