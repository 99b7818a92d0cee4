import { budgetsFrom, describeBudget } from '../agent/budgets.js';
import { usageOf, type AgentResult } from '../agent/loop.js';
import type { MaintainerInstructions } from '../agent/prompts.js';
import { costBudgetProblem, runAgentSession } from '../agent/session.js';
import type { Transcript } from '../agent/transcript.js';
import type { Settings } from '../config/settings.js';
import type { Dependencies } from '../dependencies.js';
import { errorMessage } from '../error-message.js';
import { pushAuthConfig } from '../git/auth.js';
import { GitCommandManager, tamperedMessage } from '../git/git-command.js';
import { removePersistedCredentials } from '../git/persisted-credentials.js';
import type { GitHub } from '../github/client.js';
import { readDefaultBranchFile } from '../github/contents.js';
import { knownPrices } from '../llm/cost.js';
import { llmOptionsFrom } from '../llm/from-settings.js';
import { hasMcpServers, openMcp, type McpSession } from '../mcp/open.js';
import { serverLine } from '../mcp/report.js';
import { loadPolicy } from '../policy/load.js';
import { PolicyError, type Policy } from '../policy/types.js';
import type { RunEnd } from '../report/conclusion.js';
import type { RunOutcome } from '../report/outcome.js';
import type { ProgressSink } from '../report/progress.js';
import { neutralizeWorkflowCommands, workflowLog } from '../report/workflow-commands.js';
import { sandboxFromSettings } from '../sandbox/from-settings.js';
import type { Sandbox } from '../sandbox/types.js';
import { threadNumber, type RunDecision } from '../trigger/decision.js';
import { RunFailed } from './errors.js';
import { defaultBranchReader, InstructionsError, readInstructions } from './instructions.js';
import { prepareTarget, type PreparedTarget, type TargetContext } from './prepare-target.js';
import { publishFix } from './publish-fix.js';
import { publishReview } from './publish-review.js';
import type { RunnerContext } from './runner-context.js';
import type { StartedRun } from './start.js';

export interface ExecuteOptions {
  deps: Dependencies;
  started: StartedRun;
  /** The account the action posts as (from its progress comment), when known. */
  ownLogin?: string;
  decision: RunDecision;
  /** Filled in as the run goes, so a failure half-way still reports what happened. */
  outcome: RunOutcome;
  transcript: Transcript;
  progress: ProgressSink;
}

async function loadTrustedPolicy(
  gh: GitHub,
  runner: RunnerContext,
  settings: Settings,
  ref: string
): Promise<Policy | null> {
  const text = await readDefaultBranchFile(gh, {
    owner: runner.owner,
    repo: runner.repo,
    path: settings.policy_path,
    ref
  });
  if (text === null) return null;
  try {
    return loadPolicy(text, `${settings.policy_path} on ${ref}`);
  } catch (error) {
    if (error instanceof PolicyError) {
      throw new RunFailed(
        `the command policy ${settings.policy_path} on ${ref} is invalid: ${error.message}`
      );
    }
    throw error;
  }
}

/** The instructions for agents as the default branch holds them (a PR cannot supply them). */
async function loadTrustedInstructions(
  gh: GitHub,
  runner: RunnerContext,
  settings: Settings,
  ref: string
): Promise<MaintainerInstructions | null> {
  try {
    return await readInstructions(settings.instructions_file, defaultBranchReader(gh, runner, ref), ref);
  } catch (error) {
    if (error instanceof InstructionsError) throw new RunFailed(error.message);
    throw error;
  }
}

async function sandboxFor(settings: Settings, workspace: string, env: NodeJS.ProcessEnv): Promise<Sandbox> {
  try {
    return await sandboxFromSettings(settings, workspace, env);
  } catch (error) {
    throw new RunFailed(errorMessage(error));
  }
}

function recordResult(outcome: RunOutcome, result: AgentResult, settings: Settings): void {
  Object.assign(outcome, usageOf(result));
  outcome.summary = result.summary;
  outcome.budget = result.budget;
  outcome.budgetDescription = result.budget ? describeBudget(result.budget, budgetsFrom(settings)) : null;
}

/** The reason of the first step that failed. */
function firstRejection(steps: PromiseSettledResult<unknown>[]): unknown {
  return steps.find((step): step is PromiseRejectedResult => step.status === 'rejected')?.reason;
}

/**
 * Independent steps run together, so the model is asked sooner: the policy (an API read), the
 * target (API reads and a git fetch) and the sandbox (namespace setup). Read-only modes run no
 * command, so they need neither policy nor sandbox. A failure is thrown once every step has
 * settled, after the sandbox (if it was made) is closed.
 */
async function prepareTogether(
  deps: Dependencies,
  context: TargetContext & { ownLogin?: string }
): Promise<{
  policy: Policy | null;
  target: PreparedTarget;
  sandbox: Sandbox | null;
  instructions: MaintainerInstructions | null;
}> {
  const { gh, runner, settings, defaultBranch, decision } = context;
  const fix = decision.mode === 'fix';
  // MCP tools are allowed by the policy too, in every mode.
  const needsPolicy = fix || hasMcpServers(settings);
  const [policy, target, sandbox, instructions] = await Promise.allSettled([
    needsPolicy ? loadTrustedPolicy(gh, runner, settings, defaultBranch) : null,
    prepareTarget(context),
    fix ? sandboxFor(settings, runner.workspace, deps.env) : null,
    loadTrustedInstructions(gh, runner, settings, defaultBranch)
  ]);
  if (
    policy.status === 'rejected' ||
    target.status === 'rejected' ||
    sandbox.status === 'rejected' ||
    instructions.status === 'rejected'
  ) {
    if (sandbox.status === 'fulfilled') await sandbox.value?.close?.();
    throw firstRejection([policy, target, sandbox, instructions]);
  }
  return {
    policy: policy.value,
    target: target.value,
    sandbox: sandbox.value,
    instructions: instructions.value
  };
}

/** The repository's MCP servers, started once for the run; each one's fate goes to the log. */
async function startMcpServers(options: ExecuteOptions, policy: Policy | null): Promise<McpSession | null> {
  const { deps, decision, transcript, progress } = options;
  const { runner, settings } = options.started;
  const mcp = await openMcp({
    settings,
    mode: decision.mode,
    policy,
    env: deps.env,
    forbidden: [settings.github_token, settings.api_key],
    workspace: runner.workspace,
    scratchRoot: runner.scratchDir,
    record: event => transcript.record(event),
    fetch: deps.fetch
  });
  if (!mcp) return null;
  const log = workflowLog(deps.stdout);
  const { servers, leftOut } = mcp.report();
  for (const server of servers) {
    const line = options.started.redactor.redact(serverLine(server));
    if (server.state === 'failed') log.warn(line);
    else deps.stdout(`Kubrick: ${neutralizeWorkflowCommands(line)}`);
  }
  for (const tool of leftOut) log.warn(options.started.redactor.redact(`MCP tool left out: ${tool}`));
  const started = servers.filter(server => server.state === 'started');
  progress.step(
    `Started ${started.length} MCP server${started.length === 1 ? '' : 's'}${started.length > 0 ? ` (${started.map(s => s.name).join(', ')})` : ''}`
  );
  return mcp;
}

/**
 * Everything between "authorized" and "report": prepare, run the agent, publish its work. Returns
 * what the conclusion is decided from; throws RunFailed / RunRefused when the run cannot go on.
 */
export async function executeRun(options: ExecuteOptions): Promise<RunEnd> {
  const { deps, decision, outcome, transcript, progress } = options;
  const { gh, runner, settings, defaultBranch } = options.started;
  const mode = decision.mode;

  if (!settings.model) {
    throw new RunFailed(
      'no model is configured: set the `model` input (and `provider`, `base_url`, `api_key`) in the workflow.'
    );
  }
  const costProblem = costBudgetProblem(settings, knownPrices);
  if (costProblem) throw new RunFailed(costProblem);

  // Created first: it starts loading the provider's SDK, which then overlaps the steps below.
  const llm = deps.createLlm({
    ...llmOptionsFrom(settings, settings.api_key),
    now: deps.now,
    sleep: deps.sleep,
    fetch: deps.fetch
  });
  const git = new GitCommandManager({ cwd: runner.workspace, env: deps.env });
  // Before anything reads the checkout: the token actions/checkout may have left in .git/config
  // goes, and what remains is what Kubrick's git will trust after the agent ran.
  for (const line of await removePersistedCredentials(git)) deps.stdout(`Kubrick: ${line}`);
  await git.trustCurrentState();
  const auth = pushAuthConfig(runner.serverUrl, settings.github_token);
  const context: TargetContext = {
    gh,
    git,
    auth,
    runner,
    settings,
    decision,
    defaultBranch,
    fetch: deps.fetch,
    redactor: options.started.redactor
  };
  const { policy, target, sandbox, instructions } = await prepareTogether(deps, {
    ...context,
    ownLogin: options.ownLogin
  });
  progress.step(target.preparedLabel);
  if (target.ci) outcome.ci = target.ci;
  if (instructions) {
    outcome.instructions = {
      path: instructions.path,
      source: instructions.source,
      cut: instructions.cutFromBytes !== null
    };
    progress.step(`Read the instructions for agents in ${instructions.path} on ${defaultBranch}`);
  }

  outcome.sandbox = sandbox ? sandbox.description : null;
  if (sandbox?.kind === 'none') workflowLog(deps.stdout).warn(sandbox.description);
  if (mode === 'fix')
    progress.step(
      policy
        ? `Loaded the command policy ${settings.policy_path}`
        : `No command policy (${settings.policy_path}) on ${defaultBranch}: no command will run`
    );

  const mcp = await startMcpServers(options, policy).catch(async error => {
    await sandbox?.close?.();
    throw error;
  });
  progress.step(`Started the agent (${settings.provider}/${settings.model})`);
  let result: AgentResult;
  try {
    result = await runAgentSession({
      settings,
      mode,
      task: target.task,
      workspaceRoot: runner.workspace,
      policy,
      sandbox,
      llm,
      env: deps.env,
      transcript,
      now: deps.now,
      extraPrompt: target.extraPrompt,
      ...(target.review ? { review: target.review.toolContext } : {}),
      ...(target.tools ? { requestTools: target.tools } : {}),
      instructions,
      onEvent: event => progress.agent(event),
      ...(mcp ? { extraTools: mcp } : {})
    });
  } finally {
    if (mcp) {
      outcome.mcp = mcp.report();
      await mcp.close();
    }
  }
  recordResult(outcome, result, settings);
  progress.step('The agent finished');
  const tampered = await git.changedControlFiles();
  if (tampered.length > 0) throw new RunFailed(tamperedMessage(tampered));

  if (mode === 'fix') {
    const changed = await publishFix({ ...context, target, result, outcome });
    return { kind: 'agent', result, nothingChanged: !changed };
  }
  if (mode === 'review' && result.conclusion === 'success') {
    await publishReview({ gh, runner, settings, target, result, outcome });
  } else if (mode === 'plan' && result.conclusion === 'success') {
    // The plan is the summary, posted in the final comment with a hidden id an approval looks for.
    outcome.planId = `${runner.runId}-${decision.commentId ?? threadNumber(decision.target) ?? 0}`;
  }
  return { kind: 'agent', result, nothingChanged: false };
}
