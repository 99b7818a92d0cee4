/**
 * A file's patch as GitHub gives it (`patch` of `/pulls/{n}/files` and `/compare`): hunks of lines with
 * their old-file and new-file numbers. Everything that shows, cuts or compares a diff works on whole
 * hunks from here, so no reader ever gets half of one.
 */

export interface PatchLine {
  /** `+` added, `-` removed, ` ` context, `\` a "No newline at end of file" note. */
  kind: '+' | '-' | ' ' | '\\';
  /** The line without its one-character prefix. */
  text: string;
  oldLine: number | null;
  newLine: number | null;
}

export interface Hunk {
  /** The `@@ -a,b +c,d @@ …` line. */
  header: string;
  lines: PatchLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  let oldLine = 0;
  let newLine = 0;
  // Lines still expected on each side; a hunk ends when both reach zero (a trailing newline is no line).
  let oldLeft = 0;
  let newLeft = 0;
  for (const raw of patch.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = HUNK_HEADER.exec(line);
    if (header) {
      current = { header: line, lines: [] };
      hunks.push(current);
      oldLine = Number(header[1]);
      oldLeft = header[2] === undefined ? 1 : Number(header[2]);
      newLine = Number(header[3]);
      newLeft = header[4] === undefined ? 1 : Number(header[4]);
      continue;
    }
    if (!current) continue;
    const kind = line[0];
    if (kind === '\\') {
      current.lines.push({ kind, text: line.slice(1), oldLine: null, newLine: null });
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) continue;
    if (kind === '+') {
      current.lines.push({ kind, text: line.slice(1), oldLine: null, newLine: newLine++ });
      newLeft--;
    } else if (kind === '-') {
      current.lines.push({ kind, text: line.slice(1), oldLine: oldLine++, newLine: null });
      oldLeft--;
    } else {
      // Context (' '), or an empty line where a tool trimmed the context line's leading space.
      current.lines.push({ kind: ' ', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
      oldLeft--;
      newLeft--;
    }
  }
  return hunks;
}

/** One edit inside a hunk: the old lines it removed and the new lines that took their place. */
export interface ChangeBlock {
  removed: number[];
  added: number[];
}

/** The edits of a patch: each run of removed and added lines between context lines. */
export function changeBlocks(patch: string): ChangeBlock[] {
  const blocks: ChangeBlock[] = [];
  for (const hunk of parseHunks(patch)) {
    let block: ChangeBlock | null = null;
    for (const line of hunk.lines) {
      if (line.kind === '-' || line.kind === '+') {
        block ??= { removed: [], added: [] };
        if (line.kind === '-') block.removed.push(line.oldLine as number);
        else block.added.push(line.newLine as number);
      } else if (line.kind === ' ') {
        if (block) blocks.push(block);
        block = null;
      }
    }
    if (block) blocks.push(block);
  }
  return blocks;
}
