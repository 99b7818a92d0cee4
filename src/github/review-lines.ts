import { parseHunks } from '../review/patch.js';
import type { PullFile } from './pulls.js';

export interface Finding {
  path: string;
  line: number;
  severity: string;
  body: string;
  suggestion?: string;
  /** Findings about removed code name the old line and LEFT; default RIGHT (the new code). */
  side?: 'RIGHT' | 'LEFT';
}

export interface InlineComment {
  path: string;
  line: number;
  side: 'RIGHT' | 'LEFT';
  body: string;
}

/**
 * The lines a review comment may point at: new-file numbers of added and context lines (RIGHT) and
 * old-file numbers of removed and context lines (LEFT). GitHub rejects the whole review otherwise.
 */
export function commentableLines(patch: string): { right: Set<number>; left: Set<number> } {
  const right = new Set<number>();
  const left = new Set<number>();
  for (const hunk of parseHunks(patch)) {
    for (const line of hunk.lines) {
      if (line.newLine !== null) right.add(line.newLine);
      if (line.oldLine !== null) left.add(line.oldLine);
    }
  }
  return { right, left };
}

/** `./src/a.ts`, `/src/a.ts`, `src\a.ts` and `src/a.ts` name the same file. */
export function normalizeFindingPath(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/|\/)+/, '')
    .replace(/\/{2,}/g, '/');
}

/** Splits findings into inline comments on commentable diff lines and the rest (for the review body). */
export function placeFindings<F extends Finding>(
  findings: readonly F[],
  files: readonly PullFile[]
): { inline: InlineComment[]; outside: F[] } {
  const byPath = new Map<string, { file: PullFile; lines: ReturnType<typeof commentableLines> }>();
  for (const file of files) {
    if (file.patch === undefined) continue;
    const entry = { file, lines: commentableLines(file.patch) };
    byPath.set(file.path, entry);
    // A finding naming the old path of a renamed file is about the same file.
    if (file.previousPath && !byPath.has(file.previousPath)) byPath.set(file.previousPath, entry);
  }
  const inline: InlineComment[] = [];
  const outside: F[] = [];
  for (const finding of findings) {
    const entry = byPath.get(normalizeFindingPath(finding.path));
    const side = finding.side ?? 'RIGHT';
    const lines = side === 'RIGHT' ? entry?.lines.right : entry?.lines.left;
    if (entry && lines && Number.isInteger(finding.line) && lines.has(finding.line)) {
      inline.push({ path: entry.file.path, line: finding.line, side, body: inlineBody(finding, side) });
    } else {
      outside.push(finding);
    }
  }
  return { inline, outside };
}

function inlineBody(finding: Finding, side: 'RIGHT' | 'LEFT'): string {
  const text = `**${severityLabel(finding.severity)}:** ${finding.body.trim()}`;
  if (finding.suggestion === undefined) return text;
  const suggestion = finding.suggestion.replace(/\r\n/g, '\n').replace(/\n$/, '');
  const fence = fenceFor(suggestion);
  // A suggestion replaces the commented line of the new code; on removed code it can only be shown.
  return side === 'RIGHT'
    ? `${text}\n\n${fence}suggestion\n${suggestion}\n${fence}`
    : `${text}\n\nSuggested replacement:\n${fence}\n${suggestion}\n${fence}`;
}

export function severityLabel(severity: string): string {
  const s = severity.trim().toLowerCase();
  return s ? s[0]!.toUpperCase() + s.slice(1) : 'Note';
}

/** A code fence longer than any backtick run in the text, so the text cannot close it. */
export function fenceFor(text: string): string {
  let longest = 2;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(longest + 1);
}
