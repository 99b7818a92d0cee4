import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LineIndex, readFileTool, splitLines } from '../../src/tools/read-file.js';
import type { ToolContext } from '../../src/tools/types.js';
import { MB, cleanupTempDirs, contextFor, link, makeRepo, openWorkspace, writeFiles } from './support.js';

afterAll(cleanupTempDirs);

const numbered = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`).join('\n') + '\n';
let ctx: ToolContext;

beforeAll(async () => {
  const root = makeRepo({
    'src/numbers.txt': numbered,
    'empty.txt': '',
    'crlf.txt': 'one\r\ntwo\r\n',
    'no-final-newline.txt': 'a\nb'
  });
  writeFiles(root, { 'big.txt': 'x'.repeat(11 * MB), 'bin.dat': Buffer.from([1, 2, 0, 3]) });
  link(root, 'etc', '/etc');
  ctx = contextFor(await openWorkspace(root));
});

describe('read_file', () => {
  it('numbers every line and says how many lines there are', async () => {
    const result = await readFileTool.run({ path: 'no-final-newline.txt' }, ctx);
    expect(result).toMatchObject({ ok: true, data: { path: 'no-final-newline.txt', total_lines: 2 } });
    expect(result.content).toBe('File: no-final-newline.txt (2 lines)\n    1 | a\n    2 | b');
  });

  it('shows a line range and says which part of the file it is', async () => {
    const result = await readFileTool.run({ path: 'src/numbers.txt', start_line: 12, end_line: 14 }, ctx);
    expect(result.content).toBe(
      'File: src/numbers.txt (30 lines, showing 12-14)\n   12 | line 12\n   13 | line 13\n   14 | line 14'
    );
    expect(result.data).toMatchObject({ start_line: 12, end_line: 14, total_lines: 30 });
  });

  it('clamps an end_line past the end and says so; refuses a start past the end', async () => {
    const clamped = await readFileTool.run({ path: 'src/numbers.txt', start_line: 29, end_line: 500 }, ctx);
    expect(clamped.ok).toBe(true);
    expect(clamped.content).toContain('   30 | line 30');
    expect(clamped.content).toContain('[end_line 500 was past the end; the file has 30 lines.]');
    const past = await readFileTool.run({ path: 'src/numbers.txt', start_line: 31 }, ctx);
    expect(past).toMatchObject({
      ok: false,
      content: 'start_line 31 is past the end of src/numbers.txt, which has 30 lines.'
    });
    const backwards = await readFileTool.run({ path: 'src/numbers.txt', start_line: 5, end_line: 2 }, ctx);
    expect(backwards.content).toBe('end_line 2 is before start_line 5.');
  });

  it('caps a long read and tells the model where to continue', async () => {
    const small = { ...ctx, maxResultChars: 1400 };
    const long = Array.from({ length: 500 }, (_, index) => `const value${index} = ${index};`).join('\n');
    await ctx.workspace.writeText('long.ts', long);
    const result = await readFileTool.run({ path: 'long.ts' }, small);
    expect(result.content.length).toBeLessThanOrEqual(1400);
    const match = /Call read_file with start_line=(\d+) to continue/.exec(result.content);
    expect(match).not.toBeNull();
    const next = Number(match?.[1]);
    expect(result.content).toContain(
      `${String(next - 1).padStart(5)} | const value${next - 2} = ${next - 2};`
    );
    expect(result.data).toMatchObject({ truncated: true, end_line: next - 1 });
  });

  it('handles empty files, CRLF files and accepts numbers sent as strings or null optionals', async () => {
    expect((await readFileTool.run({ path: 'empty.txt' }, ctx)).content).toBe(
      'empty.txt is empty (0 lines).'
    );
    expect((await readFileTool.run({ path: 'crlf.txt' }, ctx)).content).toBe(
      'File: crlf.txt (2 lines, CRLF line endings)\n    1 | one\n    2 | two'
    );
    const lenient = await readFileTool.run({ path: 'src/numbers.txt', start_line: '2', end_line: null }, ctx);
    expect(lenient.content.split('\n')[1]).toBe('    2 | line 2');
  });

  it('returns refusals from the jail as error results the model can read', async () => {
    expect(await readFileTool.run({ path: '../../etc/passwd' }, ctx)).toMatchObject({
      ok: false,
      content: expect.stringContaining('outside the workspace'),
      data: { error: 'outside_workspace' }
    });
    expect((await readFileTool.run({ path: 'etc/hostname' }, ctx)).content).toMatch(
      /symbolic link to a location outside/
    );
    expect((await readFileTool.run({ path: 'big.txt' }, ctx)).content).toMatch(
      /11\.0 MB, over the 10\.0 MB file size limit/
    );
    expect((await readFileTool.run({ path: 'bin.dat' }, ctx)).content).toMatch(/binary file/);
    expect((await readFileTool.run({ path: 'missing.ts' }, ctx)).content).toBe(
      '"missing.ts" does not exist. Use list_files to see which files there are.'
    );
    expect((await readFileTool.run({ path: 'src' }, ctx)).content).toMatch(/is a directory; use list_files/);
  });

  it('names the parameter when arguments are missing, mistyped or unknown', async () => {
    const missing = await readFileTool.run({}, ctx);
    expect(missing).toMatchObject({ ok: false, data: { error: 'invalid_arguments' } });
    expect(missing.content).toBe(
      "Invalid arguments for read_file: missing required parameter 'path' (string). read_file takes path (string), start_line? (integer), end_line? (integer)."
    );
    const wrongName = await readFileTool.run({ file_path: 'a.txt' }, ctx);
    expect(wrongName.content).toContain("missing required parameter 'path'");
    expect(wrongName.content).toContain("unknown parameter 'file_path'");
    const fractional = await readFileTool.run({ path: 'a.txt', start_line: 1.5 }, ctx);
    expect(fractional.content).toContain("parameter 'start_line': expected int");
    expect((await readFileTool.run({ path: 'a.txt', start_line: 0 }, ctx)).content).toContain(
      "parameter 'start_line'"
    );
  });
});

describe('the line index behind read_file ranges', () => {
  it('cuts out exactly the lines an editor shows (those of splitLines), for any text', () => {
    const text = fc
      .array(fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '文'), { maxLength: 60 })
      .map(parts => parts.join(''));
    fc.assert(
      fc.property(text, t => {
        const index = new LineIndex(t);
        const lines = splitLines(t);
        expect(index.count).toBe(lines.length);
        for (let n = 1; n <= lines.length; n++) expect(index.line(n)).toBe(lines[n - 1]);
      }),
      { numRuns: 500 }
    );
  });
});
