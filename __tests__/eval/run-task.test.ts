/**
 * One eval run with its collaborators passed in: a session that reports tampering (what
 * `kubrick eval` says when a run changed the checkout's git control files) must not be checked.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transcript } from '../../src/agent/transcript.js';
import { runTask, type SessionOutcome } from '../../src/eval/run-task.js';
import { taskSettings } from '../../src/eval/settings.js';
import type { EvalTask } from '../../src/eval/suite.js';
import { Redactor } from '../../src/report/redact.js';
import { NoSandbox } from '../../src/sandbox/none.js';
import { agentResult } from '../../test-support/agent-result.js';

const result = agentResult();

let dir: string;
let task: EvalTask;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-run-task-'));
  const repoDir = join(dir, 'repo');
  mkdirSync(repoDir);
  writeFileSync(join(repoDir, 'a.txt'), 'a\n');
  // A check that passes whatever the agent did: only skipping it can make the run unsolved.
  task = {
    name: 'always-passes',
    repoDir,
    prompt: 'Do nothing.',
    check: 'true',
    policy: null,
    policySource: 'none',
    checkTimeout: 30
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function runWith(outcome: SessionOutcome | Error) {
  const sandboxes: string[] = [];
  const run = await runTask(
    { task, settings: taskSettings(task, { model: 'scripted' }), run: 1 },
    {
      tempRoot: dir,
      createSandbox: async (_settings, workspace) => {
        sandboxes.push(workspace);
        return new NoSandbox('none (test)', ['/usr/bin', '/bin']);
      },
      runSession: async () => {
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
      transcriptFor: () => new Transcript(null, new Redactor([])),
      env: process.env
    }
  );
  return { run, sandboxes };
}

describe('an eval run', () => {
  it('reports the usage of the session (not whether tokens were estimated)', async () => {
    const used = agentResult({ tokensIn: 500, tokensCached: 42, costUsd: 0.01, iterations: 4 });
    const { run } = await runWith({ result: used, conclusion: 'success' });
    expect(run).toMatchObject({
      iterations: 4,
      toolCalls: 3,
      tokensIn: 500,
      tokensOut: 5,
      tokensCached: 42,
      costUsd: 0.01
    });
    expect(run).not.toHaveProperty('tokensEstimated');
  });

  it('that failed before the model answered is a failure with no usage', async () => {
    const { run } = await runWith(new Error('the model server is down'));
    expect(run).toMatchObject({
      solved: false,
      conclusion: 'failure',
      reason: 'the eval could not complete this run: the model server is down',
      iterations: 0,
      tokensIn: 0,
      tokensCached: 0,
      costUsd: null,
      check: null
    });
  });

  it('is solved when its check passes', async () => {
    const { run, sandboxes } = await runWith({ result, conclusion: 'success' });
    expect(run).toMatchObject({ solved: true, conclusion: 'success', reason: null });
    expect(run.check?.exitCode).toBe(0);
    expect(sandboxes).toHaveLength(2); // the agent's and the check's own
  });

  it('that changed git control files is a failure and not solved: its check never runs', async () => {
    const reason = 'the run changed .git/config';
    const { run, sandboxes } = await runWith({
      result: { ...result, reason },
      conclusion: 'failure',
      tampered: true
    });
    expect(run).toMatchObject({ solved: false, conclusion: 'failure', reason, check: null });
    expect(sandboxes).toHaveLength(1); // the agent's only
  });
});
