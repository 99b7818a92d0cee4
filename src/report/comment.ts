import { renderCiSection } from '../ci/report.js';
import { planMarker } from '../github/markers.js';
import { mcpReportLines } from '../mcp/report.js';
import type { Mode } from '../mode.js';
import type { RunOutcome } from './outcome.js';

const HEADLINES: Record<RunOutcome['conclusion'], string> = {
  success: '✅ Kubrick finished',
  no_changes: '☑️ Kubrick finished without changes',
  refused: '🚫 Kubrick did not run',
  budget_exhausted: '⏱️ Kubrick stopped at a budget',
  failure: '❌ Kubrick failed'
};

const MODE_WORDS: Record<string, string> = { fix: 'fix', review: 'review', ask: 'question', plan: 'plan' };

/** A quoted, single-paragraph excerpt of the task, so the comment shows what was asked. */
export function quoteTask(task: string, max = 300): string {
  const flat = task.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return cut ? `> ${cut}` : '';
}

function formatCost(outcome: RunOutcome): string {
  if (outcome.costUsd === null) return 'unknown (no price for this model)';
  return `$${outcome.costUsd.toFixed(4)}`;
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

export function statsTable(outcome: RunOutcome): string {
  const cached = outcome.tokensCached > 0 ? ` (${outcome.tokensCached.toLocaleString('en-US')} cached)` : '';
  const tokens = `${outcome.tokensIn.toLocaleString('en-US')} in${cached} / ${outcome.tokensOut.toLocaleString('en-US')} out${outcome.tokensEstimated ? ' (estimated)' : ''}`;
  return [
    '| iterations | tool calls | denied commands | tokens | cost | time |',
    '|---|---|---|---|---|---|',
    `| ${outcome.iterations} of ${outcome.maxIterations} | ${outcome.toolCalls} | ${outcome.commandsDenied} | ${tokens} | ${formatCost(outcome)} | ${formatDuration(outcome.durationMs)} |`
  ].join('\n');
}

function whereTheWorkIs(outcome: RunOutcome): string[] {
  const lines: string[] = [];
  if (outcome.pr) {
    lines.push(
      `**Pull request:** [#${outcome.pr.number}](${outcome.pr.url}) (${outcome.pr.created ? 'opened' : 'updated'}) from \`${outcome.branch}\``
    );
  } else if (outcome.branch && outcome.changedFiles.length > 0) {
    const link = outcome.branchUrl
      ? `[\`${outcome.branch}\`](${outcome.branchUrl})`
      : `\`${outcome.branch}\``;
    lines.push(`**Work so far** was pushed to ${link} so nothing is lost; no pull request was opened.`);
  }
  lines.push(...outcome.notes.map(note => `**Note:** ${sentence(note)}`));
  if (outcome.review) {
    const inline =
      outcome.review.inline === 1 ? '1 inline comment' : `${outcome.review.inline} inline comments`;
    lines.push(`**Review:** [posted](${outcome.review.url}) with ${inline}.`);
  }
  if (outcome.changedFiles.length > 0) {
    const shown = outcome.changedFiles.slice(0, 20).map(f => `\`${f}\``);
    const more = outcome.changedFiles.length - shown.length;
    lines.push(`**Changed files:** ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  lines.push(...mcpReportLines(outcome.mcp));
  if (outcome.protectedSkipped.length > 0) {
    lines.push(
      `**Not committed (protected paths):** ${outcome.protectedSkipped.map(f => `\`${f}\``).join(', ')}`
    );
  }
  return lines;
}

function explanation(outcome: RunOutcome): string {
  switch (outcome.conclusion) {
    case 'budget_exhausted':
      return `The run reached ${outcome.budgetDescription ?? 'a budget'} before the model called \`finish\`.${outcome.reason && !outcome.reason.startsWith('the run reached') ? ` ${capitalize(outcome.reason)}.` : ''}`;
    case 'failure':
      return `The run failed: ${sentence(outcome.reason ?? 'an unexpected error occurred')}`;
    case 'refused':
      return outcome.reason ? capitalize(outcome.reason) : 'The request was refused.';
    case 'no_changes':
      if (outcome.mode === 'fix' && outcome.ci) {
        return 'The agent changed no file, so nothing was pushed; its summary says what it found.';
      }
      return outcome.mode === 'fix'
        ? 'The agent finished without changing any file, so no pull request was opened.'
        : '';
    case 'success':
      return '';
  }
}

/** The text as one sentence: reasons often end with their own full stop, which must not double. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function capitalize(text: string): string {
  const t = text.trim().replace(/\.$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The final report: the progress comment becomes this, whatever the conclusion. */
export function renderFinalComment(marker: string, outcome: RunOutcome): string {
  const explainsCi = outcome.ci?.explain === true;
  const word = explainsCi ? 'CI explanation' : outcome.mode ? (MODE_WORDS[outcome.mode] ?? outcome.mode) : '';
  const mode = word ? ` (${word})` : '';
  const summaryTitle = explainsCi
    ? 'Why CI failed'
    : outcome.mode === 'ask'
      ? 'Answer'
      : outcome.mode === 'plan'
        ? 'Plan'
        : 'Summary';
  const parts = [
    outcome.planId ? `${marker}\n${planMarker(outcome.planId)}` : marker,
    `### ${HEADLINES[outcome.conclusion]}${mode}`,
    quoteTask(outcome.task),
    explanation(outcome),
    outcome.planId ? `Reply \`/kubrick approve\` to carry out this plan.` : '',
    outcome.summary.trim() ? `**${summaryTitle}**\n\n${outcome.summary.trim()}` : '',
    outcome.ci ? renderCiSection(outcome.ci, outcome.branch !== null && outcome.changedFiles.length > 0) : '',
    whereTheWorkIs(outcome).join('\n\n'),
    outcome.conclusion === 'refused' ? '' : statsTable(outcome),
    footer(outcome)
  ];
  return parts.filter(p => p !== '').join('\n\n');
}

/** "`AGENTS.md` from main (its first 32 KB)". */
export function describeInstructions(used: NonNullable<RunOutcome['instructions']>): string {
  return `\`${used.path}\` from ${used.source}${used.cut ? ' (its first 32 KB)' : ''}`;
}

function footer(outcome: RunOutcome): string {
  const bits: string[] = [];
  if (outcome.sandbox) bits.push(`Commands sandbox: ${outcome.sandbox}.`);
  if (outcome.instructions)
    bits.push(`Instructions for agents: ${describeInstructions(outcome.instructions)}.`);
  if (outcome.runUrl)
    bits.push(
      `[Workflow run](${outcome.runUrl})${outcome.transcriptPath ? ' (the transcript is in the run’s artifacts when the workflow uploads it)' : ''}.`
    );
  return bits.length > 0 ? `<sub>${bits.join(' ')}</sub>` : '';
}

export interface ProgressState {
  /** Unknown for a refusal that came before a mode was chosen. */
  mode: Mode | null;
  task: string;
  steps: { label: string; done: boolean }[];
  iteration: number;
  maxIterations: number;
  recent: string[];
  runUrl: string | null;
}

/** The live comment while a run works: a checklist and the last few tool calls. */
export function renderProgressComment(marker: string, state: ProgressState): string {
  const checklist = state.steps.map(s => `- [${s.done ? 'x' : ' '}] ${s.label}`).join('\n');
  const working =
    state.iteration > 0 ? `\n- [ ] Working: turn ${state.iteration} of ${state.maxIterations}` : '';
  const recent =
    state.recent.length > 0
      ? `\n\n<details><summary>Recent steps</summary>\n\n${state.recent.map(r => `- ${r}`).join('\n')}\n\n</details>`
      : '';
  return [
    marker,
    `### 👀 Kubrick is working${state.mode ? ` (${state.mode})` : ''}`,
    quoteTask(state.task),
    `${checklist}${working}${recent}`,
    state.runUrl ? `<sub>[Workflow run](${state.runUrl})</sub>` : ''
  ]
    .filter(p => p !== '')
    .join('\n\n');
}
