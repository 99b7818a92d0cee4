import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  asStep,
  statusOf
} from "./chunk-DJHR2ASC.js";

// src/mcp/report.ts
var STATE_WORDS = {
  started: "started",
  failed: "did not start",
  skipped: "was not started",
  stopped: "stopped during the run"
};
function serverLine(server) {
  return server.state === "started" ? `MCP server ${server.name}: ${count(server.offered, "tool")} offered` : `MCP server ${server.name} ${STATE_WORDS[server.state]}: ${server.reason ?? "no reason given"}`;
}
function code(text, max = 300) {
  let flat = text.replace(/\s+/g, " ").replace(/`/g, "'").trim();
  return `\`${flat.length > max ? `${flat.slice(0, max)}\u2026` : flat}\``;
}
function count(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function mcpReportLines(report) {
  if (!report) return [];
  let lines = [], used = report.tools.filter((tool) => tool.calls > 0);
  if (used.length > 0) {
    let parts = used.map((tool) => {
      let failed = tool.failed > 0 ? `, ${tool.failed} failed: ${code(tool.lastProblem ?? "an error", 160)}` : "";
      return `${code(tool.name)} (${count(tool.calls, "call")}${failed})`;
    });
    lines.push(`**MCP tools used:** ${parts.join(", ")}`);
  }
  let refused = report.tools.filter((tool) => tool.refused > 0);
  if (refused.length > 0) {
    let parts = refused.map(
      (tool) => `${code(tool.name)} (${count(tool.refused, "call")}: ${code(tool.lastProblem ?? "not allowed", 160)})`
    );
    lines.push(`**MCP calls refused** (never sent to the server): ${parts.join(", ")}`);
  }
  let unavailable = report.servers.filter(
    (server) => server.state === "failed" || server.state === "stopped"
  );
  if (unavailable.length > 0) {
    let parts = unavailable.map(
      (server) => `${code(server.name)} ${server.state === "failed" ? "did not start" : "stopped during the run"}: ${code(server.reason ?? "unknown")}`
    );
    lines.push(`**MCP servers unavailable** (their tools were missing): ${parts.join("; ")}`);
  }
  let skipped = report.servers.filter((server) => server.state === "skipped");
  if (skipped.length > 0) {
    let parts = skipped.map((server) => `${code(server.name)} (${code(server.reason ?? "not allowed")})`);
    lines.push(`**MCP servers not started:** ${parts.join(", ")}`);
  }
  return report.leftOut.length > 0 && lines.push(`**MCP tools left out:** ${report.leftOut.map((item) => code(item, 200)).join(", ")}`), lines;
}
function mcpJson(report) {
  return report ? {
    servers: report.servers,
    offered: report.offered,
    left_out: report.leftOut,
    tools: report.tools.map((tool) => ({
      name: tool.name,
      calls: tool.calls,
      failed: tool.failed,
      refused: tool.refused,
      last_problem: tool.lastProblem
    })),
    calls: report.tools.reduce((sum, tool) => sum + tool.calls, 0),
    refused: report.tools.reduce((sum, tool) => sum + tool.refused, 0)
  } : null;
}

// src/github/contents.ts
async function getDefaultBranch(gh, opts) {
  let { data } = await asStep(
    {
      doing: "reading the repository (to learn its default branch)",
      repo: `${opts.owner}/${opts.repo}`,
      permission: null
    },
    () => gh.rest.repos.get(opts)
  );
  return data.default_branch;
}
async function readDefaultBranchFile(gh, opts) {
  let path = opts.path.replace(/^\.?\/+/, ""), where = `${path}${opts.ref ? ` on ${opts.ref}` : ""} in ${opts.owner}/${opts.repo}`, data, step = {
    doing: `reading \`${path}\` at the default branch${opts.ref ? ` (${opts.ref})` : ""}`,
    repo: `${opts.owner}/${opts.repo}`,
    permission: "contents: read"
  };
  try {
    ({ data } = await asStep(
      step,
      () => gh.rest.repos.getContent({ owner: opts.owner, repo: opts.repo, path, ref: opts.ref })
    ));
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  if (Array.isArray(data))
    throw new Error(`${where} is a directory, not a file: point the setting at a file.`);
  let file = data;
  if (file.type !== "file")
    throw new Error(
      `${where} is a ${file.type ?? "non-file entry"}, not a regular file: point the setting at a file.`
    );
  if (file.encoding !== "base64" || typeof file.content != "string")
    throw new Error(
      `${where} is too large to read through the contents API (${file.size ?? "?"} bytes; limit 1 MB).`
    );
  return Buffer.from(file.content, "base64").toString("utf8");
}

// src/llm/usage.ts
var counter;
function loadCounter() {
  return counter ??= import("./o200k_base-DGTU7ZUL.js").then((module) => (text) => {
    try {
      return module.encode(text, { disallowedSpecial: /* @__PURE__ */ new Set() }).length;
    } catch {
      return Math.ceil(text.length / 4);
    }
  }), counter;
}
async function estimateTokens(text) {
  return text === "" ? 0 : (await loadCounter())(text);
}
function count2(value) {
  return typeof value == "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
async function resolveUsage(reported, estimateFrom) {
  let input = count2(reported.input), output = count2(reported.output), cachedTokens = input === null ? 0 : Math.min(input, count2(reported.cached) ?? 0), cacheWriteTokens = input === null ? 0 : Math.min(input - cachedTokens, count2(reported.cacheWrite) ?? 0);
  return input !== null && output !== null ? { inputTokens: input, outputTokens: output, cachedTokens, cacheWriteTokens, estimated: !1 } : {
    inputTokens: input ?? await estimateTokens(estimateFrom.input()),
    outputTokens: output ?? await estimateTokens(estimateFrom.output()),
    cachedTokens,
    cacheWriteTokens,
    estimated: !0
  };
}

export {
  serverLine,
  mcpReportLines,
  mcpJson,
  getDefaultBranch,
  readDefaultBranchFile,
  estimateTokens,
  resolveUsage
};
