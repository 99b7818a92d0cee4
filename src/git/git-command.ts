import { execa } from 'execa';
import { GitError, summarizeStderr } from './errors.js';
import { Redactor } from '../report/redact.js';
import { secretsOf } from './auth.js';

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
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Variables that would retarget git (another repository, index or object store), inject config,
 * prompt, trace headers to stderr, or hand a secret to a helper. Git never needs them here.
 */
const UNSAFE_GIT_ENV =
  /^(GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|AUTHOR_\w+|COMMITTER_\w+|ASKPASS|EDITOR|SEQUENCE_EDITOR|PAGER|EXTERNAL_DIFF|TRACE\w*|CURL_VERBOSE|REDACT_COOKIES|SSL_NO_VERIFY|\w*PATHSPECS)|SSH_ASKPASS)$/;
/** Secrets of the orchestrator (tokens, API keys, action inputs) stay out of git's environment. */
const SECRET_ENV = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_KEY|CREDENTIAL)|^INPUT_/i;

/** Config every command gets: no hooks, no fsmonitor program, no signing key prompts. */
const HARDENING: Record<string, string> = {
  'core.hooksPath': '/dev/null',
  'core.fsmonitor': 'false',
  'commit.gpgSign': 'false',
  'tag.gpgSign': 'false'
};

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs git in one repository, the way actions/checkout's GitCommandManager does: argv only (never
 * a shell), no terminal prompts, C locale so messages are parseable, and a scrubbed environment.
 */
export class GitCommandManager {
  readonly cwd: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;
  private readonly secrets = new Set<string>();

  constructor(opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }) {
    this.cwd = opts.cwd;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(opts.env ?? process.env)) {
      if (value === undefined || UNSAFE_GIT_ENV.test(name) || SECRET_ENV.test(name)) continue;
      env[name] = value;
    }
    env.GIT_TERMINAL_PROMPT = '0';
    env.GCM_INTERACTIVE = 'never';
    env.LC_ALL = 'C';
    this.baseEnv = env;
  }

  /** Registers a value that must never appear in an error message (e.g. the raw token). */
  addSecret(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  async exec(args: string[], opts: GitExecOptions = {}): Promise<GitResult> {
    const config = [...Object.entries(HARDENING), ...withHeaderReset(opts.extraConfig ?? {})];
    const env: NodeJS.ProcessEnv = { ...this.baseEnv, ...opts.env, ...configEnv(config) };
    const secrets = [...this.secrets, ...secretsOf(opts.extraConfig ?? {})];
    const command = redact(`git ${args.join(' ')}`, secrets);

    const result = await execa('git', args, {
      cwd: opts.cwd ?? this.cwd,
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

function configEnv(entries: Array<[string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}
