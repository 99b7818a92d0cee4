/**
 * Mistakes in the files maintainers keep on the default branch: an authorized request still ends
 * with a final comment that names the problem, and no model is asked anything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { createWorld, type World } from '../../test-support/action-runner.js';
import { inProcess } from '../../test-support/in-process.js';
import { commentOnNewIssue, commitOnRemote } from '../../test-support/scenario-helpers.js';

let world: World;

beforeAll(async () => {
  world = await createWorld({
    files: {
      ...SAMPLE_FILES,
      // The policy's own self-test fails: `npm test` is listed under tests.allow but not allowed.
      '.github/kubrick-policy.yml': 'version: 1\nallow: ["ls"]\ntests:\n  allow: ["npm test"]\n'
    },
    runner: inProcess()
  });
});
afterAll(async () => {
  await world?.close();
});

async function request(body: string) {
  const { number, payload } = await commentOnNewIssue(world, { title: 'Fix the test' }, body);
  const before = world.model.requests.length;
  const run = await world.run({ eventName: 'issue_comment', payload });
  const report = world.ourComments(number).map(c => c.body);
  return { run, report, modelRequests: world.model.requests.length - before };
}

describe('files on the default branch', () => {
  it('fails a fix run on a policy whose self-test fails, naming the test, before any model call', async () => {
    const { run, report, modelRequests } = await request('/kubrick fix the failing test');
    expect(run.exitCode).toBe(1);
    expect(run.outputs.conclusion).toBe('failure');
    expect(modelRequests).toBe(0);
    expect(report).toHaveLength(1);
    expect(report[0]).toContain('.github/kubrick-policy.yml');
    expect(report[0]).toContain('npm test');
    expect(run.stdout).toMatch(/^::error::.*kubrick-policy\.yml/m);
  });

  it('still answers a read-only request, which needs no policy', async () => {
    world.turns.push({ toolCalls: [{ name: 'finish', arguments: { summary: 'It adds two numbers.' } }] });
    const { run, modelRequests } = await request('/kubrick ask what does add() do?');
    expect(run.outputs.conclusion).toBe('success');
    expect(modelRequests).toBe(1);
  });

  it('fails on an unknown key in .github/kubrick.yml with the known keys listed', async () => {
    await commitOnRemote(world, 'main', { '.github/kubrick.yml': 'max_iteration: 3\n' }, 'Add config');
    const { run, report, modelRequests } = await request('/kubrick ask anything');
    expect(run.outputs.conclusion).toBe('failure');
    expect(modelRequests).toBe(0);
    expect(report[0]).toContain('unknown key "max_iteration"');
    expect(report[0]).toContain('max_iterations');
  });

  it('names a misspelt key in .github/kubrick.yml with its line and the key meant', async () => {
    await commitOnRemote(
      world,
      'main',
      { '.github/kubrick.yml': '# limits\nmax_iteratons: 3\n' },
      'Config with a typo'
    );
    const { run, report, modelRequests } = await request('/kubrick ask anything');
    expect(run.outputs.conclusion).toBe('failure');
    expect(modelRequests).toBe(0);
    expect(report[0]).toContain(
      '.github/kubrick.yml line 2: unknown key "max_iteratons" — did you mean "max_iterations"?'
    );
  });

  it('names a misspelt key in the policy with its line and the key meant, though allow is then missing', async () => {
    await commitOnRemote(
      world,
      'main',
      {
        '.github/kubrick.yml': 'max_iterations: 3\n',
        '.github/kubrick-policy.yml': 'version: 1\nallwo: ["npm test"]\n'
      },
      'Policy with a typo'
    );
    const { run, report, modelRequests } = await request('/kubrick fix the failing test');
    expect(run.outputs.conclusion).toBe('failure');
    expect(modelRequests).toBe(0);
    expect(report).toHaveLength(1);
    expect(report[0]).toContain('line 2: unknown key "allwo" — did you mean "allow"?');
  });

  it('says "no API key" before any request when the key is empty and base_url is the public API', async () => {
    const { number, payload } = await commentOnNewIssue(
      world,
      { title: 'Explain' },
      '/kubrick ask what does add() do?'
    );
    const before = world.model.requests.length;
    const run = await world.run({
      eventName: 'issue_comment',
      payload,
      inputs: { base_url: '', api_key: '' }
    });
    const report = world.ourComments(number).map(c => c.body);
    expect(run.outputs.conclusion).toBe('failure');
    expect(world.model.requests.length - before).toBe(0);
    expect(report[0]).toContain('no API key: set the `api_key` input');
    expect(report[0]).toContain('secrets.OPENAI_API_KEY');
    expect(report[0]).not.toMatch(/ENOTFOUND|ECONNREFUSED/);
  });
});
