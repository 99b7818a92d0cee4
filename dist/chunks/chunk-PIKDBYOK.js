import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/policy/mcp.ts
var SERVER_PART = /^[a-z0-9_*-]+$/, TOOL_PART = /^[A-Za-z0-9_.*-]+$/, SERVER_NAME = /^[a-z0-9_-]+$/, TOOL_NAME = /^[A-Za-z0-9_.-]+$/;
function globToRegExp(glob) {
  let body = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}$`);
}
function parseMcpPattern(text) {
  let dot = text.indexOf(".");
  if (dot <= 0 || dot === text.length - 1)
    return 'must be server.tool, such as "docs.search" or "tickets.lookup_*"';
  let server = text.slice(0, dot), tool = text.slice(dot + 1);
  return SERVER_PART.test(server) ? TOOL_PART.test(tool) ? { text, server: globToRegExp(server), tool: globToRegExp(tool) } : `has a tool part "${tool}" that is not letters, digits, _, -, . and *` : `has a server part "${server}" that is not a-z, 0-9, _, - and *`;
}
function parseMcpName(name) {
  let dot = name.indexOf(".");
  if (dot <= 0) return null;
  let server = name.slice(0, dot), tool = name.slice(dot + 1);
  return SERVER_NAME.test(server) && TOOL_NAME.test(tool) ? { server, tool } : null;
}
function matches(pattern, server, tool) {
  return pattern.server.test(server) && pattern.tool.test(tool);
}
function mayAllowServer(policy, server) {
  return (policy?.mcp?.allow ?? []).some((pattern) => pattern.server.test(server));
}
function decideMcp(policy, name) {
  let parsed = parseMcpName(name);
  if (!parsed)
    return {
      decision: "deny",
      rule: "mcp-bad-name",
      reason: `"${name}" is not an MCP tool name of the form server.tool`
    };
  if (!policy)
    return {
      decision: "deny",
      rule: "mcp-no-policy",
      reason: "there is no policy file, so no MCP tool may be used; add an mcp.allow list to the policy"
    };
  let { server, tool } = parsed, denied = policy.mcp?.deny.find((pattern) => matches(pattern, server, tool));
  if (denied)
    return {
      decision: "deny",
      rule: "mcp-denied",
      reason: `${name} matches the mcp.deny entry "${denied.text}"`,
      entry: denied.text
    };
  let allowed = policy.mcp?.allow.find((pattern) => matches(pattern, server, tool));
  return allowed ? {
    decision: "allow",
    reason: `${name} matches the mcp.allow entry "${allowed.text}"`,
    entry: allowed.text
  } : {
    decision: "deny",
    rule: "mcp-not-allowed",
    reason: `no mcp.allow entry of the policy matches ${name}`
  };
}

export {
  parseMcpPattern,
  parseMcpName,
  mayAllowServer,
  decideMcp
};
