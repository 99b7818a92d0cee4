import { execa } from 'execa';
import { GitError, summarizeStderr } from './errors.js';
import { Redactor } from '../report/redact.js';
import { secretsOf } from './auth.js';
import { ControlFiles, gitDirOf, includeTargets } from './control-files.js';
import {
  entryId,
  FIXED_PINS,
  gitEnvironment,
  parseConfigListing,
  programPins,
  type ConfigEntry
} from './environment.js';

const redact = (text: string, secrets: Iterable<string>): string => new Redactor(secrets).redact(text);

export interface GitExecOptions {
  /** Return the result instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** Written to git's stdin (commit messages, pathspec lists). */
  input?: string;
  /**
   * Config for this one command (the push credential). Values are treated as secrets: they are
   * redacted from any error, and passed through GIT_CONFIG_COUNT rather than `-c` so they never
   * appear in the process list or in the command line an error shows.
   */
  extraConfig?: Record<string, string>;
  /** Extra environment for this one command (author and committer identity). */
  env?: Record<string, string>;
  /** Run somewhere else than the manager's cwd (a temporary worktree). */
  cwd?: string;
  /** Kubrick's own change to the configuration: what it leaves is trusted from then on. */
  rewritesConfig?: boolean;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** What Kubrick read before the agent ran: the configuration's entries and its control files. */
interface Trusted {
  entries: ReadonlySet<string>;
  controlFiles: ControlFiles | null;
}

/** Why Kubrick will not run git on a checkout whose control files changed during the run. */
export function tamperedMessage(changed: string[]): string {
  const shown =
    changed.slice(0, 5).join(', ') + (changed.length > 5 ? ` and ${changed.length - 5} more` : '');
  return (
    `Kubrick stopped before running git again: the agent's run changed ${shown}. Only a command that ran ` +
    'without the sandbox (`sandbox: none`), or escaped it, can change these files, and git would run what ' +
    'they name (a filter, a hook, a helper) next to the token. Nothing was committed or pushed. Check the ' +
    'runner, and keep `sandbox: auto` or `namespaces` for this repository.'
  );
}

/**
 * Runs git in one repository, the way actions/checkout's GitCommandManager does: argv only (never
 * a shell), no terminal prompts, C locale so messages are parseable; and, because the workspace is
 * written by the model, with a minimal environment (see environment.ts), every program-running
 * setting pinned, and a refusal to run at all once the repository's control files changed since
 * {@link trustCurrentState}.
 */
export class GitCommandManager {
  readonly cwd: string;
  private readonly baseEnv: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly secrets = new Set<string>();
  private trusted: Promise<Trusted> | undefined;

  constructor(opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }) {
    this.cwd = opts.cwd;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.baseEnv = gitEnvironment(opts.env);
  }

  /** Registers a value that must never appear in an error message (e.g. the raw token). */
  addSecret(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  /**
   * Takes the repository's configuration and control files as they are now as trusted: call it
   * before the agent runs (the first command does so otherwise). Later commands refuse to run if
   * the control files change, and run no program the configuration did not name now.
   */
  async trustCurrentState(): Promise<void> {
    this.trusted = this.readTrusted();
    await this.trusted;
  }

  /** The control files changed since they were trusted (empty when none did, or nothing was trusted yet). */
  async changedControlFiles(): Promise<string[]> {
    if (!this.trusted) return [];
    return (await this.trusted).controlFiles?.changed() ?? [];
  }

  async exec(args: string[], opts: GitExecOptions = {}): Promise<GitResult> {
    const secrets = [...this.secrets, ...secretsOf(opts.extraConfig ?? {})];
    const command = redact(`git ${args.join(' ')}`, secrets);
    const trusted = await (this.trusted ??= this.readTrusted());
    const changed = trusted.controlFiles?.changed() ?? [];
    if (changed.length > 0) throw new GitError(tamperedMessage(changed), { command });
    const cwd = opts.cwd ?? this.cwd;
    const current = await this.readConfig(cwd);
    const config: Array<readonly [string, string]> = [
      ...FIXED_PINS,
      ['safe.directory', cwd],
      ...programPins(current, trusted.entries),
      ...withHeaderReset(opts.extraConfig ?? {})
    ];
    const env = { ...this.baseEnv, ...opts.env, ...configEnv(config) };

    const result = await execa('git', args, {
      cwd,
      env,
      extendEnv: false,
      input: opts.input ?? '',
      reject: false,
      timeout: this.timeoutMs,
      forceKillAfterDelay: 5_000,
      maxBuffer: 64 * 1024 * 1024
    });

    if (result.exitCode === undefined) {
      const why = result.timedOut
        ? `did not finish within ${Math.round(this.timeoutMs / 1000)} s (a network problem or an unreachable remote)`
        : /ENOENT/.test(String(result.originalMessage ?? result.message))
          ? 'could not start: git is not installed or not on PATH'
          : `could not run: ${redact(String(result.originalMessage ?? result.message), secrets)}`;
      throw new GitError(`${command} ${why}.`, { command });
    }
    const out: GitResult = {
      exitCode: result.exitCode,
      stdout: String(result.stdout),
      stderr: String(result.stderr)
    };
    if (opts.rewritesConfig && out.exitCode === 0) await this.trustCurrentState();
    if (out.exitCode !== 0 && !opts.allowFailure) {
      const stderr = redact(summarizeStderr(out.stderr || out.stdout), secrets);
      throw new GitError(`${command} failed (exit ${out.exitCode})${stderr ? `: ${stderr}` : ''}`, {
        command,
        exitCode: out.exitCode,
        stderr
      });
    }
    return out;
  }

  /** Redacts the registered secrets and those of an auth config from text meant for people. */
  redact(text: string, extraConfig: Record<string, string> = {}): string {
    return redact(text, [...this.secrets, ...secretsOf(extraConfig)]);
  }

  private async readTrusted(): Promise<Trusted> {
    const entries = await this.readConfig(this.cwd);
    const gitDir = gitDirOf(this.cwd);
    const files = new Set([
      ...entries.flatMap(entry => (entry.file ? [entry.file] : [])),
      ...includeTargets(entries, this.baseEnv.HOME)
    ]);
    return {
      entries: new Set(entries.map(entryId)),
      controlFiles: gitDir ? ControlFiles.capture(gitDir, [...files]) : null
    };
  }

  /** The repository's own configuration as git would read it in `cwd` (nothing when git cannot say). */
  private async readConfig(cwd: string): Promise<ConfigEntry[]> {
    const result = await execa('git', ['config', '--list', '-z', '--show-scope', '--show-origin'], {
      cwd,
      env: { ...this.baseEnv, ...configEnv([...FIXED_PINS, ['safe.directory', cwd]]) },
      extendEnv: false,
      reject: false,
      timeout: this.timeoutMs
    });
    return result.exitCode === 0 ? parseConfigListing(String(result.stdout), cwd) : [];
  }
}

/**
 * actions/checkout may have persisted an extraheader for the same server; git would then send two
 * Authorization headers, which GitHub rejects. An empty value first resets that multi-valued list.
 */
function withHeaderReset(config: Record<string, string>): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(config)) {
    if (/\.extraheader$/i.test(key)) entries.push([key, '']);
    entries.push([key, value]);
  }
  return entries;
}

function configEnv(entries: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}
