import { displayLine, forModel, groupTitle, isErrorLine } from './log-text.js';

/** A failed job's log, cleaned. */
export interface JobLogView {
  /**
   * The whole log with the runner's markers written out (ci_log pages through it and sanitizes each
   * page with forModel before the model reads it).
   */
  text: string;
  /** Where the error lines start in `text`, for ci_log's offset. */
  errorOffsets: number[];
  /** The failed steps' part of the log, as the model reads it, with a note wherever lines were left out. */
  excerpt: string;
}

/** The most an excerpt is allowed to hold before it is cut to a job's share of the prompt. */
export const JOB_LOG_CHARS = 20_000;
/** The most all the jobs' excerpts hold together. */
export const TOTAL_LOG_CHARS = 40_000;

/** Lines kept before and after an `##[error]` line: the failure is usually just above it. */
const BEFORE_ERROR = 40;
const AFTER_ERROR = 5;
/** When whole failed steps are too long: the step's start (its command), its end, and failures. */
const SECTION_HEAD = 15;
const SECTION_TAIL = 40;
const AROUND_FAILURE: [number, number] = [3, 8];
const MAX_FAILURE_LINES = 60;
/** Without any marker of where it failed, the end of the log is what says why. */
const FALLBACK_TAIL = 300;

const FAILURE_WORDS =
  /\b(?:errors?|fail(?:s|ed|ure|ures|ing)?|assert\w*|exception|traceback|panic(?:ked)?|expected|not ok|fatal)\b/i;

/**
 * A log with thousands of errors or failed groups shows only some: those at its start and, more of
 * them, at its end (the excerpt could not hold more anyway, and this keeps the work bounded).
 */
const MAX_ERRORS = 400;
const MAX_SECTIONS = 200;

function ends<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const head = Math.floor(max / 4);
  return [...items.slice(0, head), ...items.slice(items.length - (max - head))];
}

type Range = [start: number, end: number];

/** A `##[group]` section of the log: from its group line to the next one. */
interface Section {
  start: number;
  end: number;
  title: string;
}

function sectionsOf(lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    const title = groupTitle(lines[i] as string);
    if (title === null) continue;
    const last = sections.at(-1);
    if (last) last.end = i;
    sections.push({ start: i, end: lines.length, title });
  }
  return sections;
}

/**
 * A step's log section starts with `##[group]Run <command>` for a `run:` step without a name, with
 * `##[group]Run <action>` for `uses:`, and with the name otherwise (GitHub's own steps).
 */
function namesStep(title: string, step: string): boolean {
  const t = title.toLowerCase();
  const s = step.trim().toLowerCase();
  return s !== '' && (t === s || t === `run ${s}` || (s.startsWith('run ') && t === s));
}

function merge(ranges: Range[], length: number): Range[] {
  const sorted = ranges
    .map(([a, b]): Range => [Math.max(0, a), Math.min(length, b)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function sizeOf(lines: readonly string[], ranges: readonly Range[]): number {
  let size = 0;
  for (const [a, b] of ranges) for (let i = a; i < b; i++) size += (lines[i] as string).length + 1;
  return size;
}

/** The lines that say why the job failed, as ranges of line indices. */
export function failedRanges(
  lines: readonly string[],
  failedSteps: readonly string[],
  budget: number = JOB_LOG_CHARS
): Range[] {
  const errors: number[] = [];
  lines.forEach((line, i) => {
    if (isErrorLine(line)) errors.push(i);
  });
  const sections = sectionsOf(lines);
  // Sections and errors are both in line order: one pass marks the sections that hold an error.
  const withError = new Set<Section>();
  let next = 0;
  for (const section of sections) {
    while (next < errors.length && (errors[next] as number) < section.start) next++;
    if (next < errors.length && (errors[next] as number) < section.end) withError.add(section);
  }
  const failed = ends(
    sections.filter(
      section => withError.has(section) || failedSteps.some(step => namesStep(section.title, step))
    ),
    MAX_SECTIONS
  );
  if (failed.length === 0 && errors.length === 0) {
    return merge([[lines.length - FALLBACK_TAIL, lines.length]], lines.length);
  }
  const aroundErrors = ends(errors, MAX_ERRORS).map((e): Range => [e - BEFORE_ERROR, e + AFTER_ERROR + 1]);
  const whole = merge([...failed.map((s): Range => [s.start, s.end]), ...aroundErrors], lines.length);
  if (sizeOf(lines, whole) <= budget) return whole;

  // Too long to show whole: each failed step's start and end, the errors, and lines that say "failed".
  const focused: Range[] = [...aroundErrors];
  let failures = 0;
  for (const section of failed) {
    focused.push([section.start, section.start + SECTION_HEAD], [section.end - SECTION_TAIL, section.end]);
    for (let i = section.start; i < section.end && failures < MAX_FAILURE_LINES; i++) {
      if (FAILURE_WORDS.test(lines[i] as string)) {
        focused.push([i - AROUND_FAILURE[0], i + AROUND_FAILURE[1] + 1]);
        failures++;
      }
    }
  }
  return merge(focused, lines.length);
}

/** One minified or progress-bar line must not take a job's whole share of the prompt. */
const EXCERPT_LINE_CHARS = 1000;

function shortLine(line: string): string {
  if (line.length <= EXCERPT_LINE_CHARS) return line;
  let cut = EXCERPT_LINE_CHARS;
  if (isLowSurrogate(line, cut)) cut--;
  return `${line.slice(0, cut)} … [line cut: ${line.length.toLocaleString('en-US')} characters; ci_log shows it whole]`;
}

function skipped(count: number): string {
  return `[… ${count.toLocaleString('en-US')} log line${count === 1 ? '' : 's'} not shown here; ci_log shows the whole log …]`;
}

/** The lines in `ranges`, with a note for every run of lines left out (not yet as the model reads them). */
export function renderRanges(lines: readonly string[], ranges: readonly Range[]): string {
  const out: string[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push(skipped(start - at));
    for (let i = start; i < end; i++) out.push(shortLine(lines[i] as string));
    at = end;
  }
  if (at < lines.length) out.push(skipped(lines.length - at));
  return out.join('\n');
}

/** The whole log for ci_log, and where its errors are. */
function wholeLog(lines: readonly string[]): { text: string; errorOffsets: number[] } {
  const out: string[] = [];
  const errorOffsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    const shown = displayLine(line);
    if (shown === null) continue;
    if (isErrorLine(line)) errorOffsets.push(offset);
    out.push(shown);
    offset += shown.length + 1;
  }
  return { text: out.join('\n'), errorOffsets };
}

/** What of an excerpt is sanitized at most; more would be cut to a job's share anyway. */
const SANITIZED_EXCERPT_CHARS = 4 * JOB_LOG_CHARS;

/** A cleaned job log (see cleanJobLog): whole, and cut to the failed steps as the model reads them. */
export function viewJobLog(cleaned: string, failedSteps: readonly string[]): JobLogView {
  const lines = cleaned.endsWith('\n') ? cleaned.slice(0, -1).split('\n') : cleaned.split('\n');
  const excerpt = renderRanges(lines, failedRanges(lines, failedSteps));
  return { ...wholeLog(lines), excerpt: forModel(cutMiddle(excerpt, SANITIZED_EXCERPT_CHARS)) };
}

/**
 * Keeps the head (`headShare`) and the tail of `text` and puts a note of what was cut between them;
 * the result, note included, is at most `cap` characters. Cuts fall on line breaks when one is near.
 */
export function cutMiddle(text: string, cap: number, headShare = 0.4): string {
  if (text.length <= cap) return text;
  const note = (chars: number, lines: number) =>
    `\n[… ${chars.toLocaleString('en-US')} characters (${lines.toLocaleString('en-US')} lines) cut here to stay within ${cap.toLocaleString('en-US')}; ci_log shows them …]\n`;
  const room = cap - note(text.length, text.length).length;
  if (room <= 0) {
    const end = Math.max(0, cap);
    return text.slice(0, isLowSurrogate(text, end) ? end - 1 : end);
  }
  let headEnd = Math.floor(room * headShare);
  let tailStart = text.length - (room - headEnd);
  const breakBefore = text.lastIndexOf('\n', headEnd);
  if (breakBefore > 0 && headEnd - breakBefore < 200) headEnd = breakBefore;
  const breakAfter = text.indexOf('\n', tailStart);
  if (breakAfter !== -1 && breakAfter - tailStart < 200) tailStart = breakAfter + 1;
  if (isLowSurrogate(text, headEnd)) headEnd--;
  if (isLowSurrogate(text, tailStart)) tailStart++;
  const cut = text.slice(headEnd, tailStart);
  const lines = cut.split('\n').length - 1;
  return `${text.slice(0, headEnd)}${note(cut.length, lines)}${text.slice(tailStart)}`;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Each job's share of `total`: short excerpts keep all they need, and what they leave over goes to
 * the longer ones, none getting more than `each`.
 */
export function fairShares(lengths: readonly number[], total: number, each: number): number[] {
  const shares = new Array<number>(lengths.length).fill(0);
  const order = lengths.map((length, index) => ({ length, index })).sort((a, b) => a.length - b.length);
  let left = total;
  order.forEach(({ length, index }, position) => {
    const fair = Math.floor(left / (order.length - position));
    const share = Math.min(length, each, fair);
    shares[index] = share;
    left -= share;
  });
  return shares;
}
