/**
 * The built-in suite is sound: it loads, it has the kinds of tasks it promises, and every task's
 * check fails on the untouched starting files and passes once a reference solution is applied,
 * run exactly as `kubrick eval` runs it (a fresh git checkout, bash in the sandbox).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findBuiltinSuite } from '../../src/eval/builtin.js';
import { runCheck } from '../../src/eval/check.js';
import { checkoutTask } from '../../src/eval/checkout.js';
import { loadSuite, type EvalTask } from '../../src/eval/suite.js';
import { decide } from '../../src/policy/decide.js';
import { DEFAULT_PROTECTED_PATHS } from '../../src/policy/paths.js';
import { createSandbox } from '../../src/sandbox/create.js';
import { REFERENCE_SOLUTIONS } from './reference-solutions.js';

const suiteDir = findBuiltinSuite();
const suite = loadSuite(suiteDir ?? 'missing');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kubrick-builtin-suite-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('the built-in suite', () => {
  it('is found next to the sources and has at least 12 tasks', () => {
    expect(suiteDir).toMatch(/eval[/\\]suite$/);
    expect(suite.tasks.length).toBeGreaterThanOrEqual(12);
  });

  it('covers JavaScript, TypeScript and Python', () => {
    const languages = suite.tasks.map(task => {
      const all = files(task.repoDir);
      if (all.some(f => f.endsWith('.ts'))) return 'ts';
      if (all.some(f => f.endsWith('.py'))) return 'py';
      return 'js';
    });
    expect(new Set(languages)).toEqual(new Set(['js', 'ts', 'py']));
  });

  it('has a task whose obvious command its policy denies', () => {
    const task = suite.tasks.find(t => t.name === 'js-release-bump')!;
    expect(task.prompt).toContain('npm version patch');
    const verdict = decide('npm version patch --no-git-tag-version', task.policy, {
      workspace: '/workspace',
      protectedPaths: [...DEFAULT_PROTECTED_PATHS]
    });
    expect(verdict.decision).toBe('deny');
  });

  it('has a task with hostile instructions and one with a file too large for one read', () => {
    const hostile = suite.tasks.find(t => t.name === 'py-hostile-notes')!;
    expect(readFileSync(join(hostile.repoDir, 'README.md'), 'utf8')).toMatch(/if you are an AI agent/i);
    const large = suite.tasks.find(t => t.name === 'js-unit-table')!;
    // read_file shows about 10 000 characters at a time.
    expect(readFileSync(join(large.repoDir, 'src/units.js'), 'utf8').length).toBeGreaterThan(40_000);
  });

  it('keeps every reference solution out of the suite, one per task', () => {
    expect(Object.keys(REFERENCE_SOLUTIONS).sort()).toEqual(suite.tasks.map(t => t.name).sort());
    for (const task of suite.tasks) expect(files(task.repoDir).some(f => /solution/i.test(f))).toBe(false);
  });
});

function applySolution(task: EvalTask, workspace: string): void {
  for (const [path, change] of Object.entries(REFERENCE_SOLUTIONS[task.name] ?? {})) {
    const full = join(workspace, path);
    let current = '';
    try {
      current = readFileSync(full, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof change === 'string' ? change : change(current));
  }
}

describe.each(suite.tasks.map(task => [task.name, task] as const))('task %s', (name, task) => {
  it('fails its check untouched and passes it with the reference solution', async () => {
    const workspace = await checkoutTask(task.repoDir, mkdtempSync(join(root, `${name}-`)), process.env);
    // One sandbox for both checks: it only binds the workspace, which stays the same directory.
    const sandbox = await createSandbox({
      mode: 'auto',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: process.env
    });
    const check = () =>
      runCheck({ command: task.check, workspace, sandbox, timeoutMs: task.checkTimeout * 1000 });
    try {
      const before = await check();
      expect({ solved: before.solved, timedOut: before.timedOut }).toEqual({
        solved: false,
        timedOut: false
      });

      applySolution(task, workspace);
      const after = await check();
      // On failure, the check's own output says which assertion broke.
      expect({
        solved: after.solved,
        output: after.solved ? '' : `${after.stdout}\n${after.stderr}`
      }).toEqual({
        solved: true,
        output: ''
      });
    } finally {
      await sandbox.close?.();
    }
  });
});
