import type { AgentResult } from '../src/agent/loop.js';

/** An agent result that finished normally (2 turns, 3 tool calls), with the fields a test cares about replaced. */
export function agentResult(over: Partial<AgentResult> = {}): AgentResult {
  return {
    conclusion: 'success',
    budget: null,
    reason: null,
    summary: 'done',
    findings: [],
    calledFinish: true,
    changedFiles: [],
    iterations: 2,
    toolCalls: 3,
    commandsDenied: 0,
    tokensIn: 10,
    tokensOut: 5,
    tokensCached: 0,
    tokensEstimated: false,
    costUsd: null,
    ...over
  };
}
