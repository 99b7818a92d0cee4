import type { Settings } from '../config/settings.js';
import type { LlmClient } from '../llm/types.js';
import { protectedPathsFor } from '../policy/paths.js';
import type { Policy } from '../policy/types.js';
import type { Sandbox } from '../sandbox/types.js';
import { toolsForMode, withExtraTools } from '../tools/registry.js';
import { createCommandRunner } from '../tools/run-command.js';
import type { Mode } from '../mode.js';
import type { ReviewToolContext, Tool, ToolResult } from '../tools/types.js';
import { MODEL_MASK } from '../report/redact.js';
import { Workspace } from '../tools/workspace.js';
import { budgetsFrom } from './budgets.js';
import { type AgentEvent, type AgentResult, runAgent } from './loop.js';
import { repoOverview } from './overview.js';
import type { MaintainerInstructions } from './prompts.js';
import type { Transcript } from './transcript.js';

export interface SessionOptions {
  settings: Settings;
  mode: Mode;
  /** Sanitized task, as the model will read it. */
  task: string;
  workspaceRoot: string;
  policy: Policy | null;
  /** Where commands run; null in read-only modes, which run none. */
  sandbox: Sandbox | null;
  llm: LlmClient;
  /** The parent environment (only names in env_passthrough reach commands, never secrets). */
  env: NodeJS.ProcessEnv;
  transcript: Transcript;
  now?: () => number;
  /** Added to the system prompt: the PR diff for a review, the approved plan, … */
  extraPrompt?: string;
  /** A review of a pull request: its whole diff for `pull_request_diff`, and the follow-ups to decide. */
  review?: ReviewToolContext;
  /** The repository's instructions for agents, read where the caller trusts them; null for none. */
  instructions?: MaintainerInstructions | null;
  /** Tools the request adds to its mode's (ci_log for failed CI); only read-only ones outside fix mode. */
  requestTools?: readonly Tool[];
  onEvent?: (event: AgentEvent) => void;
  /** Tools from MCP servers, and the answer to a call of one that is not offered. */
  extraTools?: { tools: readonly Tool[]; refuse?: (name: string) => ToolResult | null };
}

/**
 * Wires one agent run from settings: the workspace jail, the tools of the mode, the policy-gated and
 * sandboxed command runner (fix mode only), the repository overview, and the budgets.
 * Shared by the action and `kubrick run`, so both behave the same.
 */
export async function runAgentSession(options: SessionOptions): Promise<AgentResult> {
  const { settings, mode, transcript } = options;
  const protectedPaths = protectedPathsFor(settings.policy_path, settings.config_path);
  const sandbox = mode === 'fix' ? options.sandbox : null;
  const commandOwner = sandbox?.commandOwner;
  const workspace = await Workspace.open({
    root: options.workspaceRoot,
    maxFileSizeBytes: Math.floor(settings.max_file_size_mb * 1024 * 1024),
    protectedPaths,
    env: options.env,
    ...(commandOwner ? { owner: { ...commandOwner, unowned: () => sandbox?.workspaceTouched?.() } } : {})
  });
  const commands =
    mode === 'fix' && options.sandbox
      ? createCommandRunner({
          policy: options.policy,
          policyContext: { workspace: workspace.root, protectedPaths },
          sandbox: options.sandbox,
          toolTimeoutMs: settings.tool_timeout * 1000,
          passthrough: settings.env_passthrough,
          parentEnv: options.env,
          record: event => transcript.record({ ...event, type: String(event.type ?? 'command') })
        })
      : undefined;
  const review = mode === 'review' ? options.review : undefined;
  const requestTools = options.requestTools ?? [];
  const tools = withExtraTools(
    toolsForMode(mode, { commands: commands !== undefined, pullRequestDiff: !!review }),
    [...requestTools, ...(options.extraTools?.tools ?? []).map(tool => touchingWorkspace(tool, sandbox))],
    mode
  );
  const allToolNames = [
    ...new Set(
      [
        ...toolsForMode('fix', { commands: true }),
        ...toolsForMode('review', { commands: false, pullRequestDiff: true }),
        ...requestTools
      ].map(t => t.name)
    )
  ];
  transcript.record({
    type: 'start',
    mode,
    task: options.task,
    provider: options.llm.provider,
    model: options.llm.model,
    tools: tools.map(t => t.name),
    sandbox: options.sandbox?.description ?? 'none (read-only mode)',
    policy: options.policy ? options.policy.source : null
  });
  try {
    return await runAgent({
      llm: options.llm,
      task: options.task,
      tools,
      allToolNames,
      refuseUnoffered: options.extraTools?.refuse,
      toolContext: { workspace, mode, commands, ...(review ? { review } : {}) },
      prompt: {
        mode,
        overview: await repoOverview(workspace),
        allowedCommands: options.policy ? options.policy.allow.map(entry => entry.text) : null,
        instructions: options.instructions ?? null,
        extra: options.extraPrompt
      },
      budgets: budgetsFrom(settings),
      prices: {
        in: settings.price_per_mtok_in,
        out: settings.price_per_mtok_out,
        cachedIn: settings.price_per_mtok_cached_in
      },
      transcript,
      // Tool results (file contents, command output, error messages, refusals) go to the model
      // provider: a secret in them, printed by a command or planted in a file, is masked first, by
      // the same redactor that cleans comments and the transcript.
      mask: text => transcript.redactor.redact(text, MODEL_MASK),
      now: options.now,
      onEvent: options.onEvent
    });
  } finally {
    await options.sandbox?.close?.();
  }
}

/**
 * An MCP server runs outside the sandbox, as Kubrick's user: after one of its tools ran, the
 * workspace may hold files commands cannot change, so the sandbox lends it again.
 */
function touchingWorkspace(tool: Tool, sandbox: Sandbox | null): Tool {
  if (!sandbox?.workspaceTouched) return tool;
  return {
    ...tool,
    async run(args, ctx) {
      try {
        return await tool.run(args, ctx);
      } finally {
        sandbox.workspaceTouched?.();
      }
    }
  };
}

/**
 * A cost ceiling needs a price: without one the cost is unknown and the ceiling could never stop a
 * run, so the run is refused before any model call with a message that says what to set.
 */
export function costBudgetProblem(
  settings: Settings,
  prices: (model: string) => { in: number | null; out: number | null }
): string | null {
  if (settings.max_cost_usd === null) return null;
  const table = prices(settings.model);
  const known =
    (settings.price_per_mtok_in ?? table.in) !== null && (settings.price_per_mtok_out ?? table.out) !== null;
  return known
    ? null
    : `max_cost_usd is set, but the price of model "${settings.model}" is unknown, so the cost could not be limited: set price_per_mtok_in and price_per_mtok_out.`;
}
