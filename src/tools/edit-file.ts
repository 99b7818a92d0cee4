import * as z from 'zod';
import { defineTool, errorResult, repositoryPath } from './args.js';
import { splitLines } from './read-file.js';
import type { Tool, ToolContext, ToolResult } from './types.js';

const schema = z.strictObject({
  path: repositoryPath,
  old_string: z
    .string()
    .describe('Exact text to replace, including whitespace and indentation (without line numbers).'),
  new_string: z.string().describe('The replacement text.'),
  replace_all: z
    .boolean()
    .optional()
    .describe('Replace every occurrence. Without it old_string must occur exactly once.')
});

const MAX_LISTED_LINES = 10;
const SNIPPET_CONTEXT = 2;
const SNIPPET_MAX_LINES = 20;

export const editFileTool: Tool = defineTool({
  name: 'edit_file',
  description:
    'Replace an exact piece of text in a file. old_string must occur exactly once unless replace_all is true; ' +
    'the error says how many times it was found. Include enough surrounding lines to make it unique.',
  schema,
  readOnly: false,
  run: edit
});

async function edit(args: z.infer<typeof schema>, ctx: ToolContext): Promise<ToolResult> {
  if (args.old_string === '') {
    return errorResult('old_string is empty. To create a file or replace all of it, use write_file.', {
      error: 'empty_old_string'
    });
  }
  if (args.old_string === args.new_string) {
    return errorResult('old_string and new_string are identical, so the edit would change nothing.', {
      error: 'no_change'
    });
  }
  const file = await ctx.workspace.readTextFile(args.path);
  let oldString = args.old_string;
  let newString = args.new_string;
  let positions = occurrences(file.text, oldString);
  // read_file hides carriage returns, so a model copying from it writes LF; match CRLF files anyway.
  if (positions.length === 0 && file.text.includes('\r\n') && /(^|[^\r])\n/.test(oldString)) {
    const crlfOld = toCrlf(oldString);
    const crlfPositions = occurrences(file.text, crlfOld);
    if (crlfPositions.length > 0) {
      [oldString, newString, positions] = [crlfOld, toCrlf(newString), crlfPositions];
    }
  }
  const data = { path: file.relative, matches: positions.length };

  if (positions.length === 0) {
    const trimmed = args.old_string.trim();
    const hint =
      trimmed.length > 0 && trimmed !== args.old_string && file.text.includes(trimmed)
        ? ' The text does occur with different surrounding whitespace: check indentation and blank lines.'
        : ' Read the file again and copy the text exactly, including whitespace and indentation, without line numbers.';
    return errorResult(`old_string was not found in ${file.relative} (0 matches).${hint}`, {
      ...data,
      error: 'no_match'
    });
  }
  const lineNumbers = lineNumbersOf(file.text, positions);
  if (positions.length > 1 && !args.replace_all) {
    const listed = lineNumbers.slice(0, MAX_LISTED_LINES).join(', ');
    const more =
      lineNumbers.length > MAX_LISTED_LINES ? `, and ${lineNumbers.length - MAX_LISTED_LINES} more` : '';
    return errorResult(
      `old_string occurs ${positions.length} times in ${file.relative} (at lines ${listed}${more}). ` +
        'Include more surrounding lines to make it unique, or set replace_all to true to change every occurrence.',
      { ...data, lines: lineNumbers, error: 'ambiguous' }
    );
  }

  const updated = replaceAt(file.text, positions, oldString.length, newString);
  const outcome = await ctx.workspace.writeText(file.relative, updated);
  const firstLine = lineNumbers[0] as number;
  const summary =
    positions.length === 1
      ? `Edited ${outcome.relative}: replaced 1 occurrence at line ${firstLine}.`
      : `Edited ${outcome.relative}: replaced all ${positions.length} occurrences (lines ${lineNumbers.slice(0, MAX_LISTED_LINES).join(', ')}${positions.length > MAX_LISTED_LINES ? ', ...' : ''}).`;
  return {
    ok: true,
    content: `${summary}\n${snippet(updated, firstLine, splitLines(newString).length)}`,
    data: { ...data, lines: lineNumbers, bytes: outcome.bytes },
    changedFiles: [outcome.relative]
  };
}

/** Start offsets of non-overlapping occurrences, left to right. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** Plain splicing: String.replace would interpret `$&` and friends in the model's new_string. */
function replaceAt(text: string, positions: number[], length: number, replacement: string): string {
  const pieces: string[] = [];
  let from = 0;
  for (const at of positions) {
    pieces.push(text.slice(from, at), replacement);
    from = at + length;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

function lineNumbersOf(text: string, positions: number[]): number[] {
  const numbers: number[] = [];
  let line = 1;
  let scanned = 0;
  for (const at of positions) {
    for (
      let newline = text.indexOf('\n', scanned);
      newline >= 0 && newline < at;
      newline = text.indexOf('\n', newline + 1)
    ) {
      line++;
      scanned = newline + 1;
    }
    numbers.push(line);
  }
  return numbers;
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The edited region with a little context, numbered like read_file, so the model can check its work. */
function snippet(text: string, firstLine: number, insertedLines: number): string {
  const lines = splitLines(text);
  const from = Math.max(1, firstLine - SNIPPET_CONTEXT);
  const to = Math.min(
    lines.length,
    firstLine + Math.max(insertedLines, 1) - 1 + SNIPPET_CONTEXT,
    from + SNIPPET_MAX_LINES - 1
  );
  const shown: string[] = [];
  for (let number = from; number <= to; number++) {
    const line = (lines[number - 1] as string).replace(/\r$/, '');
    shown.push(`${String(number).padStart(5)} | ${line.length > 300 ? `${line.slice(0, 300)} ...` : line}`);
  }
  return shown.join('\n');
}
