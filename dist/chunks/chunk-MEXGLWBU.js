import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  isErrorLike
} from "./chunk-FJ64FDQQ.js";

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

// src/github/errors.ts
function statusOf(error) {
  if (typeof error == "object" && error !== null && "status" in error) {
    let status = error.status;
    return typeof status == "number" ? status : void 0;
  }
}
function validationText(error) {
  if (typeof error != "object" || error === null) return String(error);
  let parts = [];
  isErrorLike(error) && parts.push(error.message);
  let data = error.response?.data;
  if (data && typeof data.message == "string" && parts.push(data.message), data && Array.isArray(data.errors))
    for (let item of data.errors)
      typeof item == "string" ? parts.push(item) : item && typeof item == "object" && "message" in item && parts.push(String(item.message));
  return parts.join(" | ");
}

// src/github/access.ts
var GitHubAccessError = class extends Error {
  constructor(status, step, message) {
    super(message);
    this.status = status;
    this.step = step;
    this.name = "GitHubAccessError";
  }
  status;
  step;
};
function githubMessage(error) {
  let data = error.response?.data;
  if (data && typeof data.message == "string" && data.message.trim() !== "") return data.message.trim();
  let message = error.message;
  return typeof message == "string" ? message.replace(/ - https?:\/\/\S+$/, "").trim() : "";
}
function header(error, name) {
  let value = error.response?.headers?.[name];
  return typeof value == "string" ? value : void 0;
}
function accessStatus(error) {
  let status = statusOf(error);
  return status === 401 ? 401 : status !== 403 || header(error, "x-ratelimit-remaining") === "0" || /rate limit/i.test(githubMessage(error)) ? null : 403;
}
function permissionAdvice(step) {
  return step.permission === null ? `Every token for ${step.repo} may do this, so the token itself is wrong: one for another repository or app installation, or a fine-grained token without access to ${step.repo}.` : `This step needs \`${step.permission}\` in the workflow's \`permissions:\` (of the workflow or of the job; a job's own \`permissions:\` replaces the workflow's).`;
}
function accessError(error, step) {
  let status = accessStatus(error);
  if (status === null) return null;
  let said = githubMessage(error), lines = status === 401 ? [
    `GitHub rejected the token (401${said ? ` ${said}` : ""}) while Kubrick was ${step.doing} in ${step.repo}.`,
    "Check `github_token`: leave it at its default (`${{ github.token }}`) or pass a token secret that is valid, not expired and not revoked.",
    permissionAdvice(step)
  ] : [
    `GitHub refused (403${said ? ` ${said}` : ""}) while Kubrick was ${step.doing} in ${step.repo}.`,
    step.permission === null ? "Check `github_token`." : "The token in `github_token` is not allowed to do this.",
    permissionAdvice(step),
    ...step.permission === null ? [] : [
      "With a personal access token or an app token in `github_token`, give that token the same access."
    ]
  ];
  return step.note && lines.push(step.note), new GitHubAccessError(status, step, lines.join(" "));
}
async function asStep(step, call) {
  try {
    return await call();
  } catch (error) {
    throw accessError(error, step) ?? error;
  }
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
  statusOf,
  validationText,
  GitHubAccessError,
  asStep,
  serverLine,
  mcpReportLines,
  mcpJson,
  getDefaultBranch,
  readDefaultBranchFile,
  estimateTokens,
  resolveUsage
};
