/**
 * End to end (the bundled action against the GitHub emulator and the scripted model): the token a
 * checkout persisted, the git that Kubrick runs on the host after a run without the sandbox, and
 * secrets in what tools return to the model.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { fixTrajectory } from '../../__fixtures__/trajectories.js';
import { API_KEY, createWorld, TOKEN, type World } from '../../test-support/action-runner.js';
import { issueCommentCreated } from '../../test-support/github-emulator/events.js';
import type { Turn } from '../../test-support/scripted-model/server.js';
import { splitMasks } from '../../test-support/workflow-log.js';

const call = (name: string, args: Record<string, unknown>) => ({ name, arguments: args });
const HEADER_B64 = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

/** A deploy script someone committed with the token in it; the model is asked to look at it. */
const PLANTED = { 'scripts/deploy.env': `GH_TOKEN=${TOKEN}\nREGION=eu-west-1\n` };

let world: World;
beforeAll(async () => {
  world = await createWorld({
    files: {
      ...SAMPLE_FILES,
      ...PLANTED,
      '.github/kubrick-policy.yml':
        'version: 1\nallow: ["npm test", "node test.js", "cat", "git status", "git diff"]\ndeny: ["git push"]\n'
    }
  });
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function request(title: string, body = '/kubrick fix the failing test') {
  const issue = world.gh.createIssue({ title, body: 'add(2, 3) gives -1', user: 'maintainer' });
  const payload = await issueCommentCreated(world.gh, {
    issueNumber: issue.number as number,
    body,
    login: 'maintainer'
  });
  return { issue: issue.number as number, payload };
}

const requestsToModel = () => JSON.stringify(world.model.requests.map(r => r.body));

describe('the token actions/checkout persisted (persist-credentials left on)', () => {
  it('is gone from .git/config when the run ends, the job log says so, and no model request holds it', async () => {
    // The checkout as actions/checkout v4 leaves it by default.
    const workspace = world.repo.workspace;
    execFileSync(
      'git',
      ['config', '--local', `http.${world.gh.serverUrl}/.extraheader`, `AUTHORIZATION: basic ${HEADER_B64}`],
      { cwd: workspace, env: world.repo.env }
    );
    const { payload } = await request('add() is wrong');
    world.turns.push(...fixTrajectory());
    const before = world.model.requests.length;
    const run = await world.run({ eventName: 'issue_comment', payload, freshCheckout: false });

    expect(run.outputs.conclusion).toBe('success');
    expect(run.stdout).toContain(
      `Kubrick: Removed http.${world.gh.serverUrl}/.extraheader from .git/config: the token actions/checkout stored there`
    );
    const config = readFileSync(join(workspace, '.git', 'config'), 'utf8');
    expect(config).not.toMatch(/extraheader/i);
    expect(config).not.toContain(HEADER_B64);
    const seen = JSON.stringify(world.model.requests.slice(before).map(r => r.body));
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain(HEADER_B64);
    // Kubrick pushed with its own credentials all the same.
    expect(world.remoteFile(run.outputs.branch!, 'src/math.js')).toContain('return a + b;');
  }, 120_000);
});

describe('secrets in tool results', () => {
  it('a command that prints the token (planted in a workspace file): the next model request holds ***', async () => {
    const { payload } = await request('Check the deploy settings');
    const before = world.model.requests.length;
    world.turns.push(
      { toolCalls: [call('run_command', { command: 'cat scripts/deploy.env' })] },
      { toolCalls: [call('read_file', { path: 'scripts/deploy.env' })] },
      { toolCalls: [call('finish', { summary: 'Looked at the deploy settings.' })] }
    );
    const run = await world.run({ eventName: 'issue_comment', payload });
    expect(run.outputs.conclusion).toBe('no_changes');
    const [afterCommand, afterRead] = world.model.requests
      .slice(before + 1, before + 3)
      .map(r => JSON.stringify(r.body));
    expect(afterCommand).toContain('GH_TOKEN=***');
    expect(afterCommand).toContain('REGION=eu-west-1');
    expect(afterRead).toContain('GH_TOKEN=***');
    expect(JSON.stringify(world.model.requests.slice(before).map(r => r.body))).not.toContain(TOKEN);
  }, 120_000);
});

describe('sandbox: none, and a model that rewrites .git/config and .gitattributes to add a filter', () => {
  it('Kubrick’s own git runs no filter, nothing is pushed, no secret leaves, and the run fails saying why', async () => {
    const marker = join(world.dir, 'filter-ran');
    // What a model-written `npm test` can do when commands run without the sandbox: the filter
    // would copy Kubrick's environment (the token, the API key) out when Kubrick's git adds files.
    const plant = [
      "const fs = require('fs');",
      `fs.appendFileSync('.git/config', '[filter "steal"]\\n\\tclean = "sh -c \\'env > ${marker}; cat\\'"\\n');`,
      "fs.writeFileSync('.gitattributes', '* filter=steal\\n');",
      "console.log('planted');"
    ].join('\n');
    const turns: Turn[] = [
      {
        toolCalls: [
          call('write_file', { path: 'plant.cjs', content: plant }),
          call('edit_file', {
            path: 'package.json',
            old_string: '"test": "node test.js"',
            new_string: '"test": "node plant.cjs"'
          }),
          call('edit_file', {
            path: 'src/math.js',
            old_string: '  return a - b;',
            new_string: '  return a + b;'
          })
        ]
      },
      { toolCalls: [call('run_command', { command: 'npm test' })] },
      { toolCalls: [call('finish', { summary: 'Fixed add.' })] }
    ];
    const { issue, payload } = await request('add() is still wrong');
    world.turns.push(...turns);
    const branchesBefore = world.remoteGit('for-each-ref', '--format=%(refname)', 'refs/heads/');
    const run = await world.run({ eventName: 'issue_comment', payload, inputs: { sandbox: 'none' } });

    expect(requestsToModel()).toContain('planted'); // the command ran, without the sandbox
    expect(existsSync(marker)).toBe(false);
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.exitCode).toBe(1);
    const comment = world.ourComments(issue)[0]!.body;
    expect(comment).toContain(
      "Kubrick stopped before running git again: the agent's run changed .git/config"
    );
    expect(comment).toContain('Nothing was committed or pushed');
    expect(world.remoteGit('for-each-ref', '--format=%(refname)', 'refs/heads/')).toBe(branchesBefore);
    for (const secret of [TOKEN, API_KEY]) {
      expect(comment).not.toContain(secret);
      // Only the leading ::add-mask:: lines name it, for the runner to hide it everywhere else.
      expect(splitMasks(run.stdout).rest + run.stderr).not.toContain(secret);
    }
  }, 120_000);
});
