/**
 * What the namespace sandbox hides and binds back, decided in TypeScript where it can be tested,
 * then handed to the setup script as data.
 *
 * Credential files can have any name, so hiding is fail-closed: the runner's whole HOME, its
 * RUNNER_TEMP, /tmp, /var/tmp and /run (sockets such as docker.sock live there) are replaced by
 * empty tmpfs, and only what commands need comes back.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { SandboxUnavailableError } from './errors.js';

/** Toolchains installed under HOME on GitHub runners and dev machines; bound back read-only. */
export const HOME_TOOLCHAINS = [
  '.rustup',
  '.cargo/bin',
  '.nvm',
  'go/bin',
  '.pyenv',
  '.local/bin',
  '.bun/bin',
  '.deno/bin'
];

export interface PlanInput {
  workspace: string;
  extraPaths: string[];
  allowNetwork: boolean;
  /** HOME and RUNNER_TEMP come from here. */
  env: NodeJS.ProcessEnv;
  /** dirname(process.execPath) in production. */
  nodeBinDir: string;
}

export interface SandboxPlan {
  workspace: string;
  hide: Array<{ path: string; mode: string }>;
  bindReadWrite: string[];
  bindReadOnly: string[];
  /**
   * Paths inside the workspace bound back read-only on top of the read-write workspace: its `.git`.
   * Kubrick's own git runs on the host, outside the sandbox, with the token in its parent's
   * environment; a `.git/config` that a command could write would make that git run the command's
   * programs there (filter drivers, `core.sshCommand`, `remote.*.receivepack`, …).
   */
  readOnlyInWorkspace: string[];
}

function realDir(path: string | undefined): string | undefined {
  if (!path || !path.startsWith('/') || !existsSync(path)) return undefined;
  const real = realpathSync(path);
  return statSync(real).isDirectory() ? real : undefined;
}

export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : dir + sep);
}

/** The Node install prefix (…/bin/node → …), so `npm` can reach its lib/node_modules. */
export function nodeInstallDir(nodeBinDir: string): string {
  const real = realpathSync(nodeBinDir);
  return basename(real) === 'bin' ? dirname(real) : real;
}

export function planSandbox(input: PlanInput): SandboxPlan {
  const workspace = realDir(input.workspace);
  if (!workspace)
    throw new SandboxUnavailableError(`the workspace ${input.workspace} is not an existing directory`);
  const home = realDir(input.env.HOME);

  const candidates: Array<{ path: string | undefined; mode: string }> = [
    { path: home, mode: '0755' },
    { path: realDir(input.env.RUNNER_TEMP), mode: '0700' },
    { path: realDir('/tmp'), mode: '1777' },
    { path: realDir('/var/tmp'), mode: '1777' },
    { path: realDir(tmpdir()), mode: '1777' },
    { path: realDir('/run'), mode: '0755' }
  ];
  const hide: SandboxPlan['hide'] = [];
  for (const { path, mode } of candidates.sort((a, b) => (a.path?.length ?? 0) - (b.path?.length ?? 0))) {
    if (!path || path === '/' || hide.some(h => isInside(path, h.path))) continue;
    if (isInside(path, workspace)) {
      throw new SandboxUnavailableError(
        `the workspace ${workspace} contains ${path}, which the sandbox must hide; check out the repository in its own directory`
      );
    }
    hide.push({ path, mode });
  }
  const hidden = (path: string): boolean => hide.some(h => isInside(path, h.path));

  const readOnly = new Set<string>();
  readOnly.add(nodeInstallDir(input.nodeBinDir));
  if (home)
    for (const rel of HOME_TOOLCHAINS) {
      const dir = realDir(join(home, rel));
      if (dir) readOnly.add(dir);
    }
  for (const extra of input.extraPaths) {
    if (!extra.startsWith('/') || !existsSync(extra)) {
      throw new SandboxUnavailableError(
        `sandbox_paths entry ${extra} must be an absolute path that exists on the runner`
      );
    }
    readOnly.add(realpathSync(extra));
  }
  if (input.allowNetwork) {
    const resolver = realDir('/run/systemd/resolve');
    if (resolver) readOnly.add(resolver);
  }
  // Paths outside the hidden directories are already visible (read-only); binding them again is waste.
  const bindReadOnly = [...readOnly].filter(path => hidden(path) && !isInside(path, workspace)).sort();
  const bindReadWrite = [workspace];
  return { workspace, hide, bindReadWrite, bindReadOnly, readOnlyInWorkspace: gitDirectoryOf(workspace) };
}

/** The workspace's `.git` (a directory, or the file of a worktree), resolved when it is a link. */
function gitDirectoryOf(workspace: string): string[] {
  const path = join(workspace, '.git');
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return [];
  }
  if (!stat.isSymbolicLink()) return [path];
  // A link out of the workspace points somewhere already read-only or hidden; one inside is bound.
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return []; // dangling: git finds no repository there either
  }
  return isInside(real, workspace) && real !== workspace ? [real] : [];
}

/** The plan as setup-script steps (see TEMPLATE_SCRIPT). */
export function planSteps(plan: SandboxPlan): string[] {
  return [
    ...plan.hide.flatMap(h => ['hide', h.path, h.mode]),
    ...plan.bindReadOnly.flatMap(path => ['robind', path]),
    ...plan.bindReadWrite.flatMap(path => ['bind', path]),
    // After the workspace, so they land on top of its read-write bind.
    ...plan.readOnlyInWorkspace.flatMap(path => ['robind', path]),
    '--'
  ];
}
