import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderFinalComment, renderProgressComment } from '../../src/report/comment.js';
import { emptyOutcome, type RunOutcome } from '../../src/report/outcome.js';
import { OUTPUT_NAMES, outputValues, writeOutputs, writeStepSummary } from '../../src/report/outputs.js';
import { escapeCommandData, neutralizeWorkflowCommands } from '../../src/report/workflow-commands.js';
import { parseOutputFile } from '../../test-support/action-runner.js';

const marker = '<!-- kubrick:run:comment-1 -->';
const outcome = (over: Partial<RunOutcome>): RunOutcome => ({
  ...emptyOutcome('fix the flaky date test'),
  mode: 'fix',
  maxIterations: 15,
  ...over
});

describe('the final comment', () => {
  it('reports a success with the PR, the changed files, the counters and the cost', () => {
    const body = renderFinalComment(
      marker,
      outcome({
        conclusion: 'success',
        summary: 'Fixed the timezone.',
        pr: { number: 7, url: 'https://github.com/o/r/pull/7', created: true },
        branch: 'kubrick/issue-3-flaky',
        changedFiles: ['src/date.ts'],
        iterations: 4,
        toolCalls: 9,
        commandsDenied: 1,
        tokensIn: 12345,
        tokensOut: 678,
        costUsd: 0.0421
      })
    );
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('Kubrick finished');
    expect(body).toContain('> fix the flaky date test');
    expect(body).toContain('[#7](https://github.com/o/r/pull/7) (opened)');
    expect(body).toContain('`src/date.ts`');
    expect(body).toContain('| 4 of 15 | 9 | 1 | 12,345 in / 678 out | $0.0421 |');
  });

  it('shows the cached part of the input when the provider served some from its cache, and nothing otherwise', () => {
    const cached = renderFinalComment(
      marker,
      outcome({
        conclusion: 'success',
        tokensIn: 40000,
        tokensCached: 36000,
        tokensOut: 900,
        costUsd: 0.0201
      })
    );
    expect(cached).toContain('| 40,000 in (36,000 cached) / 900 out | $0.0201 |');
    const none = renderFinalComment(marker, outcome({ conclusion: 'success', tokensIn: 400, tokensOut: 9 }));
    expect(none).toContain('| 400 in / 9 out |');
    expect(none).not.toContain('cached');
  });

  it('names the instructions file the model was given', () => {
    const body = renderFinalComment(
      marker,
      outcome({ conclusion: 'success', instructions: { path: 'AGENTS.md', source: 'main', cut: true } })
    );
    expect(body).toContain('Instructions for agents: `AGENTS.md` from main (its first 32 KB).');
    expect(renderFinalComment(marker, outcome({ conclusion: 'success' }))).not.toContain('Instructions');
  });

  it('names the budget and where the work is when a budget ended the run', () => {
    const body = renderFinalComment(
      marker,
      outcome({
        conclusion: 'budget_exhausted',
        budget: 'max_iterations',
        budgetDescription: 'the iteration limit (max_iterations = 15)',
        reason: 'the run reached the iteration limit (max_iterations = 15) before the model called finish',
        branch: 'kubrick/issue-3-flaky',
        branchUrl: 'https://github.com/o/r/tree/kubrick/issue-3-flaky',
        changedFiles: ['src/date.ts']
      })
    );
    expect(body).toContain('stopped at a budget');
    expect(body).toContain('the iteration limit (max_iterations = 15)');
    expect(body).toContain(
      'pushed to [`kubrick/issue-3-flaky`](https://github.com/o/r/tree/kubrick/issue-3-flaky)'
    );
  });

  it('says that a run failed and why, and calls an unknown cost unknown rather than $0', () => {
    const body = renderFinalComment(
      marker,
      outcome({ conclusion: 'failure', reason: 'the model server answered 500 five times', costUsd: null })
    );
    expect(body).toContain('Kubrick failed');
    expect(body).toContain('The run failed: the model server answered 500 five times.');
    expect(body).toContain('unknown (no price for this model)');
    expect(body).not.toContain('$0');
  });

  it('gives a refusal its reason and no statistics', () => {
    const body = renderFinalComment(
      marker,
      outcome({ conclusion: 'refused', reason: 'fix does not run on fork pull requests' })
    );
    expect(body).toContain('Fix does not run on fork pull requests');
    expect(body).not.toContain('| iterations |');
  });

  it('carries a plan id an approval can find', () => {
    const body = renderFinalComment(
      marker,
      outcome({ conclusion: 'success', mode: 'plan', summary: '1. Do it', planId: '42-7' })
    );
    expect(body).toContain('<!-- kubrick:plan:42-7 -->');
    expect(body).toContain('**Plan**');
  });

  it('shows live progress as a checklist with the current turn', () => {
    const body = renderProgressComment(marker, {
      mode: 'fix',
      task: 'fix it',
      steps: [{ label: 'Checked the requester’s permission', done: true }],
      iteration: 3,
      maxIterations: 15,
      recent: ['✓ `read_file` src/a.ts'],
      runUrl: 'https://github.com/o/r/actions/runs/1'
    });
    expect(body).toContain('- [x] Checked the requester’s permission');
    expect(body).toContain('- [ ] Working: turn 3 of 15');
    expect(body).toContain('`read_file` src/a.ts');
  });
});

describe('outputs and the job summary', () => {
  it('writes every output, conclusion first, so that no value can inject another output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubrick-out-'));
    try {
      const file = join(dir, 'output');
      writeFileSync(file, '');
      const values = outputValues(outcome({ conclusion: 'success', tokensIn: 5, tokensCached: 3 }), 12);
      writeOutputs({ GITHUB_OUTPUT: file }, { ...values, branch: 'evil\nconclusion=failure' });
      const parsed = parseOutputFile(readFileSync(file, 'utf8'));
      expect(parsed.order).toEqual([...OUTPUT_NAMES]);
      expect(parsed.values.conclusion).toBe('success');
      expect(parsed.values.branch).toBe('evil\nconclusion=failure');
      expect(parsed.values.comment_id).toBe('12');
      expect(parsed.values.cost_usd).toBe('');
      expect(parsed.values.tokens_in).toBe('5');
      expect(parsed.values.tokens_cached).toBe('3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('appends a table of the run to the step summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubrick-sum-'));
    try {
      const file = join(dir, 'summary.md');
      writeStepSummary(
        { GITHUB_STEP_SUMMARY: file },
        outcome({
          conclusion: 'failure',
          reason: 'a | b',
          sandbox: 'namespaces (no network)',
          tokensIn: 12000,
          tokensCached: 9000
        })
      );
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('## Kubrick run');
      expect(text).toContain('| conclusion | failure |');
      expect(text).toContain('| reason | a \\| b |');
      expect(text).toContain('| sandbox | namespaces (no network) |');
      expect(text).toContain('| cached input tokens | 9,000 |');
      expect(text).toContain('12,000 in (9,000 cached)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workflow commands', () => {
  it('neutralizes every line that the runner would parse as a command', () => {
    const hostile = '::set-output name=conclusion::success\n  ::add-mask::x\n##[error]boom\nplain :: text';
    const safe = neutralizeWorkflowCommands(hostile);
    for (const line of safe.split('\n')) {
      expect(line.trimStart().startsWith('::')).toBe(false);
      expect(line.trimStart().startsWith('##[')).toBe(false);
    }
    expect(safe.replace(/\u200B/g, '')).toBe(hostile);
  });

  it('keeps an annotation on one line', () => {
    expect(escapeCommandData('a\nb%c\r')).toBe('a%0Ab%25c%0D');
  });
});
