import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgentEvent, AgentResult } from '../agent/loop.js';
import { costBudgetProblem, runAgentSession } from '../agent/session.js';
import { Transcript } from '../agent/transcript.js';
import { ConfigError, parseRepoConfig, resolveSettings } from '../config/load.js';
import type { SettingName, Settings } from '../config/settings.js';
import { GitCommandManager, tamperedMessage } from '../git/git-command.js';
import { workspaceChanges } from '../git/changes.js';
import { knownPrices } from '../llm/cost.js';
import { createLlmClient } from '../llm/create.js';
import { llmOptionsFrom } from '../llm/from-settings.js';
import { loadPolicy } from '../policy/load.js';
import { protectedPathsFor } from '../policy/paths.js';
import type { Policy } from '../policy/types.js';
import { PolicyError } from '../policy/types.js';
import { Redactor } from '../report/redact.js';
import { neutralizeWorkflowCommands } from '../report/workflow-commands.js';
import { createSandbox } from '../sandbox/create.js';
import type { AgentMode } from '../tools/types.js';
import { EXIT, type CliIo, UsageError } from './io.js';

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
  --json                   print one JSON object with the result on stdout

The API key comes from KUBRICK_API_KEY, else OPENAI_API_KEY or ANTHROPIC_API_KEY by provider.
Settings not given here come from <repo>/.github/kubrick.yml, then the defaults.
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

function apiKeyFor(settings: Settings, env: NodeJS.ProcessEnv): string {
  if (env.KUBRICK_API_KEY) return env.KUBRICK_API_KEY;
  if (settings.provider === 'anthropic') return env.ANTHROPIC_API_KEY ?? '';
  if (settings.provider === 'openai') return env.OPENAI_API_KEY ?? '';
  return '';
}

function describeEvent(event: AgentEvent): string | null {
  if (event.type === 'tool')
    return `[${event.iteration}] ${event.ok ? '✓' : '✗'} ${event.name}${event.detail ? ` ${event.detail}` : ''}`;
  if (event.type === 'context') return `context: ${event.action}`;
  return null;
}

async function changedFiles(
  git: GitCommandManager | null,
  settings: Settings,
  fallback: string[]
): Promise<string[]> {
  if (!git) return fallback;
  const changes = await workspaceChanges(git, protectedPathsFor(settings.policy_path, settings.config_path));
  return changes.files.map(f => f.path);
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        task: { type: 'string' },
        repo: { type: 'string' },
        policy: { type: 'string' },
        transcript: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
        ...Object.fromEntries(Object.keys(FLAG_TO_SETTING).map(k => [k, { type: 'string' as const }]))
      },
      strict: true,
      allowPositionals: false
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const task = typeof values.task === 'string' ? values.task.trim() : '';
  if (!task) throw new UsageError(`--task is required\n\n${USAGE}`);
  const root = resolve(io.cwd, typeof values.repo === 'string' ? values.repo : '.');
  if (!existsSync(root)) throw new UsageError(`--repo ${root} does not exist`);

  const inputs: Partial<Record<SettingName, string>> = {};
  for (const [flag, name] of Object.entries(FLAG_TO_SETTING)) {
    const value = (values as Record<string, unknown>)[flag];
    if (typeof value === 'string') inputs[name] = value;
  }
  if (!inputs.base_url && io.env.KUBRICK_BASE_URL) inputs.base_url = io.env.KUBRICK_BASE_URL;
  if (!inputs.model && io.env.KUBRICK_MODEL) inputs.model = io.env.KUBRICK_MODEL;

  let settings: Settings;
  let policy: Policy | null = null;
  try {
    const configPath = join(root, '.github/kubrick.yml');
    const repoConfig = existsSync(configPath)
      ? parseRepoConfig({ text: readFileSync(configPath, 'utf8'), path: '.github/kubrick.yml' })
      : {};
    settings = resolveSettings(inputs, repoConfig).settings;
    const policyFile =
      typeof values.policy === 'string' ? resolve(io.cwd, values.policy) : join(root, settings.policy_path);
    if (typeof values.policy === 'string' && !existsSync(policyFile))
      throw new UsageError(`--policy ${policyFile} does not exist`);
    if (existsSync(policyFile)) policy = loadPolicy(readFileSync(policyFile, 'utf8'), policyFile);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PolicyError) throw new UsageError(error.message);
    throw error;
  }
  const mode: AgentMode = settings.mode === 'auto' ? 'fix' : settings.mode;
  if (!settings.model) throw new UsageError('--model (or KUBRICK_MODEL) is required');
  const costProblem = costBudgetProblem(settings, knownPrices);
  if (costProblem) throw new UsageError(costProblem);

  const apiKey = apiKeyFor(settings, io.env);
  const redactor = Redactor.fromEnvironment(io.env, [apiKey]);
  const transcriptPath = typeof values.transcript === 'string' ? resolve(io.cwd, values.transcript) : null;
  const transcript = new Transcript(transcriptPath, redactor);
  const sandbox = await createSandbox({
    mode: settings.sandbox,
    allowNetwork: settings.allow_network,
    workspace: root,
    extraPaths: settings.sandbox_paths,
    env: io.env
  });
  if (!values.json)
    io.stderr(
      `kubrick: ${mode} with ${settings.provider}/${settings.model}; sandbox: ${sandbox.description}\n`
    );
  const llm = createLlmClient(llmOptionsFrom(settings, apiKey));
  // The repository's git settings as they are before the agent: git runs nothing added later.
  const git = existsSync(join(root, '.git')) ? new GitCommandManager({ cwd: root, env: io.env }) : null;
  await git?.trustCurrentState();
  const result: AgentResult = await runAgentSession({
    settings,
    mode,
    task,
    workspaceRoot: root,
    policy,
    sandbox,
    llm,
    env: io.env,
    transcript,
    onEvent: event => {
      const line = describeEvent(event);
      if (line) io.stderr(`${neutralizeWorkflowCommands(redactor.redact(line))}\n`);
    }
  });
  const tampered = (await git?.changedControlFiles()) ?? [];
  if (tampered.length > 0) {
    result.conclusion = 'failure';
    result.reason = tamperedMessage(tampered);
  }
  const files =
    mode === 'fix' && tampered.length === 0 ? await changedFiles(git, settings, result.changedFiles) : [];
  const conclusion =
    result.conclusion === 'success' && mode === 'fix' && files.length === 0
      ? 'no_changes'
      : result.conclusion;
  const report = {
    conclusion,
    budget: result.budget,
    reason: result.reason,
    iterations: result.iterations,
    tool_calls: result.toolCalls,
    commands_denied: result.commandsDenied,
    tokens_in: result.tokensIn,
    tokens_out: result.tokensOut,
    tokens_estimated: result.tokensEstimated,
    cost_usd: result.costUsd,
    changed_files: files,
    sandbox: sandbox.kind,
    summary: result.summary
  };
  if (values.json) io.stdout(`${redactor.redact(JSON.stringify(report))}\n`);
  else {
    io.stderr(redactor.redact(`kubrick: ${conclusion}${result.reason ? `: ${result.reason}` : ''}\n`));
    // The summary is model text: when this runs in CI it must not form a workflow command.
    if (result.summary) io.stdout(`${neutralizeWorkflowCommands(redactor.redact(result.summary))}\n`);
  }
  if (conclusion === 'failure') return EXIT.failure;
  if (conclusion === 'budget_exhausted') return EXIT.budget;
  return EXIT.ok;
}
