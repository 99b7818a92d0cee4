/**
 * What a command's filesystem is, decided in TypeScript where it can be tested, then handed to the
 * setup script as data. It is built from an empty root, by allowlist: nothing of the host is there
 * unless a step below puts it there.
 *
 * - read-only: the system directories programs need (/usr, /bin, /sbin, /lib*), /etc minus what
 *   holds secrets, the Node that runs Kubrick, the toolchains of the runner's PATH, `sandbox_paths`;
 * - read-write: the workspace, with its `.git` arranged by git-view.ts;
 * - fresh: /tmp (shared by the run's commands), and per command HOME, TMPDIR, /proc; a minimal /dev.
 *
 * No runner directory, no sibling of the workspace, no HOME, no RUNNER_TEMP is visible.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { SandboxUnavailableError } from './errors.js';
import { etcSecrets } from './etc-secrets.js';
import { gitView } from './git-view.js';
import type { SandboxLimits } from './limits.js';
import { isInside, realDir, toolchains } from './toolchains.js';

/** Shown read-only when the host has them (as directories, or as the links merged-/usr systems use). */
export const SYSTEM_ROOTS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

export type MountStep =
  | { kind: 'tmpfs'; path: string; options: string }
  | { kind: 'bind'; path: string; source: string; readOnly: boolean }
  | { kind: 'symlink'; path: string; target: string };

export interface PlanInput {
  workspace: string;
  extraPaths: string[];
  allowNetwork: boolean;
  /** HOME, RUNNER_TEMP and PATH come from here. */
  env: NodeJS.ProcessEnv;
  /** dirname(process.execPath) in production. */
  nodeBinDir: string;
  /** Where the files the sandbox shows instead of the host's are written (see `files`). */
  stagingDir: string;
  limits: SandboxLimits;
  /** /etc/passwd and /etc/group with the command's account, when it has none on the host. */
  accounts?: { passwd: string; group: string };
}

export interface SandboxPlan {
  workspace: string;
  /** In mount order: every path after the paths that contain it. */
  steps: MountStep[];
  /** Files to write into the staging directory before the setup runs: name → content. */
  files: Array<{ name: string; content: string }>;
  /** A command's PATH. */
  commandPath: string[];
  /** Variables a command gets on top of its own (a toolchain's moved home). */
  commandEnv: Record<string, string>;
}

/** The staging file shown in place of a hidden secret file, and the directory in place of a hidden directory. */
export const EMPTY_FILE = 'empty-file';
export const EMPTY_DIR = 'empty-dir';

/** Compares paths component by component, so a directory sorts right before what it contains. */
function byPath(a: MountStep, b: MountStep): number {
  const pa = a.path.split('/');
  const pb = b.path.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function planSandbox(input: PlanInput): SandboxPlan {
  const workspace = realDir(input.workspace);
  if (!workspace)
    throw new SandboxUnavailableError(`the workspace ${input.workspace} is not an existing directory`);
  // The setup script finds its own mounts in /proc/self/mountinfo by path; keep paths plain.
  if (/[\\\n\t]/.test(workspace))
    throw new SandboxUnavailableError(
      `the workspace path ${JSON.stringify(workspace)} has a backslash or control character`
    );
  if (['/tmp', '/proc', '/dev', ...SYSTEM_ROOTS].some(dir => isInside(dir, workspace))) {
    throw new SandboxUnavailableError(
      `the workspace ${workspace} is or holds a directory the sandbox replaces (/, /tmp, /usr, /etc, …); check out the repository in its own directory`
    );
  }
  const home = realDir(input.env.HOME);
  const runnerTemp = realDir(input.env.RUNNER_TEMP);
  const steps: MountStep[] = [];
  const files: SandboxPlan['files'] = [{ name: EMPTY_FILE, content: '' }];
  const staged = (name: string) => join(input.stagingDir, name);
  const readOnly = (path: string, source = path) =>
    steps.push({ kind: 'bind', path, source, readOnly: true });

  // The system, read-only; root-level links (/bin → usr/bin) as links.
  const systemDirs: string[] = [];
  for (const root of SYSTEM_ROOTS) {
    let stat;
    try {
      stat = lstatSync(root);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) steps.push({ kind: 'symlink', path: root, target: readlinkSync(root) });
    else if (stat.isDirectory()) {
      readOnly(root);
      systemDirs.push(root);
    }
  }
  const visible = (path: string) => systemDirs.some(dir => isInside(path, dir));
  for (const secret of etcSecrets()) {
    readOnly(secret.path, secret.kind === 'file' ? staged(EMPTY_FILE) : staged(EMPTY_DIR));
  }
  if (input.accounts) {
    files.push(
      { name: 'passwd', content: input.accounts.passwd },
      { name: 'group', content: input.accounts.group }
    );
    readOnly('/etc/passwd', staged('passwd'));
    readOnly('/etc/group', staged('group'));
  }
  if (input.allowNetwork) {
    // /etc/resolv.conf points here on systemd hosts.
    const resolver = realDir('/run/systemd/resolve');
    if (resolver) readOnly(resolver);
  }

  // Toolchains: the runner's PATH, the Node that runs Kubrick.
  const privateDirs = [workspace, ...(home ? [home] : []), ...(runnerTemp ? [runnerTemp] : [])];
  const tools = toolchains({
    path: input.env.PATH,
    home,
    workspace,
    private: privateDirs,
    visible,
    nodeBinDir: input.nodeBinDir
  });
  const shown = new Set<string>();
  for (const dir of tools.binds) {
    readOnly(dir);
    shown.add(dir);
  }
  for (const extra of input.extraPaths) {
    if (!isAbsolute(extra) || !existsSync(extra)) {
      throw new SandboxUnavailableError(
        `sandbox_paths entry ${extra} must be an absolute path that exists on this machine`
      );
    }
    const real = realpathSync(extra);
    if (isInside(workspace, real) || (home && isInside(home, real))) {
      throw new SandboxUnavailableError(
        `sandbox_paths entry ${extra} contains the workspace or HOME, which would show what sits beside them; list the toolchain directories themselves`
      );
    }
    if (!visible(real) && !isInside(real, workspace) && !shown.has(real)) readOnly(real);
  }

  // Fresh /tmp for the run, then the workspace (which may live under it) and its .git.
  steps.push({
    kind: 'tmpfs',
    path: '/tmp',
    options: `mode=1777,size=${input.limits.tmpBytes},nosuid,nodev`
  });
  steps.push({ kind: 'bind', path: workspace, source: workspace, readOnly: false });
  const git = gitView(workspace, input.stagingDir);
  for (const path of git.readWrite) steps.push({ kind: 'bind', path, source: path, readOnly: false });
  for (const { path, source } of git.readOnly) readOnly(path, source);
  files.push(...git.copies);

  steps.sort(byPath);
  return { workspace, steps, files, commandPath: tools.commandPath, commandEnv: tools.env };
}

/** The mountinfo spelling of a path: space, tab, newline and backslash as octal escapes. */
export function mountinfoPath(path: string): string {
  return path.replace(/[\\ \t\n]/g, c => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

/** The plan as setup-script steps (see HOLDER_SCRIPT); every path also in its mountinfo spelling. */
export function planSteps(plan: SandboxPlan, newRoot: string): string[] {
  const args: string[] = [];
  for (const step of plan.steps) {
    const where = mountinfoPath(newRoot + step.path);
    if (step.kind === 'tmpfs') args.push('tmpfs', step.path, where, step.options);
    else if (step.kind === 'symlink') args.push('symlink', step.path, step.target);
    else args.push(step.readOnly ? 'robind' : 'bind', step.path, where, step.source);
  }
  return [...args, '--'];
}
