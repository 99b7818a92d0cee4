/**
 * The bundled CLI (dist/cli.js) finds the built-in suite next to itself and runs a task of it
 * against the scripted model; a bad suite exits 2. Run `npm run bundle` first.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test-support/action-runner.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
let dir: string;
let model: ScriptedModel;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-eval-cli-'));
  // A model that gives up at once: the task is not solved, and the report says so.
  model = await startScriptedModel(() => ({
    toolCalls: [{ name: 'finish', arguments: { summary: 'I will not do this.' } }],
    usage: { input: 50, output: 5 }
  }));
});

afterAll(async () => {
  await model.close();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'eval', ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, KUBRICK_API_KEY: 'sk-test-key-000000' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += String(chunk)));
  child.stderr.on('data', chunk => (stderr += String(chunk)));
  return new Promise(resolve => child.on('close', exitCode => resolve({ exitCode, stdout, stderr })));
}

it('runs a task of the built-in suite when no --suite is given', async () => {
  const { exitCode, stdout, stderr } = await cli([
    '--tasks',
    'py-roman-numerals',
    '--base-url',
    model.url,
    '--model',
    'scripted'
  ]);
  expect({ exitCode, stderr: exitCode === 0 ? '' : stderr }).toEqual({ exitCode: 0, stderr: '' });
  expect(stderr).toContain('kubrick eval: [1/1] py-roman-numerals: not solved · no_changes · 1 iteration');
  expect(stdout).toContain('## Kubrick eval: 0/1 solved');
  expect(stdout).toContain(
    '| py-roman-numerals | 1 | ❌ | no\\_changes | 1 | 1 | 0 | 50 | 5 | 0 | unknown |'
  );
});

it('exits 2 naming the task and field of a malformed task.yml', async () => {
  mkdirSync(join(dir, 'suite', 'only', 'repo'), { recursive: true });
  writeFileSync(join(dir, 'suite', 'only', 'task.yml'), 'prompt: p\ncheck: "true"\ntotal_timeout: soon\n');
  const { exitCode, stdout, stderr } = await cli(['--suite', 'suite', '--model', 'scripted']);
  expect({ exitCode, stdout }).toEqual({ exitCode: 2, stdout: '' });
  expect(stderr).toContain(
    'task "only": task.yml line 3: field "total_timeout" must be a positive number of seconds'
  );
});
