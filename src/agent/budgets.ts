import type { Settings } from '../config/settings.js';
import { costUsd, type Prices } from '../llm/cost.js';
import type { Usage } from '../llm/types.js';

/** The names users see in comments and outputs when a budget ends a run. */
export type BudgetName =
  'max_iterations' | 'max_tool_calls' | 'total_timeout' | 'max_tokens' | 'max_cost_usd' | 'context_window';

export interface Budgets {
  maxIterations: number;
  /** Tool calls executed per iteration; the rest of a turn's calls get an error result. */
  maxToolCalls: number;
  totalTimeoutMs: number;
  maxTokens: number | null;
  maxCostUsd: number | null;
  contextWindow: number;
}

/** The budgets a run's settings give (seconds become milliseconds). */
export function budgetsFrom(settings: Settings): Budgets {
  return {
    maxIterations: settings.max_iterations,
    maxToolCalls: settings.max_tool_calls,
    totalTimeoutMs: settings.total_timeout * 1000,
    maxTokens: settings.max_tokens,
    maxCostUsd: settings.max_cost_usd,
    contextWindow: settings.context_window
  };
}

/** Running totals of what the run has consumed. */
export class Meter {
  iterations = 0;
  toolCalls = 0;
  commandsDenied = 0;
  /** Every input token, cached ones included. */
  tokensIn = 0;
  tokensOut = 0;
  /** Input tokens the provider served from its prompt cache. */
  tokensCached = 0;
  /** Input tokens written to the prompt cache (Anthropic; billed at 1.25 × the input price). */
  tokensCacheWrite = 0;
  tokensEstimated = false;

  constructor(
    private readonly model: string,
    private readonly prices: Prices
  ) {}

  addUsage(usage: Usage): void {
    this.tokensIn += usage.inputTokens;
    this.tokensOut += usage.outputTokens;
    this.tokensCached += usage.cachedTokens;
    this.tokensCacheWrite += usage.cacheWriteTokens;
    if (usage.estimated) this.tokensEstimated = true;
  }

  /** USD so far at cache-aware prices (max_cost_usd judges this figure), or null when a price is unknown. */
  get costUsd(): number | null {
    const cost = costUsd(
      {
        inputTokens: this.tokensIn,
        outputTokens: this.tokensOut,
        cachedTokens: this.tokensCached,
        cacheWriteTokens: this.tokensCacheWrite
      },
      this.model,
      this.prices
    );
    return cost === null ? null : Math.round(cost * 1_000_000) / 1_000_000;
  }

  /** The token or cost budget that is spent, if any. */
  exhausted(budgets: Budgets): BudgetName | null {
    if (budgets.maxTokens !== null && this.tokensIn + this.tokensOut >= budgets.maxTokens)
      return 'max_tokens';
    const cost = this.costUsd;
    if (budgets.maxCostUsd !== null && cost !== null && cost >= budgets.maxCostUsd) return 'max_cost_usd';
    return null;
  }
}

/** Plain words for a budget, for the final comment: "the iteration limit (max_iterations = 15)". */
export function describeBudget(name: BudgetName, budgets: Budgets): string {
  switch (name) {
    case 'max_iterations':
      return `the iteration limit (max_iterations = ${budgets.maxIterations})`;
    case 'max_tool_calls':
      return `the tool call limit (max_tool_calls = ${budgets.maxToolCalls} per iteration)`;
    case 'total_timeout':
      return `the time limit (total_timeout = ${Math.round(budgets.totalTimeoutMs / 1000)} s)`;
    case 'max_tokens':
      return `the token limit (max_tokens = ${budgets.maxTokens})`;
    case 'max_cost_usd':
      return `the cost limit (max_cost_usd = ${budgets.maxCostUsd})`;
    case 'context_window':
      return `the context window (context_window = ${budgets.contextWindow} tokens)`;
  }
}
