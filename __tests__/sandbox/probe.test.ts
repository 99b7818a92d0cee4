/**
 * How `sandbox: auto` picks its setup, on machines of every kind: root containers, desktops with
 * user namespaces, Ubuntu 24.04 runners (user namespaces refused, passwordless sudo), and machines
 * with neither. The answers' reasons are what a maintainer reads in the final comment.
 */
import { describe, expect, it } from '@jest/globals';
import { probeNamespaces, type ProbeHost } from '../../src/sandbox/probe.js';

const EVERY_TOOL = [
  'unshare',
  'nsenter',
  'setpriv',
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

function host(options: {
  uid?: number;
  platform?: NodeJS.Platform;
  missing?: string[];
  sudo?: 'works' | 'asks for a password' | 'not installed';
  userns?: boolean;
}): ProbeHost & { checked: string[][] } {
  const checked: string[][] = [];
  const tools = new Set([...EVERY_TOOL, ...(options.sudo === 'not installed' ? [] : ['sudo'])]);
  for (const name of options.missing ?? []) tools.delete(name);
  return {
    platform: options.platform ?? 'linux',
    uid: options.uid ?? 1001,
    gid: options.uid ?? 1001,
    findTool: name => (tools.has(name) ? `/usr/bin/${name}` : undefined),
    checked,
    check: async argv => {
      checked.push(argv);
      if (argv[0] === '/usr/bin/unshare') {
        return options.userns === false
          ? { code: 1, stderr: 'unshare: write failed /proc/self/uid_map: Operation not permitted' }
          : { code: 0, stderr: '' };
      }
      if (argv[0] === '/usr/bin/sudo') {
        return options.sudo === 'works'
          ? { code: 0, stderr: '' }
          : { code: 1, stderr: 'sudo: a password is required' };
      }
      throw new Error(`unexpected check ${argv.join(' ')}`);
    }
  };
}

describe('choosing how to set up the namespace sandbox', () => {
  it('uses root directly when Kubrick is root, without trying anything', async () => {
    const machine = host({ uid: 0, userns: false, sudo: 'not installed' });
    expect(await probeNamespaces(machine)).toMatchObject({ ok: true, privilege: 'root', uid: 0 });
    expect(machine.checked).toEqual([]);
  });

  it('uses unprivileged user namespaces where they work, even when sudo would too', async () => {
    const machine = host({ userns: true, sudo: 'works' });
    expect(await probeNamespaces(machine)).toMatchObject({ ok: true, privilege: 'userns', uid: 1001 });
    expect(machine.checked.map(argv => argv[0])).toEqual(['/usr/bin/unshare']);
  });

  it('falls back to passwordless sudo where user namespaces are refused (Ubuntu 24.04 runners)', async () => {
    const machine = host({ userns: false, sudo: 'works' });
    expect(await probeNamespaces(machine)).toMatchObject({
      ok: true,
      privilege: 'sudo',
      tools: { sudo: '/usr/bin/sudo' },
      uid: 1001,
      gid: 1001
    });
    // Never a sudo that could prompt: -n.
    expect(machine.checked).toContainEqual(['/usr/bin/sudo', '-n', 'true']);
  });

  it('says both reasons when user namespaces are refused and sudo wants a password', async () => {
    const result = await probeNamespaces(host({ userns: false, sudo: 'asks for a password' }));
    expect(result.ok).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('unprivileged user namespaces are blocked');
    expect(reason).toContain('Operation not permitted');
    expect(reason).toContain('AppArmor');
    expect(reason).toContain('sudo: a password is required');
  });

  it('says sudo is not installed when that is the case', async () => {
    const result = await probeNamespaces(host({ userns: false, sudo: 'not installed' }));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('sudo is not installed') });
  });

  it('names the missing programs and the packages that provide them', async () => {
    const result = await probeNamespaces(host({ missing: ['nsenter', 'ip'] }));
    expect(result).toEqual({
      ok: false,
      reason: 'missing programs: nsenter, ip (util-linux, iproute2, coreutils and findutils provide them)'
    });
  });

  it('needs Linux', async () => {
    expect(await probeNamespaces(host({ platform: 'darwin' }))).toEqual({
      ok: false,
      reason: 'namespaces need Linux, this is darwin'
    });
  });
});
