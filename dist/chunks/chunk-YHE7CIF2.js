import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/report/outcome.ts
var NO_USAGE = {
  iterations: 0,
  toolCalls: 0,
  commandsDenied: 0,
  tokensIn: 0,
  tokensOut: 0,
  tokensCached: 0,
  tokensEstimated: !1,
  costUsd: null
};
function emptyOutcome(task = "") {
  return {
    conclusion: "failure",
    mode: null,
    task,
    summary: "",
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

export {
  NO_USAGE,
  emptyOutcome
};
