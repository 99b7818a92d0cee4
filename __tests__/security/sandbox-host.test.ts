/**
 * What a command the model wrote can do to the host through the namespace sandbox, with real
 * processes. The runner is laid out like a self-hosted one: the workspace at
 * <dir>/_work/repo/repo, the runner's `.credentials` at <dir>, a file beside the workspace, a
 * tool cache with a setup-python-style Python and pytest on PATH, HOME and RUNNER_TEMP with
 * credentials of their own, and a checkout that persisted its token in .git/config.
 *
 * When the tests run as root (CI), this is the root setup: commands must still not be host root.
 * As an ordinary user it is the user-namespace setup (or sudo's, where that is what the probe
 * finds); the same attacks must fail the same way.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCommandCgroup, realCgroupHost } from '../../src/sandbox/cgroup.js';
import { createSandbox } from '../../src/sandbox/create.js';
import { etcSecrets } from '../../src/sandbox/etc-secrets.js';
import { defaultLimits } from '../../src/sandbox/limits.js';
import { nodeInstallDir } from '../../src/sandbox/toolchains.js';
import { installToolCachePython } from '../../test-support/tool-cache-python.js';
import type { ExecResult, Sandbox } from '../../src/sandbox/types.js';

const canary = `KBRK-HOST-${randomUUID()}`;
const nodeBin = dirname(process.execPath);
const asRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;

let dir: string;
let workspace: string;
let home: string;
let runnerTemp: string;
let toolCache: string;
let sandbox: Sandbox;
let runnerPath: string;
const headerValue = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${canary}`).toString('base64')}`;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' }
  });

function run(argv: string[], timeoutMs = 30_000): Promise<ExecResult> {
  // What run_command gives a command: the fixed PATH is replaced by the sandbox with the runner's.
  return sandbox.run({
    argv,
    cwd: workspace,
    env: { PATH: `${nodeBin}:/usr/bin:/bin`, HOME: '/unused', TMPDIR: '/unused', LANG: 'C.UTF-8' },
    timeoutMs,
    maxOutputBytes: 1_000_000
  });
}

const node = (script: string) => run(['node', '-e', script]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-runner-'));
  writeFileSync(join(dir, '.credentials'), `{"token":"${canary}"}\n`, { mode: 0o600 });
  mkdirSync(join(dir, '_work', 'repo', 'repo'), { recursive: true });
  writeFileSync(join(dir, '_work', 'sibling.txt'), `sibling ${canary}\n`);
  workspace = join(dir, '_work', 'repo', 'repo');
  home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.git-credentials'), `https://x:${canary}@github.com\n`);
  runnerTemp = join(dir, '_work', '_temp');
  mkdirSync(runnerTemp);
  writeFileSync(join(runnerTemp, 'git-credentials.config'), `[http]\n\textraheader = ${headerValue}\n`);
  toolCache = join(dir, '_work', '_tool');
  const pythonBin = installToolCachePython(toolCache);
  runnerPath = `${pythonBin}:${process.env.PATH ?? '/usr/bin:/bin'}`;

  git(dir, 'init', '-q', '-b', 'main', workspace);
  writeFileSync(join(workspace, 'app.py'), 'def add(a, b):\n    return a + b\n');
  writeFileSync(
    join(workspace, 'test_app.py'),
    'from app import add\n\ndef test_add():\n    assert add(2, 3) == 5\n'
  );
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'initial');
  // persist-credentials as `kubrick run` may find it in a user's checkout: commands must not see it.
  git(workspace, 'config', 'http.https://github.com/.extraheader', headerValue);
  git(workspace, 'remote', 'add', 'origin', `https://x-access-token:${canary}@github.com/o/r.git`);

  sandbox = await createSandbox({
    mode: 'namespaces',
    allowNetwork: false,
    workspace,
    extraPaths: [],
    env: { HOME: home, RUNNER_TEMP: runnerTemp, PATH: runnerPath },
    limits: { processes: 40, fileSizeBytes: 8 * MiB, tmpBytes: 16 * MiB, scratchBytes: 8 * MiB }
  });
}, 60_000);

afterAll(async () => {
  await sandbox?.close?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('never host root', () => {
  test('the command’s uid maps to a host uid that is not 0, and it has no capabilities', async () => {
    const result = await run([
      'sh',
      '-c',
      'id -u; cat /proc/self/uid_map; grep -E "^Cap(Eff|Prm|Bnd|Amb):|^NoNewPrivs:" /proc/self/status; echo > owned-by-the-command.txt'
    ]);
    const [uidLine, ...rest] = result.stdout.trim().split('\n');
    const uid = Number(uidLine);
    expect(uid).not.toBe(0);
    // What the host sees: a file the command made belongs to a uid that is not 0 (ours when we are
    // an ordinary user). Through uid_map, when Kubrick is root: the command's uid is a host uid.
    const hostUid = statSync(join(workspace, 'owned-by-the-command.txt')).uid;
    rmSync(join(workspace, 'owned-by-the-command.txt'));
    expect(hostUid).not.toBe(0);
    if (asRoot) {
      expect(hostUid).toBe(uid);
      const map = rest
        .find(line => /^\s*\d+\s+\d+\s+\d+\s*$/.test(line))!
        .trim()
        .split(/\s+/)
        .map(Number);
      expect(map[1]! + (uid - map[0]!)).toBe(hostUid);
    } else {
      expect(hostUid).toBe(process.getuid!());
    }
    expect(result.stdout).toMatch(/CapEff:\s+0+\n/);
    // Root and sudo setups clear the bounding set too; in a user namespace of its own, where the
    // command is not uid 0, no_new_privs keeps it from gaining any.
    if (asRoot) expect(result.stdout).toMatch(/CapBnd:\s+0+\n/);
    expect(result.stdout).toMatch(/NoNewPrivs:\s+1/);
  });

  test('nothing under /proc/sys (nor sysrq-trigger, irq, bus) opens for writing, and the host value stays', async () => {
    const before = readFileSync('/proc/sys/fs/lease-break-time', 'utf8');
    const result = await node(`
      const fs = require('fs');
      const opened = [], errors = {};
      const walk = dir => {
        for (const name of fs.readdirSync(dir)) {
          const path = dir + '/' + name;
          let stat; try { stat = fs.lstatSync(path); } catch { continue; }
          if (stat.isDirectory()) { walk(path); continue; }
          try { fs.closeSync(fs.openSync(path, 'r+')); opened.push(path); }
          catch (e) { errors[e.code] = (errors[e.code] || 0) + 1; }
        }
      };
      for (const root of ['/proc/sys', '/proc/irq', '/proc/bus']) { try { walk(root); } catch {} }
      for (const path of ['/proc/sysrq-trigger', '/proc/sys/kernel/core_pattern', '/proc/sys/fs/lease-break-time']) {
        try { fs.writeFileSync(path, '|/tmp/x'); opened.push(path); } catch (e) { errors[path] = e.code; }
      }
      console.log(JSON.stringify({ opened, errors }));
    `);
    const { opened, errors } = JSON.parse(result.stdout) as {
      opened: string[];
      errors: Record<string, string | number>;
    };
    expect(opened).toEqual([]);
    expect(Object.keys(errors).length).toBeGreaterThan(2); // it really tried
    expect(['EROFS', 'EACCES']).toContain(errors['/proc/sys/kernel/core_pattern']);
    expect(readFileSync('/proc/sys/fs/lease-break-time', 'utf8')).toBe(before);
  });

  test('sudo and setuid programs give nothing back', async () => {
    const result = await run([
      'sh',
      '-c',
      'sudo -n id -u 2>&1 || echo refused; su -c true root 2>&1 || echo refused'
    ]);
    expect(result.stdout).not.toMatch(/^0$/m);
    expect(result.stdout).toContain('refused');
  });
});

describe('the files a command sees', () => {
  test('/etc is there, but not what only root may read (shadow, gshadow, sudoers, ssh host keys, …)', async () => {
    const secrets = etcSecrets().map(entry => entry.path);
    expect(secrets).toContain('/etc/shadow');
    const result = await node(`
      const fs = require('fs');
      const seen = {};
      for (const path of ${JSON.stringify(secrets)}) {
        try { seen[path] = fs.statSync(path).isDirectory() ? fs.readdirSync(path).join(',') : fs.readFileSync(path, 'utf8'); }
        catch (e) { seen[path] = e.code; }
      }
      console.log(JSON.stringify({ seen, passwd: fs.readFileSync('/etc/passwd', 'utf8').length > 0 }));
    `);
    const { seen, passwd } = JSON.parse(result.stdout) as { seen: Record<string, string>; passwd: boolean };
    for (const [path, content] of Object.entries(seen)) {
      // Shown empty, or refused: never the host's content.
      expect({ path, content: ['', 'EACCES', 'ENOENT'].includes(content) ? 'hidden' : content }).toEqual({
        path,
        content: 'hidden'
      });
    }
    expect(passwd).toBe(true);
  });

  test('the runner’s .credentials, a file beside the workspace, HOME and RUNNER_TEMP are not there', async () => {
    const result = await node(`
      const fs = require('fs');
      const out = {};
      const grab = p => { try { out[p] = fs.readFileSync(p, 'utf8'); } catch (e) { out[p] = e.code; } };
      const list = p => { try { out['ls ' + p] = fs.readdirSync(p).sort().join(','); } catch (e) { out['ls ' + p] = e.code; } };
      grab(${JSON.stringify(join(dir, '.credentials'))});
      grab(${JSON.stringify(join(dir, '_work', 'sibling.txt'))});
      grab(${JSON.stringify(join(home, '.git-credentials'))});
      grab(${JSON.stringify(join(runnerTemp, 'git-credentials.config'))});
      grab('../../sibling.txt'); grab('../../../.credentials');
      for (const p of ['/', ${JSON.stringify(dir)}, ${JSON.stringify(join(dir, '_work'))}, '..', '/tmp']) list(p);
      console.log(JSON.stringify(out));
    `);
    expect(result.stdout).not.toContain(canary);
    const out = JSON.parse(result.stdout) as Record<string, string>;
    expect(out[join(dir, '.credentials')]).toBe('ENOENT');
    expect(out[join(dir, '_work', 'sibling.txt')]).toBe('ENOENT');
    expect(out[join(home, '.git-credentials')]).toBe('ENOENT');
    expect(out[`ls ${dir}`]).toBe('_work');
    expect(out[`ls ${join(dir, '_work')}`]).toBe('_tool,repo');
    expect(out['ls ..']).toBe('repo');
    // / holds only what the allowlist puts there: the system, /dev, /proc, /tmp, and the first
    // directory of the workspace, the Node install and the toolchains on PATH.
    const allowed = new Set([
      'usr',
      'bin',
      'sbin',
      'lib',
      'lib32',
      'lib64',
      'libx32',
      'etc',
      'dev',
      'proc',
      'tmp'
    ]);
    for (const path of [workspace, nodeInstallDir(nodeBin), ...runnerPath.split(':')]) {
      if (path.startsWith('/')) allowed.add(path.split('/')[1]!);
    }
    for (const entry of out['ls /']!.split(',')) expect(allowed).toContain(entry);
    for (const runnerOnly of ['home', 'root', 'var', 'opt', 'srv', 'run', 'mnt', 'media', 'boot', 'sys'])
      if (!allowed.has(runnerOnly)) expect(out['ls /']!.split(',')).not.toContain(runnerOnly);
  });

  test('a setup-python-style pytest from the tool cache on the runner’s PATH runs, before the system’s', async () => {
    const result = await run(['pytest']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^1 passed, 0 failed from .*_tool\/Python\/3\.11\.9\/x64\n$/);
    const which = await run(['sh', '-c', 'command -v python; echo "$PATH"']);
    expect(which.stdout.split('\n')[0]).toBe(join(toolCache, 'Python', '3.11.9', 'x64', 'bin', 'python'));
    // The runner's order, then Node's directory and the fixed system directories.
    expect(
      which.stdout.split('\n')[1]!.startsWith(`${join(toolCache, 'Python', '3.11.9', 'x64', 'bin')}:`)
    ).toBe(true);
    expect(which.stdout).toContain(':/usr/bin:');
  });
});

describe('.git inside', () => {
  test('stash, checkout -- f, restore, add and reset work', async () => {
    const result = await run([
      'sh',
      '-c',
      [
        'set -e',
        'echo changed > app.py; git stash -q; grep -q "return a + b" app.py; git stash pop -q; grep -q changed app.py',
        'git checkout -- app.py; grep -q "return a + b" app.py',
        'echo again > app.py; git restore app.py; grep -q "return a + b" app.py',
        'echo staged > new.txt; git add new.txt; git reset -q new.txt; rm new.txt',
        'git status --porcelain -- app.py new.txt; echo all-worked'
      ].join('\n')
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('all-worked\n');
  });

  test('git config and writes to .git/config and .git/hooks fail; the config shows no credentials', async () => {
    const configBefore = readFileSync(join(workspace, '.git', 'config'), 'utf8');
    const result = await run([
      'sh',
      '-c',
      [
        'git config core.fsmonitor "sh evil" 2>&1 || echo config-refused',
        'echo "[filter \\"x\\"]" >> .git/config 2>&1 || echo append-refused',
        'echo evil > .git/hooks/pre-commit 2>&1 || echo hook-refused',
        'echo "* filter=x" > .git/info/attributes 2>&1 || echo attributes-refused',
        'cat .git/config; git config --get-all http.https://github.com/.extraheader; git remote get-url origin'
      ].join('\n')
    ]);
    for (const refused of ['config-refused', 'append-refused', 'hook-refused', 'attributes-refused'])
      expect(result.stdout).toContain(refused);
    expect(result.stdout + result.stderr).not.toContain(canary);
    expect(result.stdout).not.toContain(headerValue);
    expect(result.stdout).toContain('https://github.com/o/r.git');
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).toBe(configBefore);
  });
});

describe('limits: hitting one ends that command with a clear result, and the next command runs', () => {
  test('more processes than allowed', async () => {
    const started = Date.now();
    const result = await run(['sh', '-c', 'for i in $(seq 80); do sleep 30 & done; wait'], 25_000);
    expect(result.timedOut).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.limits).toEqual(['processes']);
    expect(result.stderr).toContain(
      '[sandbox limit] the command was stopped because it had more than 40 processes'
    );
  });

  test('more data in /tmp than allowed: the command fails, says why, and /tmp is emptied', async () => {
    // Files under the file-size limit, more of them than /tmp holds.
    const result = await run([
      'sh',
      '-c',
      'for i in 1 2 3; do head -c 7000000 /dev/zero > /tmp/big$i || exit 1; done'
    ]);
    expect(result.exitCode).not.toBe(0);
    expect(result.limits).toEqual(['tmp']);
    expect(result.stderr).toMatch(/No space left on device/);
    expect(result.stderr).toContain('[sandbox limit] /tmp was full (16 MiB for the whole run)');
    const next = await run([
      'sh',
      '-c',
      'ls /tmp/big* 2>/dev/null; head -c 7000000 /dev/zero > /tmp/ok && echo next-ran'
    ]);
    expect(next.stdout).toBe('next-ran\n');
    // The workspace, mounted below /tmp here, was not part of what was emptied.
    expect(existsSync(join(workspace, '.git', 'HEAD'))).toBe(true);
  });

  test('more data in HOME than allowed', async () => {
    const result = await run([
      'sh',
      '-c',
      'for i in 1 2; do head -c 6000000 /dev/zero > "$HOME/big$i" || exit 1; done'
    ]);
    expect(result.limits).toEqual(['home']);
    expect(result.stderr).toContain('[sandbox limit] HOME was full (8 MiB per command)');
  });

  test('a larger file in the workspace than allowed', async () => {
    const result = await run(['sh', '-c', 'head -c 40000000 /dev/zero > big.bin']);
    expect(result.limits).toEqual(['file-size']);
    expect(result.stderr).toContain("[sandbox limit] a file reached the sandbox's file-size limit of 8 MiB");
    expect(statSync(join(workspace, 'big.bin')).size).toBeLessThanOrEqual(8 * MiB);
    rmSync(join(workspace, 'big.bin'));
    const next = await run(['sh', '-c', 'echo next-ran']);
    expect(next.stdout).toBe('next-ran\n');
    expect(next.limits).toBeUndefined();
  });

  const cgroupHere = asRoot && memoryCgroupPossible() ? test : test.skip;
  cgroupHere('more memory than allowed, where a cgroup can be made', async () => {
    const small = await createSandbox({
      mode: 'namespaces',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: { HOME: home, RUNNER_TEMP: runnerTemp, PATH: runnerPath },
      limits: { memoryBytes: 96 * MiB }
    });
    try {
      const result = await small.run({
        argv: ['node', '-e', 'const keep = []; for (;;) keep.push(Buffer.alloc(16 << 20, 1));'],
        cwd: workspace,
        env: { PATH: '/usr/bin:/bin' },
        timeoutMs: 30_000,
        maxOutputBytes: 100_000
      });
      expect(result.limits).toContain('memory');
      expect(result.stderr).toContain(
        "[sandbox limit] the command ran out of memory: the sandbox's limit is 96 MiB"
      );
      const next = await small.run({
        argv: ['sh', '-c', 'echo next-ran'],
        cwd: workspace,
        env: { PATH: '/usr/bin:/bin' },
        timeoutMs: 30_000,
        maxOutputBytes: 100_000
      });
      expect(next.stdout).toBe('next-ran\n');
    } finally {
      await small.close?.();
    }
  });
});

/** Whether this machine lets root make a memory cgroup (a throwaway one, removed at once). */
function memoryCgroupPossible(): boolean {
  const group = createCommandCgroup(defaultLimits(1 << 30), realCgroupHost());
  void group?.remove();
  return group?.covers.includes('memory') ?? false;
}

describe('after the sandbox closes', () => {
  test('the workspace belongs to its owner again, files the commands made included', async () => {
    const owner = process.getuid!(); // it made the workspace; commands borrowed it
    await run(['sh', '-c', 'echo made > made-inside.txt; git add made-inside.txt']);
    await sandbox.close?.();
    const foreign: string[] = [];
    const walk = (path: string) => {
      if (statSync(path).uid !== owner) foreign.push(path);
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(workspace);
    expect(foreign).toEqual([]);
    expect(existsSync(join(workspace, 'made-inside.txt'))).toBe(true);
    // Kubrick's git on the host reads the repository as before.
    expect(git(workspace, 'status', '--porcelain')).toContain('made-inside.txt');
  });
});
