/**
 * The namespace sandbox. A long-lived holder process builds the sandbox root once (the mounts are
 * the slow part) and keeps its mount, network, IPC and UTS namespaces open; each command enters
 * them with nsenter and gets its own PID namespace, /proc, HOME and TMPDIR, then drops privileges.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecRequest, ExecResult, Sandbox } from './types.js';
import type { Privilege, SandboxTools } from './probe.js';
import { planSteps, type SandboxPlan } from './plan.js';
import { COMMAND_SCRIPT, SANDBOX_HOME, SANDBOX_TMPDIR, TEMPLATE_SCRIPT } from './scripts.js';
import { killProcessGroup, runProcess, type GroupKiller } from './process.js';
import { SandboxUnavailableError } from './errors.js';

/** The uid commands see when Kubrick itself runs as root (there is no runner user to drop to). */
export const SANDBOX_UID = 1000;
const HOLDER_START_TIMEOUT_MS = 15_000;

export interface NamespaceSandboxOptions {
  privilege: Privilege;
  tools: SandboxTools;
  /** Our own uid/gid: what commands run as under `userns` and `sudo`. */
  uid: number;
  gid: number;
  plan: SandboxPlan;
  allowNetwork: boolean;
}

interface Holder {
  child: ChildProcess;
  pid: number;
  newRoot: string;
}

export class NamespaceSandbox implements Sandbox {
  readonly kind = 'namespaces' as const;
  readonly networkAllowed: boolean;
  readonly description: string;
  private holder: Promise<Holder> | undefined;

  constructor(private readonly opts: NamespaceSandboxOptions) {
    this.networkAllowed = opts.allowNetwork;
    const user =
      opts.privilege === 'root'
        ? `mapped uid ${SANDBOX_UID}`
        : `uid ${opts.uid}${opts.privilege === 'sudo' ? ', set up via sudo' : ''}`;
    this.description =
      `namespaces (${opts.allowNetwork ? 'network allowed by allow_network' : 'no network'}; ` +
      `runner home and temp hidden; commands run as ${user})`;
  }

  /** Builds the sandbox root now, so a setup failure surfaces before the first model call. */
  async start(): Promise<void> {
    await this.ensureHolder();
  }

  async run(request: ExecRequest): Promise<ExecResult> {
    const holder = await this.ensureHolder();
    const env: Record<string, string> = { ...request.env, HOME: SANDBOX_HOME, TMPDIR: SANDBOX_TMPDIR };
    const { privilege, tools } = this.opts;
    const owner = ownerIds(this.opts);
    const drop =
      privilege === 'sudo'
        ? [
            tools.setpriv,
            `--reuid=${this.opts.uid}`,
            `--regid=${this.opts.gid}`,
            '--clear-groups',
            '--no-new-privs',
            '--'
          ]
        : privilege === 'root'
          ? [tools.unshare, `--map-user=${SANDBOX_UID}`, `--map-group=${SANDBOX_UID}`, '--']
          : [tools.unshare, `--map-user=${this.opts.uid}`, `--map-group=${this.opts.gid}`, '--'];
    const enter = [
      tools.nsenter,
      '-t',
      String(holder.pid),
      // Entering a user namespace, nsenter would switch to uid 0 and call setgroups(), which the
      // kernel refuses there (the holder's namespace was mapped with setgroups "deny"); our own uid
      // is already root inside it, so the credentials are kept as they are.
      ...(privilege === 'userns' ? ['--user', '--preserve-credentials'] : []),
      '--mount',
      '--ipc',
      '--uts',
      ...(this.networkAllowed ? [] : ['--net']),
      '--',
      tools.unshare,
      '--pid',
      '--fork',
      '--kill-child',
      '--mount',
      '--mount-proc',
      '--',
      '/bin/sh',
      '-c',
      COMMAND_SCRIPT,
      'kubrick-command',
      ...owner,
      request.cwd,
      ...drop,
      ...request.argv
    ];
    if (privilege !== 'sudo') return runProcess({ ...request, argv: enter, env });
    // sudo resets the environment, so the command's is rebuilt explicitly with env -i.
    const pairs = Object.entries(env).map(([name, value]) => `${name}=${value}`);
    const argv = [tools.sudo!, '-n', '--', '/usr/bin/env', '-i', ...pairs, ...enter];
    return runProcess(
      { ...request, argv, env: { PATH: env.PATH ?? '/usr/bin:/bin' } },
      sudoKill(tools.sudo!)
    );
  }

  async close(): Promise<void> {
    const holder = this.holder;
    this.holder = undefined;
    if (!holder) return;
    const { child, newRoot } = await holder.catch(() => ({ child: undefined, newRoot: undefined }));
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>(resolve => {
        // Referenced again while we wait, or an otherwise idle process would exit mid-close.
        child.ref();
        const force = setTimeout(() => child.kill('SIGKILL'), 2000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.stdin?.end();
      });
    }
    if (newRoot) rmSync(newRoot, { recursive: true, force: true });
  }

  private ensureHolder(): Promise<Holder> {
    if (this.holder) {
      const current = this.holder;
      return current.then(
        h => (h.child.exitCode === null && h.child.signalCode === null ? h : this.restartHolder()),
        () => this.restartHolder()
      );
    }
    return this.restartHolder();
  }

  private restartHolder(): Promise<Holder> {
    this.holder = startHolder(this.opts);
    return this.holder;
  }
}

function sudoKill(sudo: string): GroupKiller {
  return (pgid, signal) => {
    killProcessGroup(pgid, signal);
    // The root processes sudo started are not ours to signal; ask sudo to do it.
    spawnSync(sudo, ['-n', 'kill', '-s', signal, '--', `-${pgid}`], { stdio: 'ignore' });
  };
}

/**
 * Who owns the sandbox's HOME and TMPDIR, as uid and gid: through sudo the setup is real root and
 * commands drop to our own ids; otherwise the setup's root (0) is what commands are mapped from.
 */
function ownerIds(opts: NamespaceSandboxOptions): [string, string] {
  return opts.privilege === 'sudo' ? [String(opts.uid), String(opts.gid)] : ['0', '0'];
}

function startHolder(opts: NamespaceSandboxOptions): Promise<Holder> {
  const { privilege, tools, plan } = opts;
  // An empty directory the new root is assembled on; only our private mount namespace ever fills it.
  const newRoot = mkdtempSync(join(tmpdir(), 'kubrick-sandbox-root-'));
  const owner = ownerIds(opts);
  const argv = [
    ...(privilege === 'sudo' ? [tools.sudo!, '-n', '--'] : []),
    tools.unshare,
    ...(privilege === 'userns' ? ['--user', '--map-root-user'] : []),
    '--mount',
    '--ipc',
    '--uts',
    ...(opts.allowNetwork ? [] : ['--net']),
    '--propagation',
    'private',
    '--',
    '/bin/sh',
    '-c',
    TEMPLATE_SCRIPT,
    'kubrick-sandbox',
    newRoot,
    ...owner,
    opts.allowNetwork ? '0' : '1',
    ...planSteps(plan)
  ];
  return new Promise<Holder>((resolve, reject) => {
    const [file, ...args] = argv;
    const child = spawn(file!, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' }
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      rmSync(newRoot, { recursive: true, force: true });
      reject(new SandboxUnavailableError(`could not set up the namespace sandbox: ${why}`));
    };
    const timer = setTimeout(
      () => fail(`setup did not finish within ${HOLDER_START_TIMEOUT_MS} ms`),
      HOLDER_START_TIMEOUT_MS
    );
    child.on('error', error => fail(error.message));
    child.on('exit', (code, signal) =>
      fail(stderr.trim() || `setup exited with ${signal ?? `code ${code}`}`)
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /^ready (\d+)$/m.exec(stdout);
      if (!ready || settled) return;
      settled = true;
      clearTimeout(timer);
      // The holder lives as long as we do but must not keep our event loop (or a test run) alive;
      // its stdin closing when we exit is what ends it.
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) {
        (stream as unknown as { unref?: () => void }).unref?.();
      }
      resolve({ child, pid: Number(ready[1]), newRoot });
    });
  });
}
