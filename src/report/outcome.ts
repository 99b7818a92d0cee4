import type { BudgetName } from '../agent/budgets.js';
import type { CiOutcome } from '../ci/report.js';
import type { RunUsage } from '../agent/loop.js';
import type { McpReport } from '../mcp/report.js';
import type { Mode } from '../mode.js';

/** The contract's conclusions (action output `conclusion`). */
export type Conclusion = 'success' | 'no_changes' | 'refused' | 'budget_exhausted' | 'failure';

/** Everything the final comment, the job summary and the outputs say about a run. */
export interface RunOutcome extends RunUsage {
  conclusion: Conclusion;
  mode: Mode | null;
  task: string;
  /** The model's summary (fix), answer (ask), plan (plan) or review summary. */
  summary: string;
  /** Why it failed, was refused or stopped, in plain words. */
  reason: string | null;
  budget: BudgetName | null;
  /** e.g. "the iteration limit (max_iterations = 15)". */
  budgetDescription: string | null;
  pr: { number: number; url: string; created: boolean } | null;
  branch: string | null;
  /** Link to the branch when work was pushed without a PR (budget or failure). */
  branchUrl: string | null;
  review: { id: number; url: string; inline: number; outside: number } | null;
  changedFiles: string[];
  /** Changed files that were not committed because they are protected. */
  protectedSkipped: string[];
  maxIterations: number;
  durationMs: number;
  /** e.g. "namespaces (no network)" or "none: …". */
  sandbox: string | null;
  /** The repository's instructions for agents the model was given (AGENTS.md, …); null for none. */
  instructions: { path: string; source: string; cut: boolean } | null;
  runUrl: string | null;
  transcriptPath: string | null;
  /** Set when a plan was posted: `/kubrick approve` finds it by this hidden id. */
  planId: string | null;
  /** What happened to the work on its way to the remote (put on top of someone's commits, a fallback branch). */
  notes: string[];
  /** MCP servers and tools of the run; null when the repository config names no MCP server. */
  mcp: McpReport | null;
  /** Failed CI the run was about (workflow_run, `/kubrick fix-ci`). */
  ci: CiOutcome | null;
}

/** What a run that never reached the model used. */
export const NO_USAGE: Readonly<RunUsage> = {
  iterations: 0,
  toolCalls: 0,
  commandsDenied: 0,
  tokensIn: 0,
  tokensOut: 0,
  tokensCached: 0,
  tokensEstimated: false,
  costUsd: null
};

export function emptyOutcome(task = ''): RunOutcome {
  return {
    conclusion: 'failure',
    mode: null,
    task,
    summary: '',
    reason: null,
    budget: null,
    budgetDescription: null,
    pr: null,
    branch: null,
    branchUrl: null,
    review: null,
    changedFiles: [],
    protectedSkipped: [],
    ...NO_USAGE,
    maxIterations: 0,
    durationMs: 0,
    sandbox: null,
    instructions: null,
    runUrl: null,
    transcriptPath: null,
    planId: null,
    notes: [],
    mcp: null,
    ci: null
  };
}
