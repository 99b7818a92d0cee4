/**
 * Parses the unified diff git produces into GitHub's per-file view (`/pulls/{n}/files`) and the set of
 * lines a review comment may target. GitHub accepts a comment on any line shown in a hunk: added and
 * context lines on the RIGHT side, removed and context lines on the LEFT side.
 */
import type { Side } from './types.js';

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed';

export interface DiffLine {
  kind: '+' | '-' | ' ';
  oldLine: number | null;
  newLine: number | null;
}

export interface DiffHunk {
  /** The hunk's text from its `@@` header, as `diff_hunk` in review comments. */
  text: string;
  lines: DiffLine[];
}

export interface DiffFile {
  filename: string;
  previousFilename?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  /** Blob of the new side (of the old side for removed files), when the diff ran with --full-index. */
  sha: string | null;
  /** Hunks only, from the first `@@` line, as GitHub's `patch` field; undefined for binary files. */
  patch?: string;
  hunks: DiffHunk[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnifiedDiff(diff: string): DiffFile[] {
  const files: DiffFile[] = [];
  const sections = diff.split(/^(?=diff --git )/m).filter(section => section.startsWith('diff --git '));
  for (const section of sections) files.push(parseFileSection(section));
  return files;
}

function parseFileSection(section: string): DiffFile {
  const lines = section.replace(/\n$/, '').split('\n');
  const firstHunk = lines.findIndex(line => line.startsWith('@@'));
  const header = firstHunk === -1 ? lines : lines.slice(0, firstHunk);

  let oldPath: string | null = null;
  let newPath: string | null = null;
  let renameFrom: string | undefined;
  let renameTo: string | undefined;
  let status: FileStatus = 'modified';
  let oldBlob: string | null = null;
  let newBlob: string | null = null;
  for (const line of header) {
    if (line.startsWith('new file mode')) status = 'added';
    else if (line.startsWith('deleted file mode')) status = 'removed';
    else if (line.startsWith('rename from ')) renameFrom = line.slice('rename from '.length);
    else if (line.startsWith('rename to ')) renameTo = line.slice('rename to '.length);
    else if (line.startsWith('--- ')) oldPath = stripPrefix(line.slice(4), 'a/');
    else if (line.startsWith('+++ ')) newPath = stripPrefix(line.slice(4), 'b/');
    else if (line.startsWith('index ')) {
      const match = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(line);
      if (match) [oldBlob, newBlob] = [match[1] ?? null, match[2] ?? null];
    }
  }
  if (renameTo !== undefined) status = 'renamed';
  const filename = renameTo ?? newPath ?? oldPath ?? pathFromDiffGitLine(lines[0] ?? '');

  const hunks: DiffHunk[] = [];
  let additions = 0;
  let deletions = 0;
  if (firstHunk !== -1) {
    let current: DiffHunk | null = null;
    let oldLine = 0;
    let newLine = 0;
    const hunkTexts: string[] = [];
    for (const line of lines.slice(firstHunk)) {
      const headerMatch = HUNK_HEADER.exec(line);
      if (headerMatch) {
        current = { text: line, lines: [] };
        hunks.push(current);
        oldLine = Number(headerMatch[1]);
        newLine = Number(headerMatch[2]);
        hunkTexts.push(line);
        continue;
      }
      if (!current) continue;
      current.text += `\n${line}`;
      hunkTexts.push(line);
      if (line.startsWith('+')) {
        current.lines.push({ kind: '+', oldLine: null, newLine: newLine++ });
        additions++;
      } else if (line.startsWith('-')) {
        current.lines.push({ kind: '-', oldLine: oldLine++, newLine: null });
        deletions++;
      } else if (line.startsWith(' ')) {
        current.lines.push({ kind: ' ', oldLine: oldLine++, newLine: newLine++ });
      }
      // "\ No newline at end of file" belongs to the text but numbers no line.
    }
    return {
      filename,
      ...(renameFrom !== undefined ? { previousFilename: renameFrom } : {}),
      status,
      additions,
      deletions,
      sha: status === 'removed' ? oldBlob : newBlob,
      patch: hunkTexts.join('\n'),
      hunks
    };
  }
  return {
    filename,
    ...(renameFrom !== undefined ? { previousFilename: renameFrom } : {}),
    status,
    additions,
    deletions,
    sha: status === 'removed' ? oldBlob : newBlob,
    hunks
  };
}

function stripPrefix(path: string, prefix: string): string | null {
  const trimmed = path.replace(/\t$/, '');
  if (trimmed === '/dev/null') return null;
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
}

/** `diff --git a/x b/x` for mode-only changes, where no ---/+++ lines exist; both halves are equal. */
function pathFromDiffGitLine(line: string): string {
  const rest = line.slice('diff --git '.length);
  const half = rest.slice(0, Math.floor(rest.length / 2));
  return half.startsWith('a/') ? half.slice(2) : half;
}

/** Index of the hunk that shows `line` on `side`, or -1 when that line is not part of the diff. */
export function hunkIndexOf(file: DiffFile, line: number, side: Side): number {
  return file.hunks.findIndex(hunk =>
    hunk.lines.some(l =>
      side === 'RIGHT' ? l.kind !== '-' && l.newLine === line : l.kind !== '+' && l.oldLine === line
    )
  );
}

/** The hunk text up to and including the commented line, as GitHub's `diff_hunk` shows it. */
export function diffHunkUpTo(file: DiffFile, hunkIndex: number, line: number, side: Side): string {
  const hunk = file.hunks[hunkIndex];
  if (!hunk) return '';
  const textLines = hunk.text.split('\n');
  const header = textLines[0] ?? '';
  const body = textLines.slice(1).filter(l => !l.startsWith('\\'));
  const position = hunk.lines.findIndex(l =>
    side === 'RIGHT' ? l.kind !== '-' && l.newLine === line : l.kind !== '+' && l.oldLine === line
  );
  return [header, ...body.slice(0, position + 1)].join('\n');
}
