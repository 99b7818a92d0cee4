/**
 * What a newcomer meets with the bundled `kubrick` command: where requests go for a given
 * --base-url, a model server that answers the wrong thing, a missing key, misspelt keys in the
 * repository config and the policy, and `kubrick policy` without a subcommand. Each ends at once
 * with a message that says what to fix.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { REPO_ROOT } from '../../test-support/action-runner.js';
import { FAULTS } from '../../test-support/scripted-model/faults.js';
import {
  startScriptedModel,
  type ScriptedModel,
  type ScriptedModelOptions,
  type Turn
} from '../../test-support/scripted-model/server.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const FINISH: Turn = { toolCalls: [{ name: 'finish', arguments: { summary: 'Nothing to change.' } }] };

let dir: string;
let repo: string;
let model: ScriptedModel | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-cli-newcomer-'));
  repo = join(dir, 'repo');
  for (const [path, content] of Object.entries(SAMPLE_FILES)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function kubrick(args: string[], env: Record<string, string> = {}) {
  // Only what the command needs: no stray OPENAI_API_KEY from the machine running the tests.
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', c => (stdout += String(c)));
  child.stderr.on('data', c => (stderr += String(c)));
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve));
  return { exitCode, stdout, stderr };
}

async function run(
  turns: Turn[],
  baseUrlPath = '',
  options: ScriptedModelOptions = {},
  env = { KUBRICK_API_KEY: 'k' }
) {
  model = await startScriptedModel(turns, options);
  const args = ['run', '--task', 'look around', '--mode', 'ask', '--repo', repo, '--model', 'scripted'];
  return kubrick([...args, '--base-url', `${model.url}${baseUrlPath}`], env);
}

describe('kubrick run --base-url', () => {
  it('with a path, uses it as given: POST /openai/v1beta/chat/completions', async () => {
    const result = await run([FINISH], '/openai/v1beta', { pathPrefix: '/openai/v1beta' });
    expect(result.exitCode).toBe(0);
    expect(model!.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /openai/v1beta/chat/completions'
    ]);
  });

  it('a bare server root gets /v1: POST /v1/chat/completions', async () => {
    const result = await run([FINISH]);
    expect(result.exitCode).toBe(0);
    expect(model!.requests.map(r => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions']);
  });

  it('a keyless local server named with --base-url works', async () => {
    const result = await run([FINISH], '', {}, {} as { KUBRICK_API_KEY: string });
    expect(result.exitCode).toBe(0);
    expect(model!.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('a model server that answers the wrong thing: one request, and the cause', () => {
  it('429 insufficient_quota says quota/billing', async () => {
    const result = await run([{ fault: FAULTS.openAiInsufficientQuota }, FINISH, FINISH]);
    expect(result.exitCode).toBe(1);
    expect(model!.requests).toHaveLength(1);
    expect(result.stderr).toContain('out of quota or credit');
    expect(result.stderr).toContain('You exceeded your current quota');
  });

  it('an HTML page with 200 names base_url and shows how the page began', async () => {
    const result = await run([{ fault: FAULTS.htmlSignInPage }, FINISH, FINISH]);
    expect(result.exitCode).toBe(1);
    expect(model!.requests).toHaveLength(1);
    expect(result.stderr).toContain('answered 200 with an HTML page');
    expect(result.stderr).toContain('the answer began: "<!DOCTYPE html>');
    expect(result.stderr).toContain('Check base_url');
  });
});

describe('no API key', () => {
  it('against the public API: exit 2 before any request, in the words of the command line', async () => {
    const result = await kubrick(['run', '--task', 'x', '--repo', repo, '--model', 'gpt-4.1']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no API key: set KUBRICK_API_KEY (or OPENAI_API_KEY)');
    expect(result.stderr).toContain('--base-url');
    expect(result.stderr).not.toMatch(/ENOTFOUND|action input|secrets\./);
  });
});

describe('misspelt keys', () => {
  it('.github/kubrick.yml with max_iteratons: exit 2, the line and the key meant', async () => {
    writeFileSync(join(repo, '.github/kubrick.yml'), '# limits\nmax_iteratons: 3\n');
    const result = await run([FINISH]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      '.github/kubrick.yml line 2: unknown key "max_iteratons" — did you mean "max_iterations"?'
    );
    expect(model!.requests).toHaveLength(0);
  });

  it('a policy with allwo: exit 2, the line and the key meant', async () => {
    writeFileSync(join(repo, '.github/kubrick-policy.yml'), 'version: 1\nallwo: ["npm test"]\n');
    const result = await run([FINISH]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/kubrick-policy\.yml line 2: unknown key "allwo" — did you mean "allow"\?/);
    expect(model!.requests).toHaveLength(0);
  });
});

describe('kubrick policy', () => {
  it('without a subcommand exits 2 with the usage', async () => {
    const result = await kubrick(['policy']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('a subcommand is needed');
    expect(result.stderr).toContain('kubrick policy check --policy FILE');
  });
});
