/** Loading a suite: what is accepted, and the message for each way a suite can be wrong. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CHECK_TIMEOUT_S, loadSuite, selectTasks, SuiteError } from '../../src/eval/suite.js';
import { taskSettings } from '../../src/eval/settings.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-suite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

function problems(): string[] {
  try {
    loadSuite(dir);
  } catch (error) {
    if (error instanceof SuiteError) return error.problems;
    throw error;
  }
  throw new Error('the suite loaded');
}

const task = (yml: string) => ({ 'a/task.yml': yml, 'a/repo/x.txt': 'x\n' });

describe('a valid suite', () => {
  it('loads every task in name order, with its fields and the suite policy as the default', () => {
    write({
      'policy.yml': 'version: 1\nallow: ["npm test"]\n',
      'README.md': 'not a task\n',
      '.hidden/task.yml': 'ignored: true\n',
      'b/task.yml':
        'prompt: do b\ncheck: "true"\npolicy: ["node --test", "ls"]\nmax_iterations: 7\ntotal_timeout: 90\n',
      'b/repo/f.js': '\n',
      'a/task.yml': 'prompt: |\n  do a\n  carefully\ncheck: exit 0\ncheck_timeout: 5\n',
      'a/repo/f.py': '\n'
    });
    const suite = loadSuite(dir);
    expect(suite.tasks.map(t => t.name)).toEqual(['a', 'b']);
    const [a, b] = suite.tasks;
    expect(a).toMatchObject({
      prompt: 'do a\ncarefully',
      check: 'exit 0',
      checkTimeout: 5,
      policySource: 'policy.yml'
    });
    expect(a!.policy?.allow.map(e => e.text)).toEqual(['npm test']);
    expect(a!.maxIterations).toBeUndefined();
    expect(b).toMatchObject({
      maxIterations: 7,
      totalTimeout: 90,
      checkTimeout: DEFAULT_CHECK_TIMEOUT_S,
      policySource: 'task.yml'
    });
    expect(b!.policy?.allow.map(e => e.text)).toEqual(['node --test', 'ls']);
  });

  it('runs no command at all when neither the task nor the suite has a policy', () => {
    write(task('prompt: p\ncheck: "true"\n'));
    expect(loadSuite(dir).tasks[0]).toMatchObject({ policy: null, policySource: 'none' });
  });

  it('selects tasks by name, and names the ones that do not exist', () => {
    write({
      ...task('prompt: p\ncheck: "true"\n'),
      'b/task.yml': 'prompt: p\ncheck: "true"\n',
      'b/repo/y': ''
    });
    const suite = loadSuite(dir);
    expect(selectTasks(suite, ['b']).map(t => t.name)).toEqual(['b']);
    expect(selectTasks(suite, null).map(t => t.name)).toEqual(['a', 'b']);
    expect(() => selectTasks(suite, ['b', 'c'])).toThrow('no task named "c"');
  });

  it('gives task budgets to the settings, below the flags', () => {
    const t = { maxIterations: 7, totalTimeout: 90 };
    expect(taskSettings(t, {})).toMatchObject({ max_iterations: 7, total_timeout: 90, mode: 'fix' });
    expect(taskSettings(t, { max_iterations: '30' })).toMatchObject({
      max_iterations: 30,
      total_timeout: 90
    });
    expect(taskSettings({}, {})).toMatchObject({ max_iterations: 15, total_timeout: 600 });
  });
});

describe('a suite that cannot run', () => {
  it.each([
    [
      'a value of the wrong type',
      'prompt: p\ncheck: "true"\nmax_iterations: ten\n',
      'task "a": task.yml line 3: field "max_iterations" must be a positive integer, not "ten"'
    ],
    [
      'a zero budget',
      'prompt: p\ncheck: "true"\ntotal_timeout: 0\n',
      'task "a": task.yml line 3: field "total_timeout" must be a positive number of seconds, at most 86400, not 0'
    ],
    [
      'a missing check',
      'prompt: p\n',
      'task "a": task.yml: field "check" is missing; it must be a shell command'
    ],
    [
      'an empty prompt',
      'prompt: "  "\ncheck: "true"\n',
      'task "a": task.yml line 1: field "prompt" must be the task text, a non-empty string, not "  "'
    ],
    [
      'an unknown field',
      'prompt: p\ncheck: "true"\npolcy: [ls]\n',
      'task "a": task.yml line 3: unknown field "polcy"; the fields are prompt, check, policy'
    ],
    [
      'a policy that is not a list',
      'prompt: p\ncheck: "true"\npolicy: npm test\n',
      'task "a": task.yml line 3: field "policy" must be a list of allowed command prefixes'
    ],
    [
      'a policy entry that is not text',
      'prompt: p\ncheck: "true"\npolicy: ["ls", 3]\n',
      'task "a": task.yml line 3: field "policy" (entry 2) must be'
    ],
    ['invalid YAML', 'prompt: [unclosed\ncheck: x\n', 'task "a": task.yml line'],
    [
      'a duplicate field',
      'prompt: p\nprompt: q\ncheck: "true"\n',
      'task "a": task.yml line 2: invalid YAML: Map keys must be unique'
    ],
    [
      'an alias bomb',
      'prompt: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\ncheck: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      'task "a": task.yml: invalid YAML: Excessive alias count'
    ],
    [
      'a timeout longer than a day',
      'prompt: p\ncheck: "true"\ncheck_timeout: 1e12\n',
      'task "a": task.yml line 3: field "check_timeout" must be a positive number of seconds, at most 86400, not 1000000000000'
    ],
    ['a list instead of a mapping', '- prompt: p\n', 'task "a": task.yml: must be a mapping']
  ])('%s', (_what, yml, message) => {
    write(task(yml));
    expect(problems().join('\n')).toContain(message);
  });

  it('a policy entry the policy parser rejects', () => {
    write(task('prompt: p\ncheck: "true"\npolicy: ["npm test $(x)"]\n'));
    expect(problems()[0]).toMatch(/^task "a": task.yml field "policy"/);
  });

  it('reports every problem of every task at once', () => {
    write({
      'a/task.yml': 'prompt: p\n',
      'b/task.yml': 'check: "true"\n',
      'b/repo/x': '',
      'c/repo/x': '',
      'bad name/task.yml': 'prompt: p\ncheck: "true"\n'
    });
    expect(problems()).toEqual([
      'task "a": repo/ is missing; it holds the starting files',
      'task "a": task.yml: field "check" is missing; it must be a shell command (run with bash; exit 0 = solved), a non-empty string',
      'task "b": task.yml: field "prompt" is missing; it must be the task text, a non-empty string',
      'task "bad name": the folder name must start with a letter or digit and hold only letters, digits, ".", "_" and "-"',
      'task "c": task.yml is missing (every folder of a suite is a task)'
    ]);
  });

  it('an invalid suite policy.yml', () => {
    write({ ...task('prompt: p\ncheck: "true"\n'), 'policy.yml': 'version: 2\nallow: []\n' });
    expect(problems()).toEqual(['suite policy.yml line 1: "version" must be 1']);
  });

  it('an empty suite, or no suite at all', () => {
    expect(problems()[0]).toContain('has no tasks');
    expect(() => loadSuite(join(dir, 'nope'))).toThrow('is not a directory');
  });
});
