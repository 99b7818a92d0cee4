import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { realpathSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { WorkspaceError, type Workspace } from '../../src/tools/workspace.js';
import { cleanupTempDirs, link, openWorkspace, tempDir, writeFiles } from './support.js';

afterAll(cleanupTempDirs);

let root: string;
let ws: Workspace;

beforeAll(async () => {
  const outside = tempDir('kubrick-outside-');
  writeFiles(outside, { 'secret.txt': 'secret\n', 'dir/deeper.txt': 'x\n' });
  root = tempDir('kubrick-jail-');
  writeFiles(root, { 'a/file.txt': 'a\n', 'sub/b.txt': 'b\n', 'ünï/文件.txt': 'u\n' });
  link(root, 'out', outside); // straight out
  link(root, 'chain', 'out'); // chain out
  link(root, 'sub/upup', '../..'); // relative escape
  link(root, 'sub/up', '..'); // back to the root: inside
  link(root, 'in', 'sub'); // inside
  link(root, 'dangling', `${outside}/missing/file.txt`);
  link(root, 'abs-etc', '/etc');
  ws = await openWorkspace(root);
});

const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    'a',
    'sub',
    'file.txt',
    'b.txt',
    'out',
    'chain',
    'upup',
    'up',
    'in',
    'dangling',
    'abs-etc'
  ),
  fc.constantFrom('ünï', '文件.txt', '.git', 'secret.txt', 'dir', '', 'x'.repeat(300), 'é'.repeat(100)),
  fc.string({ minLength: 1, maxLength: 12 }).filter(text => !text.includes('/') && !text.includes('\0'))
);

const candidatePath = fc
  .tuple(
    fc.array(segment, { minLength: 1, maxLength: 8 }),
    fc.constantFrom('relative', 'absolute-root', 'absolute')
  )
  .map(([segments, kind]) => {
    const joined = segments.join('/');
    if (kind === 'absolute-root') return `${root}/${joined}`;
    if (kind === 'absolute') return `/${joined}`;
    return joined;
  });

function inside(path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** What the filesystem itself says: the real location of the path, or of its longest existing ancestor. */
function realLocation(path: string): string {
  for (let current = path; ; current = dirname(current)) {
    try {
      return realpathSync(current);
    } catch {
      if (current === dirname(current)) return current;
    }
  }
}

describe('Workspace jail (property)', () => {
  it('never resolves a path, for reading or writing, to anything outside the root', async () => {
    await fc.assert(
      fc.asyncProperty(candidatePath, async path => {
        for (const resolve of [ws.resolveForRead.bind(ws), ws.resolveForWrite.bind(ws)]) {
          let resolved;
          try {
            resolved = await resolve(path);
          } catch (error) {
            expect(error).toBeInstanceOf(WorkspaceError);
            expect((error as WorkspaceError).message.length).toBeGreaterThan(10);
            continue;
          }
          expect(inside(resolved.absolute)).toBe(true);
          expect(inside(realLocation(resolved.absolute))).toBe(true);
          expect(resolved.relative.startsWith('..')).toBe(false);
          expect(resolved.relative.split('/')).not.toContain('.git');
        }
      }),
      { numRuns: 400 }
    );
  });

  it('resolves the escapes the generator can build to a refusal (sanity check that the generator reaches them)', async () => {
    await expect(ws.resolveForRead('sub/upup/etc')).rejects.toBeInstanceOf(WorkspaceError);
    await expect(ws.resolveForWrite('chain/dir/new.txt')).rejects.toBeInstanceOf(WorkspaceError);
    await expect(ws.resolveForWrite('in/up/out/x')).rejects.toBeInstanceOf(WorkspaceError);
    expect((await ws.resolveForRead('in/up/a/file.txt')).relative).toBe('a/file.txt');
  });
});
