/**
 * The review's body: the verdict and the model's summary, the findings that could not go inline, and
 * what a reader needs to trust the review — what it covered (commit range, files, lines), the findings
 * by severity, what was skipped and why, and which earlier findings the new commits addressed. (The
 * hidden marker that tells the next review where this one stopped is added when it is posted.)
 */
import { severityLabel, type Finding } from '../github/review-lines.js';
import type { FollowUpDecision } from '../tools/types.js';
import type { EarlierFinding } from './history.js';
import { fullReviewReason, short } from './prompt.js';
import type { ReviewScope } from './scope.js';
import type { DiffSelection, LeftOutFile } from './select.js';

export interface SummaryInput {
  scope: ReviewScope;
  selection: DiffSelection;
  /** New findings (repeats removed), inline and outside alike. */
  findings: readonly Finding[];
  /** The new findings that could not be placed on a diff line. */
  outside: readonly Finding[];
  /** Findings left out because an earlier review made them already. */
  repeats: number;
  followUps: ReadonlyArray<{ finding: EarlierFinding; decision: FollowUpDecision }>;
  modelSummary: string;
  /** Only a review the model closed with `finish` may say that nothing was found. */
  calledFinish: boolean;
}

const SEVERITY_ORDER = ['high', 'medium', 'low'];

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Inline code that a file name (which may hold backticks or line breaks) cannot break out of. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

function verdict(input: SummaryInput): string | null {
  if (input.findings.length > 0 || !input.calledFinish) return null;
  const repeated =
    input.repeats > 0 ? ` (${plural(input.repeats, 'finding')} of earlier reviews not repeated)` : '';
  if (input.scope.kind === 'incremental') {
    return `**Kubrick found no new issues** in the changes since the last review${repeated}.`;
  }
  const count = input.selection.shown.length;
  return `**Kubrick found no issues** in the ${plural(count, 'changed file')} of this pull request${repeated}.`;
}

function coverage(input: SummaryInput): string {
  const { scope, selection } = input;
  const added = selection.shown.reduce((sum, f) => sum + f.additions, 0);
  const removed = selection.shown.reduce((sum, f) => sum + f.deletions, 0);
  const size = `${plural(selection.shown.length, 'file')}, +${added} −${removed} lines`;
  if (scope.kind === 'incremental') {
    return `**Reviewed:** the changes since the last review, ${code(`${short(scope.lastReviewed)}..${short(scope.head)}`)} — ${size}.`;
  }
  const why = fullReviewReason(scope);
  return `**Reviewed:** the whole pull request at ${code(short(scope.head))} — ${size}.${why ? ` ${why}` : ''}`;
}

function bySeverity(findings: readonly Finding[], incremental: boolean): string {
  if (findings.length === 0) return incremental ? 'none new' : 'none';
  const counts = new Map<string, number>();
  for (const f of findings)
    counts.set(f.severity.toLowerCase(), (counts.get(f.severity.toLowerCase()) ?? 0) + 1);
  const order = [...SEVERITY_ORDER, ...[...counts.keys()].filter(s => !SEVERITY_ORDER.includes(s)).sort()];
  return order
    .filter(s => counts.has(s))
    .map(s => `${counts.get(s)} ${s}`)
    .join(', ');
}

function findingsLine(input: SummaryInput): string {
  const repeated =
    input.repeats > 0
      ? ` ${plural(input.repeats, 'finding')} already made in an earlier review ${input.repeats === 1 ? 'was' : 'were'} not posted again.`
      : '';
  return `**Findings:** ${bySeverity(input.findings, input.scope.kind === 'incremental')}.${repeated}`;
}

function earlierLine(input: SummaryInput): string | null {
  if (input.followUps.length === 0) return null;
  const link = (f: EarlierFinding) => `[${code(f.path)} line ${f.line}](${f.url})`;
  const addressed = input.followUps.filter(f => f.decision.status === 'addressed').map(f => link(f.finding));
  const still = input.followUps.filter(f => f.decision.status === 'still_present').map(f => link(f.finding));
  const parts = [
    ...(addressed.length > 0
      ? [`addressed in ${code(short(input.scope.head))}: ${addressed.join(', ')}`]
      : []),
    ...(still.length > 0 ? [`still present: ${still.join(', ')}`] : [])
  ];
  return `**Earlier findings:** ${parts.join('; ')}.`;
}

function leftOut(files: readonly LeftOutFile[]): string {
  return files.map(f => `${code(f.path)} (${f.reason.replace(/^cut: /, '')})`).join(', ');
}

export function reviewBody(input: SummaryInput): string {
  const parts: string[] = [];
  const said = verdict(input);
  if (said) parts.push(said);
  if (input.modelSummary.trim()) parts.push(input.modelSummary.trim());
  if (input.outside.length > 0) {
    parts.push(
      '### Findings outside the changed lines',
      input.outside
        .map(
          f =>
            `- **${severityLabel(f.severity)}** \`${f.path}\` line ${f.line}: ${f.body.trim().replace(/\n/g, '\n  ')}`
        )
        .join('\n')
    );
  }
  const facts = [coverage(input), findingsLine(input), earlierLine(input)];
  const { skipped, cut, budgetChars } = input.selection;
  if (skipped.length > 0) facts.push(`**Skipped:** ${leftOut(skipped)}.`);
  if (cut.length > 0) {
    facts.push(
      `**Cut for size:** the diff was over ${budgetChars} characters, so ${plural(cut.length, 'whole file')} ${cut.length === 1 ? 'was' : 'were'} left out, largest generated-looking first: ${leftOut(cut)}.`
    );
  }
  parts.push('---', facts.filter((line): line is string => line !== null).join('\n'));
  return parts.join('\n\n');
}
