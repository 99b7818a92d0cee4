/**
 * `kubrick eval` end to end in-process: a two-task suite against the scripted OpenAI-compatible
 * server, real git checkouts, the real agent session, the real sandbox for commands and checks.
 * The trajectory fixes task A's bug and does nothing useful for task B.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { EvalReport } from '../../src/eval/report.js';
import {
  startScriptedModel,
  type ScriptContext,
  type ScriptedModel,
  type Turn
} from '../../test-support/scripted-model/server.js';

const API_KEY = 'sk-eval-canary-5b9d0e7f1a2c';
const CHECK_MARK = 'CHECK-MARK-a41f9c';
const PROMPT_A = 'The add function returns the wrong sum. Please fix it.';
const PROMPT_B = 'Add a farewell function next to greet.';

let dir: string;
let suite: string;
let model: ScriptedModel | undefined;

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Every file of the suite with its hash, to prove the runs left it untouched. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

const SUITE: Record<string, string> = {
  'policy.yml': 'version: 1\nallow: ["node --test", "ls"]\n',
  'fix-add/task.yml': [
    `prompt: ${JSON.stringify(PROMPT_A)}`,
    'max_iterations: 6',
    'check: |',
    `  test "${CHECK_MARK}" = "${CHECK_MARK}"`,
    '  node --test',
    ''
  ].join('\n'),
  'fix-add/repo/package.json': '{ "name": "eval-fixture-add", "type": "module" }\n',
  'fix-add/repo/src/math.js': 'export function add(a, b) {\n  return a - b;\n}\n',
  'fix-add/repo/math.test.js':
    "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './src/math.js';\n" +
    "test('add', () => assert.equal(add(2, 3), 5));\n",
  'greet/task.yml': [
    `prompt: ${JSON.stringify(PROMPT_B)}`,
    'check: |',
    `  # ${CHECK_MARK}`,
    `  node --input-type=module -e "import('./src/greet.js').then(m => process.exit(m.farewell('Ann') === 'Bye, Ann' ? 0 : 1))"`,
    ''
  ].join('\n'),
  'greet/repo/src/greet.js': 'export const greet = name => `Hi, ${name}`;\n'
};

const call = (name: string, args: Record<string, unknown>) => ({ name, arguments: args });
const usage = { input: 100, output: 10 };

/** Task A: read, fix, run the tests, finish. */
const TURNS_A: Turn[] = [
  { toolCalls: [call('read_file', { path: 'src/math.js' })], usage },
  {
    toolCalls: [call('edit_file', { path: 'src/math.js', old_string: 'a - b', new_string: 'a + b' })],
    usage
  },
  { toolCalls: [call('run_command', { command: 'node --test' })], usage },
  { toolCalls: [call('finish', { summary: 'Fixed add.' })], usage }
];

/** Task B: looks around, tries a denied command, gives up without a change. */
const TURNS_B: Turn[] = [
  { toolCalls: [call('list_files', {})], usage },
  { toolCalls: [call('run_command', { command: 'npm install left-pad' })], usage },
  { toolCalls: [call('finish', { summary: 'Could not do it.' })], usage }
];

/** Answers each request from the trajectory of the task it belongs to, whatever the interleaving. */
function script({ conversation }: ScriptContext): Turn {
  const task = conversation.find(entry => entry.role === 'user')?.content ?? '';
  const step = conversation.filter(entry => entry.role === 'assistant').length;
  const turns = task.includes(PROMPT_A) ? TURNS_A : task.includes(PROMPT_B) ? TURNS_B : [];
  return turns[step] ?? { toolCalls: [call('finish', { summary: 'Nothing more.' })], usage };
}

async function runEval(args: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['eval', ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, KUBRICK_API_KEY: API_KEY },
    stdout: text => (stdout += text),
    stderr: text => (stderr += text),
    stdin: Readable.from([]),
    cwd: dir
  });
  return { exitCode, stdout, stderr };
}

const evalTemps = () => new Set(readdirSync(tmpdir()).filter(name => name.startsWith('kubrick-eval-')));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-eval-test-'));
  suite = join(dir, 'suite');
  writeTree(suite, SUITE);
  model = await startScriptedModel(script);
});

afterAll(async () => {
  await model?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kubrick eval against the scripted model', () => {
  let json: { exitCode: number; stdout: string; stderr: string };
  let report: EvalReport;
  let suiteBefore: Record<string, string>;
  let tempsBefore: Set<string>;

  beforeAll(async () => {
    suiteBefore = snapshot(suite);
    tempsBefore = evalTemps();
    json = await runEval([
      '--suite',
      suite,
      '--base-url',
      model!.url,
      '--model',
      'scripted',
      '--price-per-mtok-in',
      '2',
      '--price-per-mtok-out',
      '10',
      '--concurrency',
      '2',
      '--json',
      '--out',
      'reports/a.json',
      '--transcripts',
      'transcripts'
    ]);
    report = JSON.parse(json.stdout) as EvalReport;
  });

  it('solves A and not B, with every field of the report', () => {
    expect({ exitCode: json.exitCode, stderr: json.exitCode === 0 ? '' : json.stderr }).toEqual({
      exitCode: 0,
      stderr: ''
    });
    expect(Object.keys(report)).toEqual([
      'model',
      'provider',
      'runs',
      'solved',
      'total',
      'solve_rate',
      'ci95',
      'cost_usd',
      'seconds',
      'tasks'
    ]);
    expect(report).toMatchObject({
      model: 'scripted',
      provider: 'openai',
      runs: 1,
      solved: 1,
      total: 2,
      solve_rate: 0.5,
      // Wilson, 1 of 2 at 95 %.
      ci95: [0.0945, 0.9055]
    });
    expect(report.seconds).toBeGreaterThan(0);
    const [a, b] = report.tasks;
    expect(a).toEqual({
      name: 'fix-add',
      run: 1,
      solved: true,
      conclusion: 'success',
      iterations: 4,
      tool_calls: 4,
      commands_denied: 0,
      tokens_in: 400,
      tokens_out: 40,
      tokens_cached: 0,
      cost_usd: (400 * 2 + 40 * 10) / 1e6,
      seconds: expect.any(Number)
    });
    expect(b).toEqual({
      name: 'greet',
      run: 1,
      solved: false,
      conclusion: 'no_changes',
      iterations: 3,
      tool_calls: 3,
      commands_denied: 1,
      tokens_in: 300,
      tokens_out: 30,
      tokens_cached: 0,
      cost_usd: (300 * 2 + 30 * 10) / 1e6,
      seconds: expect.any(Number)
    });
    expect(report.cost_usd).toBeCloseTo(a!.cost_usd! + b!.cost_usd!, 9);
  });

  it('never shows the model the check, nor its result', () => {
    const requests = model!.requests.map(request => JSON.stringify(request.body));
    expect(requests.length).toBe(7);
    for (const body of requests) {
      expect(body).not.toContain(CHECK_MARK);
      expect(body).not.toContain('task.yml');
    }
    // The check did run: its output is in the transcript, which only people read.
    const transcript = readFileSync(join(dir, 'transcripts', 'fix-add-run1.jsonl'), 'utf8');
    expect(transcript).toMatch(/"type":"eval_check","solved":true/);
  });

  it('runs each task in its own temporary checkout and leaves the suite unchanged', () => {
    expect(snapshot(suite)).toEqual(suiteBefore);
    // B's listing shows B's files only, not A's (nor the suite's task.yml).
    const listingB = model!.requests
      .map(request => JSON.stringify(request.body))
      .find(body => body.includes(PROMPT_B) && body.includes('greet.js') && body.includes('"role":"tool"'));
    expect(listingB).toBeDefined();
    expect(listingB).not.toContain('math.js');
    // Every checkout is gone.
    expect([...evalTemps()].filter(name => !tempsBefore.has(name))).toEqual([]);
  });

  it('prints a progress line per finished task and writes --out', () => {
    const lines = json.stderr.split('\n').filter(line => /^kubrick eval: \[\d\/2\]/.test(line));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/fix-add: solved · success/);
    expect(lines.join('\n')).toMatch(/greet: not solved · no_changes/);
    expect(JSON.parse(readFileSync(join(dir, 'reports', 'a.json'), 'utf8'))).toEqual(report);
    expect(json.stderr).not.toContain(API_KEY);
  });

  it('prints a Markdown table without --json, and compares two reports task by task', async () => {
    const markdown = await runEval([
      '--suite',
      suite,
      '--tasks',
      'greet',
      '--runs',
      '2',
      '--base-url',
      model!.url,
      '--model',
      'scripted',
      '--out',
      'reports/b.json'
    ]);
    expect(markdown.exitCode).toBe(0);
    expect(markdown.stdout).toContain('## Kubrick eval: 0/2 solved (0.0 %, 95 % CI 0.0 % – 65.8 %)');
    expect(markdown.stdout).toMatch(
      /Model scripted via openai · Kubrick \d+\.\d+\.\d+ · \d{4}-\d\d-\d\d \d\d:\d\d UTC/
    );
    expect(markdown.stdout).toContain('| task | run | solved | conclusion |');
    expect(markdown.stdout).toMatch(
      /\| greet \| 2 \| ❌ \| no\\_changes \| 3 \| 3 \| 1 \| 300 \| 30 \| 0 \| unknown \|/
    );

    const compared = await runEval(['--compare', 'reports/a.json', 'reports/b.json']);
    expect(compared.exitCode).toBe(0);
    expect(compared.stdout).toContain('## Kubrick eval comparison: -50.0 points');
    expect(compared.stdout).toMatch(/\| fix-add \| 1\/1 \| — \| only in A \|/);
    expect(compared.stdout).toMatch(/\| greet \| 0\/1 \| 0\/2 \| same \|/);
    const asJson = await runEval(['--compare', 'reports/b.json', 'reports/a.json', '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      solve_rate_change: 0.5,
      tasks: [
        { name: 'fix-add', change: 'only in B' },
        { name: 'greet', change: 'same', a: { solved: 0, runs: 2 }, b: { solved: 0, runs: 1 } }
      ]
    });
  });
});

describe('kubrick eval refuses what it cannot run, with exit 2', () => {
  let bad: string;
  afterEach(() => rmSync(bad, { recursive: true, force: true }));

  it('names the task and the field of a malformed task.yml', async () => {
    bad = mkdtempSync(join(dir, 'bad-'));
    writeTree(bad, {
      'good/task.yml': 'prompt: fine\ncheck: "true"\n',
      'good/repo/a.txt': 'a\n',
      'broken/task.yml': 'prompt: fix it\ncheck: "true"\nmax_iterations: ten\n',
      'broken/repo/a.txt': 'a\n'
    });
    const before = evalTemps();
    const { exitCode, stdout, stderr } = await runEval([
      '--suite',
      bad,
      '--model',
      'm',
      '--base-url',
      model!.url
    ]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'task "broken": task.yml line 3: field "max_iterations" must be a positive integer, not "ten"'
    );
    expect(stderr).not.toContain('task "good"');
    expect(stderr).toContain('docs/eval.md');
    expect([...evalTemps()].filter(name => !before.has(name))).toEqual([]);
  });

  it('names unknown tasks, bad flags and a missing model', async () => {
    bad = mkdtempSync(join(dir, 'bad-'));
    const unknown = await runEval(['--suite', suite, '--model', 'm', '--tasks', 'fix-add,nope']);
    expect(unknown).toMatchObject({ exitCode: 2 });
    expect(unknown.stderr).toContain('no task named "nope"');
    expect(unknown.stderr).toContain('the tasks are fix-add, greet');
    const runs = await runEval(['--suite', suite, '--model', 'm', '--runs', '0']);
    expect(runs.exitCode).toBe(2);
    expect(runs.stderr).toContain('--runs must be a whole number');
    const empty = await runEval(['--suite', suite, '--model', 'm', '--tasks', ' , ']);
    expect(empty).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--tasks needs at least one task name')
    });
    const outDir = await runEval(['--suite', suite, '--model', 'm', '--out', bad]);
    expect(outDir).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('must be a file, and a directory is there')
    });
    // A bad flag value names the flag, not an action input.
    const badFlag = await runEval(['--suite', suite, '--model', 'm', '--max-iterations', 'lots']);
    expect(badFlag.exitCode).toBe(2);
    expect(badFlag.stderr).toContain('--max-iterations: "lots" is not a positive integer');
    expect(badFlag.stderr).not.toContain('action input');
    const noModel = await runEval(['--suite', suite]);
    expect(noModel.exitCode).toBe(2);
    expect(noModel.stderr).toContain('--model (or KUBRICK_MODEL) is required');
    writeFileSync(join(bad, 'not-a-report.json'), '{"model": "x"}');
    const compare = await runEval([
      '--compare',
      join(bad, 'not-a-report.json'),
      join(bad, 'not-a-report.json')
    ]);
    expect(compare.exitCode).toBe(2);
    expect(compare.stderr).toContain('is not a kubrick eval report');
  });
});
