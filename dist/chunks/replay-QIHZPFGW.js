import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunk-H6C3COZ7.js";
import {
  neutralizeWorkflowCommands
} from "./chunk-BRVQXLGQ.js";
import "./chunk-3E3X5MMN.js";

// src/cli/replay.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var USAGE = `Usage: kubrick replay TRANSCRIPT

Prints a recorded run (the JSON Lines transcript, e.g. the workflow's artifact) as a timeline:
model turns, tool calls and results, policy decisions, budget ticks and the end.
`;
function oneLine(value, max = 160) {
  let flat = (typeof value == "string" ? value : JSON.stringify(value ?? "")).replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
function clock(time, start) {
  return typeof time != "string" || start === null ? "      " : `+${((Date.parse(time) - start) / 1e3).toFixed(1).padStart(5)}s`;
}
function cacheNote(cached, written) {
  let parts = [];
  return typeof cached == "number" && cached > 0 && parts.push(`${cached} cached`), typeof written == "number" && written > 0 && parts.push(`${written} written to the cache`), parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
function describeTranscriptEvent(event) {
  switch (event.type) {
    case "start":
      return `start    ${event.mode} with ${event.provider}/${event.model}; tools: ${oneLine(event.tools)}; sandbox: ${oneLine(event.sandbox)}`;
    case "trigger":
      return `trigger  ${event.event}: ${oneLine(event.task)}`;
    case "turn": {
      let calls = Array.isArray(event.toolCalls) ? event.toolCalls.length : 0, usage = event.usage, text = oneLine(event.text, 200);
      return `turn ${String(event.iteration).padEnd(3)} ${calls} tool call(s), ${usage?.inputTokens ?? "?"} in${cacheNote(usage?.cachedTokens, usage?.cacheWriteTokens)} / ${usage?.outputTokens ?? "?"} out tokens${text ? `
           \u201C${text}\u201D` : ""}`;
    }
    case "tool_call":
      return `  \u2192 ${event.name} ${oneLine(event.arguments, 140)}`;
    case "tool_result":
      return `  ${event.ok ? "\u2713" : "\u2717"} ${event.name}: ${oneLine(event.content, 140)}`;
    case "policy_decision":
      return `  policy ${event.decision}: ${oneLine(event.command ?? "", 100)}${event.decision === "deny" && event.reason ? ` (${event.rule ? `${event.rule}: ` : ""}${oneLine(event.reason, 120)})` : ""}`;
    case "command_result":
      return `  command exited ${event.exitCode ?? event.signal}${event.timedOut ? " (timed out)" : ""} after ${event.durationMs} ms in sandbox ${event.sandbox}`;
    case "mcp_server":
      return `mcp      server ${event.server} ${event.state}${event.reason ? `: ${oneLine(event.reason, 160)}` : ""}${Array.isArray(event.tools) ? `; tools: ${oneLine(event.tools.join(", "), 120)}` : ""}`;
    case "mcp_tools":
      return `mcp      offered: ${Array.isArray(event.offered) && event.offered.length > 0 ? oneLine(event.offered.join(", "), 200) : "none"}${Array.isArray(event.left_out) && event.left_out.length > 0 ? `; left out: ${oneLine(event.left_out.join("; "), 200)}` : ""}`;
    case "mcp_decision":
      return `  mcp ${event.decision}: ${event.tool}${event.decision === "deny" && event.reason ? ` (${event.rule ? `${event.rule}: ` : ""}${oneLine(event.reason, 120)})` : ""}`;
    case "mcp_call":
      return `  mcp call ${event.tool} ${event.ok ? "answered" : `failed${event.error ? ` (${event.error})` : ""}`}${typeof event.durationMs == "number" ? ` after ${event.durationMs} ms` : ""}${event.reason ? `: ${oneLine(event.reason, 120)}` : ""}`;
    case "budget":
      return `  budget after turn ${event.iteration}: ${event.tokensIn} in${cacheNote(event.tokensCached)} / ${event.tokensOut} out, ${event.costUsd ?? "unknown"} USD, ${Math.round(Number(event.secondsLeft ?? 0))} s left`;
    case "context":
      return `context  ${event.action}`;
    case "summary":
      return `summary  ${oneLine(event.text)}`;
    case "end":
      return `end      ${event.conclusion}${event.budget ? ` (${event.budget})` : ""}${event.reason ? `: ${oneLine(event.reason)}` : ""}; ${event.iterations} turns, ${event.toolCalls} tool calls, ${event.commandsDenied} denied
           ${oneLine(event.summary, 300)}`;
    default:
      return `${String(event.type ?? "event").padEnd(8)} ${oneLine(event)}`;
  }
}
async function replayCommand(args, io) {
  if (args.includes("--help") || args.includes("-h"))
    return io.stdout(USAGE), EXIT.ok;
  if (args.length !== 1) throw new UsageError(`expected one transcript file

${USAGE}`);
  let path = resolve(io.cwd, args[0]), text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error.code ?? String(error)}`);
  }
  let start = null, shown = 0, lines = text.split(`
`);
  for (let [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let event;
    try {
      let parsed = JSON.parse(line);
      if (parsed === null || typeof parsed != "object" || Array.isArray(parsed))
        throw new Error("not an object");
      event = parsed;
    } catch {
      io.stdout(`line ${index + 1}: not a transcript event (skipped)
`);
      continue;
    }
    start === null && typeof event.time == "string" && (start = Date.parse(event.time)), io.stdout(`${clock(event.time, start)} ${neutralizeWorkflowCommands(describeTranscriptEvent(event))}
`), shown++;
  }
  if (shown === 0) throw new UsageError(`${path} holds no transcript events`);
  return EXIT.ok;
}
export {
  describeTranscriptEvent,
  replayCommand
};
