/**
 * Real processes through the real namespace sandbox. CI has namespaces; if this machine does not,
 * these tests fail (createSandbox with mode 'namespaces' throws) rather than pass vacuously.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSandbox } from '../../src/sandbox/create.js';
import { SandboxUnavailableError } from '../../src/sandbox/errors.js';
import { findTool } from '../../src/sandbox/probe.js';
import type { ExecResult, Sandbox } from '../../src/sandbox/types.js';
import { eventually, processesWith } from './helpers.js';

const canary = `KUBRICK_CANARY_${randomUUID()}`;
const nodeBin = dirname(process.execPath);
let workspace: string;
let parentHome: string;
let outsider: string;
let parentProcess: ChildProcess;
let server: Server;
let port: number;
let connections = 0;
let sandbox: Sandbox;

const env = () => ({ PATH: `${nodeBin}:/usr/bin:/bin`, HOME: '/unused', TMPDIR: '/unused' });
const run = (box: Sandbox, argv: string[], timeoutMs = 20_000): Promise<ExecResult> =>
  box.run({ argv, cwd: workspace, env: env(), timeoutMs, maxOutputBytes: 1_000_000 });

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'kubrick-ws-'));
  // Outside /tmp on purpose: hidden because it is HOME, not by luck.
  parentHome = mkdtempSync(join(homedir(), '.kubrick-test-home-'));
  writeFileSync(join(parentHome, '.gitconfig'), `[credential]\n\thelper = store ${canary}\n`);
  writeFileSync(join(parentHome, '.git-credentials'), `https://x:${canary}@github.com\n`);
  // RUNNER_TEMP, also outside /tmp; a user who cannot write /var/lib gets one in their home.
  outsider = mkdtempSync(join(process.getuid?.() === 0 ? '/var/lib' : homedir(), '.kubrick-outside-'));
  process.env.KUBRICK_TEST_CANARY = canary;
  // Stands in for the action's own process: a secret in its environment and on its command line.
  parentProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', canary], {
    env: { INPUT_GITHUB_TOKEN: canary },
    stdio: 'ignore'
  });
  server = createServer(socket => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  sandbox = await createSandbox({
    mode: 'namespaces',
    allowNetwork: false,
    workspace,
    extraPaths: [],
    env: { HOME: parentHome, RUNNER_TEMP: outsider }
  });
});

afterAll(async () => {
  await sandbox?.close?.();
  parentProcess?.kill('SIGKILL');
  server?.close();
  delete process.env.KUBRICK_TEST_CANARY;
  for (const dir of [workspace, parentHome, outsider]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What a model could write to steal secrets: every environ, every cmdline, the home, the network. */
function escapeScript(): string {
  return `
for f in /proc/*/environ; do cat "$f" 2>/dev/null | tr '\\0' '\\n'; done
for f in /proc/*/cmdline; do cat "$f" 2>/dev/null | tr '\\0' ' '; echo; done
cat ${parentHome}/.gitconfig ~/.gitconfig ${parentHome}/.git-credentials 2>/dev/null
ls -la ${parentHome} 2>/dev/null
node -e "const s = require('net').connect(${port}, '127.0.0.1', () => { console.log('CONNECTED'); s.end(); }); s.on('error', e => console.log('no connection: ' + e.code));"
`;
}

/** A command that starts a detached background sleep and then times out: nothing of it survives. */
async function expectTimeoutLeavesNothingAlive(box: Sandbox): Promise<void> {
  const marker = `kubrick-marker-${randomUUID()}`;
  const result = await run(box, ['sh', '-c', `(setsid sh -c "sleep 300; echo ${marker}" &); sleep 300`], 800);
  expect(result.timedOut).toBe(true);
  expect(await eventually(() => processesWith(marker).length === 0, 5000)).toBe(true);
}

describe('namespace sandbox', () => {
  test('reports what it is', () => {
    expect(sandbox.kind).toBe('namespaces');
    expect(sandbox.networkAllowed).toBe(false);
    expect(sandbox.description).toContain('no network');
  });

  test('a script hunting for secrets finds no canary and makes no connection', async () => {
    writeFileSync(join(workspace, 'escape.sh'), escapeScript());
    const before = connections;
    const result = await run(sandbox, ['sh', 'escape.sh']);
    expect(result.stdout + result.stderr).not.toContain(canary);
    expect(result.stdout).toContain('no connection');
    expect(result.stdout).not.toContain('CONNECTED');
    expect(connections).toBe(before);
  });

  test('the same script without the sandbox does find the canary (the test can fail)', async () => {
    const none = await createSandbox({
      mode: 'none',
      allowNetwork: true,
      workspace,
      extraPaths: [],
      env: process.env
    });
    writeFileSync(join(workspace, 'escape.sh'), escapeScript());
    const before = connections;
    const result = await run(none, ['sh', 'escape.sh']);
    expect(result.stdout).toContain(canary);
    expect(result.stdout).toContain('CONNECTED');
    expect(await eventually(() => connections > before)).toBe(true);
  });

  test('a server and client on 127.0.0.1 inside the sandbox work', async () => {
    const program = `const net = require('net');
const server = net.createServer((s) => s.end('pong')).listen(0, '127.0.0.1', () => {
  net.connect(server.address().port, '127.0.0.1').on('data', (d) => { console.log(String(d)); server.close(); });
});`;
    const result = await run(sandbox, ['node', '-e', program]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('pong\n');
  });

  test('the workspace is writable, the rest of the system is not, HOME is fresh and empty', async () => {
    const result = await run(sandbox, [
      'sh',
      '-c',
      `echo written > made-inside.txt; touch /etc/kubrick-x ${outsider}/x /usr/kubrick-x 2>&1; echo "home=$HOME"; ls -A "$HOME" | wc -l; echo "uid=$(id -u)"; touch "$HOME/ok" "$TMPDIR/ok" && echo home-writable`
    ]);
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(workspace, 'made-inside.txt'))).toBe(true);
    expect(result.stdout).toMatch(/\/etc\/kubrick-x'?: Read-only file system/);
    expect(result.stdout).toMatch(/\/usr\/kubrick-x'?: Read-only file system/);
    expect(existsSync(join(outsider, 'x'))).toBe(false);
    expect(existsSync('/etc/kubrick-x')).toBe(false);
    expect(result.stdout).not.toContain(`home=${parentHome}`);
    expect(result.stdout).toMatch(/home=\/tmp\/kubrick-home\n0\n/);
    expect(result.stdout).toContain('home-writable');
    // Never root inside.
    expect(result.stdout).toMatch(/uid=\d+/);
    expect(result.stdout).not.toContain('uid=0\n');
  });

  test('a timed-out command that forked a background sleep leaves nothing alive', async () => {
    await expectTimeoutLeavesNothingAlive(sandbox);
  });

  test('processes outside are invisible: the command sees its own and nothing else', async () => {
    const result = await run(sandbox, [
      'sh',
      '-c',
      'for p in /proc/[0-9]*; do tr "\\0" " " < $p/cmdline; echo; done; cat /proc/1/cmdline 2>&1 | head -c 200'
    ]);
    // Its own shell (and what it runs), never the sandbox's PID 1, Kubrick or the host.
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(result.stdout).toContain('sh -c for p in');
    expect(result.stdout).toMatch(/\/proc\/1\/cmdline: No such file or directory/);
    expect(result.stdout).not.toContain(canary);
  });

  test('a fresh HOME per command: nothing written there survives', async () => {
    await run(sandbox, ['sh', '-c', 'echo keep > "$HOME/left-behind"']);
    const second = await run(sandbox, ['sh', '-c', 'ls -A "$HOME"']);
    expect(second.stdout).toBe('');
  });
});

describe('choosing the sandbox', () => {
  const unavailable = async () => ({ ok: false as const, reason: 'missing programs: unshare' });

  test('auto falls back to none and says plainly why', async () => {
    const box = await createSandbox({
      mode: 'auto',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: process.env,
      probe: unavailable
    });
    expect(box.kind).toBe('none');
    expect(box.description).toContain('WITHOUT isolation');
    expect(box.description).toContain('missing programs: unshare');
  });

  test('namespaces requested but unavailable fails with what is missing', async () => {
    await expect(
      createSandbox({
        mode: 'namespaces',
        allowNetwork: false,
        workspace,
        extraPaths: [],
        env: process.env,
        probe: unavailable
      })
    ).rejects.toThrow(SandboxUnavailableError);
    await expect(
      createSandbox({
        mode: 'namespaces',
        allowNetwork: false,
        workspace,
        extraPaths: [],
        env: process.env,
        probe: unavailable
      })
    ).rejects.toThrow(/missing programs: unshare/);
  });

  test('for kubrick run, what it says speaks of this machine and a flag, never of a runner', async () => {
    const local = {
      allowNetwork: false,
      workspace,
      extraPaths: [],
      probe: unavailable,
      env: process.env,
      where: 'local' as const
    };
    const failure = await createSandbox({ ...local, mode: 'namespaces' }).catch((error: Error) => error);
    expect(String(failure)).toContain('Run on Linux with util-linux');
    expect(String(failure)).toContain('pass --sandbox auto');
    const fallback = await createSandbox({ ...local, mode: 'auto' });
    const off = await createSandbox({ ...local, mode: 'none' });
    for (const text of [String(failure), fallback.description, off.description]) {
      expect(text).not.toMatch(/runner/);
    }
    expect(fallback.description).toContain('this machine’s files');
    // The action keeps speaking of its runner.
    const onRunner = await createSandbox({ ...local, where: 'runner', mode: 'namespaces' }).catch(
      (error: Error) => error
    );
    expect(String(onRunner)).toContain('Run on a Linux runner');
  });

  test('none says it was turned off by the setting', async () => {
    const box = await createSandbox({
      mode: 'none',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: process.env
    });
    expect(box.kind).toBe('none');
    expect(box.description).toContain('`sandbox: none`');
  });

  test('auto uses namespaces where the probe succeeds', async () => {
    const box = await createSandbox({
      mode: 'auto',
      allowNetwork: true,
      workspace,
      extraPaths: [],
      env: { HOME: parentHome }
    });
    try {
      expect(box.kind).toBe('namespaces');
      expect(box.networkAllowed).toBe(true);
      expect(box.description).toContain('network allowed');
    } finally {
      await box.close?.();
    }
  });

  test('a sandbox_paths entry that does not exist is refused with its name', async () => {
    const missing = join(outsider, 'nope');
    mkdirSync(outsider, { recursive: true });
    await expect(
      createSandbox({
        mode: 'namespaces',
        allowNetwork: false,
        workspace,
        extraPaths: [missing],
        env: process.env
      })
    ).rejects.toThrow(missing);
  });
});

/**
 * The setup GitHub's Ubuntu 24.04 runners need: user namespaces restricted, passwordless sudo. The
 * probe would pick unprivileged user namespaces where they work, so this forces the sudo setup. It
 * runs where the tests run as an ordinary user with `sudo -n` (not on the root CI machines).
 */
const sudo = findTool('sudo');
const sudoWorks =
  process.getuid?.() !== 0 && sudo !== undefined && spawnSync(sudo, ['-n', 'true']).status === 0;

(sudoWorks ? describe : describe.skip)('namespace sandbox set up through sudo', () => {
  let viaSudo: Sandbox;

  beforeAll(async () => {
    viaSudo = await createSandbox({
      mode: 'namespaces',
      allowNetwork: false,
      workspace,
      extraPaths: [],
      env: { HOME: parentHome, RUNNER_TEMP: outsider },
      probe: async () => ({
        ok: true,
        privilege: 'sudo',
        tools: {
          unshare: findTool('unshare')!,
          nsenter: findTool('nsenter')!,
          setpriv: findTool('setpriv')!,
          sudo
        },
        uid: process.getuid!(),
        gid: process.getgid!()
      })
    });
  });
  afterAll(async () => {
    await viaSudo?.close?.();
  });

  test('says so, and a secret-hunting script finds nothing and connects nowhere', async () => {
    expect(viaSudo.description).toContain('set up via sudo');
    writeFileSync(join(workspace, 'escape.sh'), escapeScript());
    const before = connections;
    const result = await run(viaSudo, ['sh', 'escape.sh']);
    expect(result.stdout + result.stderr).not.toContain(canary);
    expect(result.stdout).toContain('no connection');
    expect(connections).toBe(before);
  });

  test('commands run as our own uid, cannot use sudo, and write only the workspace', async () => {
    const result = await run(viaSudo, [
      'sh',
      '-c',
      `echo "uid=$(id -u)"; sudo -n true 2>&1 || echo sudo-refused; touch /etc/kubrick-x 2>&1; echo made > by-sudo-setup.txt`
    ]);
    expect(result.stdout).toContain(`uid=${process.getuid!()}\n`);
    expect(result.stdout).toContain('sudo-refused');
    expect(result.stdout).toMatch(/\/etc\/kubrick-x'?: Read-only file system/);
    expect(existsSync(join(workspace, 'by-sudo-setup.txt'))).toBe(true);
  });

  test('a timed-out command, root-owned pieces and all, leaves nothing alive', async () => {
    await expectTimeoutLeavesNothingAlive(viaSudo);
  });
});
