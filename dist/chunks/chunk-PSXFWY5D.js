import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  Transcript,
  cliKeyWording,
  conclusionOf,
  createLlmClient,
  missingKeyProblem,
  toolLine
} from "./chunk-YKIS4CWJ.js";
import {
  EXIT,
  UsageError
} from "./chunk-H6C3COZ7.js";
import {
  ConfigError,
  parseRepoConfig,
  resolveSettings
} from "./chunk-J4KUIEG5.js";
import {
  GitCommandManager,
  InstructionsError,
  checkoutReader,
  costBudgetProblem,
  knownPrices,
  llmOptionsFrom,
  openMcp,
  readInstructions,
  runAgentSession,
  sandboxFromSettings,
  tamperedMessage,
  workspaceChanges
} from "./chunk-QSHTLRY7.js";
import {
  PolicyError,
  loadPolicy,
  protectedPathsFor
} from "./chunk-VBCSLYBZ.js";
import {
  mcpJson,
  mcpReportLines,
  serverLine
} from "./chunk-QLPD7WVL.js";
import {
  neutralizeWorkflowCommands
} from "./chunk-BRVQXLGQ.js";
import {
  Redactor
} from "./chunk-H4MY3GRQ.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";

// src/cli/run.ts
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/cli/flag-settings.ts
var VARIABLE_TO_SETTING = [
  ["KUBRICK_BASE_URL", "base_url"],
  ["KUBRICK_MODEL", "model"]
];
function settingsFromFlags(values, flags, env) {
  let inputs = {}, origin = {};
  for (let [flag, name] of Object.entries(flags)) {
    let value = values[flag];
    typeof value == "string" && (inputs[name] = value, origin[name] = `--${flag}`);
  }
  for (let [variable, name] of VARIABLE_TO_SETTING)
    inputs[name] || !env[variable] || (inputs[name] = env[variable], origin[name] = variable);
  return { inputs, origin };
}

// src/cli/run.ts
var USAGE = `Usage: kubrick run --task TEXT [options]

Runs the agent on a local checkout, printing one line per tool call to stderr.

Options:
  --task TEXT              what to do (required)
  --repo DIR               the repository (default: current directory)
  --mode MODE              fix (default), ask, review or plan
  --provider NAME          openai (default), anthropic or triton
  --base-url URL           model server root (or KUBRICK_BASE_URL)
  --model NAME             model name (or KUBRICK_MODEL)
  --policy FILE            command policy (default: <repo>/.github/kubrick-policy.yml when present)
  --max-iterations N       model calls (default 15)
  --total-timeout S        seconds for the whole run (default 600)
  --context-window TOKENS  context window of the model (default 128000)
  --sandbox MODE           auto (default), namespaces or none
  --transcript FILE        write the JSON Lines transcript there
  --no-mcp                 start none of the MCP servers the repository config names
  --json                   print one JSON object with the result on stdout

Instructions for agents (AGENTS.md, else CLAUDE.md, .github/copilot-instructions.md, GEMINI.md,
or instructions_file) are read from the checkout.
The API key comes from KUBRICK_API_KEY, else OPENAI_API_KEY or ANTHROPIC_API_KEY by provider.
Settings not given here come from <repo>/.github/kubrick.yml, then the defaults; its
mcp_servers start as in CI, offering the tools the policy's mcp.allow names.
Exit codes: 0 success or no changes, 1 failure, 2 usage error, 3 budget exhausted.
`, FLAG_TO_SETTING = {
  mode: "mode",
  provider: "provider",
  "base-url": "base_url",
  model: "model",
  "max-iterations": "max_iterations",
  "total-timeout": "total_timeout",
  "context-window": "context_window",
  sandbox: "sandbox"
};
function apiKeyFor(settings, env) {
  return env.KUBRICK_API_KEY ? env.KUBRICK_API_KEY : settings.provider === "anthropic" ? env.ANTHROPIC_API_KEY ?? "" : settings.provider === "openai" ? env.OPENAI_API_KEY ?? "" : "";
}
function describeEvent(event) {
  return event.type === "tool" ? `[${event.iteration}] ${toolLine(event)}` : event.type === "context" ? `context: ${event.action}` : null;
}
function localGit(root, env) {
  return existsSync(join(root, ".git")) ? new GitCommandManager({ cwd: root, env }) : null;
}
async function trustedLocalGit(root, env) {
  let git = localGit(root, env);
  return await git?.trustCurrentState(), git;
}
async function sessionChanges(git, settings, mode, result) {
  let tampered = await git?.changedControlFiles() ?? [];
  return tampered.length > 0 ? { tampered: tamperedMessage(tampered), files: [] } : {
    tampered: null,
    files: mode === "fix" ? await changedFiles(git, settings, result.changedFiles) : []
  };
}
async function changedFiles(git, settings, fallback) {
  return git ? (await workspaceChanges(git, protectedPathsFor(settings.policy_path, settings.config_path))).files.map((f) => f.path) : fallback;
}
var LOCAL_SOURCE = "the local checkout";
function parseRunArgs(args) {
  try {
    return parseArgs({
      args,
      options: {
        task: { type: "string" },
        repo: { type: "string" },
        policy: { type: "string" },
        transcript: { type: "string" },
        json: { type: "boolean" },
        "no-mcp": { type: "boolean" },
        help: { type: "boolean" },
        ...Object.fromEntries(Object.keys(FLAG_TO_SETTING).map((k) => [k, { type: "string" }]))
      },
      strict: !0,
      allowPositionals: !1
    }).values;
  } catch (error) {
    throw new UsageError(`${errorMessage(error)}

${USAGE}`);
  }
}
var LOCAL_CONFIG = ".github/kubrick.yml";
function notInLocalConfig(name) {
  return name === "api_key" ? `"api_key" does not belong in ${LOCAL_CONFIG}: kubrick run reads the key from KUBRICK_API_KEY (or OPENAI_API_KEY / ANTHROPIC_API_KEY)` : name === "config_path" ? `"config_path" names this file; kubrick run always reads ${LOCAL_CONFIG}` : `"${name}" is a secret and does not belong in ${LOCAL_CONFIG} (kubrick run does not use it)`;
}
function localOrigins(given) {
  return {
    given: (name, problem) => `${given[name] ?? name}: ${problem}`,
    repoConfig: (name, problem) => `${name}: ${problem} (in ${LOCAL_CONFIG})`
  };
}
function localSettings(values, root, env) {
  let { inputs, origin } = settingsFromFlags(values, FLAG_TO_SETTING, env), configPath = join(root, LOCAL_CONFIG), repoConfig = existsSync(configPath) ? parseRepoConfig({
    text: readFileSync(configPath, "utf8"),
    path: LOCAL_CONFIG,
    notInFile: notInLocalConfig
  }) : {};
  return resolveSettings(inputs, repoConfig, localOrigins(origin)).settings;
}
function localPolicy(values, root, settings, cwd) {
  let given = typeof values.policy == "string" ? resolve(cwd, values.policy) : null, policyFile = given ?? join(root, settings.policy_path);
  if (given && !existsSync(given)) throw new UsageError(`--policy ${given} does not exist`);
  return existsSync(policyFile) ? loadPolicy(readFileSync(policyFile, "utf8"), policyFile) : null;
}
function readLocalRun(args, io) {
  let values = parseRunArgs(args);
  if (values.help) return null;
  let task = typeof values.task == "string" ? values.task.trim() : "";
  if (!task) throw new UsageError(`--task is required

${USAGE}`);
  let root = resolve(io.cwd, typeof values.repo == "string" ? values.repo : ".");
  if (!existsSync(root)) throw new UsageError(`--repo ${root} does not exist`);
  let settings, policy;
  try {
    settings = localSettings(values, root, io.env), policy = localPolicy(values, root, settings, io.cwd);
  } catch (error) {
    throw error instanceof ConfigError || error instanceof PolicyError ? new UsageError(error.message) : error;
  }
  if (values["no-mcp"] === !0 && (settings.mcp_servers = {}), !settings.model) throw new UsageError("--model (or KUBRICK_MODEL) is required");
  let costProblem = costBudgetProblem(settings, knownPrices);
  if (costProblem) throw new UsageError(`${costProblem.replace(/\.$/, "")} in ${LOCAL_CONFIG}.`);
  return {
    task,
    root,
    settings,
    mode: settings.mode === "auto" ? "fix" : settings.mode,
    policy,
    transcriptPath: typeof values.transcript == "string" ? resolve(io.cwd, values.transcript) : null,
    json: values.json === !0
  };
}
async function localInstructions(settings, root) {
  try {
    return await readInstructions(settings.instructions_file, checkoutReader(root), LOCAL_SOURCE);
  } catch (error) {
    throw error instanceof InstructionsError ? new UsageError(error.message) : error;
  }
}
function printResult(io, redactor, local, outcome) {
  let { result, conclusion, files, sandbox, instructions, mcp } = outcome;
  if (local.json) {
    let report = {
      conclusion,
      budget: result.budget,
      reason: result.reason,
      iterations: result.iterations,
      tool_calls: result.toolCalls,
      commands_denied: result.commandsDenied,
      tokens_in: result.tokensIn,
      tokens_out: result.tokensOut,
      tokens_cached: result.tokensCached,
      tokens_estimated: result.tokensEstimated,
      cost_usd: result.costUsd,
      changed_files: files,
      sandbox: sandbox.kind,
      instructions_file: instructions?.path ?? null,
      mcp: mcpJson(mcp),
      summary: result.summary
    };
    io.stdout(`${redactor.redact(JSON.stringify(report))}
`);
    return;
  }
  io.stderr(redactor.redact(`kubrick: ${conclusion}${result.reason ? `: ${result.reason}` : ""}
`));
  for (let line of mcpReportLines(mcp)) io.stderr(`${neutralizeWorkflowCommands(redactor.redact(line))}
`);
  result.summary && io.stdout(`${neutralizeWorkflowCommands(redactor.redact(result.summary))}
`);
}
async function startLocalMcp(local, run) {
  let mcp = await openMcp({
    settings: local.settings,
    mode: local.mode,
    policy: local.policy,
    env: run.io.env,
    forbidden: [run.apiKey],
    workspace: local.root,
    scratchRoot: join(tmpdir(), "kubrick"),
    record: (event) => run.transcript.record(event)
  });
  if (mcp && !local.json) {
    let { servers, leftOut } = mcp.report(), lines = [...servers.map(serverLine), ...leftOut.map((tool) => `MCP tool left out: ${tool}`)];
    for (let line of lines)
      run.io.stderr(`kubrick: ${neutralizeWorkflowCommands(run.redactor.redact(line))}
`);
  }
  return mcp;
}
async function localRunCommand(args, io) {
  let local = readLocalRun(args, io);
  if (!local)
    return io.stdout(USAGE), EXIT.ok;
  let { settings, mode, root } = local, apiKey = apiKeyFor(settings, io.env), keyWording = cliKeyWording(settings.provider), keyProblem = missingKeyProblem(
    { provider: settings.provider, baseUrl: settings.base_url, apiKey },
    keyWording
  );
  if (keyProblem) throw new UsageError(keyProblem);
  let redactor = Redactor.fromEnvironment(io.env, [apiKey]), instructions = await localInstructions(settings, root), sandbox = await sandboxFromSettings(settings, root, io.env, "local");
  local.json || io.stderr(
    `kubrick: ${mode} with ${settings.provider}/${settings.model}; sandbox: ${sandbox.description}; instructions for agents: ${instructions ? `${instructions.path}${instructions.cutFromBytes === null ? "" : " (first 32 KB)"}` : "none"}
`
  );
  let git = await trustedLocalGit(root, io.env), transcript = new Transcript(local.transcriptPath, redactor), mcp = await startLocalMcp(local, { io, apiKey, transcript, redactor }).catch(async (error) => {
    throw await sandbox.close?.(), error;
  }), result, mcpReport;
  try {
    result = await runAgentSession({
      settings,
      mode,
      task: local.task,
      workspaceRoot: root,
      policy: local.policy,
      sandbox,
      llm: createLlmClient(llmOptionsFrom(settings, apiKey, keyWording)),
      env: io.env,
      transcript,
      instructions,
      onEvent: (event) => {
        let line = describeEvent(event);
        line && io.stderr(`${neutralizeWorkflowCommands(redactor.redact(line))}
`);
      },
      ...mcp ? { extraTools: mcp } : {}
    });
  } finally {
    mcpReport = mcp?.report() ?? null, await mcp?.close();
  }
  let { tampered, files } = await sessionChanges(git, settings, mode, result), end = tampered ? { kind: "failed", reason: tampered } : { kind: "agent", result, nothingChanged: mode === "fix" && files.length === 0 }, { conclusion, reason } = conclusionOf(end);
  return printResult(io, redactor, local, {
    result: { ...result, reason },
    conclusion,
    files,
    sandbox,
    instructions,
    mcp: mcpReport
  }), conclusion === "failure" ? EXIT.failure : conclusion === "budget_exhausted" ? EXIT.budget : EXIT.ok;
}

export {
  settingsFromFlags,
  apiKeyFor,
  trustedLocalGit,
  sessionChanges,
  localInstructions,
  localRunCommand
};
