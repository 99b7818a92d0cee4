/**
 * What one command may use inside the namespace sandbox. docs/security.md states the same figures;
 * keep the two in step. Hitting a limit ends that command (the model reads which limit it hit and
 * what it is), never the run.
 */

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

/** The limits commands get unless a test asks for smaller ones. */
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

/**
 * `KUBRICK_TEST_SANDBOX_LIMITS` (e.g. `processes=40,file_size_mb=8,tmp_mb=16,scratch_mb=8`): smaller
 * limits for end-to-end tests that hit them without writing gigabytes. A test-only variable that can
 * only lower a limit, never raise one; anything else in it is ignored.
 */
export function lowerLimitsFrom(value: string | undefined, limits: SandboxLimits): SandboxLimits {
  if (!value) return limits;
  const lowered = { ...limits };
  const fields: Record<string, [keyof SandboxLimits, number]> = {
    processes: ['processes', 1],
    tasks: ['tasks', 1],
    file_size_mb: ['fileSizeBytes', MiB],
    tmp_mb: ['tmpBytes', MiB],
    scratch_mb: ['scratchBytes', MiB],
    shm_mb: ['shmBytes', MiB],
    memory_mb: ['memoryBytes', MiB]
  };
  for (const pair of value.split(',')) {
    const [name, raw] = pair.split('=').map(part => part.trim());
    const field = fields[name ?? ''];
    const number = Number(raw);
    if (!field || !Number.isSafeInteger(number) || number <= 0) continue;
    const [key, unit] = field;
    const current = lowered[key];
    if (current === null || number * unit < current) lowered[key] = number * unit;
  }
  return lowered;
}

/** A limit the sandbox saw a command hit, as the setup script names it. */
export type LimitHit = 'processes' | 'tasks' | 'file-size' | 'memory' | 'tmp' | 'home' | 'tmpdir' | 'shm';

export const LIMIT_HITS: readonly LimitHit[] = [
  'processes',
  'tasks',
  'file-size',
  'memory',
  'tmp',
  'home',
  'tmpdir',
  'shm'
];

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
