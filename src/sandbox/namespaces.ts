/**
 * The namespace sandbox. A long-lived holder process builds the sandbox root once (the mounts are
 * the slow part) and keeps its namespaces open; each command enters them with nsenter and gets its
 * own PID namespace, /proc, HOME and TMPDIR, runs under the limits, and never as host root.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecRequest, ExecResult, Sandbox } from './types.js';
import type { Privilege, SandboxTools } from './probe.js';
import { EMPTY_DIR, planSteps, type SandboxPlan } from './plan.js';
import { COMMAND_SCRIPT, HOLDER_SCRIPT, LIMITS_LINE, SANDBOX_HOME, SANDBOX_TMPDIR } from './scripts.js';
import { killProcessGroup, runProcess, type GroupKiller } from './process.js';
import { SandboxUnavailableError } from './errors.js';
import type { CommandIdentity } from './identity.js';
import { describeLimitHit, LIMIT_HITS, type LimitHit, type SandboxLimits } from './limits.js';
import type { CommandCgroup } from './cgroup.js';

const HOLDER_START_TIMEOUT_MS = 15_000;
/** Lending a large workspace (chown of every file) is bounded too. */
const LEND_TIMEOUT_MS = 120_000;
const SYSTEM_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

export interface NamespaceSandboxOptions {
  privilege: Privilege;
  tools: SandboxTools;
  /** Who commands run as on the host (never 0). */
  identity: CommandIdentity;
  plan: SandboxPlan;
  /** Holds the files the plan shows instead of the host's; removed on close. */
  stagingDir: string;
  allowNetwork: boolean;
  limits: SandboxLimits;
  /** Memory and process accounting, where a cgroup could be made; null otherwise. */
  cgroup: CommandCgroup | null;
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
  /** Commands run one at a time: they share /tmp, and the first one lends the workspace. */
  private queue: Promise<unknown> = Promise.resolve();
  private lent = false;
  /**
   * The workspace was lent and nothing outside the sandbox has written into it since: the next
   * command needs no lending (a walk of every file, 0.1 s and more on a large repository).
   */
  private lentAndUntouched = false;
  readonly commandOwner?: { uid: number; gid: number };

  constructor(private readonly opts: NamespaceSandboxOptions) {
    this.networkAllowed = opts.allowNetwork;
    const { uid } = opts.identity;
    if (opts.identity.lendWorkspaceFrom) this.commandOwner = { uid, gid: opts.identity.gid };
    const user =
      opts.privilege === 'root'
        ? `uid ${uid}, not root`
        : `uid ${uid}${opts.privilege === 'sudo' ? ', set up via sudo' : ''}`;
    this.description =
      `namespaces (${opts.allowNetwork ? 'network allowed by allow_network' : 'no network'}; ` +
      `only the workspace, the system and the toolchains visible; commands run as ${user}` +
      `${opts.cgroup ? `; ${opts.cgroup.covers} limited by a cgroup` : ''})`;
  }

  workspaceTouched(): void {
    this.lentAndUntouched = false;
  }

  /** Builds the sandbox root now, so a setup failure surfaces before the first model call. */
  async start(): Promise<void> {
    await this.ensureHolder();
  }

  run(request: ExecRequest): Promise<ExecResult> {
    const next = this.queue.then(() => this.runNow(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(request: ExecRequest): Promise<ExecResult> {
    const holder = await this.ensureHolder();
    const problem = await this.lendWorkspace();
    if (problem) return failed(problem);
    const { privilege, tools, identity, limits, plan, cgroup } = this.opts;
    const env: Record<string, string> = {
      ...plan.commandEnv,
      ...request.env,
      PATH: plan.commandPath.join(':'),
      HOME: SANDBOX_HOME,
      TMPDIR: SANDBOX_TMPDIR
    };
    // Root and sudo: the setup is real root and the command drops to its own uid. User namespaces:
    // the setup is root of a namespace whose root is our uid (mount(8) works only for uid 0), and
    // the command gets a namespace of its own in which it is our uid again, without capabilities.
    const drop = [
      tools.setpriv,
      ...(privilege === 'userns'
        ? []
        : [`--reuid=${identity.uid}`, `--regid=${identity.gid}`, '--clear-groups']),
      '--no-new-privs',
      '--inh-caps=-all',
      // Without a bounding set the nested namespace below could not map its uid; in it the command
      // is not uid 0, so it holds no capability either way.
      ...(privilege === 'userns' ? [] : ['--bounding-set=-all']),
      '--',
      ...(privilege === 'userns'
        ? [tools.unshare, `--map-user=${identity.uid}`, `--map-group=${identity.gid}`, '--']
        : [])
    ];
    const enter = [
      ...(cgroup ? cgroup.joinPrefix() : []),
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
      '--propagation',
      'private',
      '--',
      '/bin/sh',
      '-c',
      COMMAND_SCRIPT,
      'kubrick-command',
      String(identity.uid),
      String(identity.gid),
      request.cwd,
      String(limits.processes),
      String(Math.floor(limits.fileSizeBytes / 512)),
      String(limits.tasks),
      ...drop,
      ...request.argv
    ];
    const before = cgroup?.counters();
    let result: ExecResult;
    if (privilege !== 'sudo') {
      result = await runProcess({ ...request, argv: enter, env });
    } else {
      // sudo resets the environment, so the command's is rebuilt explicitly with env -i.
      const pairs = Object.entries(env).map(([name, value]) => `${name}=${value}`);
      const argv = [tools.sudo!, '-n', '--', '/usr/bin/env', '-i', ...pairs, ...enter];
      result = await runProcess({ ...request, argv, env: { PATH: SYSTEM_PATH } }, sudoKill(tools.sudo!));
    }
    const hits = takeLimitsLine(result);
    if (before && cgroup) hits.push(...cgroup.hitsSince(before).filter(hit => !hits.includes(hit)));
    if (hits.length > 0) {
      result.limits = hits;
      const notes = hits.map(hit => `[sandbox limit] ${describeLimitHit(hit, limits)}.`);
      result.stderr = `${result.stderr}${result.stderr === '' || result.stderr.endsWith('\n') ? '' : '\n'}${notes.join('\n')}\n`;
    }
    return result;
  }

  /**
   * Hands the workspace to the command's uid (root path only), so commands can change every file;
   * given back on close. Once lent it stays lent: Kubrick's file tools give what they write to the
   * command's uid themselves (commandOwner), and anything else that writes into the workspace from
   * outside says so (workspaceTouched), which lends it again before the next command.
   */
  private async lendWorkspace(): Promise<string | null> {
    const from = this.opts.identity.lendWorkspaceFrom;
    if (!from || this.lentAndUntouched) return null;
    const result = await runProcess({
      argv: [
        'chown',
        '-R',
        `--from=${from.uid}`,
        String(this.opts.identity.uid),
        '--',
        this.opts.plan.workspace
      ],
      cwd: '/',
      env: { PATH: SYSTEM_PATH },
      timeoutMs: LEND_TIMEOUT_MS,
      maxOutputBytes: 4096
    });
    this.lent = true;
    this.lentAndUntouched = result.exitCode === 0;
    return result.exitCode === 0
      ? null
      : `the sandbox could not give the workspace to the command's user (chown: ${result.stderr.trim() || result.exitCode}); the command did not run`;
  }

  /** Gives the workspace back to its owner, the files commands made included. */
  private async returnWorkspace(): Promise<void> {
    const from = this.opts.identity.lendWorkspaceFrom;
    if (!from || !this.lent) return;
    const { uid, gid } = this.opts.identity;
    for (const [match, owner] of [
      [`--from=${uid}:${gid}`, `${from.uid}:${from.gid}`],
      [`--from=${uid}`, String(from.uid)]
    ]) {
      await runProcess({
        argv: ['chown', '-R', match!, owner!, '--', this.opts.plan.workspace],
        cwd: '/',
        env: { PATH: SYSTEM_PATH },
        timeoutMs: LEND_TIMEOUT_MS,
        maxOutputBytes: 4096
      });
    }
    this.lent = false;
    this.lentAndUntouched = false;
  }

  async close(): Promise<void> {
    await this.queue;
    const holder = this.holder;
    this.holder = undefined;
    if (holder) {
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
    await this.returnWorkspace();
    await this.opts.cgroup?.remove();
    rmSync(this.opts.stagingDir, { recursive: true, force: true });
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

/** A result for a command that could not be started, in the shape the model reads. */
function failed(message: string): ExecResult {
  return {
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: `${message}\n`,
    durationMs: 0,
    timedOut: false,
    aborted: false,
    cut: { stdout: 0, stderr: 0 }
  };
}

/** Removes the setup script's last stderr line (if the command hit limits) and returns what it names. */
function takeLimitsLine(result: ExecResult): LimitHit[] {
  const at = result.stderr.lastIndexOf(`\n${LIMITS_LINE}`);
  if (at === -1) return [];
  const line = result.stderr.slice(at + 1).split('\n')[0]!;
  result.stderr = result.stderr.slice(0, at) + result.stderr.slice(at + 1 + line.length + 1);
  return line
    .slice(LIMITS_LINE.length)
    .trim()
    .split(/\s+/)
    .filter((name): name is LimitHit => (LIMIT_HITS as readonly string[]).includes(name));
}

function sudoKill(sudo: string): GroupKiller {
  return (pgid, signal) => {
    killProcessGroup(pgid, signal);
    // The root processes sudo started are not ours to signal; ask sudo to do it.
    spawnSync(sudo, ['-n', 'kill', '-s', signal, '--', `-${pgid}`], { stdio: 'ignore' });
  };
}

/** The per-command mounts, one fstab line each (the setup adds /proc and its read-only parts before them). */
function commandFstab(opts: NamespaceSandboxOptions): string {
  // In a user namespace the holder's root is what the command's uid maps to.
  const [uid, gid] = opts.privilege === 'userns' ? [0, 0] : [opts.identity.uid, opts.identity.gid];
  const tmpfs = (name: string, path: string) =>
    `${name} ${path} tmpfs size=${opts.limits.scratchBytes},mode=0700,uid=${uid},gid=${gid},nosuid,nodev 0 0`;
  return [tmpfs('kubrick-home', SANDBOX_HOME), tmpfs('kubrick-tmp', SANDBOX_TMPDIR)].join('\n');
}

/**
 * Writes the files the plan shows in place of the host's (empty stand-ins, accounts, clean git
 * configs), owned by the command's user: writing one inside then fails as writing to any other
 * read-only file does (EROFS), not with a permission error that would suggest a way around.
 */
export function writeStagingFiles(
  plan: SandboxPlan,
  stagingDir: string,
  owner: { uid: number; gid: number } | null
): void {
  mkdirSync(join(stagingDir, EMPTY_DIR), { recursive: true, mode: 0o555 });
  for (const { name, content } of plan.files) {
    const path = join(stagingDir, name);
    writeFileSync(path, content, { mode: 0o644 });
    if (owner) chownSync(path, owner.uid, owner.gid);
  }
  chmodSync(stagingDir, 0o755);
}

function startHolder(opts: NamespaceSandboxOptions): Promise<Holder> {
  const { privilege, tools, plan } = opts;
  // An empty directory the new root is assembled on; only our private mount namespace ever fills it.
  const newRoot = mkdtempSync(join(tmpdir(), 'kubrick-sandbox-root-'));
  const argv = [
    ...(privilege === 'sudo' ? [tools.sudo!, '-n', '--'] : []),
    tools.unshare,
    ...(privilege === 'userns' ? ['--user', '--map-root-user'] : []),
    '--mount',
    '--ipc',
    '--uts',
    ...(opts.allowNetwork ? [] : ['--net']),
    '--pid',
    '--fork',
    '--kill-child',
    '--propagation',
    'private',
    '--',
    '/bin/sh',
    '-c',
    HOLDER_SCRIPT,
    'kubrick-sandbox',
    newRoot,
    opts.allowNetwork ? '0' : '1',
    String(opts.limits.shmBytes),
    commandFstab(opts),
    ...planSteps(plan, newRoot)
  ];
  return new Promise<Holder>((resolve, reject) => {
    const [file, ...args] = argv;
    const child = spawn(file!, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: SYSTEM_PATH }
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
