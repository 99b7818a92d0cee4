import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { diffStats, protectedMatcher, workspaceChanges } from '../../src/git/changes.js';
import { createRepoFixture, writeFiles } from './repo-fixture.js';
import type { RepoFixture } from './repo-fixture.js';

let fx: RepoFixture;
beforeAll(async () => {
  fx = await createRepoFixture({
    'a.txt': 'one\ntwo\n',
    'b.txt': 'b\n',
    'old name.txt': 'moving\n',
    '.gitignore': 'build/\n',
    '.github/kubrick-policy.yml': 'version: 1\n'
  });
});
afterAll(async () => fx.cleanup());

describe('workspaceChanges', () => {
  it('lists tracked and untracked changes with odd names, and skips ignored and protected files', async () => {
    const { dir, git } = await fx.workspace('changes');
    await writeFiles(dir, {
      'a.txt': 'one\n2\n',
      'dir/new file\twith tab.txt': 'x\n',
      'ünï/cödé.txt': 'u\n',
      'build/out.js': 'ignored\n',
      '.github/kubrick-policy.yml': 'version: 1\nallow: [sh]\n'
    });
    await rm(join(dir, 'b.txt'));
    await rename(join(dir, 'old name.txt'), join(dir, 'new name.txt'));
    await fx.git(dir, ['add', '-A', 'old name.txt', 'new name.txt']);

    const changes = await workspaceChanges(git, ['.github/kubrick-policy.yml']);

    expect(changes.files).toEqual(
      expect.arrayContaining([
        { path: 'a.txt', status: 'modified' },
        { path: 'b.txt', status: 'deleted' },
        { path: 'dir/new file\twith tab.txt', status: 'added' },
        { path: 'ünï/cödé.txt', status: 'added' },
        { path: 'new name.txt', status: 'renamed', from: 'old name.txt' }
      ])
    );
    expect(changes.files).toHaveLength(5);
    expect(changes.protectedSkipped).toEqual(['.github/kubrick-policy.yml']);
  });

  it('counts added and deleted lines between two commits', async () => {
    const { dir, git } = await fx.workspace('stats');
    await writeFiles(dir, { 'a.txt': 'one\n2\nthree\n', 'bin.dat': '\0\x01\x02' });
    await fx.git(dir, ['add', '-A']);
    await fx.git(dir, ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 's']);
    expect(await diffStats(git, 'HEAD~1', 'HEAD')).toEqual({ files: 2, additions: 2, deletions: 1 });
  });
});

describe('protectedMatcher', () => {
  const isProtected = protectedMatcher([
    '.github/kubrick-policy.yml',
    '.github/kubrick.yml',
    'secrets/*.pem'
  ]);

  it.each([
    ['.github/workflows/ci.yml', true],
    ['.github/workflows/deep/x.yml', true],
    ['.GITHUB/WORKFLOWS/ci.yml', true],
    ['.github/workflows', true],
    ['.github', true],
    ['.github/kubrick-policy.yml', true],
    ['.github/kubrick.yml', true],
    ['sub/.git/config', true],
    ['.git/hooks/pre-commit', true],
    ['secrets/key.pem', true],
    ['.github/ISSUE_TEMPLATE.md', false],
    ['.github/workflowsx/ci.yml', false],
    ['src/.gitkeep', false],
    ['secrets/nested/key.pem', false],
    ['docs/.github/workflows.md', false]
  ])('%s → %s', (path, expected) => {
    expect(isProtected(path)).toBe(expected);
  });
});
