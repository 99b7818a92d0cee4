/**
 * Which changed files the reviewing model reads: everything but the skipped kinds (see skip.ts), and,
 * when that is still more than the prompt can hold, whole files cut — the largest generated-looking
 * ones first, then the largest others — until it fits. A file is shown whole or not at all.
 */
import type { PullFile } from '../github/pulls.js';
import { renderFileDiff } from './render.js';
import { looksGenerated, type SkipReason } from './skip.js';

/** The diff the model gets in its prompt is at most this long; the rest is cut by file. */
export const DIFF_PROMPT_CHARS = 60_000;

export interface LeftOutFile {
  path: string;
  additions: number;
  deletions: number;
  reason: string;
}

export interface DiffSelection {
  /** The files the model reads, in the order GitHub lists them. */
  shown: PullFile[];
  /** Left out by kind (lockfile, generated, …), with the reason. */
  skipped: LeftOutFile[];
  /** Left out because the diff was too large, largest generated-looking first. */
  cut: LeftOutFile[];
  budgetChars: number;
}

export function selectDiff(
  files: readonly PullFile[],
  options: { skip: (file: PullFile) => SkipReason | null; budgetChars?: number }
): DiffSelection {
  const budgetChars = options.budgetChars ?? DIFF_PROMPT_CHARS;
  const skipped: LeftOutFile[] = [];
  const candidates: { file: PullFile; chars: number; generated: boolean }[] = [];
  for (const file of files) {
    const why = options.skip(file);
    if (why) skipped.push(leftOut(file, why.reason));
    else candidates.push({ file, chars: renderFileDiff(file).length + 2, generated: looksGenerated(file) });
  }
  let total = candidates.reduce((sum, c) => sum + c.chars, 0);
  const cutOrder = [...candidates].sort(
    (a, b) => Number(b.generated) - Number(a.generated) || b.chars - a.chars
  );
  const cutFiles = new Set<PullFile>();
  for (const candidate of cutOrder) {
    if (total <= budgetChars) break;
    cutFiles.add(candidate.file);
    total -= candidate.chars;
  }
  return {
    shown: candidates.filter(c => !cutFiles.has(c.file)).map(c => c.file),
    skipped,
    cut: cutOrder
      .filter(c => cutFiles.has(c.file))
      .map(c =>
        leftOut(
          c.file,
          c.generated ? 'cut: the diff was too large (looks generated)' : 'cut: the diff was too large'
        )
      ),
    budgetChars
  };
}

function leftOut(file: PullFile, reason: string): LeftOutFile {
  return { path: file.path, additions: file.additions, deletions: file.deletions, reason };
}
