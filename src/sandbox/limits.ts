/**
 * What one command may use inside the namespace sandbox. docs/security.md states the same figures;
 * keep the two in step. Hitting a limit ends that command (the model reads which limit it hit and
 * what it is), never the run.
 */

import type { SandboxLimitSettings } from '../config/settings.js';

const MiB = 1024 * 1024;

export interface SandboxLimits {
  /** Processes one command may have at once (threads not counted); more ends the command. */
  processes: number;
  /** The kernel's hard cap on tasks (processes and threads) of the command's user, against fork bombs. */
  tasks: number;
  /** Largest file a command may write (RLIMIT_FSIZE); a bigger write gets SIGXFSZ / EFBIG. */
  fileSizeBytes: number;
  /** /tmp, shared by the run's commands. */
  tmpBytes: number;
  /** Each command's fresh HOME, and separately its fresh TMPDIR. */
  scratchBytes: number;
  /** /dev/shm, shared by the run's commands. */
  shmBytes: number;
  /** Memory of the command's processes (page cache of /tmp included), where a cgroup can be made. */
  memoryBytes: number | null;
}

/** The limits commands get unless the repository config's `sandbox_limits` says otherwise. */
export function defaultLimits(totalMemoryBytes: number): SandboxLimits {
  return {
    processes: 512,
    tasks: 4096,
    fileSizeBytes: 1024 * MiB,
    tmpBytes: 512 * MiB,
    scratchBytes: 256 * MiB,
    shmBytes: 64 * MiB,
    // Three quarters of the machine: a runaway test is stopped before the runner (and Kubrick) is.
    memoryBytes: Math.max(512 * MiB, Math.floor((totalMemoryBytes * 3) / 4))
  };
}

/** The repository config's `sandbox_limits` (megabytes, counts) as the sandbox's own figures. */
export function limitsFromSettings(setting: SandboxLimitSettings): Partial<SandboxLimits> {
  const limits: Partial<SandboxLimits> = {};
  if (setting.processes !== undefined) limits.processes = setting.processes;
  if (setting.file_size_mb !== undefined) limits.fileSizeBytes = setting.file_size_mb * MiB;
  if (setting.tmp_mb !== undefined) limits.tmpBytes = setting.tmp_mb * MiB;
  if (setting.scratch_mb !== undefined) limits.scratchBytes = setting.scratch_mb * MiB;
  if (setting.shm_mb !== undefined) limits.shmBytes = setting.shm_mb * MiB;
  if (setting.memory_mb !== undefined) limits.memoryBytes = setting.memory_mb * MiB;
  return limits;
}

/** The limits the sandbox sees a command hit, as the setup script names them. */
export const LIMIT_HITS = [
  'processes',
  'tasks',
  'file-size',
  'memory',
  'tmp',
  'home',
  'tmpdir',
  'shm'
] as const;

export type LimitHit = (typeof LIMIT_HITS)[number];

function size(bytes: number): string {
  return bytes % (1024 * MiB) === 0 ? `${bytes / (1024 * MiB)} GiB` : `${Math.round(bytes / MiB)} MiB`;
}

/** What the model reads about a limit its command hit: which, how much, and that the run goes on. */
export function describeLimitHit(hit: LimitHit, limits: SandboxLimits): string {
  switch (hit) {
    case 'processes':
      return `the command was stopped because it had more than ${limits.processes} processes at once (the sandbox's limit per command)`;
    case 'tasks':
      return `the command reached the sandbox's limit of ${limits.tasks} processes and threads; it could not start more`;
    case 'file-size':
      return `a file reached the sandbox's file-size limit of ${size(limits.fileSizeBytes)}; the write was stopped (SIGXFSZ)`;
    case 'memory':
      return `the command ran out of memory: the sandbox's limit is ${limits.memoryBytes === null ? 'the machine' : size(limits.memoryBytes)}, and the kernel stopped a process`;
    case 'tmp':
      return `/tmp was full (${size(limits.tmpBytes)} for the whole run); it has been emptied for the next command`;
    case 'home':
      return `HOME was full (${size(limits.scratchBytes)} per command)`;
    case 'tmpdir':
      return `TMPDIR was full (${size(limits.scratchBytes)} per command)`;
    case 'shm':
      return `/dev/shm was full (${size(limits.shmBytes)} for the whole run); it has been emptied for the next command`;
  }
}
