/**
 * One run of one task: a fresh checkout, the agent in fix mode under the task's policy and in the
 * sandbox, then the check in a sandbox of its own. The agent and the sandbox come in as
 * collaborators, so this is the same loop `kubrick run` drives, and tests can watch every step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { usageOf, type AgentEvent, type AgentResult, type RunUsage } from '../agent/loop.js';
import { NO_USAGE } from '../report/outcome.js';
import type { Transcript } from '../agent/transcript.js';
import type { Settings } from '../config/settings.js';
import type { Policy } from '../policy/types.js';
import type { Sandbox } from '../sandbox/types.js';
import { type CheckResult, runCheck } from './check.js';
import { checkoutTask } from './checkout.js';
import type { EvalTask } from './suite.js';
import { errorMessage } from '../error-message.js';

/** `kubrick run`'s conclusions: a fix that changed nothing is no_changes. */
export type EvalConclusion = 'success' | 'no_changes' | 'budget_exhausted' | 'failure';

export interface EvalJob {
  task: EvalTask;
  settings: Settings;
  /** 1-based. */
  run: number;
}

export interface SessionRequest {
  settings: Settings;
  task: string;
  workspace: string;
  policy: Policy | null;
  sandbox: Sandbox;
  transcript: Transcript;
  onEvent: (event: AgentEvent) => void;
}

export interface SessionOutcome {
  result: AgentResult;
  conclusion: EvalConclusion;
  /**
   * The run changed the checkout's git control files (only possible with `sandbox: none`): its
   * check is not run, since the workspace can no longer be trusted to say what the agent did.
   */
  tampered?: boolean;
}

export interface TaskRunDeps {
  /** Where the run's checkout is made (removed when the run ends). */
  tempRoot: string;
  createSandbox: (settings: Settings, workspace: string) => Promise<Sandbox>;
  runSession: (request: SessionRequest) => Promise<SessionOutcome>;
  transcriptFor: (job: EvalJob) => Transcript;
  onEvent?: (job: EvalJob, event: AgentEvent) => void;
  /** The environment git finds its PATH in for the checkout. */
  env: NodeJS.ProcessEnv;
  now?: () => number;
}

/** A run's usage figures as the report gives them (whether tokens were estimated is not reported). */
export interface TaskRunResult extends Omit<RunUsage, 'tokensEstimated'> {
  name: string;
  run: number;
  solved: boolean;
  conclusion: EvalConclusion;
  /** Why the run ended early or failed, in Kubrick's words (null for a normal end). */
  reason: string | null;
  /** The agent's wall-clock time; checkout and check are not counted. */
  seconds: number;
  /** Null when the run failed before the check could run. */
  check: CheckResult | null;
}

const CHECK_OUTPUT_TAIL = 4000;

export async function runTask(job: EvalJob, deps: TaskRunDeps): Promise<TaskRunResult> {
  const now = deps.now ?? Date.now;
  const { task, settings } = job;
  const transcript = deps.transcriptFor(job);
  const dir = mkdtempSync(join(deps.tempRoot, `${task.name}-${job.run}-`));
  let outcome: SessionOutcome | null = null;
  let seconds = 0;
  let check: CheckResult | null = null;
  let reason: string | null = null;
  try {
    const workspace = await checkoutTask(task.repoDir, dir, deps.env);
    const sandbox = await deps.createSandbox(settings, workspace);
    const started = now();
    try {
      outcome = await deps.runSession({
        settings,
        task: task.prompt,
        workspace,
        policy: task.policy,
        sandbox,
        transcript,
        onEvent: event => deps.onEvent?.(job, event)
      });
    } finally {
      seconds = (now() - started) / 1000;
      await sandbox.close?.();
    }
    if (outcome.tampered) {
      transcript.record({ type: 'eval_check', solved: false, skipped: 'the run changed git control files' });
    } else {
      // A sandbox of its own: nothing the agent's commands left running can touch the verdict.
      const checkSandbox = await deps.createSandbox(settings, workspace);
      try {
        check = await runCheck({
          command: task.check,
          workspace,
          sandbox: checkSandbox,
          timeoutMs: task.checkTimeout * 1000
        });
      } finally {
        await checkSandbox.close?.();
      }
      transcript.record({
        type: 'eval_check',
        solved: check.solved,
        exitCode: check.exitCode,
        timedOut: check.timedOut,
        durationMs: check.durationMs,
        stdout: check.stdout.slice(-CHECK_OUTPUT_TAIL),
        stderr: check.stderr.slice(-CHECK_OUTPUT_TAIL)
      });
    }
  } catch (error) {
    reason = `the eval could not complete this run: ${errorMessage(error)}`;
    transcript.record({ type: 'eval_error', reason });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const { tokensEstimated: _estimated, ...usage } = usageOf(outcome?.result ?? NO_USAGE);
  return {
    name: task.name,
    run: job.run,
    solved: check?.solved ?? false,
    conclusion: reason !== null ? 'failure' : (outcome?.conclusion ?? 'failure'),
    reason: reason ?? outcome?.result.reason ?? null,
    ...usage,
    seconds,
    check
  };
}

/**
 * Runs every job, at most `concurrency` at a time, and returns the results in the jobs' order.
 * `onFinished` is called as each one ends (for progress), in the order they end.
 */
export async function runJobs(
  jobs: EvalJob[],
  concurrency: number,
  runOne: (job: EvalJob) => Promise<TaskRunResult>,
  onFinished: (result: TaskRunResult, job: EvalJob) => void = () => {}
): Promise<TaskRunResult[]> {
  const results = new Array<TaskRunResult>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      results[index] = await runOne(job);
      onFinished(results[index], job);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  return results;
}
