/**
 * The toolchains a command may use: the directories of the runner's PATH (what setup-python,
 * setup-node, setup-go, pyenv or rustup put there), each shown read-only with the install it belongs
 * to, and the PATH a command gets: the runner's directories that the sandbox shows, in the runner's
 * order, then the Node that runs Kubrick, then the fixed system directories.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';

/** Always on a command's PATH, after the runner's own directories. */
export const FIXED_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Installs under HOME that are toolchains as a whole (no credentials inside), by their directory
 * relative to HOME. A PATH directory inside one shows all of it: pyenv's shims need its versions,
 * nvm's node its lib. Other PATH directories under HOME are shown alone, never their parent
 * (`~/.cargo` holds a registry token, `~/.local/share` keyrings).
 */
export const HOME_TOOLCHAINS = [
  '.pyenv',
  '.rbenv',
  '.nodenv',
  '.goenv',
  '.nvm',
  '.volta',
  '.rustup',
  '.bun',
  '.deno',
  '.asdf',
  '.sdkman',
  '.ghcup',
  '.dotnet',
  '.juliaup',
  '.elan',
  '.local/share/pipx',
  'go'
];
/** What a PATH directory under HOME needs beside itself: rustup's proxies in ~/.cargo/bin run ~/.rustup. */
const COMPANIONS: Record<string, string[]> = {
  '.cargo/bin': ['.rustup'],
  '.local/bin': ['.local/share/pipx']
};

export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === '/' ? '/' : dir + sep);
}

/** The real path of an existing absolute directory; undefined for anything else. */
export function realDir(path: string | undefined): string | undefined {
  if (!path || !isAbsolute(path) || !existsSync(path)) return undefined;
  try {
    const real = realpathSync(path);
    return statSync(real).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

export interface ToolchainInput {
  /** The runner's PATH. */
  path: string | undefined;
  home: string | undefined;
  workspace: string;
  /** Directories nothing may expose wholesale: HOME, RUNNER_TEMP, the workspace. */
  private: string[];
  /** Directories shown anyway (the system directories), so nothing under them needs a mount. */
  visible: (path: string) => boolean;
  /** dirname(process.execPath). */
  nodeBinDir: string;
}

export interface Toolchains {
  /** Directories to show read-only at their own path. */
  binds: string[];
  /** A command's PATH, in order. */
  commandPath: string[];
  /** Set when a toolchain needs to know where its home moved (HOME is fresh inside). */
  env: Record<string, string>;
}

/** The Node install prefix (…/bin/node → …), so `npm` can reach its lib/node_modules. */
export function nodeInstallDir(nodeBinDir: string): string {
  const real = realpathSync(nodeBinDir);
  return basename(real) === 'bin' ? dirname(real) : real;
}

export function toolchains(input: ToolchainInput): Toolchains {
  const binds = new Set<string>();
  const env: Record<string, string> = {};
  const home = realDir(input.home);
  // Never shown as a whole: a private directory, or anything that contains one.
  const exposesPrivate = (dir: string) => input.private.some(p => isInside(p, dir) || isInside(dir, p));
  const show = (dir: string) => {
    if (!input.visible(dir)) binds.add(dir);
  };

  const homeToolchain = (real: string): string[] => {
    const rel = real.slice(home!.length + 1);
    const whole = HOME_TOOLCHAINS.find(t => rel === t || rel.startsWith(`${t}/`));
    const companions = (COMPANIONS[rel] ?? []).flatMap(c => {
      const dir = realDir(join(home!, c));
      return dir ? [dir] : [];
    });
    return [whole ? join(home!, whole) : real, ...companions];
  };

  const commandPath: string[] = [];
  for (const entry of (input.path ?? '').split(':')) {
    // Relative entries (., node_modules/.bin) would resolve inside the workspace: never.
    const real = realDir(entry);
    if (!real || commandPath.includes(entry)) continue;
    if (isInside(real, input.workspace) || isInside(input.workspace, real)) continue;
    if (input.visible(real)) {
      commandPath.push(entry);
      continue;
    }
    let shown: string[];
    if (home && real !== home && isInside(real, home)) {
      shown = homeToolchain(real);
    } else if (input.private.some(p => isInside(real, p) || isInside(p, real))) {
      // Inside RUNNER_TEMP, or an ancestor of something private: that directory alone, if it is not an ancestor.
      shown = input.private.some(p => isInside(p, real)) ? [] : [real];
    } else {
      // An install prefix: …/bin's parent holds the lib, share and include the programs need.
      const parent = dirname(real);
      const prefix =
        ['bin', 'sbin'].includes(basename(real)) && parent !== '/' && !exposesPrivate(parent) ? parent : real;
      shown = [prefix];
    }
    if (shown.length === 0) continue;
    shown.forEach(show);
    commandPath.push(entry);
  }

  const nodeInstall = nodeInstallDir(input.nodeBinDir);
  show(nodeInstall);
  const rustup = home ? realDir(join(home, '.rustup')) : undefined;
  if (rustup && binds.has(rustup)) env.RUSTUP_HOME = rustup;

  for (const dir of [input.nodeBinDir, ...FIXED_PATH]) if (!commandPath.includes(dir)) commandPath.push(dir);
  // A bind inside another bind adds nothing.
  const sorted = [...binds].sort();
  const outer = sorted.filter(dir => !sorted.some(other => other !== dir && isInside(dir, other)));
  return { binds: outer, commandPath, env };
}
