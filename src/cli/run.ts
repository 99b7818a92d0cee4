import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgentEvent, AgentResult } from '../agent/loop.js';
import type { MaintainerInstructions } from '../agent/prompts.js';
import { costBudgetProblem, runAgentSession } from '../agent/session.js';
import { Transcript } from '../agent/transcript.js';
import { ConfigError, parseRepoConfig, resolveSettings, type SettingOrigins } from '../config/load.js';
import type { SettingName, Settings } from '../config/settings.js';
import { GitCommandManager, tamperedMessage } from '../git/git-command.js';
import { workspaceChanges } from '../git/changes.js';
import { cliKeyWording, missingKeyProblem } from '../llm/api-key.js';
import { knownPrices } from '../llm/cost.js';
import { createLlmClient } from '../llm/create.js';
import { llmOptionsFrom } from '../llm/from-settings.js';
import { openMcp, type McpSession } from '../mcp/open.js';
import { mcpJson, mcpReportLines, serverLine, type McpReport } from '../mcp/report.js';
import { loadPolicy } from '../policy/load.js';
import { protectedPathsFor } from '../policy/paths.js';
import type { Policy } from '../policy/types.js';
import { PolicyError } from '../policy/types.js';
import { conclusionOf, type RunEnd } from '../report/conclusion.js';
import type { Conclusion } from '../report/outcome.js';
import { Redactor } from '../report/redact.js';
import { toolLine } from '../report/tool-lines.js';
import { neutralizeWorkflowCommands } from '../report/workflow-commands.js';
import { sandboxFromSettings } from '../sandbox/from-settings.js';
import { checkoutReader, InstructionsError, readInstructions } from '../run/instructions.js';
import type { Sandbox } from '../sandbox/types.js';
import type { Mode } from '../mode.js';
import { EXIT, type CliIo, UsageError } from './io.js';
import { settingsFromFlags } from './flag-settings.js';
import { errorMessage } from '../error-message.js';

const USAGE = `Usage: kubrick run --task TEXT [options]

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
`;

const FLAG_TO_SETTING: Record<string, SettingName> = {
  mode: 'mode',
  provider: 'provider',
  'base-url': 'base_url',
  model: 'model',
  'max-iterations': 'max_iterations',
  'total-timeout': 'total_timeout',
  'context-window': 'context_window',
  sandbox: 'sandbox'
};

export function apiKeyFor(settings: Settings, env: NodeJS.ProcessEnv): string {
  if (env.KUBRICK_API_KEY) return env.KUBRICK_API_KEY;
  if (settings.provider === 'anthropic') return env.ANTHROPIC_API_KEY ?? '';
  if (settings.provider === 'openai') return env.OPENAI_API_KEY ?? '';
  return '';
}

function describeEvent(event: AgentEvent): string | null {
  if (event.type === 'tool') return `[${event.iteration}] ${toolLine(event)}`;
  if (event.type === 'context') return `context: ${event.action}`;
  return null;
}

/** Kubrick's own git for a local checkout, or null when the directory is not a git repository. */
function localGit(root: string, env: NodeJS.ProcessEnv): GitCommandManager | null {
  return existsSync(join(root, '.git')) ? new GitCommandManager({ cwd: root, env }) : null;
}

/**
 * Kubrick's git for a local checkout, trusting the checkout's settings as they are before the agent
 * (git then runs nothing the agent adds); null outside a work tree.
 */
export async function trustedLocalGit(
  root: string,
  env: NodeJS.ProcessEnv
): Promise<GitCommandManager | null> {
  const git = localGit(root, env);
  await git?.trustCurrentState();
  return git;
}

/** What a local session left: why it may not be trusted (it changed git's control files), else the files it changed. */
export async function sessionChanges(
  git: GitCommandManager | null,
  settings: Settings,
  mode: Mode,
  result: AgentResult
): Promise<{ tampered: string | null; files: string[] }> {
  const tampered = (await git?.changedControlFiles()) ?? [];
  if (tampered.length > 0) return { tampered: tamperedMessage(tampered), files: [] };
  return {
    tampered: null,
    files: mode === 'fix' ? await changedFiles(git, settings, result.changedFiles) : []
  };
}

/** The files the run changed, from git when the checkout is a repository, else from the file tools. */
async function changedFiles(
  git: GitCommandManager | null,
  settings: Settings,
  fallback: string[]
): Promise<string[]> {
  if (!git) return fallback;
  const changes = await workspaceChanges(git, protectedPathsFor(settings.policy_path, settings.config_path));
  return changes.files.map(f => f.path);
}

/** What `kubrick run` was asked to do, once its arguments and files are read. */
interface LocalRun {
  task: string;
  root: string;
  settings: Settings;
  mode: Mode;
  policy: Policy | null;
  transcriptPath: string | null;
  json: boolean;
}

/** Where `kubrick run` reads the instructions for agents from, in messages and the prompt. */
const LOCAL_SOURCE = 'the local checkout';

function parseRunArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        task: { type: 'string' },
        repo: { type: 'string' },
        policy: { type: 'string' },
        transcript: { type: 'string' },
        json: { type: 'boolean' },
        'no-mcp': { type: 'boolean' },
        help: { type: 'boolean' },
        ...Object.fromEntries(Object.keys(FLAG_TO_SETTING).map(k => [k, { type: 'string' as const }]))
      },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    throw new UsageError(`${errorMessage(error)}\n\n${USAGE}`);
  }
}

type RunArgs = ReturnType<typeof parseRunArgs>;

const LOCAL_CONFIG = '.github/kubrick.yml';

/** Why `kubrick run` refuses a key of the repository config that only the action takes as an input. */
function notInLocalConfig(name: SettingName): string {
  if (name === 'api_key')
    return `"api_key" does not belong in ${LOCAL_CONFIG}: kubrick run reads the key from KUBRICK_API_KEY (or OPENAI_API_KEY / ANTHROPIC_API_KEY)`;
  if (name === 'config_path')
    return `"config_path" names this file; kubrick run always reads ${LOCAL_CONFIG}`;
  return `"${name}" is a secret and does not belong in ${LOCAL_CONFIG} (kubrick run does not use it)`;
}

/** Messages name the flag or variable a bad value came from, or the repository config file. */
function localOrigins(given: Partial<Record<SettingName, string>>): SettingOrigins {
  return {
    given: (name, problem) => `${given[name] ?? name}: ${problem}`,
    repoConfig: (name, problem) => `${name}: ${problem} (in ${LOCAL_CONFIG})`
  };
}

/** Settings from the flags (and KUBRICK_BASE_URL / KUBRICK_MODEL) over <repo>/.github/kubrick.yml over the defaults. */
function localSettings(values: RunArgs, root: string, env: NodeJS.ProcessEnv): Settings {
  const { inputs, origin } = settingsFromFlags(values as Record<string, unknown>, FLAG_TO_SETTING, env);
  const configPath = join(root, LOCAL_CONFIG);
  const repoConfig = existsSync(configPath)
    ? parseRepoConfig({
        text: readFileSync(configPath, 'utf8'),
        path: LOCAL_CONFIG,
        notInFile: notInLocalConfig
      })
    : {};
  return resolveSettings(inputs, repoConfig, localOrigins(origin)).settings;
}

/** The policy named by --policy, else the repository's own; none when there is no file. */
function localPolicy(values: RunArgs, root: string, settings: Settings, cwd: string): Policy | null {
  const given = typeof values.policy === 'string' ? resolve(cwd, values.policy) : null;
  const policyFile = given ?? join(root, settings.policy_path);
  if (given && !existsSync(given)) throw new UsageError(`--policy ${given} does not exist`);
  return existsSync(policyFile) ? loadPolicy(readFileSync(policyFile, 'utf8'), policyFile) : null;
}

/** Reads the arguments and the repository's files; null when only the help was asked for. */
function readLocalRun(args: string[], io: CliIo): LocalRun | null {
  const values = parseRunArgs(args);
  if (values.help) return null;
  const task = typeof values.task === 'string' ? values.task.trim() : '';
  if (!task) throw new UsageError(`--task is required\n\n${USAGE}`);
  const root = resolve(io.cwd, typeof values.repo === 'string' ? values.repo : '.');
  if (!existsSync(root)) throw new UsageError(`--repo ${root} does not exist`);
  let settings: Settings;
  let policy: Policy | null;
  try {
    settings = localSettings(values, root, io.env);
    policy = localPolicy(values, root, settings, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PolicyError) throw new UsageError(error.message);
    throw error;
  }
  if (values['no-mcp'] === true) settings.mcp_servers = {};
  if (!settings.model) throw new UsageError('--model (or KUBRICK_MODEL) is required');
  const costProblem = costBudgetProblem(settings, knownPrices);
  // Prices and max_cost_usd have no flags: the repository config file is where they are set.
  if (costProblem) throw new UsageError(`${costProblem.replace(/\.$/, '')} in ${LOCAL_CONFIG}.`);
  return {
    task,
    root,
    settings,
    mode: settings.mode === 'auto' ? 'fix' : settings.mode,
    policy,
    transcriptPath: typeof values.transcript === 'string' ? resolve(io.cwd, values.transcript) : null,
    json: values.json === true
  };
}

/** The checkout's own instructions for agents, for `kubrick run` and each `kubrick eval` task (the user runs on their own files). */
export async function localInstructions(
  settings: Settings,
  root: string
): Promise<MaintainerInstructions | null> {
  try {
    return await readInstructions(settings.instructions_file, checkoutReader(root), LOCAL_SOURCE);
  } catch (error) {
    if (error instanceof InstructionsError) throw new UsageError(error.message);
    throw error;
  }
}

/** Prints the result: one JSON object with --json, else the conclusion on stderr and the summary on stdout. */
function printResult(
  io: CliIo,
  redactor: Redactor,
  local: LocalRun,
  outcome: {
    result: AgentResult;
    conclusion: Conclusion;
    files: string[];
    sandbox: Sandbox;
    instructions: MaintainerInstructions | null;
    mcp: McpReport | null;
  }
): void {
  const { result, conclusion, files, sandbox, instructions, mcp } = outcome;
  if (local.json) {
    const report = {
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
    io.stdout(`${redactor.redact(JSON.stringify(report))}\n`);
    return;
  }
  io.stderr(redactor.redact(`kubrick: ${conclusion}${result.reason ? `: ${result.reason}` : ''}\n`));
  for (const line of mcpReportLines(mcp)) io.stderr(`${neutralizeWorkflowCommands(redactor.redact(line))}\n`);
  // The summary is model text: when this runs in CI it must not form a workflow command.
  if (result.summary) io.stdout(`${neutralizeWorkflowCommands(redactor.redact(result.summary))}\n`);
}

/** The repository config's MCP servers, as the action starts them; their fate is printed unless --json. */
async function startLocalMcp(
  local: LocalRun,
  run: { io: CliIo; apiKey: string; transcript: Transcript; redactor: Redactor }
): Promise<McpSession | null> {
  const mcp = await openMcp({
    settings: local.settings,
    mode: local.mode,
    policy: local.policy,
    env: run.io.env,
    forbidden: [run.apiKey],
    workspace: local.root,
    scratchRoot: join(tmpdir(), 'kubrick'),
    record: event => run.transcript.record(event)
  });
  if (mcp && !local.json) {
    const { servers, leftOut } = mcp.report();
    const lines = [...servers.map(serverLine), ...leftOut.map(tool => `MCP tool left out: ${tool}`)];
    for (const line of lines)
      run.io.stderr(`kubrick: ${neutralizeWorkflowCommands(run.redactor.redact(line))}\n`);
  }
  return mcp;
}

/** `kubrick run`: the agent on a local checkout, with the same session the action uses. */
export async function localRunCommand(args: string[], io: CliIo): Promise<number> {
  const local = readLocalRun(args, io);
  if (!local) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const { settings, mode, root } = local;
  const apiKey = apiKeyFor(settings, io.env);
  const keyWording = cliKeyWording(settings.provider);
  const keyProblem = missingKeyProblem(
    { provider: settings.provider, baseUrl: settings.base_url, apiKey },
    keyWording
  );
  if (keyProblem) throw new UsageError(keyProblem);
  const redactor = Redactor.fromEnvironment(io.env, [apiKey]);
  const instructions = await localInstructions(settings, root);
  const sandbox = await sandboxFromSettings(settings, root, io.env, 'local');
  if (!local.json)
    io.stderr(
      `kubrick: ${mode} with ${settings.provider}/${settings.model}; sandbox: ${sandbox.description}; instructions for agents: ${instructions ? `${instructions.path}${instructions.cutFromBytes === null ? '' : ' (first 32 KB)'}` : 'none'}\n`
    );
  const git = await trustedLocalGit(root, io.env);
  const transcript = new Transcript(local.transcriptPath, redactor);
  const mcp = await startLocalMcp(local, { io, apiKey, transcript, redactor }).catch(async error => {
    await sandbox.close?.();
    throw error;
  });
  let result: AgentResult;
  let mcpReport: McpReport | null;
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
      onEvent: event => {
        const line = describeEvent(event);
        if (line) io.stderr(`${neutralizeWorkflowCommands(redactor.redact(line))}\n`);
      },
      ...(mcp ? { extraTools: mcp } : {})
    });
  } finally {
    mcpReport = mcp?.report() ?? null;
    await mcp?.close();
  }
  const { tampered, files } = await sessionChanges(git, settings, mode, result);
  const end: RunEnd = tampered
    ? { kind: 'failed', reason: tampered }
    : { kind: 'agent', result, nothingChanged: mode === 'fix' && files.length === 0 };
  const { conclusion, reason } = conclusionOf(end);
  printResult(io, redactor, local, {
    result: { ...result, reason },
    conclusion,
    files,
    sandbox,
    instructions,
    mcp: mcpReport
  });
  if (conclusion === 'failure') return EXIT.failure;
  if (conclusion === 'budget_exhausted') return EXIT.budget;
  return EXIT.ok;
}
