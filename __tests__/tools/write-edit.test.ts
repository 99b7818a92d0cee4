import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editFileTool } from '../../src/tools/edit-file.js';
import { writeFileTool } from '../../src/tools/write-file.js';
import { cleanupTempDirs, contextFor, makeRepo, openWorkspace } from './support.js';

afterAll(cleanupTempDirs);

async function setup(files: Record<string, string>) {
  const root = makeRepo(files);
  const ws = await openWorkspace(root);
  return { root, ws, ctx: contextFor(ws), read: (path: string) => readFileSync(join(root, path), 'utf8') };
}

describe('write_file', () => {
  it('creates files with their directories, overwrites, and reports what it did', async () => {
    const { ctx, read, ws } = await setup({ 'a.txt': 'old\n' });
    const created = await writeFileTool.run(
      { path: 'src/new/mod.ts', content: 'export {};\nexport const x = 1;\n' },
      ctx
    );
    expect(created).toMatchObject({
      ok: true,
      content: 'Created src/new/mod.ts (2 lines, 31 bytes).',
      changedFiles: ['src/new/mod.ts']
    });
    expect(read('src/new/mod.ts')).toBe('export {};\nexport const x = 1;\n');
    expect((await writeFileTool.run({ path: 'a.txt', content: 'new\n' }, ctx)).content).toBe(
      'Overwrote a.txt (1 line, 4 bytes).'
    );
    expect(read('a.txt')).toBe('new\n');
    expect(ws.changedFiles()).toEqual(['src/new/mod.ts', 'a.txt']);
  });

  it('refuses protected paths and escapes without touching the disk', async () => {
    const { ctx, root } = await setup({ 'a.txt': 'x\n' });
    const hook = await writeFileTool.run({ path: '.git/hooks/pre-commit', content: 'evil' }, ctx);
    expect(hook).toMatchObject({ ok: false, data: { error: 'protected' } });
    expect(existsSync(join(root, '.git/hooks/pre-commit'))).toBe(false);
    const workflow = await writeFileTool.run({ path: '.github/workflows/x.yml', content: 'on: push' }, ctx);
    expect(workflow.content).toMatch(/protected path \(matches "\.github\/workflows\/\*\*"\)/);
    expect((await writeFileTool.run({ path: '../escape.txt', content: 'x' }, ctx)).content).toMatch(
      /outside the workspace/
    );
    expect(ctx.workspace.changedFiles()).toEqual([]);
  });

  it('requires content', async () => {
    const { ctx } = await setup({});
    expect((await writeFileTool.run({ path: 'a.txt' }, ctx)).content).toContain(
      "missing required parameter 'content' (string)"
    );
  });
});

describe('edit_file', () => {
  const source =
    'function add(a, b) {\n  return a - b;\n}\n\nconst total = add(1, 2);\nconst other = add(3, 4);\n';

  it('replaces a unique match and shows the edited lines', async () => {
    const { ctx, read } = await setup({ 'math.js': source });
    const result = await editFileTool.run(
      { path: 'math.js', old_string: '  return a - b;', new_string: '  return a + b;' },
      ctx
    );
    expect(result.ok).toBe(true);
    expect(result.content).toBe(
      'Edited math.js: replaced 1 occurrence at line 2.\n    1 | function add(a, b) {\n    2 |   return a + b;\n    3 | }\n    4 | '
    );
    expect(result.changedFiles).toEqual(['math.js']);
    expect(read('math.js')).toBe(source.replace('a - b', 'a + b'));
  });

  it('says how many matches there were when old_string is missing or ambiguous', async () => {
    const { ctx, read } = await setup({ 'math.js': source });
    const none = await editFileTool.run(
      { path: 'math.js', old_string: 'return a * b;', new_string: 'x' },
      ctx
    );
    expect(none).toMatchObject({ ok: false, data: { matches: 0, error: 'no_match' } });
    expect(none.content).toMatch(/^old_string was not found in math\.js \(0 matches\)\./);
    const several = await editFileTool.run({ path: 'math.js', old_string: 'add(', new_string: 'sum(' }, ctx);
    expect(several).toMatchObject({ ok: false, data: { matches: 3, lines: [1, 5, 6], error: 'ambiguous' } });
    expect(several.content).toBe(
      'old_string occurs 3 times in math.js (at lines 1, 5, 6). Include more surrounding lines to make it unique, or set replace_all to true to change every occurrence.'
    );
    expect(read('math.js')).toBe(source);
  });

  it('replaces every occurrence with replace_all', async () => {
    const { ctx, read } = await setup({ 'math.js': source });
    const result = await editFileTool.run(
      { path: 'math.js', old_string: 'add(', new_string: 'sum(', replace_all: true },
      ctx
    );
    expect(result.content).toMatch(/^Edited math\.js: replaced all 3 occurrences \(lines 1, 5, 6\)\./);
    expect(read('math.js')).toBe(source.replaceAll('add(', 'sum('));
  });

  it('inserts new_string literally, even when it contains $ patterns', async () => {
    const { ctx, read } = await setup({ 'price.js': 'const price = PLACEHOLDER;\n' });
    await editFileTool.run({ path: 'price.js', old_string: 'PLACEHOLDER', new_string: "`$&${'$1'}$$`" }, ctx);
    expect(read('price.js')).toBe("const price = `$&${'$1'}$$`;\n");
  });

  it('matches text copied from read_file in a CRLF file and keeps CRLF', async () => {
    const { ctx, read } = await setup({ 'win.txt': 'alpha\r\nbeta\r\ngamma\r\n' });
    const result = await editFileTool.run(
      { path: 'win.txt', old_string: 'alpha\nbeta', new_string: 'alpha\nBETA' },
      ctx
    );
    expect(result.ok).toBe(true);
    expect(read('win.txt')).toBe('alpha\r\nBETA\r\ngamma\r\n');
  });

  it('refuses an empty old_string, a no-op edit, and protected files', async () => {
    const { ctx } = await setup({ 'a.txt': 'a\n', '.github/workflows/ci.yml': 'on: push\n' });
    expect((await editFileTool.run({ path: 'a.txt', old_string: '', new_string: 'x' }, ctx)).content).toBe(
      'old_string is empty. To create a file or replace all of it, use write_file.'
    );
    expect(
      (await editFileTool.run({ path: 'a.txt', old_string: 'a', new_string: 'a' }, ctx)).content
    ).toMatch(/identical/);
    const protectedEdit = await editFileTool.run(
      { path: '.github/workflows/ci.yml', old_string: 'push', new_string: 'pull_request_target' },
      ctx
    );
    expect(protectedEdit).toMatchObject({ ok: false, data: { error: 'protected' } });
    expect((await editFileTool.run({ path: 'a.txt', old_string: 'a' }, ctx)).content).toContain(
      "missing required parameter 'new_string'"
    );
  });
});
