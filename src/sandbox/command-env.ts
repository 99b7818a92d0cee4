/**
 * The environment of every command the model runs: built from an allowlist, never by copying the
 * parent's environment and deleting known secrets (a denylist always misses the next token name).
 * PATH, HOME and TMPDIR are the sandbox's to set (see Sandbox.run): it alone knows which
 * directories a command can see.
 */

/**
 * Names never passed through, even when `env_passthrough` lists them: they hold credentials or
 * make a program run code the model chose (a shell startup file, a preloaded library, an npm or
 * git config override). Listed in docs/security.md; keep the two in step.
 */
export const NEVER_PASSED: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /(^|_)TOKEN$/i, why: 'a token' },
  { pattern: /(^|_)KEY$/i, why: 'a key' },
  { pattern: /(^|_)SECRET$/i, why: 'a secret' },
  { pattern: /PASSWORD|PASSWD/i, why: 'a password' },
  { pattern: /CREDENTIAL/i, why: 'credentials' },
  { pattern: /^GITHUB_TOKEN$/i, why: 'the workflow token' },
  { pattern: /^ACTIONS_/i, why: 'runner internals (cache and artifact tokens)' },
  { pattern: /^INPUT_/i, why: 'action inputs, which include the API key and token' },
  {
    pattern: /^(BASH_ENV|ENV|PROMPT_COMMAND|SHELLOPTS|BASHOPTS|IFS|CDPATH|GLOBIGNORE)$/i,
    why: 'shell start-up code'
  },
  { pattern: /^BASH_FUNC_/i, why: 'exported shell functions' },
  { pattern: /^NODE_OPTIONS$|^NODE_PATH$|^NODE_REPL_EXTERNAL_MODULE$/i, why: 'Node start-up code' },
  { pattern: /^LD_|^DYLD_/i, why: 'library preloading' },
  { pattern: /^GIT_/i, why: 'git config, hooks and ssh command overrides' },
  { pattern: /^npm_config_|^NPM_CONFIG_/i, why: 'npm config (script shell, prefix, registry auth)' },
  { pattern: /^(PYTHONSTARTUP|PYTHONPATH|PYTHONHOME|PYTHONINSPECT)$/i, why: 'Python start-up code' },
  { pattern: /^(PERL5OPT|PERL5LIB|PERLLIB)$/i, why: 'Perl start-up code' },
  { pattern: /^(RUBYOPT|RUBYLIB)$/i, why: 'Ruby start-up code' },
  { pattern: /^(JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS)$/i, why: 'JVM agent injection' },
  {
    pattern: /^(SSH_AUTH_SOCK|SSH_ASKPASS|SUDO_ASKPASS|GNUPGHOME|GPG_AGENT_INFO)$/i,
    why: 'an agent holding keys'
  },
  { pattern: /^(PATH|HOME|TMPDIR|LANG|CI|TERM|SHELL)$/i, why: 'fixed by Kubrick' }
];

export interface CommandEnvOptions {
  /** Names from `env_passthrough`; values come from parentEnv. */
  passthrough: string[];
  parentEnv: NodeJS.ProcessEnv;
}

/** Why a name is never passed through, or undefined when it may be. */
export function refusedPassthrough(name: string): string | undefined {
  return NEVER_PASSED.find(rule => rule.pattern.test(name))?.why;
}

export function buildCommandEnv(opts: CommandEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of opts.passthrough) {
    const value = opts.parentEnv[name];
    if (value === undefined || refusedPassthrough(name) !== undefined) continue;
    env[name] = value;
  }
  // Fixed names last, so nothing listed can override them (PATH, HOME and TMPDIR are refused here
  // and set by the sandbox).
  env.LANG = 'C.UTF-8';
  env.CI = 'true';
  env.TERM = 'dumb';
  return env;
}
