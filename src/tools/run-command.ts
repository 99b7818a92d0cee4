/**
 * The `run_command` tool: the policy decides, the sandbox runs, the model reads an honest result.
 * Nothing reaches a process that the policy did not decide: an argv runs as is, a script through
 * `bash --noprofile --norc -c` in its canonical re-quoted form, never the model's raw text.
 */
import * as z from 'zod';
import { decide, formatDenial } from '../policy/decide.js';
import type { Policy, PolicyContext, PolicyDecision } from '../policy/types.js';
import { buildCommandEnv } from '../sandbox/command-env.js';
import type { ExecResult, Sandbox } from '../sandbox/types.js';
import { defineTool, errorResult } from './args.js';
import type { Tool, ToolResult } from './types.js';

/** Per stream; big enough for a failing test's report, small enough for the model's context. */
export const DEFAULT_MAX_OUTPUT_BYTES = 30_000;

export interface CommandOutcome {
  decision: PolicyDecision;
  /** Present when the command was allowed and run. */
  result?: ExecResult;
  /** For a denied command: the message for the model (reason, offending part, allowed prefixes). */
  denial?: string;
}

export interface CommandRunner {
  run(command: string, signal: AbortSignal): Promise<CommandOutcome>;
  readonly sandbox: Sandbox;
  readonly deniedCount: number;
}

export interface CommandRunnerOptions {
  policy: Policy | null;
  policyContext: PolicyContext;
  sandbox: Sandbox;
  toolTimeoutMs: number;
  maxOutputBytes?: number;
  /** `env_passthrough` names. */
  passthrough: string[];
  parentEnv: NodeJS.ProcessEnv;
  /** Every decision and result, for the transcript. */
  record?: (event: Record<string, unknown>) => void;
}

export function executionArgv(decision: PolicyDecision): string[] | undefined {
  const execution = decision.execution;
  if (decision.decision !== 'allow' || !execution) return undefined;
  return execution.kind === 'argv'
    ? execution.argv
    : ['bash', '--noprofile', '--norc', '-c', execution.script];
}

export function createCommandRunner(opts: CommandRunnerOptions): CommandRunner {
  let deniedCount = 0;
  const record = opts.record ?? (() => {});

  return {
    sandbox: opts.sandbox,
    get deniedCount() {
      return deniedCount;
    },
    async run(command, signal) {
      const decision = decide(command, opts.policy, opts.policyContext);
      const argv = executionArgv(decision);
      record({
        type: 'policy_decision',
        command,
        decision: decision.decision,
        reason: decision.reason,
        ...(decision.rule ? { rule: decision.rule } : {}),
        offending: decision.offending
      });
      if (!argv) {
        if (decision.decision === 'allow') {
          // An allow without an execution is a policy-engine defect; refusing is the safe reading.
          decision.decision = 'deny';
          decision.reason = 'the policy allowed the command but did not say how to run it, so it was refused';
        }
        deniedCount++;
        return { decision, denial: formatDenial(decision, opts.policy) };
      }
      // PATH, HOME and TMPDIR are the sandbox's: each gives a command a fresh, empty HOME and TMPDIR.
      const result = await opts.sandbox.run({
        argv,
        cwd: opts.policyContext.workspace,
        env: buildCommandEnv({ passthrough: opts.passthrough, parentEnv: opts.parentEnv }),
        timeoutMs: opts.toolTimeoutMs,
        signal,
        maxOutputBytes: opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES
      });
      record({
        type: 'command_result',
        command,
        sandbox: opts.sandbox.kind,
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        aborted: result.aborted,
        durationMs: result.durationMs,
        cut: result.cut
      });
      return { decision, result };
    }
  };
}

const schema = z.strictObject({
  command: z
    .string()
    .trim()
    .min(1)
    .describe(
      'A shell command, run from the repository root if the command policy allows it. No $ expansions, ' +
        'substitutions or paths outside the repository. Output is capped; stdin is closed.'
    )
});

function describeCut(bytes: number): string {
  return bytes > 0 ? ` (${bytes} bytes cut from the middle)` : '';
}

/** What the model reads after a command ran. */
export function formatExecResult(result: ExecResult, sandbox: Sandbox): string {
  const status = result.timedOut
    ? `timed out after ${result.durationMs} ms and was killed (with everything it started)`
    : result.aborted
      ? 'stopped because the run was cancelled'
      : result.signal
        ? `killed by signal ${result.signal}`
        : `exit code ${result.exitCode}`;
  const lines = [`Status: ${status}`, `Duration: ${result.durationMs} ms`];
  if (sandbox.kind === 'none') lines.push(`Sandbox: ${sandbox.description}`);
  lines.push(
    `--- stdout${describeCut(result.cut.stdout)} ---`,
    result.stdout.length > 0 ? result.stdout : '(empty)'
  );
  lines.push(
    `--- stderr${describeCut(result.cut.stderr)} ---`,
    result.stderr.length > 0 ? result.stderr : '(empty)'
  );
  return lines.join('\n');
}

export const runCommandTool: Tool = defineTool({
  name: 'run_command',
  description:
    "Run a shell command in the repository (tests, linters, builds) when the repository's command policy allows it. " +
    'Returns exit code, stdout, stderr and duration; a denied command returns why and which commands are allowed.',
  schema,
  readOnly: false,
  async run({ command }, ctx) {
    if (!ctx.commands) {
      return errorResult(
        'Commands are not available in this mode: only fix mode may run commands; use the file tools instead.',
        {
          error: 'commands_unavailable'
        }
      );
    }
    const { decision, result, denial } = await ctx.commands.run(command, ctx.signal);
    const decisionData = {
      decision: decision.decision,
      ...(decision.rule ? { rule: decision.rule } : {}),
      reason: decision.reason,
      offending: decision.offending
    };
    if (!result) {
      const content = denial ?? `Command denied: ${decision.reason}.`;
      return { ok: false, content, data: { ...decisionData, denied: true } };
    }
    const ok = !result.timedOut && !result.aborted && result.exitCode === 0;
    return {
      ok,
      content: formatExecResult(result, ctx.commands.sandbox),
      data: {
        ...decisionData,
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        aborted: result.aborted,
        durationMs: result.durationMs,
        cut: result.cut,
        sandbox: ctx.commands.sandbox.kind
      }
    };
  }
});

/** What became of a `run_command` call, for people watching a run: denied by the policy, or run. */
export type CommandReport =
  | { kind: 'denied'; rule: string | null; reason: string }
  | { kind: 'ran'; exitCode: number | null; signal: string | null; timedOut: boolean };

/** Reads a `run_command` result's data; undefined when the call never reached the policy (bad arguments, wrong mode). */
export function commandReportOf(result: ToolResult): CommandReport | undefined {
  const data = result.data;
  if (!data || typeof data.decision !== 'string') return undefined;
  if (data.denied === true) {
    return {
      kind: 'denied',
      rule: typeof data.rule === 'string' ? data.rule : null,
      reason: typeof data.reason === 'string' ? data.reason : 'denied by the command policy'
    };
  }
  return {
    kind: 'ran',
    exitCode: typeof data.exitCode === 'number' ? data.exitCode : null,
    signal: typeof data.signal === 'string' ? data.signal : null,
    timedOut: data.timedOut === true
  };
}
