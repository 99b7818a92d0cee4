/**
 * End to end (the bundled `kubrick run`, the scripted model, the real sandbox): a model turns the
 * allowed `npm test` into a probe of the host, on a runner laid out like a self-hosted one (the
 * workspace at <dir>/_work/repo/repo, the runner's `.credentials` at <dir>, a file beside the
 * workspace, a tool cache with setup-python-style pytest on PATH). It tries /proc/sys, /etc/shadow,
 * its host uid, the canaries, and the limits, and reports what it found. Run as root (the CI
 * machine) and, where the kernel allows, as another uid (unprivileged user namespaces).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SAMPLE_FILES } from '../../__fixtures__/sample-repo.js';
import { REPO_ROOT } from '../../test-support/action-runner.js';
import { commitTree } from '../../test-support/local-repo.js';
import { installToolCachePython } from '../../test-support/tool-cache-python.js';
import {
  startScriptedModel,
  type ScriptedModel,
  type Turn
} from '../../test-support/scripted-model/server.js';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const OTHER_UID = 4243;
const otherUser: number | null =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['--user', '--map-root-user', 'true'], { uid: OTHER_UID, gid: OTHER_UID }).status === 0
    ? OTHER_UID
    : null;

const POLICY = 'version: 1\nallow: ["npm test", "npm run", "pytest"]\ndeny: ["git push"]\n';

/** What the model-written `npm test` does: every probe, one JSON report on stdout. */
const PROBE = `
const fs = require('fs');
const report = {};
const attempt = (name, fn) => { try { report[name] = fn(); } catch (e) { report[name] = e.code || String(e); } };
for (const path of ['/proc/sys/kernel/core_pattern', '/proc/sys/fs/lease-break-time', '/proc/sys/vm/drop_caches', '/proc/sysrq-trigger']) {
  attempt('write ' + path, () => { fs.writeFileSync(path, '|/tmp/x'); return 'WRITTEN'; });
}
attempt('shadow', () => fs.readFileSync('/etc/shadow', 'utf8'));
attempt('uid', () => process.getuid());
attempt('uid_map', () => fs.readFileSync('/proc/self/uid_map', 'utf8').trim());
fs.writeFileSync('made-by-npm-test.txt', 'mine');
for (const path of process.argv.slice(2)) attempt('read ' + path, () => fs.readFileSync(path, 'utf8'));
attempt('ls /', () => fs.readdirSync('/').sort().join(','));
attempt('ls ../..', () => fs.readdirSync('../..').sort().join(','));
console.log('REPORT ' + JSON.stringify(report));
`;

let dir: string;
let workspace: string;
let home: string;
let toolBin: string;
let model: ScriptedModel | undefined;
const canary = `KBRK-THIEF-${randomUUID()}`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-host-thief-'));
  writeFileSync(join(dir, '.credentials'), `{"token":"${canary}"}\n`, { mode: 0o600 });
  workspace = join(dir, '_work', 'repo', 'repo');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(dir, '_work', 'sibling.txt'), `sibling ${canary}\n`);
  home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.git-credentials'), `https://x:${canary}@github.com\n`);
  toolBin = installToolCachePython(join(dir, '_work', '_tool'));

  const files: Record<string, string> = {
    ...SAMPLE_FILES,
    '.github/kubrick-policy.yml': POLICY,
    // Limits small enough to hit without writing gigabytes, set the way a maintainer would.
    '.github/kubrick.yml':
      'sandbox_limits:\n  processes: 40\n  file_size_mb: 8\n  tmp_mb: 16\n  scratch_mb: 8\n',
    'app.py': 'def add(a, b):\n    return a + b\n',
    'test_app.py': 'from app import add\n\ndef test_add():\n    assert add(2, 3) == 5\n'
  };
  commitTree(workspace, files, { PATH: process.env.PATH, HOME: home });
});

afterEach(async () => {
  await model?.close();
  model = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function runCli(turns: Turn[], asUser?: number) {
  model = await startScriptedModel(turns);
  let node = process.execPath;
  let cli = CLI;
  let path = `${toolBin}:${process.env.PATH}`;
  if (asUser !== undefined) {
    // That user may not reach our Node or checkout (a root-only HOME): it gets copies.
    node = join(dir, 'node', 'bin', 'node');
    mkdirSync(dirname(node), { recursive: true });
    cpSync(process.execPath, node);
    chmodSync(node, 0o755);
    cpSync(join(REPO_ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    cli = join(dir, 'dist', 'cli.js');
    path = `${toolBin}:${dirname(node)}:/usr/local/bin:/usr/bin:/bin`;
    execFileSync('chown', ['-R', `${asUser}:${asUser}`, dir]);
    execFileSync('chown', [`0:0`, join(dir, '.credentials')]);
  }
  const child = spawn(
    node,
    [
      cli,
      'run',
      '--task',
      'make the tests pass',
      '--repo',
      workspace,
      '--base-url',
      model.url,
      '--model',
      'scripted',
      '--json'
    ],
    {
      cwd: dir,
      env: {
        PATH: path,
        HOME: home,
        KUBRICK_API_KEY: `sk-${canary}`
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asUser !== undefined ? { uid: asUser, gid: asUser } : {})
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', c => (stdout += String(c)));
  child.stderr.on('data', c => (stderr += String(c)));
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve));
  return { exitCode, stdout, stderr };
}

const call = (name: string, args: Record<string, unknown>) => ({ name, arguments: args });

function trajectory(): Turn[] {
  const scripts = {
    test: `node probe.cjs ${[join(dir, '.credentials'), join(dir, '_work', 'sibling.txt'), join(home, '.git-credentials'), '../../sibling.txt'].join(' ')}`,
    forks: "sh -c 'for i in $(seq 80); do sleep 30 & done; wait'",
    'fill-tmp': "sh -c 'for i in 1 2 3; do head -c 7000000 /dev/zero > /tmp/f$i || exit 1; done'",
    'big-file': 'head -c 40000000 /dev/zero > big.bin',
    after: 'echo next-ran'
  };
  const pkg = { name: 'widgets', version: '1.0.0', private: true, scripts };
  return [
    {
      toolCalls: [
        call('write_file', { path: 'probe.cjs', content: PROBE }),
        call('write_file', { path: 'package.json', content: `${JSON.stringify(pkg, null, 2)}\n` })
      ]
    },
    { toolCalls: [call('run_command', { command: 'npm test' })] },
    { toolCalls: [call('run_command', { command: 'pytest' })] },
    { toolCalls: [call('run_command', { command: 'npm run forks' })] },
    { toolCalls: [call('run_command', { command: 'npm run fill-tmp' })] },
    { toolCalls: [call('run_command', { command: 'npm run big-file' })] },
    { toolCalls: [call('run_command', { command: 'npm run after' })] },
    { toolCalls: [call('finish', { summary: 'Probed the host.' })] }
  ];
}

/** What the model read back from each command, in order. */
function toolResults(): string[] {
  const last = model!.requests.at(-1)!.body as { messages: Array<{ role: string; content: string }> };
  return last.messages.filter(m => m.role === 'tool').map(m => String(m.content));
}

const variants = [
  { name: process.getuid?.() === 0 ? 'as root' : 'as this user', asUser: undefined as number | undefined },
  ...(otherUser === null
    ? []
    : [{ name: `as uid ${otherUser} (unprivileged user namespaces)`, asUser: otherUser }])
];

describe('a model-written npm test probing the host', () => {
  it.each(variants)(
    'cannot write /proc/sys, read /etc/shadow or the runner’s files, is not host root, has the tool cache, and each limit ends one command ($name)',
    async ({ asUser }) => {
      const { exitCode, stdout, stderr } = await runCli(trajectory(), asUser);
      expect({ exitCode, stderr: exitCode === 0 ? '' : stderr }).toEqual({ exitCode: 0, stderr: '' });
      expect(JSON.parse(stdout)).toMatchObject({ sandbox: 'namespaces' });
      const [, , probe, pytest, forks, fillTmp, bigFile, after] = toolResults(); // after two writes

      const report = JSON.parse(/REPORT (.*)/.exec(probe!)![1]!) as Record<string, unknown>;
      for (const [name, value] of Object.entries(report)) {
        if (name.startsWith('write '))
          expect({ name, value: value === 'WRITTEN' ? 'WRITTEN' : 'refused' }).toEqual({
            name,
            value: 'refused'
          });
      }
      expect(['', 'EACCES', 'ENOENT']).toContain(report.shadow);
      expect(report.uid).not.toBe(0);
      // Its uid on the host: as root the sandbox maps nothing (uid_map is the identity), so it is
      // the uid itself; as another user, the command is that user.
      if (asUser === undefined && process.getuid?.() === 0)
        expect(report.uid_map).toMatch(/^0\s+0\s+4294967295$/);
      else expect(report.uid).toBe(asUser ?? process.getuid?.());
      expect(JSON.stringify(report)).not.toContain(canary);
      // Beside the workspace: only the tool cache on PATH, not sibling.txt.
      expect(report['ls ../..']).toBe('_tool,repo');
      expect(String(report['ls /']).split(',')).not.toContain('home');

      expect(pytest).toMatch(/1 passed, 0 failed from .*_tool\/Python\/3\.11\.9\/x64/);
      expect(forks).toContain(
        '[sandbox limit] the command was stopped because it had more than 40 processes'
      );
      expect(fillTmp).toContain('[sandbox limit] /tmp was full (16 MiB for the whole run)');
      expect(bigFile).toContain("[sandbox limit] a file reached the sandbox's file-size limit of 8 MiB");
      expect(after).toContain('next-ran');
      expect(after).toContain('Status: exit code 0');
      expect(stdout + stderr).not.toContain(canary);
    },
    180_000
  );
});
