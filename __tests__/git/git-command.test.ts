import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitCommandManager } from '../../src/git/git-command.js';
import { GitError } from '../../src/git/errors.js';
import { pushAuthConfig, secretsOf } from '../../src/git/auth.js';
import { Redactor } from '../../src/report/redact.js';
import { commitAndPush } from '../../src/git/create-or-update-branch.js';
import { createRepoFixture, writeFiles } from './repo-fixture.js';
import type { RepoFixture } from './repo-fixture.js';

const TOKEN = 'ghs_canaryToken1234567890abcdefXYZ';
const HEADER_B64 = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

let fx: RepoFixture;
beforeAll(async () => {
  fx = await createRepoFixture({ 'README.md': '# demo\n' });
});
afterAll(async () => fx.cleanup());

describe('pushAuthConfig', () => {
  it('is the extraheader actions/checkout uses, scoped to the server', () => {
    expect(pushAuthConfig('https://github.com', TOKEN)).toEqual({
      'http.https://github.com/.extraheader': `AUTHORIZATION: basic ${HEADER_B64}`
    });
    expect(Object.keys(pushAuthConfig('https://ghes.example.com:8443/', TOKEN))).toEqual([
      'http.https://ghes.example.com:8443/.extraheader'
    ]);
  });

  it('lets every form of the token be redacted', () => {
    const secrets = secretsOf(pushAuthConfig('https://github.com', TOKEN));
    const text = `a ${TOKEN} b ${HEADER_B64} c AUTHORIZATION: basic ${HEADER_B64}`;
    const out = new Redactor(secrets).redact(text);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(HEADER_B64);
    expect(out).toBe('a [REDACTED] b [REDACTED] c [REDACTED]');
  });
});

describe('GitCommandManager', () => {
  it('gives the credential to git for that one command only, without it in argv or the repo config', async () => {
    const { git } = await fx.workspace('config');
    const auth = pushAuthConfig('https://github.example', TOKEN);
    const seen = await git.exec(['config', '--get-all', 'http.https://github.example/.extraheader'], {
      extraConfig: auth
    });
    // The empty first value resets a header actions/checkout may have persisted (no duplicate Authorization).
    expect(seen.stdout.split('\n')).toEqual(['', `AUTHORIZATION: basic ${HEADER_B64}`]);
    const after = await git.exec(['config', '--get-all', 'http.https://github.example/.extraheader'], {
      allowFailure: true
    });
    expect(after.exitCode).toBe(1);
  });

  it('redacts the token from the command and git output in errors, and says what failed', async () => {
    const { git } = await fx.workspace('errors');
    const auth = pushAuthConfig('https://github.example', TOKEN);
    const failure = await git.exec(['rev-parse', '--verify', TOKEN], { extraConfig: auth }).catch(e => e);
    expect(failure).toBeInstanceOf(GitError);
    const text = `${failure.message} ${JSON.stringify(failure.details)}`;
    expect(text).not.toContain(TOKEN);
    expect(failure.message).toMatch(
      /^git rev-parse --verify \[REDACTED\] failed \(exit 128\): fatal: Needed a single revision/
    );

    git.addSecret('plain-secret-value');
    const again = await git.exec(['rev-parse', '--verify', 'plain-secret-value']).catch(e => e);
    expect(String(again.message)).not.toContain('plain-secret-value');
  });

  it("runs git with prompts off, C locale, no hooks, and without the orchestrator's secrets or git redirections", async () => {
    const { dir } = await fx.workspace('env');
    const git = new GitCommandManager({
      cwd: dir,
      env: {
        ...fx.env,
        OPENAI_API_KEY: 'sk-canary',
        INPUT_API_KEY: 'sk-input',
        GIT_DIR: '/nonexistent',
        GIT_TRACE: '1'
      }
    });
    // A shell alias is the simplest way to see the environment git gives its children.
    const { stdout } = await git.exec(['-c', 'alias.envdump=!env', 'envdump']);
    const env = Object.fromEntries(
      stdout.split('\n').map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    );
    expect(env).toMatchObject({ GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });
    expect(stdout).not.toMatch(/ghs_envCanary|sk-canary|sk-input/);
    expect(env.GIT_DIR).not.toBe('/nonexistent');
    expect(env.GIT_TRACE).toBeUndefined();
    expect((await git.exec(['config', 'core.hooksPath'])).stdout).toBe('/dev/null');
  });

  it('explains a push that cannot reach the remote, without the token', async () => {
    const { dir, git } = await fx.workspace('unreachable');
    await fx.git(dir, ['remote', 'set-url', 'origin', `file://${fx.root}/missing.git`]);
    await writeFiles(dir, { 'x.txt': 'x\n' });
    const failure = await commitAndPush({
      git,
      branch: 'kubrick/issue-9-x',
      base: 'main',
      author: { name: 'kubrick[bot]', email: 'bot@example.com' },
      message: 'x',
      protectedPaths: [],
      auth: pushAuthConfig('https://github.example', TOKEN),
      mode: 'own-branch'
    }).catch(e => e);
    expect(failure).toBeInstanceOf(GitError);
    expect(failure.message).toMatch(
      /^Could not read branch kubrick\/issue-9-x from origin: .*does not appear to be a git repository/s
    );
    expect(failure.message).toMatch(/Check that the remote is reachable/);
    expect(failure.message).not.toContain(TOKEN);
    expect(failure.message).not.toContain(HEADER_B64);
  });

  it('reports a missing git binary clearly', async () => {
    const git = new GitCommandManager({ cwd: fx.root, env: { PATH: '/nonexistent' } });
    await expect(git.exec(['status'])).rejects.toThrow(/git is not installed or not on PATH/);
  });
});
