/**
 * The `mcp_servers` setting of `.github/kubrick.yml`: which MCP servers a run may start and how.
 * Only the repository config on the default branch sets it (never an action input, a pull request
 * head or the workspace). Every mistake is reported with its place (`mcp_servers.docs.command`).
 */
import * as z from 'zod';
import { unknownKeyMessage } from '../config/yaml-problems.js';

/** A server's name: it becomes part of the model's tool names (`mcp__<server>__<tool>`). */
export const SERVER_NAME = /^[a-z0-9_-]+$/;
export const MAX_SERVER_NAME = 32;
/** More servers than this is a configuration mistake, not a use. */
export const MAX_SERVERS = 16;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INPUT_NAME = /^[A-Za-z0-9_-]+$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A value given to a server: written in the file, or taken at run time from a variable the
 * workflow step passes (`env:`) or from an input of the step (`with:`). The two forms that read
 * the run's environment never reach the token, the API key or the runner's own credentials.
 */
export type McpValue = { literal: string } | { fromEnv: string } | { fromInput: string };

export interface McpStdioServer {
  transport: 'stdio';
  command: string;
  args: string[];
  env: Record<string, McpValue>;
}

export interface McpHttpServer {
  transport: 'http';
  url: string;
  headers: Record<string, McpValue>;
}

export type McpServerConfig = McpStdioServer | McpHttpServer;
export type McpServers = Record<string, McpServerConfig>;

/** Variables a server may never be given by name, whatever the maintainer writes. */
const FORBIDDEN_ENV: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /^GITHUB_TOKEN$/i, why: 'the workflow token never reaches an MCP server' },
  {
    pattern: /^INPUT_/i,
    why: "the action's inputs hold the token and the API key; name the input with from_input"
  },
  { pattern: /^ACTIONS_/i, why: "the runner's own tokens (cache, artifacts, OIDC) never reach an MCP server" }
];

/** Inputs of Kubrick itself that hold a credential: never given to a server. */
const FORBIDDEN_INPUTS = new Set(['github_token', 'api_key']);

interface Problem {
  path: (string | number)[];
  message: string;
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function checkKeys(entry: Raw, known: string[], path: (string | number)[], problems: Problem[]): void {
  for (const key of Object.keys(entry)) {
    if (!known.includes(key)) problems.push({ path: [...path, key], message: unknownKeyMessage(key, known) });
  }
}

function parseValue(raw: unknown, path: (string | number)[], problems: Problem[]): McpValue | undefined {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
    const literal = String(raw);
    if (/[\0\r\n]/.test(literal)) {
      problems.push({ path, message: 'a value may not contain NUL or line breaks' });
      return undefined;
    }
    return { literal };
  }
  if (isRecord(raw) && Object.keys(raw).length === 1 && 'from_env' in raw) {
    const name = raw.from_env;
    if (typeof name !== 'string' || !ENV_NAME.test(name)) {
      problems.push({
        path: [...path, 'from_env'],
        message: `${describe(name)} is not an environment variable name`
      });
      return undefined;
    }
    const forbidden = FORBIDDEN_ENV.find(rule => rule.pattern.test(name));
    if (forbidden) {
      problems.push({ path: [...path, 'from_env'], message: `${name} is refused: ${forbidden.why}` });
      return undefined;
    }
    return { fromEnv: name };
  }
  if (isRecord(raw) && Object.keys(raw).length === 1 && 'from_input' in raw) {
    const name = raw.from_input;
    if (typeof name !== 'string' || !INPUT_NAME.test(name)) {
      problems.push({ path: [...path, 'from_input'], message: `${describe(name)} is not an input name` });
      return undefined;
    }
    if (FORBIDDEN_INPUTS.has(name.toLowerCase().replace(/-/g, '_'))) {
      problems.push({
        path: [...path, 'from_input'],
        message: `${name} is refused: Kubrick's own credentials never reach an MCP server`
      });
      return undefined;
    }
    return { fromInput: name };
  }
  problems.push({
    path,
    message: `${describe(raw)} is not a value: write a string, {from_env: NAME} or {from_input: name}`
  });
  return undefined;
}

function parseValues(
  raw: unknown,
  path: (string | number)[],
  nameRule: { pattern: RegExp; what: string },
  problems: Problem[]
): Record<string, McpValue> {
  const values: Record<string, McpValue> = {};
  if (raw === undefined || raw === null) return values;
  if (!isRecord(raw)) {
    problems.push({ path, message: `must be a mapping of ${nameRule.what} to values` });
    return values;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (!nameRule.pattern.test(name)) {
      problems.push({ path: [...path, name], message: `"${name}" is not ${nameRule.what}` });
      continue;
    }
    const parsed = parseValue(value, [...path, name], problems);
    if (parsed) values[name] = parsed;
  }
  return values;
}

function parseStdio(entry: Raw, path: (string | number)[], problems: Problem[]): McpStdioServer {
  checkKeys(entry, ['command', 'args', 'env'], path, problems);
  const command = entry.command;
  if (typeof command !== 'string' || command.trim() === '' || command.includes('\0')) {
    problems.push({
      path: [...path, 'command'],
      message: 'must be the program to start, such as npx or /usr/bin/docs-server'
    });
  }
  const args: string[] = [];
  if (entry.args !== undefined && entry.args !== null) {
    if (!Array.isArray(entry.args)) {
      problems.push({ path: [...path, 'args'], message: 'must be a list of arguments' });
    } else {
      entry.args.forEach((arg: unknown, index) => {
        if ((typeof arg === 'string' && !arg.includes('\0')) || typeof arg === 'number')
          args.push(String(arg));
        else
          problems.push({
            path: [...path, 'args', index],
            message: `${describe(arg)} is not an argument (a string)`
          });
      });
    }
  }
  const env = parseValues(
    entry.env,
    [...path, 'env'],
    { pattern: ENV_NAME, what: 'an environment variable name' },
    problems
  );
  return { transport: 'stdio', command: typeof command === 'string' ? command : '', args, env };
}

function parseHttp(entry: Raw, path: (string | number)[], problems: Problem[]): McpHttpServer {
  checkKeys(entry, ['url', 'headers'], path, problems);
  const url = entry.url;
  const parsed = typeof url === 'string' && URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    problems.push({ path: [...path, 'url'], message: `${describe(url)} is not an http(s) URL` });
  } else if (parsed.username || parsed.password) {
    problems.push({
      path: [...path, 'url'],
      message: 'must not hold a user name or password: send credentials in headers, with from_env'
    });
  }
  const headers = parseValues(
    entry.headers,
    [...path, 'headers'],
    { pattern: HEADER_NAME, what: 'a header name' },
    problems
  );
  return { transport: 'http', url: typeof url === 'string' ? url : '', headers };
}

/** Parses the raw `mcp_servers` value; every problem is collected with its path. */
export function parseMcpServers(raw: unknown): { servers: McpServers; problems: Problem[] } {
  const problems: Problem[] = [];
  const servers: McpServers = {};
  if (raw === '' || raw === null || raw === undefined) return { servers, problems };
  if (!isRecord(raw)) {
    problems.push({ path: [], message: 'must be a mapping from server names to servers' });
    return { servers, problems };
  }
  const names = Object.keys(raw);
  if (names.length > MAX_SERVERS) {
    problems.push({ path: [], message: `names ${names.length} servers; at most ${MAX_SERVERS} are allowed` });
  }
  for (const name of names) {
    const entry = raw[name];
    if (!SERVER_NAME.test(name) || name.length > MAX_SERVER_NAME || name.includes('__')) {
      problems.push({
        path: [name],
        message: `"${name}" is not a server name: use up to ${MAX_SERVER_NAME} of a-z, 0-9, _ and -, without "__"`
      });
      continue;
    }
    if (!isRecord(entry)) {
      problems.push({
        path: [name],
        message: 'must be {command, args, env} (a stdio server) or {url, headers} (a Streamable HTTP server)'
      });
      continue;
    }
    if ('command' in entry && 'url' in entry) {
      problems.push({
        path: [name],
        message: 'has both command and url: a server is either started (command) or reached (url)'
      });
      continue;
    }
    const before = problems.length;
    if ('command' in entry) servers[name] = parseStdio(entry, [name], problems);
    else if ('url' in entry) servers[name] = parseHttp(entry, [name], problems);
    else checkKeys(entry, ['command', 'args', 'env', 'url', 'headers'], [name], problems);
    if (!('command' in entry) && !('url' in entry) && problems.length === before)
      problems.push({
        path: [name],
        message: 'needs command (a stdio server started by Kubrick) or url (a Streamable HTTP server)'
      });
  }
  return { servers, problems };
}

/** `mcp_servers` as a setting: the parsed servers, or issues whose paths lead to the mistake. */
export const mcpServersSchema = z.unknown().transform((raw, ctx): McpServers => {
  const { servers, problems } = parseMcpServers(raw);
  for (const problem of problems)
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  return problems.length > 0 ? z.NEVER : servers;
});
