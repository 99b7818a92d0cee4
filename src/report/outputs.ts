import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { mcpReportLines } from '../mcp/report.js';
import type { RunOutcome } from './outcome.js';
import { describeInstructions, statsTable } from './comment.js';

/** The outputs declared in action.yml, in the order they are written (conclusion first). */
export const OUTPUT_NAMES = [
  'conclusion',
  'pr_number',
  'pr_url',
  'branch',
  'review_id',
  'comment_id',
  'iterations',
  'tool_calls',
  'commands_denied',
  'tokens_in',
  'tokens_out',
  'tokens_cached',
  'cost_usd',
  'transcript_path',
  'ci_run_id'
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

export function outputValues(outcome: RunOutcome, commentId: number | null): Record<OutputName, string> {
  return {
    conclusion: outcome.conclusion,
    pr_number: outcome.pr ? String(outcome.pr.number) : '',
    pr_url: outcome.pr?.url ?? '',
    branch: outcome.branch ?? '',
    review_id: outcome.review ? String(outcome.review.id) : '',
    comment_id: commentId === null ? '' : String(commentId),
    iterations: String(outcome.iterations),
    tool_calls: String(outcome.toolCalls),
    commands_denied: String(outcome.commandsDenied),
    tokens_in: String(outcome.tokensIn),
    tokens_out: String(outcome.tokensOut),
    tokens_cached: String(outcome.tokensCached),
    cost_usd: outcome.costUsd === null ? '' : String(outcome.costUsd),
    transcript_path: outcome.transcriptPath ?? '',
    ci_run_id: outcome.ci ? outcome.ci.runs.map(r => r.run.id).join(',') : ''
  };
}

/**
 * Writes outputs to $GITHUB_OUTPUT in the multi-line-safe form @actions/core uses
 * (`name<<delimiter`), so a value can never inject another output.
 */
export function writeOutputs(env: NodeJS.ProcessEnv, values: Record<OutputName, string>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let text = '';
  for (const name of OUTPUT_NAMES) {
    const value = values[name];
    const delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
  }
  appendFileSync(file, text, 'utf8');
}

/** Appends a table of the run to $GITHUB_STEP_SUMMARY. */
export function writeStepSummary(
  env: NodeJS.ProcessEnv,
  outcome: RunOutcome,
  extraLines: string[] = []
): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const rows: [string, string][] = [
    ['conclusion', outcome.conclusion],
    ['mode', outcome.mode ?? '—'],
    ['pull request', outcome.pr ? `[#${outcome.pr.number}](${outcome.pr.url})` : '—'],
    ['branch', outcome.branch ? `\`${outcome.branch}\`` : '—'],
    ['review', outcome.review ? `[${outcome.review.id}](${outcome.review.url})` : '—'],
    ['changed files', String(outcome.changedFiles.length)],
    ['cached input tokens', outcome.tokensCached.toLocaleString('en-US')],
    ['sandbox', outcome.sandbox ?? '—']
  ];
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  if (outcome.reason) rows.push(['reason', cell(outcome.reason)]);
  if (outcome.instructions)
    rows.push(['instructions for agents', cell(describeInstructions(outcome.instructions))]);
  for (const note of outcome.notes) rows.push(['note', cell(note)]);
  const table = ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  appendFileSync(
    file,
    `## Kubrick run\n\n${table}\n\n${statsTable(outcome)}\n${[...extraLines, ...mcpReportLines(outcome.mcp)].map(l => `\n${l}`).join('')}\n`,
    'utf8'
  );
}
