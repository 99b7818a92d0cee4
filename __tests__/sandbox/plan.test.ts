/**
 * The decisions behind the sandbox, without running it: who commands run as, which toolchains of
 * the runner's PATH are shown and how PATH is ordered, what a command's .git looks like, what the
 * filesystem is built from, which cgroup is made, and the limits.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCommandCgroup, type CgroupHost } from '../../src/sandbox/cgroup.js';
import { accountFiles, commandIdentity } from '../../src/sandbox/identity.js';
import { defaultLimits, describeLimitHit, limitsFromSettings } from '../../src/sandbox/limits.js';
import { gitView, withoutCredentials } from '../../src/sandbox/git-view.js';
import { planSandbox, planSteps } from '../../src/sandbox/plan.js';
import { toolchains } from '../../src/sandbox/toolchains.js';

const MiB = 1024 * 1024;
let root: string;
beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'kubrick-plan-')));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dirs(...paths: string[]): void {
  for (const path of paths) mkdirSync(join(root, path), { recursive: true });
}

describe('who commands run as', () => {
  const files = {
    passwd: 'root:x:0:0::/root:/bin/sh\nrunner:x:1001:1001::/home/runner:/bin/sh\n',
    group: 'root:x:0:\nrunner:x:1001:\n',
    subuid: '',
    subgid: ''
  };

  test('never 0 when Kubrick is root: the last of root’s subordinate ids, and the workspace is lent to it', () => {
    const identity = commandIdentity(
      'root',
      { uid: 0, gid: 0 },
      { uid: 0, gid: 0 },
      { ...files, subuid: 'runner:100000:65536\nroot:165536:65536\n', subgid: 'root:165536:65536\n' }
    );
    expect(identity).toEqual({
      uid: 231071,
      gid: 231071,
      lendWorkspaceFrom: { uid: 0, gid: 0 },
      needsAccount: true
    });
  });

  test('without subordinate ids for root, an id no account, group or range uses', () => {
    const identity = commandIdentity(
      'root',
      { uid: 0, gid: 0 },
      { uid: 0, gid: 0 },
      {
        ...files,
        passwd: `${files.passwd}other:x:2000000:2000000::/:/bin/sh\n`,
        subuid: 'runner:2000001:10\n'
      }
    );
    expect(identity.uid).toBe(2000011);
    expect(identity.uid).not.toBe(0);
  });

  test('a workspace someone else owns is used as that owner, without lending', () => {
    expect(commandIdentity('root', { uid: 0, gid: 0 }, { uid: 1001, gid: 1001 }, files)).toEqual({
      uid: 1001,
      gid: 1001,
      needsAccount: false
    });
  });

  test('as an ordinary user (user namespaces or sudo), Kubrick’s own uid', () => {
    expect(commandIdentity('sudo', { uid: 1001, gid: 1001 }, { uid: 1001, gid: 1001 }, files)).toEqual({
      uid: 1001,
      gid: 1001,
      needsAccount: false
    });
  });

  test('an account for a uid that has none, so `id -un` and HOME lookups work', () => {
    const identity = { uid: 231071, gid: 231071, needsAccount: true };
    const { passwd, group } = accountFiles(identity, files, '/tmp/kubrick-home');
    expect(passwd.endsWith('kubrick:x:231071:231071:Kubrick sandbox:/tmp/kubrick-home:/bin/sh\n')).toBe(true);
    expect(passwd.startsWith(files.passwd)).toBe(true);
    expect(group.endsWith('kubrick:x:231071:\n')).toBe(true);
  });
});

describe('toolchains from the runner’s PATH', () => {
  test('tool cache prefixes, HOME toolchains (never HOME itself), the runner’s order, then Node and the system', () => {
    dirs(
      'home/.pyenv/shims',
      'home/.pyenv/versions/3.12/bin',
      'home/.cargo/bin',
      'home/.rustup',
      'home/bin',
      'tool/Python/3.12.1/x64/bin',
      'tool/Python/3.12.1/x64/lib',
      'ws/node_modules/.bin',
      'node/bin',
      'runner-temp/bin'
    );
    const home = join(root, 'home');
    const result = toolchains({
      path: [
        join(root, 'tool/Python/3.12.1/x64/bin'),
        join(home, '.pyenv/shims'),
        join(home, '.cargo/bin'),
        join(home, 'bin'),
        home,
        'node_modules/.bin',
        '.',
        join(root, 'ws/node_modules/.bin'),
        join(root, 'runner-temp/bin'),
        '/usr/bin',
        join(root, 'missing/bin')
      ].join(':'),
      home,
      workspace: join(root, 'ws'),
      private: [join(root, 'ws'), home, join(root, 'runner-temp')],
      visible: path => path.startsWith('/usr'),
      nodeBinDir: join(root, 'node/bin')
    });
    expect(result.binds).toEqual(
      [
        join(home, '.cargo/bin'),
        join(home, '.pyenv'),
        join(home, '.rustup'),
        join(home, 'bin'),
        join(root, 'node'),
        join(root, 'runner-temp/bin'),
        join(root, 'tool/Python/3.12.1/x64')
      ].sort()
    );
    expect(result.commandPath).toEqual([
      join(root, 'tool/Python/3.12.1/x64/bin'),
      join(home, '.pyenv/shims'),
      join(home, '.cargo/bin'),
      join(home, 'bin'),
      join(root, 'runner-temp/bin'),
      '/usr/bin',
      join(root, 'node/bin'),
      '/usr/local/sbin',
      '/usr/local/bin',
      '/usr/sbin',
      '/sbin',
      '/bin'
    ]);
    expect(result.env).toEqual({ RUSTUP_HOME: join(home, '.rustup') });
  });
});

describe('the .git a command sees', () => {
  test('a config copy without the persisted header or URL passwords', () => {
    const config = [
      '[core]',
      '\tbare = false',
      '[remote "origin"]',
      '\turl = https://x-access-token:ghs_secret@github.com/o/r.git',
      '[http "https://github.com/"]',
      '\textraheader = AUTHORIZATION: basic c2VjcmV0',
      '\tsslVerify = true',
      '[HTTP]',
      '\tExtraHeader = X: one \\',
      '\t  continued',
      '[includeIf "gitdir:/w/.git"]',
      '\tpath = /runner/_temp/git-credentials.config',
      ''
    ].join('\n');
    expect(withoutCredentials(config)).toBe(
      [
        '[core]',
        '\tbare = false',
        '[remote "origin"]',
        '\turl = https://github.com/o/r.git',
        '[http "https://github.com/"]',
        '\tsslVerify = true',
        '[HTTP]',
        '[includeIf "gitdir:/w/.git"]',
        '\tpath = /runner/_temp/git-credentials.config',
        ''
      ].join('\n')
    );
  });

  test('.git itself writable; config (a copy), hooks, info and objects/info read-only, in submodules too', () => {
    dirs('repo/.git/objects/pack', 'repo/.git/refs', 'repo/.git/modules/lib/refs', 'staging');
    writeFileSync(join(root, 'repo/.git/config'), '[core]\n');
    writeFileSync(join(root, 'repo/.git/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(root, 'repo/.git/modules/lib/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(root, 'repo/.git/modules/lib/config'), '[core]\n');
    const view = gitView(join(root, 'repo'), join(root, 'staging'));
    expect(view.readWrite).toEqual([join(root, 'repo/.git')]);
    expect(view.readOnly.map(entry => entry.path.slice(root.length))).toEqual([
      '/repo/.git/hooks',
      '/repo/.git/info',
      '/repo/.git/objects/info',
      '/repo/.git/config',
      '/repo/.git/modules/lib/hooks',
      '/repo/.git/modules/lib/info',
      '/repo/.git/modules/lib/objects/info',
      '/repo/.git/modules/lib/config'
    ]);
    expect(view.readOnly.find(entry => entry.path.endsWith('.git/config'))!.source).toBe(
      join(root, 'staging', 'git-config-0')
    );
  });

  test('a .git file (worktree) is shown read-only; a link out of the workspace shows nothing', () => {
    dirs('wt', 'linked', 'elsewhere/.git');
    writeFileSync(join(root, 'wt/.git'), 'gitdir: /somewhere/.git/worktrees/wt\n');
    expect(gitView(join(root, 'wt'), root).readOnly).toEqual([
      { path: join(root, 'wt/.git'), source: join(root, 'wt/.git') }
    ]);
    symlinkSync(join(root, 'elsewhere/.git'), join(root, 'linked/.git'));
    expect(gitView(join(root, 'linked'), root)).toEqual({ readWrite: [], readOnly: [], copies: [] });
  });
});

describe('the filesystem plan', () => {
  const limits = defaultLimits(8 * 1024 * MiB);

  test('from an empty root: system read-only, /etc secrets hidden, /tmp fresh, the workspace and its .git last', () => {
    dirs('plan/ws/.git', 'plan/staging', 'plan/home');
    writeFileSync(join(root, 'plan/ws/.git/config'), '[core]\n');
    const plan = planSandbox({
      workspace: join(root, 'plan/ws'),
      extraPaths: [],
      allowNetwork: false,
      env: { HOME: join(root, 'plan/home'), PATH: '/usr/bin:/bin' },
      nodeBinDir: dirname(process.execPath),
      stagingDir: join(root, 'plan/staging'),
      limits
    });
    const paths = plan.steps.map(step => step.path);
    // Every path after the paths that contain it.
    for (const [i, path] of paths.entries())
      for (const later of paths.slice(i + 1)) expect(path.startsWith(`${later}/`)).toBe(false);
    expect(plan.steps).toContainEqual({ kind: 'bind', path: '/usr', source: '/usr', readOnly: true });
    expect(plan.steps).toContainEqual({
      kind: 'tmpfs',
      path: '/tmp',
      options: `mode=1777,size=${512 * MiB},nosuid,nodev`
    });
    expect(plan.steps).toContainEqual({
      kind: 'bind',
      path: join(root, 'plan/ws'),
      source: join(root, 'plan/ws'),
      readOnly: false
    });
    expect(plan.steps).toContainEqual({
      kind: 'bind',
      path: '/etc/shadow',
      source: join(root, 'plan/staging', 'empty-file'),
      readOnly: true
    });
    expect(paths).not.toContain(join(root, 'plan/home'));
    // Paths reach the setup script as written and as /proc/self/mountinfo spells them.
    const args = planSteps(plan, '/new root');
    expect(args.slice(args.indexOf('/usr') - 1, args.indexOf('/usr') + 3)).toEqual([
      'robind',
      '/usr',
      '/new\\040root/usr',
      '/usr'
    ]);
    expect(args.at(-1)).toBe('--');
  });

  test('refuses a workspace that is or holds what the sandbox replaces, and sandbox_paths that expose it', () => {
    const base = {
      extraPaths: [],
      allowNetwork: false,
      env: {},
      nodeBinDir: dirname(process.execPath),
      stagingDir: root,
      limits
    };
    expect(() => planSandbox({ ...base, workspace: '/' })).toThrow(
      /check out the repository in its own directory/
    );
    expect(() => planSandbox({ ...base, workspace: '/tmp' })).toThrow(
      /is or holds a directory the sandbox replaces/
    );
    dirs('runner/_work/repo/repo');
    expect(() =>
      planSandbox({
        ...base,
        workspace: join(root, 'runner/_work/repo/repo'),
        extraPaths: [join(root, 'runner')]
      })
    ).toThrow(/sandbox_paths entry .* contains the workspace/);
    expect(() =>
      planSandbox({ ...base, workspace: join(root, 'runner/_work/repo/repo'), extraPaths: ['relative/path'] })
    ).toThrow(/must be an absolute path that exists/);
  });
});

describe('a cgroup for memory and tasks', () => {
  function fakeHost(
    files: Record<string, string>
  ): CgroupHost & { made: Record<string, Array<[string, string]>> } {
    const made: Record<string, Array<[string, string]>> = {};
    return {
      made,
      read: path => files[path] ?? null,
      create: (dir, writes) => {
        made[dir] = writes;
        return true;
      },
      remove: dir => void delete made[dir]
    };
  }

  test('cgroup v2: below our group’s parent when it passes memory and pids on', async () => {
    const host = fakeHost({
      '/proc/self/cgroup': '0::/system.slice/runner.service\n',
      '/proc/self/mountinfo': '30 25 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n',
      '/sys/fs/cgroup/system.slice/cgroup.subtree_control': 'cpu memory pids\n'
    });
    const group = createCommandCgroup({ ...defaultLimits(8 * 1024 * MiB), memoryBytes: 100 * MiB }, host)!;
    const [dir] = Object.keys(host.made);
    expect(dir).toMatch(/^\/sys\/fs\/cgroup\/system\.slice\/kubrick-[0-9a-f]{8}$/);
    expect(host.made[dir!]).toEqual([
      ['memory.max', String(100 * MiB)],
      ['memory.swap.max', '0'],
      ['pids.max', '4096']
    ]);
    expect(group.covers).toBe('memory and tasks');
    expect(group.joinPrefix().slice(-2)).toEqual([`${dir}/cgroup.procs`, '--']);
    await group.remove();
    expect(host.made).toEqual({});
  });

  test('cgroup v1: below our own memory and pids groups; counters read as limit hits', () => {
    const files: Record<string, string> = {
      '/proc/self/cgroup': '8:pids:/\n4:memory:/jobs/a\n0::/\n',
      '/proc/self/mountinfo': [
        '40 30 0:40 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory',
        '41 30 0:41 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids'
      ].join('\n')
    };
    const host = fakeHost(files);
    const group = createCommandCgroup(defaultLimits(8 * 1024 * MiB), host)!;
    const memoryDir = Object.keys(host.made).find(dir => dir.includes('/memory/jobs/a/kubrick-'))!;
    const pidsDir = Object.keys(host.made).find(dir => dir.startsWith('/sys/fs/cgroup/pids/kubrick-'))!;
    const before = group.counters();
    files[`${memoryDir}/memory.oom_control`] = 'oom_kill_disable 0\nunder_oom 0\noom_kill 1\n';
    files[`${pidsDir}/pids.events`] = 'max 3\n';
    expect(group.hitsSince(before)).toEqual(['memory', 'tasks']);
  });

  test('none where no controller can be passed on (a container’s own group)', () => {
    const host = fakeHost({
      '/proc/self/cgroup': '0::/\n',
      '/proc/self/mountinfo': '30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n',
      '/sys/fs/cgroup/cgroup.subtree_control': '\n'
    });
    expect(createCommandCgroup(defaultLimits(MiB), host)).toBeNull();
  });
});

describe('limits', () => {
  test('the repository config replaces the ones it names, in its own units', () => {
    expect(limitsFromSettings({})).toEqual({});
    expect(limitsFromSettings({ processes: 40, file_size_mb: 8, tmp_mb: 2048, memory_mb: 96 })).toEqual({
      processes: 40,
      fileSizeBytes: 8 * MiB,
      tmpBytes: 2048 * MiB,
      memoryBytes: 96 * MiB
    });
  });

  test('say which limit, how much, and that the run goes on', () => {
    const limits = defaultLimits(8 * 1024 * MiB);
    expect(describeLimitHit('processes', limits)).toBe(
      "the command was stopped because it had more than 512 processes at once (the sandbox's limit per command)"
    );
    expect(describeLimitHit('file-size', limits)).toContain('1 GiB');
    expect(describeLimitHit('tmp', limits)).toBe(
      '/tmp was full (512 MiB for the whole run); it has been emptied for the next command'
    );
    expect(describeLimitHit('memory', limits)).toContain('6 GiB');
  });
});
