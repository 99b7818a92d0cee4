/** The report's figures, its Markdown, the comparison, and the progress lines. */
import { describe, expect, it } from '@jest/globals';
import { compareReports, parseReport, renderComparison } from '../../src/eval/compare.js';
import { Progress } from '../../src/eval/progress.js';
import { buildReport, cell, renderMarkdown, wilsonInterval } from '../../src/eval/report.js';
import type { EvalJob, TaskRunResult } from '../../src/eval/run-task.js';

function result(
  name: string,
  run: number,
  solved: boolean,
  extra: Partial<TaskRunResult> = {}
): TaskRunResult {
  return {
    name,
    run,
    solved,
    conclusion: solved ? 'success' : 'no_changes',
    reason: null,
    iterations: 3,
    toolCalls: 5,
    commandsDenied: 0,
    tokensIn: 1000,
    tokensOut: 100,
    tokensCached: 0,
    costUsd: 0.0012,
    seconds: 4.25,
    check: null,
    ...extra
  };
}

describe('the 95 % Wilson interval', () => {
  it.each([
    [1, 2, 0.0945, 0.9055],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [8, 12, 0.3906, 0.8619],
    [50, 100, 0.4038, 0.5962]
  ])('%i of %i is [%f, %f]', (successes, n, lo, hi) => {
    const [l, h] = wilsonInterval(successes, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(h).toBeCloseTo(hi, 4);
  });

  it('is the whole range when nothing ran', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('the report', () => {
  const report = buildReport({
    model: 'gpt-4.1',
    provider: 'openai',
    runs: 2,
    seconds: 61.234,
    results: [result('a', 1, true), result('a', 2, false), result('b', 1, true), result('b', 2, true)]
  });

  it('counts runs, not tasks, and adds up the cost', () => {
    expect(report).toMatchObject({
      solved: 3,
      total: 4,
      solve_rate: 0.75,
      ci95: [0.3006, 0.9544],
      seconds: 61.23
    });
    expect(report.cost_usd).toBeCloseTo(0.0048, 9);
  });

  it('has an unknown total cost when any run has an unknown cost', () => {
    const partial = buildReport({
      model: 'm',
      provider: 'openai',
      runs: 1,
      seconds: 1,
      results: [result('a', 1, true), result('b', 1, true, { costUsd: null })]
    });
    expect(partial.cost_usd).toBeNull();
  });

  it('renders a Markdown table with the headline, the context and the notes', () => {
    const markdown = renderMarkdown(
      report,
      { version: '9.9.9', date: new Date('2026-12-08T14:03:59.123Z'), sandbox: 'namespaces (no network; …)' },
      new Map([['a#2', 'max_iterations | ran out <script>']])
    );
    expect(markdown).toContain('## Kubrick eval: 3/4 solved (75.0 %, 95 % CI 30.1 % – 95.4 %)');
    expect(markdown).toContain(
      'Model gpt-4.1 via openai · Kubrick 9.9.9 · 2026-12-08 14:03 UTC · 2 runs per task · cost $0.0048 · 1 min 1 s · sandbox: namespaces'
    );
    expect(markdown).toContain('| a | 2 | ❌ | no\\_changes | 3 | 5 | 0 | 1000 | 100 | 0 | $0.0012 | 4.3 |');
    expect(markdown).toContain('- a (run 2): max\\_iterations \\| ran out \\<script\\>');
  });

  it('keeps model-supplied text from breaking the table or adding markup', () => {
    expect(cell('a|b\n<img src=x>`x`')).toBe('a\\|b \\<img src=x\\>\\`x\\`');
  });
});

describe('comparing two reports', () => {
  const base = (results: TaskRunResult[]) =>
    JSON.parse(
      JSON.stringify(buildReport({ model: 'm', provider: 'openai', runs: 1, seconds: 10, results }))
    );

  it('shows per-task changes and says when the intervals overlap', () => {
    const a = parseReport(
      JSON.stringify(base([result('x', 1, true), result('y', 1, false), result('z', 1, true)])),
      'a.json'
    );
    const b = parseReport(
      JSON.stringify(base([result('x', 1, false), result('y', 1, true), result('w', 1, true)])),
      'b.json'
    );
    const comparison = compareReports(a, b);
    expect(comparison.tasks.map(t => [t.name, t.change])).toEqual([
      ['w', 'only in B'],
      ['x', 'regressed'],
      ['y', 'improved'],
      ['z', 'only in A']
    ]);
    const text = renderComparison(comparison, { a: 'a.json', b: 'b.json' });
    expect(text).toContain('## Kubrick eval comparison: +0.0 points');
    expect(text).toContain('1 improved, 1 regressed, 0 unchanged, 1 only in A, 1 only in B.');
    expect(text).toContain('The 95 % intervals overlap');
    expect(text).toContain('| x | 1/1 | 0/1 | ▼ regressed |');
  });

  it('refuses a file that is not a report', () => {
    expect(() => parseReport('nope', 'x.json')).toThrow('x.json is not JSON');
    expect(() => parseReport('{"model":"m"}', 'x.json')).toThrow(
      'x.json is not a kubrick eval report: provider'
    );
  });
});

describe('progress on stderr', () => {
  const job = (name: string): EvalJob => ({
    task: { name } as EvalJob['task'],
    settings: {} as EvalJob['settings'],
    run: 1
  });

  it('prints one plain line per finished run in a pipe', () => {
    let out = '';
    const progress = new Progress({
      write: t => (out += t),
      total: 2,
      runsPerTask: 1,
      clean: t => t,
      now: () => 0
    });
    const a = job('a');
    progress.jobStarted(a);
    progress.agentEvent(a, { type: 'tool', iteration: 1, name: 'read_file', ok: true, detail: 'x' });
    progress.jobFinished(result('a', 1, false, { conclusion: 'failure', reason: 'model\nunreachable' }), a);
    progress.stop();
    expect(out).toBe(
      'kubrick eval: [1/2] a: not solved · failure · 3 iterations · 5 tool calls · 4.3 s · $0.0012 · model unreachable\n'
    );
  });

  it('keeps a live status line on a terminal, within its width', () => {
    let out = '';
    const progress = new Progress({
      write: t => (out += t),
      terminal: { columns: 60 },
      total: 2,
      runsPerTask: 2,
      clean: t => t,
      now: () => 0
    });
    const a = job('a');
    progress.jobStarted(a);
    progress.agentEvent(a, { type: 'tool', iteration: 2, name: 'edit_file', ok: true, detail: '' });
    expect(out.endsWith('\r\x1b[2K  0/2 done, 0 solved · 0.0 s · running: a [2] edit_file')).toBe(true);
    progress.jobFinished(result('a', 1, true), a);
    progress.stop();
    expect(out).toContain('\r\x1b[2Kkubrick eval: [1/2] a run 1/2: solved');
    // Nothing runs any more: the status line is gone, the finished line stays.
    expect(
      out.endsWith('a run 1/2: solved · success · 3 iterations · 5 tool calls · 4.3 s · $0.0012\n')
    ).toBe(true);
    for (const line of out.split(/\r\x1b\[2K|\n/)) expect(line.length).toBeLessThanOrEqual(100);
  });
});
