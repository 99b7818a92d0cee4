/**
 * Drops markdown link reference definitions (`[label]: url "title"`, including the `[//]: # (…)`
 * comment idiom): GitHub renders nothing for them, so their text is hidden from readers. A line is
 * dropped when it has the shape of a definition; titles that continue on following lines are
 * dropped with it. Erring towards dropping only ever hides text from the model, never shows it
 * hidden text.
 */
const MAX_LABEL = 999;
const TITLE_CLOSERS: Record<string, string> = { '"': '"', "'": "'", '(': ')' };

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function skipSpaces(line: string, at: number): number {
  let i = at;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** Index just after `[label]:` when the line starts a definition, else -1. */
function labelEnd(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '[') return -1;
  i++;
  const start = i;
  while (i < line.length && i - start <= MAX_LABEL) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') return -1;
    if (c === ']') break;
    i++;
  }
  if (line[i] !== ']' || i === start || line[i + 1] !== ':') return -1;
  return i + 2;
}

/** Index after the destination starting at `at`, or -1 when there is none. */
function destinationEnd(line: string, at: number): number {
  if (line[at] === '<') {
    const close = line.indexOf('>', at + 1);
    return close === -1 ? -1 : close + 1;
  }
  let i = at;
  while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
  return i > at ? i : -1;
}

interface TitleScan {
  /** The rest of the line is a complete title (or nothing). */
  complete: boolean;
  /** A title opened on this line and continues on the next ones; this character closes it. */
  openUntil?: string;
}

/** Reads an optional title that starts at `at` and must be the last thing on the line. */
function scanTitle(line: string, at: number): TitleScan | null {
  const i = skipSpaces(line, at);
  if (i >= line.length) return { complete: true };
  const closer = TITLE_CLOSERS[line[i] as string];
  if (closer === undefined) return null;
  const close = line.indexOf(closer, i + 1);
  if (close === -1) return { complete: false, openUntil: closer };
  return skipSpaces(line, close + 1) >= line.length ? { complete: true } : null;
}

/** Index of the line that ends a title continued from an earlier line (blank lines end it too). */
function titleContinuationEnd(lines: string[], from: number, closer: string): number {
  let j = from;
  while (j < lines.length && !isBlank(lines[j] as string) && !(lines[j] as string).includes(closer)) j++;
  return Math.min(j, lines.length - 1);
}

/** Number of lines (from `index`) a definition starting there occupies, or 0 when it is not one. */
function definitionLength(lines: string[], index: number): number {
  const line = lines[index] as string;
  const afterLabel = labelEnd(line);
  if (afterLabel === -1) return 0;
  let row = index;
  let text = line;
  let at = skipSpaces(text, afterLabel);
  if (at >= text.length) {
    // The destination may sit on the next line.
    const next = lines[index + 1];
    if (next === undefined || isBlank(next)) return 1;
    row = index + 1;
    text = next;
    at = skipSpaces(text, 0);
  }
  const destEnd = destinationEnd(text, at);
  if (destEnd === -1) return row - index + 1;
  const title = scanTitle(text, destEnd);
  if (title === null) return 0;
  if (title.openUntil !== undefined) return titleContinuationEnd(lines, row + 1, title.openUntil) - index + 1;
  // A title may also start on the following line.
  const next = lines[row + 1];
  if (next !== undefined && !isBlank(next)) {
    const start = skipSpaces(next, 0);
    const closer = TITLE_CLOSERS[next[start] as string];
    if (closer !== undefined) {
      const nextTitle = scanTitle(next, start);
      if (nextTitle?.complete) return row + 2 - index;
      if (nextTitle?.openUntil !== undefined) return titleContinuationEnd(lines, row + 2, closer) - index + 1;
    }
  }
  return row - index + 1;
}

export function dropLinkDefinitions(text: string): string {
  if (!text.includes(']:')) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length;) {
    const length = definitionLength(lines, i);
    if (length > 0) {
      i += length;
    } else {
      kept.push(lines[i] as string);
      i++;
    }
  }
  return kept.join('\n');
}
