/**
 * What an MCP server is given: for a stdio server its whole environment, for an HTTP server its
 * headers. Built from nothing plus what the maintainers declared, never by copying the runner's
 * environment and removing known secrets: the token, the API key and the action's inputs cannot
 * reach a server, even under another name.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { inputEnvName } from '../config/load.js';
import { MIN_SECRET_LENGTH } from '../report/redact.js';
import type { McpServerConfig, McpValue } from './config.js';

export interface ValueSources {
  /** The run's environment (the runner's variables and the step's `env:`). */
  env: NodeJS.ProcessEnv;
  /** Values that may never be handed to a server, whatever their name: the token, the API key. */
  forbidden: readonly string[];
}

export type Resolved =
  { ok: true; values: Record<string, string>; secrets: string[] } | { ok: false; problem: string };

/** Neutral values for the names every SDK stdio client would otherwise copy from Kubrick's own process. */
const FIXED = { SHELL: '/bin/sh', TERM: 'dumb', USER: 'kubrick', LOGNAME: 'kubrick' } as const;

function resolveValue(
  key: string,
  value: McpValue,
  sources: ValueSources
): { value: string; secret: boolean } | { problem: string } {
  if ('literal' in value) return { value: value.literal, secret: false };
  const [origin, variable] =
    'fromEnv' in value
      ? [`from_env ${value.fromEnv}`, value.fromEnv]
      : [`from_input ${value.fromInput}`, inputEnvName(value.fromInput)];
  const found = sources.env[variable];
  if (found === undefined || found === '') {
    return {
      problem:
        'fromEnv' in value
          ? `${key} (${origin}): the variable ${variable} is not set; pass it in the env: of the workflow step`
          : `${key} (${origin}): the step has no input ${value.fromInput}; pass it in the with: of the workflow step`
    };
  }
  if (
    sources.forbidden.some(
      secret => secret.trim().length >= MIN_SECRET_LENGTH && found.includes(secret.trim())
    )
  ) {
    return {
      problem: `${key} (${origin}) holds the workflow token or the model API key, which never reach an MCP server`
    };
  }
  return { value: found, secret: true };
}

/** Resolves declared values (env or headers); any that cannot be given keeps the server from starting. */
export function resolveValues(declared: Record<string, McpValue>, sources: ValueSources): Resolved {
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(declared)) {
    const resolved = resolveValue(key, value, sources);
    if ('problem' in resolved) return { ok: false, problem: resolved.problem };
    values[key] = resolved.value;
    if (resolved.secret) secrets.push(resolved.value);
  }
  return { ok: true, values, secrets };
}

/**
 * The runner's PATH without what a pull request could control: relative entries (the server's
 * working directory) and directories inside the checkout.
 */
export function serverPath(parentPath: string | undefined, workspace: string): string {
  const root = resolve(workspace);
  const kept = (parentPath ?? '')
    .split(':')
    .filter(entry => entry !== '' && isAbsolute(entry))
    .filter(entry => {
      const inside = relative(root, resolve(entry));
      return inside.startsWith('..') || isAbsolute(inside);
    });
  return kept.length > 0 ? [...new Set(kept)].join(':') : '/usr/local/bin:/usr/bin:/bin';
}

/**
 * Why a stdio server may not start from what its command line names: a program or file inside the
 * checkout is whatever the pull request under review made it. Null when it names none.
 */
export function checkoutReference(config: McpServerConfig, workspace: string): string | null {
  if (config.transport !== 'stdio') return null;
  const root = resolve(workspace);
  for (const word of [config.command, ...config.args]) {
    const path = isAbsolute(word) ? resolve(word) : null;
    const inside = path !== null && (path === root || !relative(root, path).startsWith('..'));
    if (inside || word.includes(`${root}/`) || word.endsWith(`=${root}`)) {
      return `its command line names "${word}", inside the checkout, which a pull request can change; install the server outside the checkout`;
    }
  }
  return null;
}

/** Everything a server receives from Kubrick, and which of it is secret (for redaction). */
export type ServerInputs =
  | { ok: true; env: Record<string, string>; headers: Record<string, string>; secrets: string[] }
  | { ok: false; problem: string };

/**
 * A stdio server's environment: PATH, HOME (its own scratch directory), neutral values for the
 * names every MCP client sets, then its declared env; an HTTP server's headers.
 */
export function serverInputs(
  config: McpServerConfig,
  sources: ValueSources,
  place: { home: string; workspace: string }
): ServerInputs {
  const declared = resolveValues(config.transport === 'stdio' ? config.env : config.headers, sources);
  if (!declared.ok) return declared;
  if (config.transport === 'http')
    return { ok: true, env: {}, headers: declared.values, secrets: declared.secrets };
  const env = {
    PATH: serverPath(sources.env.PATH, place.workspace),
    HOME: place.home,
    ...FIXED,
    ...declared.values
  };
  return { ok: true, env, headers: {}, secrets: declared.secrets };
}
