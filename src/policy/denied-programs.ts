import type { RuleId } from './rules.js';

/**
 * Programs refused under every policy, with the reason the model sees. They run another command
 * given as arguments (which the allowlist then never sees), change the shell's state for later
 * commands, or act on other processes.
 */
const GROUPS: readonly { rule: RuleId; reason: string; programs: readonly string[] }[] = [
  {
    rule: 'program-wrapper',
    reason:
      'runs another command given as its arguments, hiding it from the allowlist; run the command directly',
    programs: [
      'eval',
      'exec',
      'source',
      '.',
      'command',
      'builtin',
      'env',
      'sudo',
      'doas',
      'su',
      'runuser',
      'pkexec',
      'xargs',
      'nohup',
      'timeout',
      'nice',
      'ionice',
      'stdbuf',
      'setsid',
      'setpriv',
      'chroot',
      'unshare',
      'nsenter',
      'strace',
      'ltrace',
      'watch',
      'parallel',
      'flock',
      'script',
      'time',
      'busybox',
      'taskset',
      'chrt',
      'systemd-run',
      'at',
      'batch',
      'crontab',
      'firejail',
      'bwrap',
      'proot',
      'fakeroot',
      'sg',
      'newgrp',
      'coproc'
    ]
  },
  {
    rule: 'shell-state',
    reason:
      'changes shell state (variables, options, traps, aliases, directory stack) that later commands would inherit',
    programs: [
      'trap',
      'alias',
      'unalias',
      'set',
      'shopt',
      'enable',
      'declare',
      'typeset',
      'export',
      'local',
      'readonly',
      'unset',
      'let',
      'read',
      'mapfile',
      'readarray',
      'hash',
      'ulimit',
      'umask',
      'pushd',
      'popd',
      'fc',
      'history',
      'bind',
      'complete',
      'compgen',
      'caller',
      'getopts',
      'dirs'
    ]
  },
  {
    rule: 'process-control',
    reason: 'acts on other processes or jobs, which commands may not do',
    programs: ['kill', 'pkill', 'killall', 'wait', 'disown', 'fg', 'bg', 'jobs', 'suspend']
  }
];

const REASONS = new Map<string, { rule: RuleId; reason: string }>();
for (const group of GROUPS) for (const program of group.programs) REASONS.set(program, group);

/** Why this program is refused under every policy, or undefined. */
export function alwaysDenied(program: string): { rule: RuleId; reason: string } | undefined {
  return REASONS.get(program);
}

export const ALWAYS_DENIED_PROGRAMS: readonly string[] = GROUPS.flatMap(group => group.programs);
