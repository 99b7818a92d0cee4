import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEARCH_HARD_LIMIT, searchFilesTool, toPosixEre } from '../../src/tools/search-files.js';
import type { ToolContext } from '../../src/tools/types.js';
import {
  cleanupTempDirs,
  contextFor,
  link,
  makeRepo,
  openWorkspace,
  tempDir,
  writeFiles
} from './support.js';

afterAll(cleanupTempDirs);

let ctx: ToolContext;
let outside: string;

beforeAll(async () => {
  outside = tempDir('kubrick-outside-');
  writeFiles(outside, { 'secret.ts': 'const needle = "outside";\n' });
  const root = makeRepo(
    {
      '.gitignore': 'ignored/\n',
      'src/a.ts': 'import x from "y";\nconst needle = 1;\n// needle again\n',
      'src/b.py': 'needle = 42\n',
      'lib/c.ts': 'no match here\nversion 12.5\n',
      'dócs/ünï.md': 'héllo needle\n'
    },
    {
      'src/untracked.ts': 'let needle;\n',
      'ignored/skip.ts': 'needle\n',
      'img.bin': Buffer.from('needle\0\x01\x02')
    }
  );
  link(root, 'out', outside);
  ctx = contextFor(await openWorkspace(root));
});

describe('search_files', () => {
  it('finds matches with paths and line numbers in tracked and untracked files, skipping ignored, binary and linked-out files', async () => {
    const result = await searchFilesTool.run({ pattern: 'needle' }, ctx);
    expect(result.ok).toBe(true);
    expect(result.content).toBe(
      [
        '5 matching lines in 4 files for /needle/:',
        'dócs/ünï.md:1: héllo needle',
        'src/a.ts:2: const needle = 1;',
        'src/a.ts:3: // needle again',
        'src/b.py:1: needle = 42',
        'src/untracked.ts:1: let needle;'
      ].join('\n')
    );
    expect(result.data).toMatchObject({ matches: 5, files: 4, source: 'git', limit_hit: false });
  });

  it('narrows by path and glob, and accepts \\d in the pattern', async () => {
    expect((await searchFilesTool.run({ pattern: 'needle', path: 'src', glob: '*.py' }, ctx)).content).toBe(
      '1 matching line in 1 file for /needle/ in src/ (files matching "*.py"):\nsrc/b.py:1: needle = 42'
    );
    expect((await searchFilesTool.run({ pattern: 'needle', path: 'src/a.ts' }, ctx)).data).toMatchObject({
      matches: 2
    });
    expect((await searchFilesTool.run({ pattern: '\\d+\\.\\d', glob: '*.{ts,js}' }, ctx)).content).toContain(
      'lib/c.ts:2: version 12.5'
    );
    expect((await searchFilesTool.run({ pattern: 'nothing-like-this' }, ctx)).content).toBe(
      'No matches for /nothing-like-this/.'
    );
  });

  it('reports an invalid regular expression clearly', async () => {
    const result = await searchFilesTool.run({ pattern: 'foo(' }, ctx);
    expect(result).toMatchObject({ ok: false, data: { error: 'invalid_pattern' } });
    expect(result.content).toMatch(/^Invalid regular expression \/foo\(\/: .*Unmatched/);
    expect(result.content).toContain('escape literal characters');
  });

  it('refuses paths outside the workspace and through links', async () => {
    expect((await searchFilesTool.run({ pattern: 'needle', path: 'out' }, ctx)).content).toMatch(
      /outside the workspace/
    );
    expect((await searchFilesTool.run({ pattern: 'needle', path: '../' }, ctx)).content).toMatch(
      /outside the workspace/
    );
    expect((await searchFilesTool.run({ path: 'src' }, ctx)).content).toContain(
      "missing required parameter 'pattern'"
    );
  });

  it('caps what it shows but counts everything, and stops at the hard limit', async () => {
    const many = Array.from({ length: 400 }, (_, index) => `hit ${index}`).join('\n');
    const ws = await openWorkspace(
      makeRepo({
        'one.txt': many,
        'two.txt': many,
        'huge.txt': Array(SEARCH_HARD_LIMIT + 50)
          .fill('hit')
          .join('\n')
      })
    );
    const capped = await searchFilesTool.run({ pattern: '^hit [0-9]+$' }, contextFor(ws));
    expect(capped.content.split('\n')[0]).toBe('800 matching lines in 2 files for /^hit [0-9]+$/:');
    expect(capped.content.length).toBeLessThanOrEqual(10_000);
    const shown = (capped.data as { shown: number }).shown;
    expect(shown).toBeGreaterThan(50);
    expect(capped.content).toContain(
      `[Showing the first ${shown} of 800 matches. Narrow the search with path, glob or a more specific pattern.]`
    );
    const stopped = await searchFilesTool.run({ pattern: 'hit' }, contextFor(ws));
    expect(stopped.data).toMatchObject({ limit_hit: true, matches: SEARCH_HARD_LIMIT });
    expect(stopped.content.split('\n')[0]).toMatch(/^More than 10,000 matching lines \(search stopped\)/);
  });

  it('falls back to a JavaScript scan without git', async () => {
    const root = tempDir();
    writeFiles(root, {
      'a.ts': 'one\nfind me 7\n',
      'node_modules/x.js': 'find me\n',
      'b.bin': Buffer.from('find me\0')
    });
    link(root, 'out', outside);
    const scanCtx = contextFor(await openWorkspace(root));
    const result = await searchFilesTool.run({ pattern: 'find me \\d' }, scanCtx);
    expect(result.content.split('\n').slice(0, 2)).toEqual([
      '1 matching line in 1 file for /find me \\d/:',
      'a.ts:2: find me 7'
    ]);
    expect(result.data).toMatchObject({ source: 'scan' });
    expect((await searchFilesTool.run({ pattern: 'needle' }, scanCtx)).content).toMatch(/^No matches/);
    expect((await searchFilesTool.run({ pattern: '(' }, scanCtx)).content).toMatch(
      /^Invalid regular expression/
    );
  });
});

describe('toPosixEre', () => {
  it('translates \\d and \\D, inside and outside brackets, and leaves other escapes alone', () => {
    expect(toPosixEre('\\d+')).toBe('[0-9]+');
    expect(toPosixEre('[\\d.]+\\D')).toBe('[0-9.]+[^0-9]');
    expect(toPosixEre('\\\\d \\w\\.')).toBe('\\\\d \\w\\.');
    expect(toPosixEre('[]\\d]')).toBe('[]0-9]');
  });
});
