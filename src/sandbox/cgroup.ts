/**
 * Memory and task limits through a cgroup, where the runner lets Kubrick make one: when the setup
 * runs as root (Kubrick is root, or through sudo) and the memory or pids controller can be enabled
 * for a new group (cgroup v2 below our own group's parent or the root, or cgroup v1 below our own
 * group). Anywhere else commands run without one, and the final comment's sandbox line says so.
 * Each command joins the group before it enters the sandbox; its out-of-memory kills and refused
 * forks are read from the group's event counters.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { LimitHit, SandboxLimits } from './limits.js';

export interface CgroupCounters {
  oomKills: number;
  refusedForks: number;
}

export interface CommandCgroup {
  /** What the limits cover, for the sandbox's description. */
  readonly covers: string;
  /** A prefix that puts the command's first process into the group, then runs the rest of the argv. */
  joinPrefix(): string[];
  counters(): CgroupCounters;
  hitsSince(before: CgroupCounters): LimitHit[];
  remove(): Promise<void>;
}

/** Joins every cgroup.procs file given before `--`, then runs what follows. */
const JOIN_SCRIPT = `for f; do shift; [ "$f" = -- ] && break; echo $$ > "$f" || exit 125; done
exec "$@"`;

interface Group {
  dir: string;
  /** File and line prefix of the counter this group feeds. */
  events: { file: string; key: string; kind: keyof CgroupCounters };
}

/** What the machine looks like, as files; tests pass their own. */
export interface CgroupHost {
  read(path: string): string | null;
  /** Creates a group and writes its limit; false when the kernel refuses. */
  create(dir: string, writes: Array<[file: string, value: string]>): boolean;
  remove(dir: string): void;
}

export function realCgroupHost(sudo?: string): CgroupHost {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  if (sudo) {
    return {
      read,
      create: (dir, writes) =>
        spawnSync(
          sudo,
          [
            '-n',
            '/bin/sh',
            '-c',
            'd=$1; shift; mkdir "$d" || exit 1; while [ "$#" -gt 1 ]; do printf %s "$2" > "$d/$1" || { rmdir "$d"; exit 1; }; shift 2; done',
            'kubrick-cgroup',
            dir,
            ...writes.flat()
          ],
          { stdio: 'ignore' }
        ).status === 0,
      remove: dir => void spawnSync(sudo, ['-n', 'rmdir', '--', dir], { stdio: 'ignore' })
    };
  }
  return {
    read,
    create: (dir, writes) => {
      try {
        mkdirSync(dir);
      } catch {
        return false;
      }
      try {
        for (const [file, value] of writes) writeFileSync(join(dir, file), value);
        return true;
      } catch {
        rmdirSync(dir);
        return false;
      }
    },
    remove: dir => {
      try {
        rmdirSync(dir);
      } catch {
        // busy or gone; nothing of ours is left in it to limit
      }
    }
  };
}

/** Mount points of cgroup hierarchies: the v2 one, and v1 ones by controller. */
function mounts(mountinfo: string): { v2?: string; v1: Map<string, string> } {
  const v1 = new Map<string, string>();
  let v2: string | undefined;
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const mountPoint = left.split(' ')[4];
    const [fstype, , superOptions] = right.split(' ');
    if (!mountPoint) continue;
    if (fstype === 'cgroup2') v2 ??= mountPoint;
    if (fstype === 'cgroup')
      for (const option of (superOptions ?? '').split(','))
        if (['memory', 'pids'].includes(option)) v1.set(option, mountPoint);
  }
  return { v2, v1 };
}

function counter(text: string | null, key: string): number {
  const match = text ? new RegExp(`^${key} (\\d+)$`, 'm').exec(text) : null;
  return match ? Number(match[1]) : 0;
}

export function createCommandCgroup(limits: SandboxLimits, host: CgroupHost): CommandCgroup | null {
  const self = host.read('/proc/self/cgroup');
  const mountinfo = host.read('/proc/self/mountinfo');
  if (!self || !mountinfo) return null;
  const { v2, v1 } = mounts(mountinfo);
  const name = `kubrick-${randomUUID().slice(0, 8)}`;
  const memory = limits.memoryBytes === null ? 'max' : String(limits.memoryBytes);
  const groups: Group[] = [];

  const v1Path = (controller: string) =>
    self
      .split('\n')
      .map(line => line.split(':'))
      .find(([, controllers]) => (controllers ?? '').split(',').includes(controller))?.[2];
  for (const [controller, mountPoint] of v1) {
    const path = v1Path(controller);
    if (path === undefined) continue;
    const dir = join(mountPoint, path, name);
    const ok =
      controller === 'memory'
        ? host.create(dir, [['memory.limit_in_bytes', memory]])
        : host.create(dir, [['pids.max', String(limits.tasks)]]);
    if (!ok) continue;
    groups.push({
      dir,
      events:
        controller === 'memory'
          ? { file: 'memory.oom_control', key: 'oom_kill', kind: 'oomKills' }
          : { file: 'pids.events', key: 'max', kind: 'refusedForks' }
    });
  }
  const unified = /^0::(.*)$/m.exec(self)?.[1];
  if (groups.length === 0 && v2 && unified !== undefined) {
    // A group with processes cannot pass controllers to children: try our group's parent, then the root.
    for (const parent of [join(v2, dirname(unified)), v2]) {
      const enabled = (host.read(join(parent, 'cgroup.subtree_control')) ?? '').split(/\s+/);
      const writes: Array<[string, string]> = [];
      if (enabled.includes('memory')) writes.push(['memory.max', memory], ['memory.swap.max', '0']);
      if (enabled.includes('pids')) writes.push(['pids.max', String(limits.tasks)]);
      if (writes.length === 0) continue;
      const dir = join(parent, name);
      if (
        !host.create(dir, writes) &&
        !host.create(
          dir,
          writes.filter(([file]) => file !== 'memory.swap.max')
        )
      )
        continue;
      if (enabled.includes('memory'))
        groups.push({ dir, events: { file: 'memory.events', key: 'oom_kill', kind: 'oomKills' } });
      if (enabled.includes('pids'))
        groups.push({ dir, events: { file: 'pids.events', key: 'max', kind: 'refusedForks' } });
      break;
    }
  }
  if (groups.length === 0) return null;
  const dirs = [...new Set(groups.map(g => g.dir))];
  const kinds = new Set(groups.map(g => g.events.kind));
  return {
    covers: [kinds.has('oomKills') ? 'memory' : '', kinds.has('refusedForks') ? 'tasks' : '']
      .filter(Boolean)
      .join(' and '),
    joinPrefix: () => [
      '/bin/sh',
      '-c',
      JOIN_SCRIPT,
      'kubrick-cgroup',
      ...dirs.map(dir => join(dir, 'cgroup.procs')),
      '--'
    ],
    counters: () => {
      const counts: CgroupCounters = { oomKills: 0, refusedForks: 0 };
      for (const { dir, events } of groups)
        counts[events.kind] += counter(host.read(join(dir, events.file)), events.key);
      return counts;
    },
    hitsSince(before) {
      const now = this.counters();
      return [
        ...(now.oomKills > before.oomKills ? (['memory'] as const) : []),
        ...(now.refusedForks > before.refusedForks ? (['tasks'] as const) : [])
      ];
    },
    remove: async () => {
      for (const dir of dirs) host.remove(dir);
    }
  };
}
