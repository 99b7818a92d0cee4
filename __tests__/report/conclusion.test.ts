import { describe, expect, it } from '@jest/globals';
import { conclusionOf } from '../../src/report/conclusion.js';
import { agentResult } from '../../test-support/agent-result.js';

const result = agentResult;

describe('the conclusion of a run', () => {
  it('is refused or failure, with the reason, when the run could not get to the agent', () => {
    expect(conclusionOf({ kind: 'refused', reason: 'fix cannot run on a fork' })).toEqual({
      conclusion: 'refused',
      reason: 'fix cannot run on a fork'
    });
    expect(conclusionOf({ kind: 'failed', reason: 'the policy is invalid' })).toEqual({
      conclusion: 'failure',
      reason: 'the policy is invalid'
    });
  });

  it('is the agent’s, except that a finished fix with nothing to show has no changes', () => {
    expect(conclusionOf({ kind: 'agent', result: result({}), nothingChanged: false })).toEqual({
      conclusion: 'success',
      reason: null
    });
    expect(conclusionOf({ kind: 'agent', result: result({}), nothingChanged: true })).toEqual({
      conclusion: 'no_changes',
      reason: null
    });
  });

  it('keeps a budget stop or a failure of the agent even when nothing changed', () => {
    const budget = result({
      conclusion: 'budget_exhausted',
      budget: 'max_iterations',
      reason: 'the run reached the iteration limit'
    });
    expect(conclusionOf({ kind: 'agent', result: budget, nothingChanged: true })).toEqual({
      conclusion: 'budget_exhausted',
      reason: 'the run reached the iteration limit'
    });
    const failed = result({ conclusion: 'failure', reason: 'the model server answered 500' });
    expect(conclusionOf({ kind: 'agent', result: failed, nothingChanged: true })).toEqual({
      conclusion: 'failure',
      reason: 'the model server answered 500'
    });
  });
});
