/**
 * Finds out once per process how namespaces can be set up here:
 * - `root`: Kubrick already runs as root (containers, this project's dev machine);
 * - `userns`: unprivileged user namespaces work (most Linux desktops, Debian);
 * - `sudo`: they are restricted (Ubuntu 24.04's AppArmor rule on GitHub runners) but passwordless
 *   `sudo -n` works, so the setup runs as root and the command drops back to our uid.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type Privilege = 'root' | 'userns' | 'sudo';

export interface SandboxTools {
  unshare: string;
  nsenter: string;
  setpriv: string;
  sudo?: string;
}

export type ProbeResult =
  | { ok: true; privilege: Privilege; tools: SandboxTools; uid: number; gid: number }
  | { ok: false; reason: string };

const SYSTEM_DIRS = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Needed by the setup scripts, found through their fixed PATH. */
const SCRIPT_TOOLS = [
  'sh',
  'mount',
  'umount',
  'pivot_root',
  'awk',
  'mkdir',
  'ln',
  'ip',
  'df',
  'find',
  'rm',
  'sleep',
  'chown'
];

export function findTool(name: string): string | undefined {
  return SYSTEM_DIRS.map(dir => join(dir, name)).find(path => existsSync(path));
}

/** Exit code of a short check; never throws. */
function check(argv: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise(resolve => {
    const [file, ...args] = argv;
    const child = spawn(file!, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: SYSTEM_DIRS.join(':') }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', error => resolve({ code: null, stderr: error.message }));
    child.on('close', code => resolve({ code, stderr: stderr.trim() }));
  });
}

/** What the probe looks at; tests pass a machine of their own (no user namespaces, no sudo, …). */
export interface ProbeHost {
  platform: NodeJS.Platform;
  uid: number;
  gid: number;
  findTool(name: string): string | undefined;
  check(argv: string[]): Promise<{ code: number | null; stderr: string }>;
}

const realHost = (): ProbeHost => ({
  platform: process.platform,
  uid: process.getuid?.() ?? -1,
  gid: process.getgid?.() ?? -1,
  findTool,
  check
});

export async function probeNamespaces(host: ProbeHost = realHost()): Promise<ProbeResult> {
  const { findTool, check } = host;
  if (host.platform !== 'linux')
    return { ok: false, reason: `namespaces need Linux, this is ${host.platform}` };
  const unshare = findTool('unshare');
  const nsenter = findTool('nsenter');
  const setpriv = findTool('setpriv');
  const missing = [
    ...(unshare ? [] : ['unshare']),
    ...(nsenter ? [] : ['nsenter']),
    ...(setpriv ? [] : ['setpriv']),
    ...SCRIPT_TOOLS.filter(tool => !findTool(tool))
  ];
  if (missing.length > 0 || !unshare || !nsenter || !setpriv) {
    return {
      ok: false,
      reason: `missing programs: ${missing.join(', ')} (util-linux, iproute2, coreutils and findutils provide them)`
    };
  }
  const { uid, gid } = host;
  const tools: SandboxTools = { unshare, nsenter, setpriv };
  if (uid === 0) return { ok: true, privilege: 'root', tools, uid, gid };

  const userns = await check([unshare, '--user', '--map-root-user', '--mount', '--pid', '--fork', 'true']);
  if (userns.code === 0) return { ok: true, privilege: 'userns', tools, uid, gid };
  const sudo = findTool('sudo');
  if (sudo) {
    const viaSudo = await check([sudo, '-n', 'true']);
    if (viaSudo.code === 0) return { ok: true, privilege: 'sudo', tools: { ...tools, sudo }, uid, gid };
    return {
      ok: false,
      reason:
        `unprivileged user namespaces are blocked (${userns.stderr || 'unshare failed'}; on Ubuntu 24.04 ` +
        `AppArmor restricts them) and passwordless sudo is not available (${viaSudo.stderr || 'sudo -n failed'})`
    };
  }
  return {
    ok: false,
    reason: `unprivileged user namespaces are blocked (${userns.stderr || 'unshare failed'}) and sudo is not installed`
  };
}

let cached: Promise<ProbeResult> | undefined;

/** The probe runs real processes; its answer cannot change while we run, so ask once. */
export function probeOnce(): Promise<ProbeResult> {
  cached ??= probeNamespaces();
  return cached;
}
