import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { decide } from '../policy/decide.js';
import { loadPolicy } from '../policy/load.js';
import { decideMcp, parseMcpName, type McpDecision } from '../policy/mcp.js';
import { DEFAULT_PROTECTED_PATHS, realpathOfLongestExisting } from '../policy/paths.js';
import { PolicyError, type Policy, type PolicyContext, type PolicyDecision } from '../policy/types.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export const POLICY_USAGE = `Usage:
  kubrick policy check --policy FILE [--cwd DIR] [--] "<command>"
  kubrick policy check --policy FILE [--cwd DIR] --stdin
  kubrick policy check --policy FILE --mcp SERVER.TOOL

Answers "would this command run?" (or, with --mcp, "may the agent use this
MCP tool?") under a policy file. Prints one JSON line
{"decision":"allow"|"deny","reason":"…"}; a deny also carries "rule", the
stable id of the rule that refused it (docs/policy.md lists them).

Options:
  --policy FILE  the policy file (e.g. .github/kubrick-policy.yml)
  --cwd DIR      the workspace that path rules are checked against (default: current directory)
  --mcp NAME     decide the MCP tool NAME (server.tool) under the policy's mcp section
  --stdin        read JSON Lines {"command":"…"} or {"mcp":"server.tool"} and print one
                 decision line per input, in order
  --help         show this help

Exit codes: 0 allow (and --stdin), 1 deny, 2 usage error or invalid policy.
See docs/policy.md.
`;

interface CheckOptions {
  policyFile: string;
  cwd: string;
  stdin: boolean;
  command: string | undefined;
  /** --mcp: the MCP tool to decide instead of a command. */
  mcp: string | undefined;
}

function parseArgs(args: string[], io: CliIo): CheckOptions | 'help' {
  if (args.length === 0) throw new UsageError(`a subcommand is needed\n\n${POLICY_USAGE}`);
  if (args[0] === '--help' || args[0] === '-h' || args[0] === 'help') return 'help';
  const [sub, ...rest] = args;
  if (sub !== 'check')
    throw new UsageError(
      `unknown subcommand "${sub ?? ''}"; use \`kubrick policy check\`\n\n${POLICY_USAGE}`
    );
  let policyFile: string | undefined;
  let cwd = io.cwd;
  let stdin = false;
  let mcp: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const value = (): string => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value\n\n${POLICY_USAGE}`);
      return next;
    };
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--policy') policyFile = value();
    else if (arg.startsWith('--policy=')) policyFile = arg.slice('--policy='.length);
    else if (arg === '--cwd') cwd = value();
    else if (arg.startsWith('--cwd=')) cwd = arg.slice('--cwd='.length);
    else if (arg === '--stdin') stdin = true;
    else if (arg === '--mcp') mcp = value();
    else if (arg.startsWith('--mcp=')) mcp = arg.slice('--mcp='.length);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option "${arg}"\n\n${POLICY_USAGE}`);
    else positional.push(arg);
  }
  if (!policyFile) throw new UsageError(`--policy FILE is required\n\n${POLICY_USAGE}`);
  if (stdin && positional.length > 0) throw new UsageError('give either a command or --stdin, not both');
  if (mcp !== undefined) {
    if (stdin || positional.length > 0)
      throw new UsageError('give --mcp SERVER.TOOL alone: not with a command or --stdin');
    if (!parseMcpName(mcp))
      throw new UsageError(
        `--mcp "${mcp}" is not an MCP tool name: write server.tool, such as docs.search\n\n${POLICY_USAGE}`
      );
    return { policyFile, cwd: path.resolve(io.cwd, cwd), stdin, command: undefined, mcp };
  }
  if (!stdin && positional.length !== 1) {
    throw new UsageError(
      `${positional.length === 0 ? 'no command given' : 'give the command as one quoted argument'}\n\n${POLICY_USAGE}`
    );
  }
  return { policyFile, cwd: path.resolve(io.cwd, cwd), stdin, command: positional[0], mcp: undefined };
}

export async function policyCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args, io);
  if (options === 'help') {
    io.stdout(POLICY_USAGE);
    return EXIT.ok;
  }
  const policyPath = path.resolve(io.cwd, options.policyFile);
  let text: string;
  try {
    text = fs.readFileSync(policyPath, 'utf8');
  } catch (error) {
    io.stderr(
      `kubrick policy: cannot read the policy file ${options.policyFile}: ${(error as Error).message}\n`
    );
    return EXIT.usage;
  }
  let policy: Policy;
  try {
    policy = loadPolicy(text, options.policyFile);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    io.stderr(`kubrick policy: invalid policy: ${error.message}\n`);
    return EXIT.usage;
  }
  if (options.mcp !== undefined) {
    const decision = decideMcp(policy, options.mcp);
    io.stdout(decisionLine(decision));
    return decision.decision === 'allow' ? EXIT.ok : EXIT.failure;
  }
  if (!fs.existsSync(options.cwd) || !fs.statSync(options.cwd).isDirectory()) {
    io.stderr(`kubrick policy: --cwd ${options.cwd} is not a directory\n`);
    return EXIT.usage;
  }
  const ctx: PolicyContext = {
    workspace: realpathOfLongestExisting(options.cwd),
    protectedPaths: protectedFor(options.cwd, policyPath)
  };
  if (!options.stdin) {
    const decision = decide(options.command ?? '', policy, ctx);
    io.stdout(decisionLine(decision));
    return decision.decision === 'allow' ? EXIT.ok : EXIT.failure;
  }
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    io.stdout(decisionLine(decideLine(line, policy, ctx)));
  }
  return EXIT.ok;
}

/** The policy file itself is protected when it lies inside the workspace being checked. */
function protectedFor(cwd: string, policyPath: string): string[] {
  const relative = path.relative(cwd, policyPath);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return [...new Set([...DEFAULT_PROTECTED_PATHS, ...(inside ? [relative.split(path.sep).join('/')] : [])])];
}

function decideLine(line: string, policy: Policy, ctx: PolicyContext): PolicyDecision | McpDecision {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return {
      decision: 'deny',
      rule: 'parse-error',
      reason: 'input line is not valid JSON; expected {"command":"…"}'
    };
  }
  if (typeof input === 'object' && input !== null && typeof (input as { mcp?: unknown }).mcp === 'string') {
    return decideMcp(policy, (input as { mcp: string }).mcp);
  }
  if (
    typeof input !== 'object' ||
    input === null ||
    typeof (input as { command?: unknown }).command !== 'string'
  ) {
    return {
      decision: 'deny',
      rule: 'parse-error',
      reason: 'input line has no "command" string; expected {"command":"…"} or {"mcp":"server.tool"}'
    };
  }
  return decide((input as { command: string }).command, policy, ctx);
}

function decisionLine(decision: PolicyDecision | McpDecision): string {
  const rule = decision.decision === 'deny' ? { rule: decision.rule ?? 'parse-error' } : {};
  return `${JSON.stringify({ decision: decision.decision, ...rule, reason: decision.reason })}\n`;
}
