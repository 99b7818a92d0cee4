/**
 * The eval report: one entry per task and run, the totals, and the solve rate with a 95 % Wilson
 * interval over runs. The JSON form is a contract (scripts and `--compare` read it); the Markdown
 * form is for a pull request or an issue.
 */
import * as z from 'zod';
import type { TaskRunResult } from './run-task.js';

export interface TaskEntry {
  name: string;
  run: number;
  solved: boolean;
  conclusion: string;
  iterations: number;
  tool_calls: number;
  commands_denied: number;
  tokens_in: number;
  tokens_out: number;
  tokens_cached: number;
  cost_usd: number | null;
  seconds: number;
}

export interface EvalReport {
  model: string;
  provider: string;
  /** Runs per task. */
  runs: number;
  solved: number;
  total: number;
  solve_rate: number;
  ci95: [number, number];
  /** Null when any run's cost is unknown (a model without a price). */
  cost_usd: number | null;
  /** Wall-clock time of the whole eval. */
  seconds: number;
  tasks: TaskEntry[];
}

/** What the Markdown header says beyond the JSON: who measured what, when, and how isolated. */
export interface ReportContext {
  version: string;
  date: Date;
  sandbox: string;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * The Wilson score interval for `successes` out of `n` at z = 1.96: unlike the normal
 * approximation it stays inside [0, 1] and is honest for small n and for rates near 0 or 1.
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): [number, number] {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function sumCost(costs: Array<number | null>): number | null {
  if (costs.some(cost => cost === null)) return null;
  return round(
    costs.reduce<number>((total, cost) => total + (cost ?? 0), 0),
    6
  );
}

export function buildReport(input: {
  model: string;
  provider: string;
  runs: number;
  seconds: number;
  results: TaskRunResult[];
}): EvalReport {
  const tasks: TaskEntry[] = input.results.map(result => ({
    name: result.name,
    run: result.run,
    solved: result.solved,
    conclusion: result.conclusion,
    iterations: result.iterations,
    tool_calls: result.toolCalls,
    commands_denied: result.commandsDenied,
    tokens_in: result.tokensIn,
    tokens_out: result.tokensOut,
    tokens_cached: result.tokensCached,
    cost_usd: result.costUsd === null ? null : round(result.costUsd, 6),
    seconds: round(result.seconds, 2)
  }));
  const solved = tasks.filter(task => task.solved).length;
  const total = tasks.length;
  const [lo, hi] = wilsonInterval(solved, total);
  return {
    model: input.model,
    provider: input.provider,
    runs: input.runs,
    solved,
    total,
    solve_rate: total === 0 ? 0 : round(solved / total, 4),
    ci95: [round(lo, 4), round(hi, 4)],
    cost_usd: sumCost(tasks.map(task => task.cost_usd)),
    seconds: round(input.seconds, 2),
    tasks
  };
}

/** The JSON shape, for reading a saved report back (`--compare`). */
export const reportSchema = z.object({
  model: z.string(),
  provider: z.string(),
  runs: z.int().positive(),
  solved: z.int().nonnegative(),
  total: z.int().nonnegative(),
  solve_rate: z.number().min(0).max(1),
  ci95: z.tuple([z.number(), z.number()]),
  cost_usd: z.number().nullable(),
  seconds: z.number().nonnegative(),
  tasks: z.array(
    z.object({
      name: z.string(),
      run: z.int().positive(),
      solved: z.boolean(),
      conclusion: z.string(),
      iterations: z.int().nonnegative(),
      tool_calls: z.int().nonnegative(),
      commands_denied: z.int().nonnegative(),
      tokens_in: z.int().nonnegative(),
      tokens_out: z.int().nonnegative(),
      tokens_cached: z.int().nonnegative(),
      cost_usd: z.number().nullable(),
      seconds: z.number().nonnegative()
    })
  )
});

/**
 * Text that goes into a Markdown table cell: one line, no HTML, no table or code delimiters, so a
 * model name or a reason cannot break the table or inject markup into a PR comment.
 */
export function cell(text: string, max = 200): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[\\`*_[\]<>|#!~]/g, character => `\\${character}`);
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}

export function money(cost: number | null): string {
  if (cost === null) return 'unknown';
  return cost >= 0.01 || cost === 0 ? `$${cost.toFixed(2)}` : `$${cost.toFixed(4)}`;
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** The headline used by the Markdown report and the end-of-run line on stderr. */
export function headline(report: EvalReport): string {
  return (
    `${report.solved}/${report.total} solved (${percent(report.solve_rate)}, ` +
    `95 % CI ${percent(report.ci95[0])} – ${percent(report.ci95[1])})`
  );
}

/** Reasons for runs that ended early, keyed `name#run`, shown under the table. */
export type RunNotes = Map<string, string>;

export function renderMarkdown(
  report: EvalReport,
  context: ReportContext,
  notes: RunNotes = new Map()
): string {
  const date = context.date
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, ' UTC');
  const lines = [
    `## Kubrick eval: ${headline(report)}`,
    '',
    `Model ${cell(report.model, 120)} via ${cell(report.provider)} · ` +
      `Kubrick ${cell(context.version)} · ${date} · ` +
      `${report.runs} run${report.runs === 1 ? '' : 's'} per task · cost ${money(report.cost_usd)} · ` +
      `${duration(report.seconds)} · sandbox: ${cell(context.sandbox.split(/[(:]/)[0] ?? '', 60)}`,
    '',
    '| task | run | solved | conclusion | iterations | tool calls | commands denied | tokens in | tokens out | tokens cached | cost | seconds |',
    '|---|---:|:---:|---|---:|---:|---:|---:|---:|---:|---:|---:|'
  ];
  for (const task of report.tasks) {
    lines.push(
      `| ${cell(task.name)} | ${task.run} | ${task.solved ? '✅' : '❌'} | ${cell(task.conclusion)} | ` +
        `${task.iterations} | ${task.tool_calls} | ${task.commands_denied} | ${task.tokens_in} | ` +
        `${task.tokens_out} | ${task.tokens_cached} | ${money(task.cost_usd)} | ${task.seconds.toFixed(1)} |`
    );
  }
  const noted = report.tasks.filter(task => notes.has(`${task.name}#${task.run}`));
  if (noted.length > 0) {
    lines.push('', 'Runs that ended early or failed:', '');
    for (const task of noted)
      lines.push(
        `- ${cell(task.name)} (run ${task.run}): ${cell(notes.get(`${task.name}#${task.run}`)!, 300)}`
      );
  }
  lines.push('');
  return lines.join('\n');
}
