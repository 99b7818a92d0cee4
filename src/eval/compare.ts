/**
 * `kubrick eval --compare a.json b.json`: two saved reports side by side, task by task. A is the
 * baseline and B the candidate, so "improved" means B solved the task in more of its runs.
 */
import { cell, duration, type EvalReport, headline, money, reportSchema } from './report.js';

export class CompareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareError';
  }
}

export interface TaskSummary {
  solved: number;
  runs: number;
  /** Mean per run; null when a run's cost is unknown. */
  costUsd: number | null;
  seconds: number;
  tokens: number;
}

export type Change = 'improved' | 'regressed' | 'same' | 'only in A' | 'only in B';

export interface TaskComparison {
  name: string;
  a: TaskSummary | null;
  b: TaskSummary | null;
  change: Change;
}

export interface Comparison {
  a: EvalReport;
  b: EvalReport;
  tasks: TaskComparison[];
  /** True when the two 95 % intervals overlap: the difference in solve rate may be noise. */
  overlapping: boolean;
}

/** Reads a report written by `kubrick eval --json` or `--out`; anything else is a clear error. */
export function parseReport(text: string, source: string): EvalReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CompareError(
      `${source} is not JSON (${(error as Error).message}); pass files written by \`kubrick eval --json\` or \`--out\``
    );
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw new CompareError(
      `${source} is not a kubrick eval report: ${where}: ${issue?.message ?? 'invalid'}; pass files written by \`kubrick eval --json\` or \`--out\``
    );
  }
  return parsed.data as EvalReport;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function summarizeTasks(report: EvalReport): Map<string, TaskSummary> {
  const byName = new Map<string, EvalReport['tasks']>();
  for (const entry of report.tasks) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
  const summaries = new Map<string, TaskSummary>();
  for (const [name, entries] of byName) {
    const costs = entries.map(entry => entry.cost_usd);
    summaries.set(name, {
      solved: entries.filter(entry => entry.solved).length,
      runs: entries.length,
      costUsd: costs.some(cost => cost === null) ? null : mean(costs as number[]),
      seconds: mean(entries.map(entry => entry.seconds)),
      tokens: mean(entries.map(entry => entry.tokens_in + entry.tokens_out))
    });
  }
  return summaries;
}

function changeOf(a: TaskSummary | null, b: TaskSummary | null): Change {
  if (!a) return 'only in B';
  if (!b) return 'only in A';
  const rateA = a.solved / a.runs;
  const rateB = b.solved / b.runs;
  return rateB > rateA ? 'improved' : rateB < rateA ? 'regressed' : 'same';
}

export function compareReports(a: EvalReport, b: EvalReport): Comparison {
  const summariesA = summarizeTasks(a);
  const summariesB = summarizeTasks(b);
  const names = [...new Set([...summariesA.keys(), ...summariesB.keys()])].sort();
  const tasks = names.map(name => {
    const sa = summariesA.get(name) ?? null;
    const sb = summariesB.get(name) ?? null;
    return { name, a: sa, b: sb, change: changeOf(sa, sb) };
  });
  return { a, b, tasks, overlapping: a.ci95[0] <= b.ci95[1] && b.ci95[0] <= a.ci95[1] };
}

const MARKS: Record<Change, string> = {
  improved: '▲ improved',
  regressed: '▼ regressed',
  same: 'same',
  'only in A': 'only in A',
  'only in B': 'only in B'
};

function solvedCell(summary: TaskSummary | null): string {
  return summary ? `${summary.solved}/${summary.runs}` : '—';
}

function side(report: EvalReport): string {
  return `${cell(report.model, 80)} via ${cell(report.provider)}`;
}

export function renderComparison(comparison: Comparison, labels: { a: string; b: string }): string {
  const { a, b } = comparison;
  const points = (b.solve_rate - a.solve_rate) * 100;
  const counts = (change: Change) => comparison.tasks.filter(task => task.change === change).length;
  const lines = [
    `## Kubrick eval comparison: ${points >= 0 ? '+' : ''}${points.toFixed(1)} points`,
    '',
    `| | A: ${cell(labels.a, 80)} | B: ${cell(labels.b, 80)} |`,
    '|---|---|---|',
    `| model | ${side(a)} | ${side(b)} |`,
    `| solved | ${headline(a)} | ${headline(b)} |`,
    `| runs per task | ${a.runs} | ${b.runs} |`,
    `| cost | ${money(a.cost_usd)} | ${money(b.cost_usd)} |`,
    `| time | ${duration(a.seconds)} | ${duration(b.seconds)} |`,
    '',
    `${counts('improved')} improved, ${counts('regressed')} regressed, ${counts('same')} unchanged` +
      (counts('only in A') + counts('only in B') > 0
        ? `, ${counts('only in A')} only in A, ${counts('only in B')} only in B.`
        : '.') +
      (comparison.overlapping
        ? ' The 95 % intervals overlap, so the difference in solve rate may be noise: more tasks or `--runs` narrow them.'
        : ' The 95 % intervals do not overlap.'),
    '',
    '| task | A solved | B solved | change | A cost | B cost | A seconds | B seconds | A tokens | B tokens |',
    '|---|:---:|:---:|---|---:|---:|---:|---:|---:|---:|'
  ];
  for (const task of comparison.tasks) {
    const number = (summary: TaskSummary | null, pick: (s: TaskSummary) => string) =>
      summary ? pick(summary) : '—';
    lines.push(
      `| ${cell(task.name)} | ${solvedCell(task.a)} | ${solvedCell(task.b)} | ${MARKS[task.change]} | ` +
        `${number(task.a, s => money(s.costUsd))} | ${number(task.b, s => money(s.costUsd))} | ` +
        `${number(task.a, s => s.seconds.toFixed(1))} | ${number(task.b, s => s.seconds.toFixed(1))} | ` +
        `${number(task.a, s => String(Math.round(s.tokens)))} | ${number(task.b, s => String(Math.round(s.tokens)))} |`
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** The comparison as JSON (`--compare --json`). */
export function comparisonJson(comparison: Comparison): Record<string, unknown> {
  const overall = (report: EvalReport) => ({
    model: report.model,
    provider: report.provider,
    runs: report.runs,
    solved: report.solved,
    total: report.total,
    solve_rate: report.solve_rate,
    ci95: report.ci95,
    cost_usd: report.cost_usd,
    seconds: report.seconds
  });
  const summary = (s: TaskSummary | null) =>
    s && { solved: s.solved, runs: s.runs, cost_usd: s.costUsd, seconds: s.seconds, tokens: s.tokens };
  return {
    a: overall(comparison.a),
    b: overall(comparison.b),
    solve_rate_change: Math.round((comparison.b.solve_rate - comparison.a.solve_rate) * 10000) / 10000,
    intervals_overlap: comparison.overlapping,
    tasks: comparison.tasks.map(task => ({
      name: task.name,
      change: task.change,
      a: summary(task.a),
      b: summary(task.b)
    }))
  };
}
