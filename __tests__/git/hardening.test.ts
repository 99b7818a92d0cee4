/**
 * Kubrick's own git runs on the runner, next to the token, in a repository the model wrote to. These
 * tests plant what a command run without the sandbox could plant (a filter driver in .git/config, a
 * filter in a file the config includes, a hook, a replace ref) and check that Kubrick's git runs
 * none of it and refuses to go on; and that the token actions/checkout persists is removed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entryId, gitEnvironment, parseConfigListing, programPins } from '../../src/git/environment.js';
import { GitError } from '../../src/git/errors.js';
import { GitCommandManager } from '../../src/git/git-command.js';
import { removePersistedCredentials } from '../../src/git/persisted-credentials.js';
import { commitAndPush } from '../../src/git/create-or-update-branch.js';
import { createRepoFixture, FIXTURE_TOKEN, pushOptions, remoteFiles, writeFiles } from './repo-fixture.js';
import type { RepoFixture } from './repo-fixture.js';

let fx: RepoFixture;
beforeAll(async () => {
  fx = await createRepoFixture({ 'README.md': '# demo\n', 'src/a.js': 'export const a = 1;\n' });
});
afterAll(async () => fx.cleanup());

/** A filter driver whose clean command leaves a marker file and copies git's environment next to it. */
function filterConfig(name: string, marker: string): string {
  return `[filter "${name}"]\n\tclean = "sh -c 'env > ${marker}; cat'"\n\tsmudge = cat\n`;
}

describe('the environment of Kubrick’s git', () => {
  it('holds only what git needs: no token, no key, no input, no git redirection; proxies and CAs pass', () => {
    const env = gitEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      HTTPS_PROXY: 'http://proxy:3128',
      SSL_CERT_FILE: '/etc/ca.pem',
      GITHUB_TOKEN: 'ghs_x',
      INPUT_API_KEY: 'sk-x',
      INPUT_GITHUB_TOKEN: 'ghs_y',
      OPENAI_API_KEY: 'sk-y',
      GIT_DIR: '/elsewhere',
      GIT_SSH_COMMAND: 'evil',
      GIT_CONFIG_GLOBAL: '/home/runner/evil.gitconfig',
      XDG_CONFIG_HOME: '/home/runner/.config',
      NODE_OPTIONS: '--require evil'
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      HTTPS_PROXY: 'http://proxy:3128',
      SSL_CERT_FILE: '/etc/ca.pem',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_ATTR_NOSYSTEM: '1',
      GIT_NO_REPLACE_OBJECTS: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GCM_INTERACTIVE: 'never',
      LC_ALL: 'C'
    });
  });

  it('pins every program key the configuration gained after it was trusted, and keeps the trusted ones', () => {
    const trusted = new Set([entryId({ key: 'filter.lfs.clean', value: 'git-lfs clean -- %f' })]);
    const pins = programPins(
      [
        { key: 'filter.lfs.clean', value: 'git-lfs clean -- %f' },
        { key: 'filter.lfs.process', value: 'sh evil.sh' },
        { key: 'filter.My Driver.smudge', value: 'sh evil.sh' },
        { key: 'diff.pdf.textconv', value: 'sh evil.sh' },
        { key: 'diff.x.command', value: 'sh evil.sh' },
        { key: 'merge.ours.driver', value: 'sh evil.sh' },
        { key: 'remote.origin.uploadpack', value: 'sh evil.sh' },
        { key: 'remote.origin.receivepack', value: 'sh evil.sh' },
        { key: 'remote.origin.url', value: 'https://example.com/x.git' },
        { key: 'user.name', value: 'x' }
      ],
      trusted
    );
    expect(pins).toEqual([
      ['filter.lfs.process', ''],
      ['filter.My Driver.smudge', ''],
      ['diff.pdf.textconv', ''],
      ['diff.x.command', ''],
      ['merge.ours.driver', ''],
      ['remote.origin.uploadpack', 'git-upload-pack'],
      ['remote.origin.receivepack', 'git-receive-pack']
    ]);
  });

  it('reads a config listing with scopes and files, leaving out the command line', () => {
    const listing = [
      'local',
      'file:.git/config',
      'core.bare\nfalse',
      'local',
      'file:/abs/inc.cfg',
      'filter.x.clean\ncat',
      'command',
      'command line:',
      'core.hooksPath\n/dev/null',
      ''
    ].join('\0');
    expect(parseConfigListing(listing, '/repo')).toEqual([
      { key: 'core.bare', value: 'false', file: '/repo/.git/config' },
      { key: 'filter.x.clean', value: 'cat', file: '/abs/inc.cfg' }
    ]);
  });
});

describe('Kubrick’s git after the agent ran', () => {
  it('runs no filter planted in .git/config with .gitattributes, and refuses to go on', async () => {
    const { dir, git } = await fx.workspace('planted-filter');
    await git.trustCurrentState();
    const marker = join(fx.root, 'filter-ran-1');
    // What `sandbox: none` lets a model-written `npm test` do.
    await appendFile(join(dir, '.git/config'), filterConfig('evil', marker));
    await writeFiles(dir, { '.gitattributes': '* filter=evil\n', 'src/a.js': 'export const a = 2;\n' });

    expect(await git.changedControlFiles()).toEqual(['.git/config']);
    const refused = await commitAndPush(pushOptions(git, 'kubrick/issue-1-x')).catch(e => e);
    expect(refused).toBeInstanceOf(GitError);
    expect(refused.message).toMatch(/the agent's run changed \.git\/config/);
    expect(refused.message).toMatch(/Nothing was committed or pushed/);
    expect(existsSync(marker)).toBe(false);
    expect(await fx.remoteSha('refs/heads/kubrick/issue-1-x')).toBeNull();
  });

  it('notices a hook, info/attributes and a new commondir as well', async () => {
    const { dir, git } = await fx.workspace('planted-others');
    await git.trustCurrentState();
    await writeFile(join(dir, '.git/hooks/pre-commit'), '#!/bin/sh\nexit 0\n');
    await mkdir(join(dir, '.git/info'), { recursive: true });
    await writeFile(join(dir, '.git/info/attributes'), '* filter=evil\n');
    await writeFile(join(dir, '.git/commondir'), '../elsewhere\n');
    expect(await git.changedControlFiles()).toEqual([
      '.git/commondir',
      '.git/hooks/pre-commit',
      '.git/info/attributes'
    ]);
    await expect(git.exec(['status'])).rejects.toThrow(/changed \.git\/commondir, \.git\/hooks\/pre-commit/);
  });

  it('notices a filter added to a file the trusted config includes (a shared .gitconfig in the repository)', async () => {
    const { dir, git } = await fx.workspace('included');
    await fx.git(dir, ['config', 'include.path', '../.gitconfig']);
    await writeFiles(dir, { '.gitconfig': '[core]\n\tautocrlf = false\n' });
    await git.trustCurrentState();
    const marker = join(fx.root, 'filter-ran-2');
    await appendFile(join(dir, '.gitconfig'), filterConfig('evil', marker));
    await writeFiles(dir, { '.gitattributes': '* filter=evil\n', 'src/a.js': 'export const a = 3;\n' });
    expect(await git.changedControlFiles()).toEqual(['.gitconfig']);
    await expect(git.exec(['status', '--porcelain'])).rejects.toThrow(GitError);
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps a filter the checkout itself set up (Git LFS, say), without the secrets of its parent', async () => {
    const { dir } = await fx.workspace('trusted-filter');
    const marker = join(fx.root, 'filter-ran-3');
    await appendFile(join(dir, '.git/config'), filterConfig('kept', marker));
    const git = new GitCommandManager({
      cwd: dir,
      env: { ...fx.env, INPUT_GITHUB_TOKEN: 'ghs_inputCanary0000', OPENAI_API_KEY: 'sk-canary-key-0000' }
    });
    await git.trustCurrentState();
    await writeFiles(dir, { '.gitattributes': '*.js filter=kept\n', 'src/a.js': 'export const a = 4;\n' });
    await git.exec(['add', 'src/a.js']);
    const seen = await readFile(marker, 'utf8');
    expect(seen).not.toMatch(/ghs_inputCanary|sk-canary|ghs_envCanary/);
    expect(seen).toContain('GIT_CONFIG_NOSYSTEM=1');
  });

  it('ignores replace refs a command added: what it commits is the tree it saw', async () => {
    const { dir, git } = await fx.workspace('replace');
    await git.trustCurrentState();
    // A command writes a commit whose tree holds a workflow, and replaces HEAD with it.
    const head = (await fx.git(dir, ['rev-parse', 'HEAD'])).trim();
    await writeFiles(dir, { '.github/workflows/evil.yml': 'on: push\n' });
    await fx.git(dir, ['add', '-A']);
    const tree = (await fx.git(dir, ['write-tree'])).trim();
    const identity = ['-c', 'user.name=x', '-c', 'user.email=x@example.com'];
    const fake = (await fx.git(dir, [...identity, 'commit-tree', tree, '-m', 'fake'])).trim();
    await fx.git(dir, ['reset', '-q', '--hard', head]);
    await fx.git(dir, ['replace', head, fake]);
    await writeFiles(dir, { 'src/a.js': 'export const a = 5;\n' });

    const pushed = await commitAndPush(pushOptions(git, 'kubrick/issue-2-x', { baseSha: head }));
    expect(pushed.files.map(f => f.path)).toEqual(['src/a.js']);
    expect(await remoteFiles(fx, 'kubrick/issue-2-x')).not.toContain('.github/workflows/evil.yml');
  });
});

describe('the token actions/checkout persisted', () => {
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${FIXTURE_TOKEN}`).toString('base64')}`;

  it('is removed from .git/config (checkout v4, v5), and only that', async () => {
    const { dir, git } = await fx.workspace('persisted-v4');
    await fx.git(dir, ['config', '--local', 'http.https://github.com/.extraheader', header]);
    await fx.git(dir, ['config', '--local', 'user.name', 'kept']);
    const log = await removePersistedCredentials(git);
    expect(log[0]).toBe(
      'Removed http.https://github.com/.extraheader from .git/config: the token actions/checkout stored there'
    );
    const config = await readFile(join(dir, '.git/config'), 'utf8');
    expect(config).not.toContain('extraheader');
    expect(config).not.toContain(Buffer.from(`x-access-token:${FIXTURE_TOKEN}`).toString('base64'));
    expect(config).toContain('name = kept');
    // Kubrick's own later commands are not refused for Kubrick's own change.
    expect((await git.exec(['status', '--porcelain'])).exitCode).toBe(0);
    expect(log.join('\n')).not.toContain(FIXTURE_TOKEN);
  });

  it('is no longer included from RUNNER_TEMP (checkout v6), and other includes stay', async () => {
    const { dir, git } = await fx.workspace('persisted-v6');
    const credentials = join(fx.root, 'runner-temp-git-credentials.config');
    await writeFile(credentials, `[http "https://github.com/"]\n\textraheader = ${header}\n`);
    await writeFile(join(fx.root, 'shared.config'), '[core]\n\tautocrlf = false\n');
    await fx.git(dir, ['config', '--local', `includeIf.gitdir:${dir}/.git.path`, credentials]);
    await fx.git(dir, ['config', '--local', 'include.path', join(fx.root, 'shared.config')]);
    const log = await removePersistedCredentials(git);
    expect(log[0]).toMatch(/^Removed includeif\.gitdir:.*\.path from \.git\/config: it included the token/i);
    const config = await readFile(join(dir, '.git/config'), 'utf8');
    expect(config).not.toContain(credentials);
    expect(config).toContain('shared.config');
    const effective = await git.exec(['config', '--get-all', 'http.https://github.com/.extraheader'], {
      allowFailure: true
    });
    expect(effective.stdout).toBe('');
  });

  it('is nothing to remove in a checkout made with persist-credentials: false', async () => {
    const { git } = await fx.workspace('not-persisted');
    expect(await removePersistedCredentials(git)).toEqual([]);
  });
});
