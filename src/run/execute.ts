import { budgetsFrom, describeBudget } from '../agent/budgets.js';
import type { AgentResult, RunUsage } from '../agent/loop.js';
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
import { loadPolicy } from '../policy/load.js';
import { PolicyError, type Policy } from '../policy/types.js';
import type { RunEnd } from '../report/conclusion.js';
import type { RunOutcome } from '../report/outcome.js';
import type { ProgressSink } from '../report/progress.js';
import { workflowLog } from '../report/workflow-commands.js';
import { createSandbox } from '../sandbox/create.js';
import type { Sandbox } from '../sandbox/types.js';
import { threadNumber, type RunDecision } from '../trigger/decision.js';
import { RunFailed } from './errors.js';
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

async function sandboxFor(settings: Settings, workspace: string, env: NodeJS.ProcessEnv): Promise<Sandbox> {
  try {
    return await createSandbox({
      mode: settings.sandbox,
      allowNetwork: settings.allow_network,
      workspace,
      extraPaths: settings.sandbox_paths,
      env
    });
  } catch (error) {
    throw new RunFailed(errorMessage(error));
  }
}

function recordResult(outcome: RunOutcome, result: AgentResult, settings: Settings): void {
  const { iterations, toolCalls, commandsDenied, tokensIn, tokensOut, tokensEstimated, costUsd } = result;
  const usage: RunUsage = {
    iterations,
    toolCalls,
    commandsDenied,
    tokensIn,
    tokensOut,
    tokensEstimated,
    costUsd
  };
  Object.assign(outcome, usage);
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
): Promise<{ policy: Policy | null; target: PreparedTarget; sandbox: Sandbox | null }> {
  const { gh, runner, settings, defaultBranch, decision } = context;
  const fix = decision.mode === 'fix';
  const [policy, target, sandbox] = await Promise.allSettled([
    fix ? loadTrustedPolicy(gh, runner, settings, defaultBranch) : null,
    prepareTarget(context),
    fix ? sandboxFor(settings, runner.workspace, deps.env) : null
  ]);
  if (policy.status === 'rejected' || target.status === 'rejected' || sandbox.status === 'rejected') {
    if (sandbox.status === 'fulfilled') await sandbox.value?.close?.();
    throw firstRejection([policy, target, sandbox]);
  }
  return { policy: policy.value, target: target.value, sandbox: sandbox.value };
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
  const { policy, target, sandbox } = await prepareTogether(deps, { ...context, ownLogin: options.ownLogin });
  progress.step(target.preparedLabel);
  if (target.ci) outcome.ci = target.ci;

  outcome.sandbox = sandbox ? sandbox.description : null;
  if (sandbox?.kind === 'none') workflowLog(deps.stdout).warn(sandbox.description);
  if (mode === 'fix')
    progress.step(
      policy
        ? `Loaded the command policy ${settings.policy_path}`
        : `No command policy (${settings.policy_path}) on ${defaultBranch}: no command will run`
    );

  progress.step(`Started the agent (${settings.provider}/${settings.model})`);
  const result = await runAgentSession({
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
    extraTools: target.tools,
    onEvent: event => progress.agent(event)
  });
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
