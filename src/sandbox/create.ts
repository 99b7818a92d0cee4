/** Chooses and builds the sandbox for this run from the `sandbox` input (auto | namespaces | none). */
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { Sandbox, SandboxMode } from './types.js';
import { probeOnce, type ProbeResult } from './probe.js';
import { planSandbox } from './plan.js';
import { NamespaceSandbox, writeStagingFiles } from './namespaces.js';
import { NoSandbox } from './none.js';
import { SandboxUnavailableError } from './errors.js';
import { accountFiles, commandIdentity, type IdentityFiles } from './identity.js';
import { defaultLimits, type SandboxLimits } from './limits.js';
import { createCommandCgroup, realCgroupHost } from './cgroup.js';
import { toolchains } from './toolchains.js';
import { SANDBOX_HOME } from './scripts.js';

export interface CreateSandboxOptions {
  mode: SandboxMode;
  allowNetwork: boolean;
  workspace: string;
  /** `sandbox_paths`: absolute paths bound back read-only. */
  extraPaths: string[];
  /** HOME, RUNNER_TEMP and PATH of the runner. */
  env: NodeJS.ProcessEnv;
  /** How namespaces can be set up here; defaults to a real probe, run once per process. */
  probe?: () => Promise<ProbeResult>;
  /** dirname(process.execPath) unless a test says otherwise. */
  nodeBinDir?: string;
  /** Limits that replace the defaults (the repository config's `sandbox_limits`). */
  limits?: Partial<SandboxLimits>;
  /** Whose messages: the action's on a runner (default), or `kubrick run`'s on someone's machine. */
  where?: 'runner' | 'local';
}

/** How messages name the machine and the `sandbox` setting, on a runner and for `kubrick run`. */
const WORDS = {
  runner: {
    files: 'the runner’s files',
    requirement: 'Run on a Linux runner',
    auto: 'set `sandbox: auto`'
  },
  local: {
    files: 'this machine’s files',
    requirement: 'Run on Linux',
    auto: 'pass --sandbox auto'
  }
} as const;

function noneBySetting(where: 'runner' | 'local'): string {
  return (
    'none: isolation was turned off by the `sandbox: none` setting; commands ran with a scrubbed environment ' +
    `but could read ${WORDS[where].files} and use the network`
  );
}

export const NONE_BY_SETTING = noneBySetting('runner');

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const identityFiles = (): IdentityFiles => ({
  passwd: readOr('/etc/passwd'),
  group: readOr('/etc/group'),
  subuid: readOr('/etc/subuid'),
  subgid: readOr('/etc/subgid')
});

/** A command's PATH without a sandbox: the runner's own directories (never relative or inside the workspace), Node's, the system's. */
function unsandboxedPath(env: NodeJS.ProcessEnv, workspace: string, nodeBinDir: string): string[] {
  let real = workspace;
  try {
    real = realpathSync(workspace);
  } catch {
    // a missing workspace fails later, where it is used
  }
  return toolchains({
    path: env.PATH,
    home: env.HOME,
    workspace: real,
    private: [],
    visible: () => true,
    nodeBinDir
  }).commandPath;
}

export async function createSandbox(opts: CreateSandboxOptions): Promise<Sandbox> {
  const env = opts.env;
  const nodeBinDir = opts.nodeBinDir ?? dirname(process.execPath);
  const none = (why: string) => new NoSandbox(why, unsandboxedPath(env, opts.workspace, nodeBinDir));
  const where = opts.where ?? 'runner';
  const words = WORDS[where];
  if (opts.mode === 'none') return none(noneBySetting(where));
  try {
    return await namespaceSandbox(opts, env, nodeBinDir);
  } catch (error) {
    if (!(error instanceof SandboxUnavailableError)) throw error;
    if (opts.mode === 'namespaces') {
      throw new SandboxUnavailableError(
        `sandbox: namespaces was requested but ${error.message.replace(/^namespaces are not available here: /, 'cannot be set up: ')}. ` +
          `${words.requirement} with util-linux and either unprivileged user namespaces or passwordless sudo, ` +
          `or ${words.auto} to run without isolation.`
      );
    }
    return none(
      `none: commands ran WITHOUT isolation because the namespace sandbox could not be set up (${error.message}); ` +
        `they could read ${words.files} and use the network`
    );
  }
}

async function namespaceSandbox(
  opts: CreateSandboxOptions,
  env: NodeJS.ProcessEnv,
  nodeBinDir: string
): Promise<Sandbox> {
  const probe = await (opts.probe ?? probeOnce)();
  if (!probe.ok) throw new SandboxUnavailableError(`namespaces are not available here: ${probe.reason}`);
  let owner;
  try {
    owner = statSync(opts.workspace);
  } catch {
    throw new SandboxUnavailableError(`the workspace ${opts.workspace} is not an existing directory`);
  }
  const files = identityFiles();
  const identity = commandIdentity(probe.privilege, probe, { uid: owner.uid, gid: owner.gid }, files);
  const limits: SandboxLimits = { ...defaultLimits(totalmem()), ...opts.limits };
  const stagingDir = mkdtempSync(join(tmpdir(), 'kubrick-sandbox-files-'));
  let cgroup = null;
  try {
    const plan = planSandbox({
      workspace: opts.workspace,
      extraPaths: opts.extraPaths,
      allowNetwork: opts.allowNetwork,
      env,
      nodeBinDir,
      stagingDir,
      limits,
      accounts: identity.needsAccount ? accountFiles(identity, files, SANDBOX_HOME) : undefined
    });
    // Only root may give files away; elsewhere the command's user is our own.
    writeStagingFiles(plan, stagingDir, probe.privilege === 'root' ? identity : null);
    cgroup =
      probe.privilege === 'userns'
        ? null
        : createCommandCgroup(
            limits,
            realCgroupHost(probe.privilege === 'sudo' ? probe.tools.sudo : undefined)
          );
    const sandbox = new NamespaceSandbox({
      privilege: probe.privilege,
      tools: probe.tools,
      identity,
      plan,
      stagingDir,
      allowNetwork: opts.allowNetwork,
      limits,
      cgroup
    });
    await sandbox.start();
    return sandbox;
  } catch (error) {
    await cgroup?.remove();
    rmSync(stagingDir, { recursive: true, force: true });
    throw error;
  }
}
