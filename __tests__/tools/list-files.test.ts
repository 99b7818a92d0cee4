import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { firstSorted } from '../../src/tools/file-listing.js';
import { listFilesTool } from '../../src/tools/list-files.js';
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

function listed(content: string): string[] {
  return content
    .split('\n')
    .filter(line => line.length > 0 && !line.startsWith('[') && !/ files?( |:)/.test(line));
}

let ctx: ToolContext;
let outside: string;

beforeAll(async () => {
  outside = tempDir('kubrick-outside-');
  writeFiles(outside, { 'secret.txt': 's\n', 'deep/key.pem': 'k\n' });
  const root = makeRepo(
    {
      '.gitignore': 'dist/\n*.log\n',
      'README.md': '# r\n',
      'src/index.ts': 'x\n',
      'src/util/strings.ts': 'x\n',
      'src/util/strings.test.ts': 'x\n',
      'src/view.tsx': 'x\n',
      'docs/ünïcødé 文件.md': 'x\n'
    },
    { 'src/new-untracked.ts': 'x\n', 'dist/bundle.js': 'x\n', 'debug.log': 'x\n' }
  );
  link(root, 'outside-link', outside);
  ctx = contextFor(await openWorkspace(root));
});

describe('list_files', () => {
  it('lists tracked and untracked files, respects .gitignore, never lists .git or follows links out', async () => {
    const result = await listFilesTool.run({}, ctx);
    expect(result.ok).toBe(true);
    expect(listed(result.content)).toEqual([
      '.gitignore',
      'README.md',
      'docs/ünïcødé 文件.md',
      'outside-link',
      'src/index.ts',
      'src/new-untracked.ts',
      'src/util/strings.test.ts',
      'src/util/strings.ts',
      'src/view.tsx'
    ]);
    expect(result.content.split('\n')[0]).toBe('9 files:');
    expect(result.data).toMatchObject({ total: 9, shown: 9, source: 'git' });
  });

  it('filters by glob: a bare pattern matches names at any depth; braces and ** work', async () => {
    expect(listed((await listFilesTool.run({ pattern: '*.ts' }, ctx)).content)).toEqual([
      'src/index.ts',
      'src/new-untracked.ts',
      'src/util/strings.test.ts',
      'src/util/strings.ts'
    ]);
    expect(listed((await listFilesTool.run({ pattern: '*.{tsx,md}' }, ctx)).content)).toEqual([
      'README.md',
      'docs/ünïcødé 文件.md',
      'src/view.tsx'
    ]);
    expect(listed((await listFilesTool.run({ pattern: 'src/**/*.test.ts' }, ctx)).content)).toEqual([
      'src/util/strings.test.ts'
    ]);
  });

  it('lists one directory, relative to the root, and combines it with a pattern', async () => {
    const result = await listFilesTool.run({ directory: 'src/util' }, ctx);
    expect(result.content).toBe('2 files in src/util/:\nsrc/util/strings.test.ts\nsrc/util/strings.ts');
    expect(listed((await listFilesTool.run({ directory: 'src', pattern: '*.tsx' }, ctx)).content)).toEqual([
      'src/view.tsx'
    ]);
    expect((await listFilesTool.run({ pattern: '*.rs' }, ctx)).content).toBe('No files matching "*.rs".');
  });

  it('refuses directories outside the workspace, through links, and files given as directories', async () => {
    expect((await listFilesTool.run({ directory: 'outside-link' }, ctx)).content).toMatch(
      /outside the workspace/
    );
    expect((await listFilesTool.run({ directory: '..' }, ctx)).content).toMatch(/outside the workspace/);
    expect((await listFilesTool.run({ directory: '.git' }, ctx)).content).toMatch(/\.git directory/);
    expect((await listFilesTool.run({ directory: 'README.md' }, ctx)).content).toBe(
      '"README.md" is a file, not a directory; use read_file to read it.'
    );
  });

  it('caps long listings and says how many more there are', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 1000; index++)
      files[`gen/file-${String(index).padStart(4, '0')}.txt`] = 'x\n';
    const ws = await openWorkspace(makeRepo({ 'README.md': 'x\n' }, files)); // untracked: listed too, and no slow git add
    const result = await listFilesTool.run({}, contextFor(ws));
    expect(result.content.length).toBeLessThanOrEqual(10_000);
    expect(result.content.split('\n')[0]).toBe('1,001 files:');
    expect(listed(result.content)[0]).toBe('README.md');
    const shown = (result.data as { shown: number }).shown;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(1000);
    expect(result.content).toContain(
      `[... ${1001 - shown} more not shown (showing ${shown} of 1,001). Narrow the listing with pattern or directory.]`
    );
  });

  it('walks the directory without git, skipping .git and node_modules and not following links', async () => {
    const root = tempDir();
    writeFiles(root, {
      'a.ts': 'x\n',
      'lib/b.ts': 'x\n',
      'node_modules/dep/index.js': 'x\n',
      '.git/config': 'x\n',
      'lib/c.md': 'x\n'
    });
    link(root, 'out', outside);
    const result = await listFilesTool.run({ pattern: '*.ts' }, contextFor(await openWorkspace(root)));
    expect(listed(result.content)).toEqual(['a.ts', 'lib/b.ts']);
    expect(result.content).toContain(
      '[Not a git repository: .gitignore was not applied; .git and node_modules were skipped.]'
    );
    const all = await listFilesTool.run({}, contextFor(await openWorkspace(root)));
    expect(listed(all.content)).toEqual(['a.ts', 'lib/b.ts', 'lib/c.md', 'out']);
  });
});

describe('the first paths of a large listing (firstSorted)', () => {
  const output = (...paths: string[]) => Buffer.from(paths.map(path => `${path}\0`).join(''), 'utf8');

  it('merges git’s runs (untracked, then tracked) into one order and counts every path', () => {
    const untracked = ['b/new.ts', 'z.txt'];
    const tracked = ['a.md', 'b/old.ts', 'c/d.ts'];
    expect(firstSorted(output(...untracked, ...tracked), 400)).toEqual({
      files: ['a.md', 'b/new.ts', 'b/old.ts', 'c/d.ts', 'z.txt'],
      total: 5
    });
    expect(firstSorted(output(...untracked, ...tracked), 2)).toEqual({
      files: ['a.md', 'b/new.ts'],
      total: 5
    });
  });

  it('orders by bytes as git does, so non-ASCII paths sort after ASCII ones', () => {
    expect(firstSorted(output('ü.md', 'z.md', 'ä.md', 'a.md'), 10).files).toEqual([
      'a.md',
      'z.md',
      'ä.md',
      'ü.md'
    ]);
  });

  it('sorts in the same byte order when the output is not made of a few sorted runs', () => {
    const shuffled = Array.from({ length: 40 }, (_, i) => `f${String((i * 17) % 40).padStart(2, '0')}`);
    expect(firstSorted(output(...shuffled), 3)).toEqual({ files: ['f00', 'f01', 'f02'], total: 40 });
    // UTF-16 order would put the emoji (a surrogate pair) before U+FF01; git's byte order does not.
    const all = firstSorted(output('😀.md', ...shuffled, '！.md'), 100).files;
    expect(all.slice(-2)).toEqual(['！.md', '😀.md']);
    expect(all).toHaveLength(42);
  });

  it('returns nothing for empty output and ignores a tail without its NUL', () => {
    expect(firstSorted(Buffer.alloc(0), 10)).toEqual({ files: [], total: 0 });
    expect(firstSorted(Buffer.from('a\0b'), 10)).toEqual({ files: ['a'], total: 1 });
  });

  it('shows the first files in order when untracked files sort between tracked ones, capped', async () => {
    const tracked: Record<string, string> = {};
    const untracked: Record<string, string> = {};
    for (let i = 0; i < 600; i++) {
      (i % 2 === 0 ? tracked : untracked)[`f/${String(i).padStart(3, '0')}.txt`] = 'x\n';
    }
    const ws = await openWorkspace(makeRepo(tracked, untracked));
    const result = await listFilesTool.run({}, contextFor(ws));
    const shown = listed(result.content);
    expect(result.content.split('\n')[0]).toBe('600 files:');
    expect(shown.length).toBeGreaterThan(100);
    expect(shown).toEqual(
      Array.from({ length: shown.length }, (_, i) => `f/${String(i).padStart(3, '0')}.txt`)
    );
  });
});
