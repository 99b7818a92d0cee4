import * as z from 'zod';
import { defineTool, errorResult, repositoryPath } from './args.js';
import { DEFAULT_RESULT_CAP } from './truncate.js';
import type { Tool, ToolContext, ToolResult } from './types.js';

const schema = z.strictObject({
  path: repositoryPath,
  start_line: z.number().int().min(1).optional().describe('First line to show (1-based). Default 1.'),
  end_line: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Last line to show (inclusive). Default: the end of the file.')
});

/** A single very long line (minified code) would otherwise eat the whole result. */
const MAX_LINE_CHARS = 2000;
/** Room kept for the header and the continuation note. */
const FRAME_CHARS = 400;

export const readFileTool: Tool = defineTool({
  name: 'read_file',
  description:
    'Read a text file of the repository. Lines come numbered ("   12 | text"); the numbers are not part of the file. ' +
    'Use start_line/end_line for a range of a large file. Binary, non-UTF-8 and oversized files are refused.',
  schema,
  readOnly: true,
  run: readRange
});

async function readRange(args: z.infer<typeof schema>, ctx: ToolContext): Promise<ToolResult> {
  const file = await ctx.workspace.readTextFile(args.path);
  const lines = new LineIndex(file.text);
  const total = lines.count;
  const crlf = file.text.includes('\r\n');
  const data = { path: file.relative, total_lines: total, bytes: file.bytes };
  if (total === 0) return { ok: true, content: `${file.relative} is empty (0 lines).`, data };

  const start = args.start_line ?? 1;
  if (start > total) {
    return errorResult(
      `start_line ${start} is past the end of ${file.relative}, which has ${total} line${total === 1 ? '' : 's'}.`,
      { ...data, error: 'range' }
    );
  }
  if (args.end_line !== undefined && args.end_line < start) {
    return errorResult(`end_line ${args.end_line} is before start_line ${start}.`, {
      ...data,
      error: 'range'
    });
  }
  const end = Math.min(args.end_line ?? total, total);

  const budget = Math.max(1000, (ctx.maxResultChars ?? DEFAULT_RESULT_CAP) - FRAME_CHARS);
  const width = Math.max(5, String(end).length);
  const rendered: string[] = [];
  let used = 0;
  let shownEnd = start - 1;
  for (let number = start; number <= end; number++) {
    const line = renderLine(number, lines.line(number), width);
    if (used + line.length + 1 > budget && rendered.length > 0) break;
    rendered.push(line);
    used += line.length + 1;
    shownEnd = number;
  }

  const whole = start === 1 && shownEnd === total;
  const header =
    `File: ${file.relative} (${total} line${total === 1 ? '' : 's'}${crlf ? ', CRLF line endings' : ''}` +
    `${whole ? '' : `, showing ${start}-${shownEnd}`})`;
  const notes: string[] = [];
  if (shownEnd < end) {
    notes.push(
      `[Output capped: showed lines ${start}-${shownEnd} of the ${start}-${end} asked for. ` +
        `Call read_file with start_line=${shownEnd + 1} to continue.]`
    );
  } else if (args.end_line !== undefined && args.end_line > total) {
    notes.push(`[end_line ${args.end_line} was past the end; the file has ${total} lines.]`);
  }
  return {
    ok: true,
    content: [header, ...rendered, ...notes].join('\n'),
    data: { ...data, start_line: start, end_line: shownEnd, truncated: shownEnd < end }
  };
}

/**
 * Where each line starts, so a page of a large file is cut out of it without splitting the whole
 * file into strings (a 5 MB file has 100 000 lines; a page shows a few hundred). Same lines as
 * splitLines.
 */
export class LineIndex {
  private readonly starts: number[] = [];
  readonly count: number;

  constructor(private readonly text: string) {
    for (let start = 0; start < text.length;) {
      this.starts.push(start);
      const newline = text.indexOf('\n', start);
      start = newline === -1 ? text.length : newline + 1;
    }
    this.count = this.starts.length;
  }

  /** Line `number` (1-based) without its newline. */
  line(number: number): string {
    const start = this.starts[number - 1]!;
    if (number < this.count) return this.text.slice(start, this.starts[number]! - 1);
    return this.text.slice(start, this.text.endsWith('\n') ? -1 : undefined);
  }
}

/** Lines as an editor shows them: a final newline does not start another line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function renderLine(number: number, raw: string, width: number): string {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const shown =
    line.length > MAX_LINE_CHARS
      ? `${line.slice(0, MAX_LINE_CHARS)} ... [line cut: ${line.length.toLocaleString('en-US')} characters]`
      : line;
  return `${String(number).padStart(width)} | ${shown}`;
}
