/**
 * How a diff reads to the reviewing model: each file under a header with its status and counts, each
 * hunk with the new-file line number in front of every line that has one — the `line` a finding must
 * name to land as an inline comment. Removed lines carry no number; they are shown for what they were.
 */
import type { PullFile } from '../github/pulls.js';
import { fenceFor } from '../github/review-lines.js';
import { parseHunks, type Hunk } from './patch.js';

export function fileHeader(file: PullFile): string {
  const renamed = file.previousPath ? ` (renamed from ${file.previousPath})` : '';
  return `### ${file.path}${renamed} — ${file.status}, +${file.additions} −${file.deletions}`;
}

/** A hunk's header and its lines, numbered. */
export function hunkLines(hunk: Hunk): string[] {
  return [
    hunk.header,
    ...hunk.lines.map(line =>
      line.newLine === null
        ? `      ${line.kind}${line.text}`
        : `${String(line.newLine).padStart(5)} ${line.kind}${line.text}`
    )
  ];
}

function fenced(patch: string, lines: readonly string[]): string {
  const fence = fenceFor(patch);
  return `${fence}diff\n${lines.join('\n')}\n${fence}`;
}

/** Statuses whose file may change without a line changing. */
const NO_LINE_STATUSES = new Set(['renamed', 'copied', 'changed']);

/** A whole file's diff as the model reads it. */
export function renderFileDiff(file: PullFile): string {
  if (file.patch === undefined) {
    // GitHub counts no lines for a binary file either: only a rename or a mode change has none changed.
    const why =
      file.additions + file.deletions > 0
        ? 'no textual diff: a binary file or a diff too large'
        : NO_LINE_STATUSES.has(file.status)
          ? 'no line changed (a rename or a mode change)'
          : 'no textual diff: a binary or empty file';
    return `${fileHeader(file)}\n(${why})`;
  }
  return `${fileHeader(file)}\n${fenced(file.patch, parseHunks(file.patch).flatMap(hunkLines))}`;
}

/**
 * A file's diff in pages of at most about `pageChars` characters, each made of whole hunks. A single
 * hunk longer than a page is the one thing split, by lines, and each part says where it continues.
 */
const CONTINUES = '(this hunk continues on the next page)';

export function diffPages(file: PullFile, pageChars: number): string[] {
  if (file.patch === undefined) return [renderFileDiff(file)];
  // Room for the fences around a page and the note at the end of a split hunk.
  const room = pageChars - 2 * (fenceFor(file.patch).length + 6) - CONTINUES.length - 1;
  const pieces: string[][] = [];
  for (const hunk of parseHunks(file.patch)) {
    const lines = hunkLines(hunk);
    if (size(lines) <= room) {
      pieces.push(lines);
      continue;
    }
    let part: string[] = [];
    for (const line of lines) {
      if (part.length > 0 && size(part) + line.length + 1 > room) {
        pieces.push([...part, CONTINUES]);
        part = [`${hunk.header} (continued)`];
      }
      part.push(line);
    }
    pieces.push(part);
  }
  const pages: string[][] = [];
  let page: string[] = [];
  for (const piece of pieces) {
    if (page.length > 0 && size(page) + size(piece) > room + CONTINUES.length + 1) {
      pages.push(page);
      page = [];
    }
    page.push(...piece);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages.map(lines => fenced(file.patch as string, lines));
}

function size(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}
