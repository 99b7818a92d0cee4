/**
 * Earlier findings against new code: where each one's code line is now, whether the new commits
 * changed it (then its thread gets a follow-up), and whether a new finding is one already made.
 */
import type { PullFile } from '../github/pulls.js';
import { normalizeFindingPath, type Finding } from '../github/review-lines.js';
import type { EarlierFinding } from './history.js';
import { changeBlocks } from './patch.js';

/** Lines of a text file (a final newline ends the last line, it does not start another). */
export function splitFileLines(text: string): string[] {
  const lines = text.split('\n').map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The line (1-based) holding `text`, the occurrence nearest to `hint` when it appears more than once
 * (code moves by a few lines far more often than it is copied). Null when no line holds it, or when
 * the text is blank and so says nothing about where it went.
 */
export function locateLine(lines: readonly string[], text: string, hint: number): number | null {
  const wanted = text.trim();
  if (wanted === '') return lines[hint - 1]?.trim() === '' ? hint : null;
  let best: number | null = null;
  lines.forEach((line, index) => {
    if (line.trim() !== wanted) return;
    const at = index + 1;
    if (best === null || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  });
  return best;
}

/** An earlier finding whose line the new commits changed: it needs a follow-up in its thread. */
export interface ChangedFinding {
  finding: EarlierFinding;
  /** New-file lines that took the old line's place (none when it was deleted with its file or block). */
  replacedBy: number[];
}

/**
 * The earlier findings whose code line the changes since the last review removed or rewrote.
 * `readOld` reads a file as it was at the last reviewed commit (null when it cannot be read). A
 * finding that cannot be placed in that version is left alone: no follow-up is better than a wrong one.
 */
export async function changedFindings(
  findings: readonly EarlierFinding[],
  sinceLastReview: readonly PullFile[],
  readOld: (path: string) => Promise<string | null>
): Promise<ChangedFinding[]> {
  const changed: ChangedFinding[] = [];
  // Read once per file, however many earlier findings it has.
  const oldFiles = new Map<string, Promise<string | null>>();
  const readOnce = (path: string): Promise<string | null> => {
    let read = oldFiles.get(path);
    if (!read) {
      read = readOld(path);
      oldFiles.set(path, read);
    }
    return read;
  };
  for (const finding of findings) {
    if (finding.side !== 'RIGHT') continue;
    const file = sinceLastReview.find(f => f.path === finding.path || f.previousPath === finding.path);
    if (!file) continue;
    if (file.status === 'removed') {
      changed.push({ finding, replacedBy: [] });
      continue;
    }
    if (file.patch === undefined) continue;
    let oldLine: number | null = finding.line;
    if (finding.codeLine !== null) {
      const old = await readOnce(finding.path);
      oldLine = old === null ? null : locateLine(splitFileLines(old), finding.codeLine, finding.line);
    }
    if (oldLine === null) continue;
    const block = changeBlocks(file.patch).find(b => b.removed.includes(oldLine));
    if (block) changed.push({ finding, replacedBy: block.added });
  }
  return changed;
}

export interface Repeat<F extends Finding> {
  finding: F;
  earlier: EarlierFinding;
}

/**
 * Splits new findings into fresh ones and repeats of earlier findings: same path and side, and the
 * same place — the line the earlier finding's code line is on now (the same line when nothing moved),
 * or, for an earlier finding the model says is still present after its line was rewritten, one of the
 * lines that replaced it. `headLines` holds the head version of the files that have earlier findings.
 */
export function splitRepeats<F extends Finding>(
  findings: readonly F[],
  earlier: readonly EarlierFinding[],
  context: {
    headLines: ReadonlyMap<string, readonly string[] | null>;
    stillPresent: readonly ChangedFinding[];
  }
): { fresh: F[]; repeats: Repeat<F>[] } {
  const fresh: F[] = [];
  const repeats: Repeat<F>[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const path = normalizeFindingPath(finding.path);
    const side = finding.side ?? 'RIGHT';
    const key = JSON.stringify([path, side, finding.line, finding.body.trim()]);
    if (seen.has(key)) continue; // the same finding twice in one answer
    seen.add(key);
    const match = earlier.find(
      e => e.path === path && e.side === side && samePlace(finding.line, e, context)
    );
    if (match) repeats.push({ finding, earlier: match });
    else fresh.push(finding);
  }
  return { fresh, repeats };
}

function samePlace(
  line: number,
  earlier: EarlierFinding,
  context: {
    headLines: ReadonlyMap<string, readonly string[] | null>;
    stillPresent: readonly ChangedFinding[];
  }
): boolean {
  const rewritten = context.stillPresent.find(c => c.finding.id === earlier.id);
  if (rewritten) return rewritten.replacedBy.includes(line);
  const lines = context.headLines.get(earlier.path);
  if (earlier.side === 'LEFT' || earlier.codeLine === null || !lines) return line === earlier.line;
  return locateLine(lines, earlier.codeLine, earlier.line) === line;
}
