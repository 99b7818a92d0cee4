/**
 * The `mcp:` section of the policy file: which MCP tools the agent may use, by `server.tool` name
 * with `*` globs. Nothing is allowed unless an allow entry matches; a deny entry wins over any
 * allow. Kept apart from the command engine: a tool name is matched, never parsed as shell.
 */
import type { Policy } from './types.js';

/** Every reason an MCP tool can be refused, each with a stable id (docs/policy.md lists them). */
export const MCP_RULES = {
  'mcp-no-policy': 'no policy file exists, so no MCP tool may be used',
  'mcp-not-allowed': 'no mcp.allow entry of the policy matches the tool',
  'mcp-denied': 'an mcp.deny entry of the policy matches the tool',
  'mcp-not-read-only': 'review, ask and plan modes use only tools their server marks readOnlyHint: true',
  'mcp-bad-name': 'the name is not server.tool'
} as const;

export type McpRuleId = keyof typeof MCP_RULES;

/** A `server.tool` pattern as the maintainer wrote it, compiled. */
export interface McpPattern {
  text: string;
  server: RegExp;
  tool: RegExp;
}

export interface McpRules {
  allow: McpPattern[];
  deny: McpPattern[];
}

export interface McpDecision {
  decision: 'allow' | 'deny';
  /** For deny: the stable id of the rule that refused it. */
  rule?: McpRuleId;
  reason: string;
  /** The policy entry that decided (an allow entry for allow, a deny entry for mcp-denied). */
  entry?: string;
}

const SERVER_PART = /^[a-z0-9_*-]+$/;
const TOOL_PART = /^[A-Za-z0-9_.*-]+$/;
const SERVER_NAME = /^[a-z0-9_-]+$/;
const TOOL_NAME = /^[A-Za-z0-9_.-]+$/;

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * Compiles `server.tool` (the first dot ends the server's name, which has none; `*` matches any run
 * of characters within its own part). Returns the problem in words when the entry is malformed.
 */
export function parseMcpPattern(text: string): McpPattern | string {
  const dot = text.indexOf('.');
  if (dot <= 0 || dot === text.length - 1) {
    return 'must be server.tool, such as "docs.search" or "tickets.lookup_*"';
  }
  const server = text.slice(0, dot);
  const tool = text.slice(dot + 1);
  if (!SERVER_PART.test(server)) return `has a server part "${server}" that is not a-z, 0-9, _, - and *`;
  if (!TOOL_PART.test(tool)) return `has a tool part "${tool}" that is not letters, digits, _, -, . and *`;
  return { text, server: globToRegExp(server), tool: globToRegExp(tool) };
}

/** `server.tool` split at its first dot, or null when it is not such a name. */
export function parseMcpName(name: string): { server: string; tool: string } | null {
  const dot = name.indexOf('.');
  if (dot <= 0) return null;
  const server = name.slice(0, dot);
  const tool = name.slice(dot + 1);
  return SERVER_NAME.test(server) && TOOL_NAME.test(tool) ? { server, tool } : null;
}

function matches(pattern: McpPattern, server: string, tool: string): boolean {
  return pattern.server.test(server) && pattern.tool.test(tool);
}

/** Whether some allow entry could match a tool of this server (so the server is worth starting). */
export function mayAllowServer(policy: Policy | null, server: string): boolean {
  return (policy?.mcp?.allow ?? []).some(pattern => pattern.server.test(server));
}

/** Decides one tool by its `server.tool` name under the policy's mcp section. */
export function decideMcp(policy: Policy | null, name: string): McpDecision {
  const parsed = parseMcpName(name);
  if (!parsed) {
    return {
      decision: 'deny',
      rule: 'mcp-bad-name',
      reason: `"${name}" is not an MCP tool name of the form server.tool`
    };
  }
  if (!policy) {
    return {
      decision: 'deny',
      rule: 'mcp-no-policy',
      reason: 'there is no policy file, so no MCP tool may be used; add an mcp.allow list to the policy'
    };
  }
  const { server, tool } = parsed;
  const denied = policy.mcp?.deny.find(pattern => matches(pattern, server, tool));
  if (denied) {
    return {
      decision: 'deny',
      rule: 'mcp-denied',
      reason: `${name} matches the mcp.deny entry "${denied.text}"`,
      entry: denied.text
    };
  }
  const allowed = policy.mcp?.allow.find(pattern => matches(pattern, server, tool));
  if (!allowed) {
    return {
      decision: 'deny',
      rule: 'mcp-not-allowed',
      reason: `no mcp.allow entry of the policy matches ${name}`
    };
  }
  return {
    decision: 'allow',
    reason: `${name} matches the mcp.allow entry "${allowed.text}"`,
    entry: allowed.text
  };
}
