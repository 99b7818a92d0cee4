import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  EXIT,
  UsageError
} from "./chunk-H6C3COZ7.js";
import {
  DEFAULT_PROTECTED_PATHS,
  PolicyError,
  decide,
  loadPolicy,
  realpathOfLongestExisting
} from "./chunk-VBCSLYBZ.js";
import {
  decideMcp,
  parseMcpName
} from "./chunk-PIKDBYOK.js";
import "./chunk-QV4DZ7X2.js";
import "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";

// src/cli/policy.ts
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
var POLICY_USAGE = `Usage:
  kubrick policy check --policy FILE [--cwd DIR] [--] "<command>"
  kubrick policy check --policy FILE [--cwd DIR] --stdin
  kubrick policy check --policy FILE --mcp SERVER.TOOL

Answers "would this command run?" (or, with --mcp, "may the agent use this
MCP tool?") under a policy file. Prints one JSON line
{"decision":"allow"|"deny","reason":"\u2026"}; a deny also carries "rule", the
stable id of the rule that refused it (docs/policy.md lists them).

Options:
  --policy FILE  the policy file (e.g. .github/kubrick-policy.yml)
  --cwd DIR      the workspace that path rules are checked against (default: current directory)
  --mcp NAME     decide the MCP tool NAME (server.tool) under the policy's mcp section
  --stdin        read JSON Lines {"command":"\u2026"} or {"mcp":"server.tool"} and print one
                 decision line per input, in order
  --help         show this help

Exit codes: 0 allow (and --stdin), 1 deny, 2 usage error or invalid policy.
See docs/policy.md.
`;
function parseArgs(args, io) {
  if (args.length === 0) throw new UsageError(`a subcommand is needed

${POLICY_USAGE}`);
  if (args[0] === "--help" || args[0] === "-h" || args[0] === "help") return "help";
  let [sub, ...rest] = args;
  if (sub !== "check")
    throw new UsageError(
      `unknown subcommand "${sub ?? ""}"; use \`kubrick policy check\`

${POLICY_USAGE}`
    );
  let policyFile, cwd = io.cwd, stdin = !1, mcp, positional = [];
  for (let i = 0; i < rest.length; i++) {
    let arg = rest[i] ?? "", value = () => {
      let next = rest[++i];
      if (next === void 0) throw new UsageError(`${arg} needs a value

${POLICY_USAGE}`);
      return next;
    };
    if (arg === "--") {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--policy") policyFile = value();
    else if (arg.startsWith("--policy=")) policyFile = arg.slice(9);
    else if (arg === "--cwd") cwd = value();
    else if (arg.startsWith("--cwd=")) cwd = arg.slice(6);
    else if (arg === "--stdin") stdin = !0;
    else if (arg === "--mcp") mcp = value();
    else if (arg.startsWith("--mcp=")) mcp = arg.slice(6);
    else {
      if (arg.startsWith("--")) throw new UsageError(`unknown option "${arg}"

${POLICY_USAGE}`);
      positional.push(arg);
    }
  }
  if (!policyFile) throw new UsageError(`--policy FILE is required

${POLICY_USAGE}`);
  if (stdin && positional.length > 0) throw new UsageError("give either a command or --stdin, not both");
  if (mcp !== void 0) {
    if (stdin || positional.length > 0)
      throw new UsageError("give --mcp SERVER.TOOL alone: not with a command or --stdin");
    if (!parseMcpName(mcp))
      throw new UsageError(
        `--mcp "${mcp}" is not an MCP tool name: write server.tool, such as docs.search

${POLICY_USAGE}`
      );
    return { policyFile, cwd: path.resolve(io.cwd, cwd), stdin, command: void 0, mcp };
  }
  if (!stdin && positional.length !== 1)
    throw new UsageError(
      `${positional.length === 0 ? "no command given" : "give the command as one quoted argument"}

${POLICY_USAGE}`
    );
  return { policyFile, cwd: path.resolve(io.cwd, cwd), stdin, command: positional[0], mcp: void 0 };
}
async function policyCommand(args, io) {
  let options = parseArgs(args, io);
  if (options === "help")
    return io.stdout(POLICY_USAGE), EXIT.ok;
  let policyPath = path.resolve(io.cwd, options.policyFile), text;
  try {
    text = fs.readFileSync(policyPath, "utf8");
  } catch (error) {
    return io.stderr(
      `kubrick policy: cannot read the policy file ${options.policyFile}: ${error.message}
`
    ), EXIT.usage;
  }
  let policy;
  try {
    policy = loadPolicy(text, options.policyFile);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return io.stderr(`kubrick policy: invalid policy: ${error.message}
`), EXIT.usage;
  }
  if (options.mcp !== void 0) {
    let decision = decideMcp(policy, options.mcp);
    return io.stdout(decisionLine(decision)), decision.decision === "allow" ? EXIT.ok : EXIT.failure;
  }
  if (!fs.existsSync(options.cwd) || !fs.statSync(options.cwd).isDirectory())
    return io.stderr(`kubrick policy: --cwd ${options.cwd} is not a directory
`), EXIT.usage;
  let ctx = {
    workspace: realpathOfLongestExisting(options.cwd),
    protectedPaths: protectedFor(options.cwd, policyPath)
  };
  if (!options.stdin) {
    let decision = decide(options.command ?? "", policy, ctx);
    return io.stdout(decisionLine(decision)), decision.decision === "allow" ? EXIT.ok : EXIT.failure;
  }
  let lines = readline.createInterface({ input: io.stdin, crlfDelay: 1 / 0 });
  for await (let line of lines)
    line.trim() !== "" && io.stdout(decisionLine(decideLine(line, policy, ctx)));
  return EXIT.ok;
}
function protectedFor(cwd, policyPath) {
  let relative = path.relative(cwd, policyPath), inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return [.../* @__PURE__ */ new Set([...DEFAULT_PROTECTED_PATHS, ...inside ? [relative.split(path.sep).join("/")] : []])];
}
function decideLine(line, policy, ctx) {
  let input;
  try {
    input = JSON.parse(line);
  } catch {
    return {
      decision: "deny",
      rule: "parse-error",
      reason: 'input line is not valid JSON; expected {"command":"\u2026"}'
    };
  }
  return typeof input == "object" && input !== null && typeof input.mcp == "string" ? decideMcp(policy, input.mcp) : typeof input != "object" || input === null || typeof input.command != "string" ? {
    decision: "deny",
    rule: "parse-error",
    reason: 'input line has no "command" string; expected {"command":"\u2026"} or {"mcp":"server.tool"}'
  } : decide(input.command, policy, ctx);
}
function decisionLine(decision) {
  let rule = decision.decision === "deny" ? { rule: decision.rule ?? "parse-error" } : {};
  return `${JSON.stringify({ decision: decision.decision, ...rule, reason: decision.reason })}
`;
}
export {
  POLICY_USAGE,
  policyCommand
};
