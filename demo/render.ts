/**
 * Turns the Markdown the action posts into text a terminal reader can follow: the hidden
 * `<!-- kubrick:… -->` markers go, tables become `name: value` lines, links keep their text, and HTML
 * wrappers (`<details>`, `<sub>`) are dropped while their words stay.
 */

/**
 * Text from a model, a comment or a file, made safe for a terminal: control characters (escape
 * sequences that could move the cursor, retitle the window or hide text) become a visible `�`.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** A Markdown table row as its cells (`| a | b |` → ['a', 'b']). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map(cell => cell.trim());
}

function isTableSeparator(line: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
}

/** Header + separator + rows → one `header: value · header: value` line per row. */
function flattenTables(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.trim().startsWith('|') && next !== undefined && isTableSeparator(next)) {
      const header = cells(line);
      i += 2;
      for (; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
        const row = cells(lines[i]!);
        out.push(header.map((name, at) => `${name}: ${row[at] ?? ''}`).join(' · '));
      }
      i--;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** The comment as plain lines, blank runs collapsed, without the hidden markers. */
export function readableMarkdown(body: string): string[] {
  const text = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<summary>([\s\S]*?)<\/summary>/g, '$1:')
    .replace(/<\/?(details|sub|sup|br)\s*\/?>/g, '')
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '');
  const lines = flattenTables(text.split(/\r?\n/).map(line => printable(line.replace(/\s+$/, ''))));
  const collapsed: string[] = [];
  for (const line of lines) {
    if (line === '' && (collapsed.length === 0 || collapsed.at(-1) === '')) continue;
    collapsed.push(line);
  }
  while (collapsed.at(-1) === '') collapsed.pop();
  return collapsed;
}

/** Indents a block under a story line, so the action's words stand apart from the narration. */
export function indent(lines: string[], prefix = '    │ '): string {
  return lines.map(line => `${prefix}${line}`.trimEnd()).join('\n');
}

/**
 * Follows the progress comment the action keeps editing: each call returns only the checklist items and
 * recent steps not shown yet, so the live progress reads as a log. Bodies that are not a progress
 * comment (the comment before the run, the final report) give nothing: the story prints those whole.
 */
export class ProgressFollower {
  private readonly seen = new Set<string>();

  /** `checklistOnly`: the finished checklist items alone (the agent's steps are told from its transcript). */
  constructor(
    private readonly isProgress: (body: string) => boolean,
    private readonly checklistOnly = false
  ) {}

  next(body: string): string[] {
    if (!this.isProgress(body)) return [];
    const fresh: string[] = [];
    for (const line of readableMarkdown(body)) {
      const item = /^\s*- (\[[ x]\] )?(.*)$/.exec(line);
      if (!item) continue;
      if (this.checklistOnly && item[1] !== '[x] ') continue;
      const text = item[2]!.trim();
      if (text === '' || this.seen.has(text)) continue;
      this.seen.add(text);
      fresh.push(item[1] === '[x] ' ? `done: ${text}` : text);
    }
    return fresh;
  }
}
