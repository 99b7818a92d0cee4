/** A PR's diff from the real commits in the bare repository: the text GitHub serves and its parsed files. */
import type { DiffFile } from './diff.js';
import { parseUnifiedDiff } from './diff.js';
import type { BareRepo } from './git.js';

export interface ParsedDiff {
  /** What `Accept: application/vnd.github.v3.diff` returns. */
  text: string;
  files: DiffFile[];
}

export async function pullDiff(git: BareRepo, base: string, head: string): Promise<ParsedDiff> {
  const [text, full] = await Promise.all([git.prDiff(base, head), git.prDiff(base, head, true)]);
  return { text, files: parseUnifiedDiff(full) };
}
