/**
 * What the reviewing model reads about its review: the task (the request, the pull request, what this
 * review covers, its earlier findings and the ones to follow up) and the diff it covers. Everything a
 * user or an earlier model wrote is wrapped as untrusted data. Facts of this one review go in the
 * task, which is the conversation's first message; the diff is fixed for the run.
 */
import type { PullFile, PullInfo } from '../github/pulls.js';
import { capTask, wrapUntrusted } from '../trigger/sanitize.js';
import type { EarlierFinding } from './history.js';
import { renderFileDiff } from './render.js';
import type { ReviewScope } from './scope.js';
import { DIFF_PROMPT_CHARS, selectDiff, type DiffSelection, type LeftOutFile } from './select.js';
import type { ChangedFinding } from './threads.js';

/** Earlier findings listed in the task at the most; a body is cut to this many characters. */
const MAX_EARLIER_LISTED = 40;
const MAX_EARLIER_BODY = 300;
const MAX_EARLIER_CHARS = 6_000;

export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Why a review reads the whole pull request, in a sentence, or '' for a first review. */
export function fullReviewReason(scope: ReviewScope): string {
  if (scope.kind !== 'full') return '';
  const last = scope.lastReviewed ? `\`${short(scope.lastReviewed)}\`` : '';
  switch (scope.reason) {
    case 'first':
      return '';
    case 'asked':
      return 'A full review was asked for (`review full`).';
    case 'no-new-commits':
      return `No new commits since the last review (at ${last}): the whole pull request was reviewed again.`;
    case 'not-ancestor':
      return `The last reviewed commit ${last} is no longer part of the branch (a force push or a rebase), so this is a full review.`;
    case 'compare-failed':
      return `GitHub could not compare the last reviewed commit ${last} with the head${scope.detail ? ` (${scope.detail})` : ''}, so this is a full review.`;
  }
}

function scopeText(scope: ReviewScope): string {
  if (scope.kind === 'incremental') {
    return [
      `You reviewed this pull request before, at commit ${short(scope.lastReviewed)}. Review only what the commits since then changed (${short(scope.lastReviewed)}..${short(scope.head)}, shown below); the rest was reviewed already.`,
      '`pull_request_diff` shows the whole pull request when you need the context.'
    ].join(' ');
  }
  return [
    `Review the whole pull request at commit ${short(scope.head)} (its diff is below).`,
    fullReviewReason(scope)
  ]
    .filter(Boolean)
    .join(' ');
}

function earlierLine(finding: EarlierFinding): string {
  const body = finding.body.replace(/\s+/g, ' ').trim();
  const cut = body.length > MAX_EARLIER_BODY ? `${body.slice(0, MAX_EARLIER_BODY - 1)}…` : body;
  const code = finding.codeLine?.trim() ? ` — on the line \`${finding.codeLine.trim()}\`` : '';
  return `- thread ${finding.id}: ${finding.path} line ${finding.line}${finding.side === 'LEFT' ? ' (removed code)' : ''}, ${finding.severity}: ${cut}${code}`;
}

/** The newest earlier findings that fit in `budget` characters, oldest of them first. */
function listed(findings: readonly EarlierFinding[], budget = MAX_EARLIER_CHARS): string {
  const lines: string[] = [];
  let used = 0;
  for (const finding of [...findings].reverse().slice(0, MAX_EARLIER_LISTED)) {
    const line = earlierLine(finding);
    if (used + line.length > budget && lines.length > 0) break;
    lines.unshift(line);
    used += line.length + 1;
  }
  const more = findings.length - lines.length;
  return [...(more > 0 ? [`(${more} older findings not listed)`] : []), ...lines].join('\n');
}

/**
 * The task: the request, what this review covers, the earlier findings and those to follow up, and
 * then the pull request's title and description (last, so a long description is what a cut shortens).
 */
export function reviewTask(options: {
  pull: PullInfo;
  focus: string;
  scope: ReviewScope;
  earlier: readonly EarlierFinding[];
  changed: readonly ChangedFinding[];
}): string {
  const { pull, focus, scope, earlier, changed } = options;
  const parts = [
    `Review pull request #${pull.number} (${pull.headRef} → ${pull.baseRef}).${focus ? `\nFocus requested by the reviewer: ${wrapUntrusted('review focus', focus)}` : ''}`,
    '',
    '## What to review',
    scopeText(scope)
  ];
  if (earlier.length > 0) {
    parts.push(
      '',
      '## Your earlier findings on this pull request',
      'They are posted already: do not report them again. Report only problems they do not cover.',
      wrapUntrusted('earlier findings', listed(earlier))
    );
  }
  if (changed.length > 0) {
    parts.push(
      '',
      '## Earlier findings whose lines the new commits changed',
      'For each of these threads, decide from the new code whether the problem is fixed, and put one entry per thread in the `follow_ups` of `finish`: status `addressed` or `still_present`, with a one-line note. Kubrick replies in the thread with it. A problem that is still present goes in follow_ups only, not again in findings.',
      wrapUntrusted('findings to follow up', listed(changed.map(c => c.finding)))
    );
  }
  parts.push(
    '',
    '## The pull request',
    wrapUntrusted('pull request title', pull.title),
    wrapUntrusted('pull request description', pull.body || '(empty)')
  );
  return capTask(parts.join('\n'));
}

function leftOutLine(file: LeftOutFile): string {
  return `- ${file.path} (+${file.additions} −${file.deletions}): ${file.reason}`;
}

/** The diff this review covers, as the model reads it, with what was left out of it and why. */
export function reviewDiffPrompt(scope: ReviewScope, selection: DiffSelection): string {
  const title =
    scope.kind === 'incremental'
      ? `## The changes since your last review, ${short(scope.lastReviewed)}..${short(scope.head)} (line numbers are new-file lines)`
      : "## The pull request's changes (line numbers are new-file lines)";
  const diff =
    selection.shown.length > 0
      ? selection.shown.map(renderFileDiff).join('\n\n')
      : '(no file to review: every changed file was skipped or left out, see below)';
  // File names come from the pull request: the lists of what was left out stay inside the data block.
  const parts = [diff];
  if (selection.skipped.length > 0) {
    parts.push('', 'Skipped (not shown, not to be reviewed):', ...selection.skipped.map(leftOutLine));
  }
  if (selection.cut.length > 0) {
    parts.push(
      '',
      `Left out to keep the diff within ${selection.budgetChars} characters (read them with pull_request_diff if they matter):`,
      ...selection.cut.map(leftOutLine)
    );
  }
  return `${title}\n${wrapUntrusted('diff', parts.join('\n'))}`;
}

/**
 * A pull request's diff for an ask or plan run: rendered and cut like a review's (so both number the
 * same lines alike), with no file skipped, and the files cut to fit listed by name for read_file.
 */
export function pullDiffPrompt(files: readonly PullFile[], budgetChars = DIFF_PROMPT_CHARS): string {
  const selection = selectDiff(files, { skip: () => null, budgetChars });
  const parts = selection.shown.map(renderFileDiff);
  if (selection.cut.length > 0) {
    const cut = new Set(selection.cut.map(file => file.path));
    const names = files.filter(file => cut.has(file.path)).map(file => file.path);
    parts.push(
      `(${names.length} more changed file(s) not shown to stay within ${budgetChars} characters; read them with read_file: ${names.join(', ')})`
    );
  }
  return `## The pull request's changes (line numbers are new-file lines)\n${wrapUntrusted('diff', parts.join('\n\n'))}`;
}
