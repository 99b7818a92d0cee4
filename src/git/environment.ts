/**
 * The environment and the fixed settings of every git command Kubrick runs itself (checkout,
 * commit, push, and the file tools' `ls-files`/`grep`). Built from an allowlist of the parent's
 * environment, never by copying it and deleting known secrets: git and whatever it starts (a
 * filter driver, a hook, an ssh command, a credential helper) then never see the token, the API
 * key or any `INPUT_*` value, even if some setting slipped past the pins below.
 */
import { resolve } from 'node:path';

/**
 * What git legitimately needs from the runner: where programs are, a HOME for ssh, the locale's
 * time zone, and how to reach the server (proxies and certificate stores of self-hosted runners).
 */
const PASSED = new Set([
  'PATH',
  'HOME',
  'TMPDIR',
  'TZ',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH'
]);

/**
 * Fixed for every command: no system or global config (the runner's `~/.gitconfig` and
 * `/etc/gitconfig` may define filters, helpers or hooks), no system attributes, no replace refs (a
 * command could add `refs/replace/*` to make Kubrick commit a tree it never saw), no prompts, and a
 * parseable locale.
 */
const FIXED: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_ATTR_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: '',
  SSH_ASKPASS: '',
  GCM_INTERACTIVE: 'never',
  LC_ALL: 'C'
};

/** The environment of one of Kubrick's own git commands, from the parent environment given. */
export function gitEnvironment(parent: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && PASSED.has(name)) env[name] = value;
  }
  return { ...env, ...FIXED };
}

/**
 * Settings that make git run a program, or ask for or hand out a credential, pinned on every
 * command (command-line configuration overrides the repository's). The rest of that family has
 * names chosen by the repository (`filter.<driver>.clean`, `diff.<driver>.textconv`, …): those are
 * pinned per command by {@link programPins} from what the configuration holds at that moment.
 */
export const FIXED_PINS: ReadonlyArray<readonly [string, string]> = [
  ['core.hooksPath', '/dev/null'],
  ['core.fsmonitor', 'false'],
  ['core.sshCommand', 'ssh'],
  ['core.askPass', ''],
  // An empty value empties the list of credential helpers, URL-scoped ones included.
  ['credential.helper', ''],
  ['core.editor', 'false'],
  ['sequence.editor', 'false'],
  ['core.pager', 'cat'],
  ['core.attributesFile', '/dev/null'],
  ['gpg.program', 'gpg'],
  ['gpg.ssh.program', 'ssh-keygen'],
  ['gpg.x509.program', 'gpgsm'],
  ['gpg.ssh.defaultKeyCommand', ''],
  ['commit.gpgSign', 'false'],
  ['tag.gpgSign', 'false'],
  ['push.gpgSign', 'false'],
  // ext:: URLs run a command of the URL's choosing.
  ['protocol.ext.allow', 'never'],
  ['submodule.recurse', 'false'],
  ['fetch.recurseSubmodules', 'false'],
  ['push.recurseSubmodules', 'no']
];

/** `-c name=value` arguments for the fixed pins, for callers that build an argv. */
export function fixedPinArguments(): string[] {
  return FIXED_PINS.flatMap(([key, value]) => ['-c', `${key}=${value}`]);
}

/**
 * Keys, with a name part the repository chooses, whose value is a program git runs: filter
 * drivers (on `add`, `status`, checkout), diff drivers (`diff`, `log -p`), merge drivers
 * (`cherry-pick`), and a remote's upload/receive programs and helper (`fetch`, `push`).
 */
const PROGRAM_KEY =
  /^(filter\..+\.(clean|smudge|process)|diff\..+\.(textconv|command)|merge\..+\.driver|remote\..+\.(uploadpack|receivepack|vcs))$/i;

/** What the pin of an untrusted program key is: nothing to run, or git's own program for remotes. */
function neutralValue(key: string): string {
  if (/\.uploadpack$/i.test(key)) return 'git-upload-pack';
  if (/\.receivepack$/i.test(key)) return 'git-receive-pack';
  // An empty command means "no such driver" to git: the content passes through unchanged.
  return '';
}

export interface ConfigEntry {
  key: string;
  value: string;
  /** The file it came from, absolute. */
  file?: string;
}

/**
 * Pins for every program key the configuration holds now whose value was not in the trusted
 * configuration (read before the agent ran): a driver the checkout set up (Git LFS) keeps working,
 * anything added or changed since runs nothing.
 */
export function programPins(current: ConfigEntry[], trusted: ReadonlySet<string>): Array<[string, string]> {
  const pins = new Map<string, string>();
  for (const { key, value } of current) {
    if (!PROGRAM_KEY.test(key)) continue;
    if (trusted.has(entryId({ key, value }))) continue;
    pins.set(key, neutralValue(key));
  }
  return [...pins];
}

/** One identity per (key, value), as `git config --list` spells the key. */
export function entryId(entry: ConfigEntry): string {
  return `${entry.key}\0${entry.value}`;
}

/**
 * Parses `git config --list -z --show-scope --show-origin` run in `cwd`: the entries of the
 * repository's own files (local and worktree scope, and what they include), each with its file.
 * Command-line entries (Kubrick's own pins) are left out.
 */
export function parseConfigListing(stdout: string, cwd: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const fields = stdout.split('\0');
  // Each entry is: scope NUL origin NUL key LF value NUL (a key without a value has no LF).
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const scope = fields[i] ?? '';
    const origin = fields[i + 1] ?? '';
    const pair = fields[i + 2] ?? '';
    if (scope === 'command') continue;
    const newline = pair.indexOf('\n');
    const key = newline === -1 ? pair : pair.slice(0, newline);
    const value = newline === -1 ? '' : pair.slice(newline + 1);
    const file = origin.startsWith('file:') ? resolve(cwd, origin.slice('file:'.length)) : undefined;
    entries.push({ key, value, file });
  }
  return entries;
}
