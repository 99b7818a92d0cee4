/**
 * The MCP servers of one run: started together once, before the agent, each within the start-up
 * timeout; a server that fails is reported and its tools are missing, the run goes on. The tools
 * are listed once, in a stable order (servers by name, tools by name), so the tools the model is
 * offered stay the same, byte for byte, for the whole run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../error-message.js';
import type { Mode } from '../mode.js';
import { mayAllowServer } from '../policy/mcp.js';
import type { Policy } from '../policy/types.js';
import { Redactor } from '../report/redact.js';
import type { Tool, ToolResult } from '../tools/types.js';
import type { McpServers } from './config.js';
import { McpConnection, McpServerError, type ConnectionTarget } from './connection.js';
import { checkoutReference, serverInputs } from './environment.js';
import type { McpReport, McpServerStatus } from './report.js';
import { checkToolDefinition, type McpToolDefinition } from './tool-definition.js';
import { McpToolbox } from './tools.js';

export const START_TIMEOUT_MS = 30_000;

export interface StartMcpOptions {
  servers: McpServers;
  policy: Policy | null;
  mode: Mode;
  /** The run's environment: where from_env and from_input values are read, and the PATH. */
  env: NodeJS.ProcessEnv;
  /** The workflow token and the model API key: never handed to a server under any name. */
  forbidden: readonly string[];
  /** The checkout: never a server's working directory, never on its PATH (a pull request controls it). */
  workspace: string;
  /** Where each stdio server gets its own empty HOME and working directory. */
  scratchRoot: string;
  toolTimeoutMs: number;
  record: (event: { type: string } & Record<string, unknown>) => void;
  fetch?: typeof fetch;
  startTimeoutMs?: number;
}

export interface McpSession {
  /** The tools offered to the model, in a stable order. */
  readonly tools: Tool[];
  /** The answer to a call of an MCP tool that is not offered; null for any other name. */
  refuse(name: string): ToolResult | null;
  report(): McpReport;
  /** Ends every server; safe to call more than once. */
  close(): Promise<void>;
}

type Outcome =
  | { kind: 'started'; name: string; connection: McpConnection; listed: unknown[] }
  | { kind: 'failed' | 'skipped'; name: string; reason: string };

function skipReason(policy: Policy | null): string {
  return policy
    ? 'no mcp.allow entry of the policy names a tool of it'
    : 'there is no policy file, so no MCP tool may be used';
}

/** Keeps each valid tool once, sorted by name; the rest are left out with the reason. */
function definitionsOf(server: string, listed: unknown[], leftOut: string[]): McpToolDefinition[] {
  const byName = new Map<string, McpToolDefinition>();
  for (const raw of listed) {
    const checked = checkToolDefinition(server, raw);
    if ('problem' in checked) leftOut.push(`${server}.${checked.tool}: ${checked.problem}`);
    else if (byName.has(checked.tool)) leftOut.push(`${server}.${checked.tool}: the server lists it twice`);
    else byName.set(checked.tool, checked);
  }
  return [...byName.values()].sort((a, b) => (a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0));
}

export async function startMcp(options: StartMcpOptions): Promise<McpSession> {
  const timeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  const names = Object.keys(options.servers).sort();
  mkdirSync(options.scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(options.scratchRoot, 'mcp-'));
  // What servers were given from the environment is secret: masked wherever a server's words go.
  const secrets: string[] = [];

  const startOne = async (name: string): Promise<Outcome> => {
    const config = options.servers[name]!;
    if (!mayAllowServer(options.policy, name))
      return { kind: 'skipped', name, reason: skipReason(options.policy) };
    const fromCheckout = checkoutReference(config, options.workspace);
    if (fromCheckout) return { kind: 'failed', name, reason: fromCheckout };
    const home = join(scratch, name);
    mkdirSync(home, { mode: 0o700 });
    const sources = { env: options.env, forbidden: options.forbidden };
    const inputs = serverInputs(config, sources, { home, workspace: options.workspace });
    if (!inputs.ok) return { kind: 'failed', name, reason: inputs.problem };
    secrets.push(...inputs.secrets);
    const target: ConnectionTarget =
      config.transport === 'stdio'
        ? { transport: 'stdio', command: config.command, args: config.args, env: inputs.env, cwd: home }
        : {
            transport: 'http',
            url: config.url,
            headers: inputs.headers,
            ...(options.fetch ? { fetch: options.fetch } : {})
          };
    const { connection, tools } = await McpConnection.open(target, timeoutMs);
    return { kind: 'started', name, connection, listed: tools };
  };
  // Whatever goes wrong with one server is that server's failure, never the run's.
  const settle = (name: string): Promise<Outcome> =>
    startOne(name).catch(error => ({
      kind: 'failed',
      name,
      reason: error instanceof McpServerError ? error.message : `could not be started: ${errorMessage(error)}`
    }));

  const outcomes = await Promise.all(names.map(settle));
  const redactor = new Redactor(secrets);
  const leftOut: string[] = [];
  const notRunning: McpServerStatus[] = [];
  const unavailable = new Map<string, string>();
  const running: { server: string; connection: McpConnection; definitions: McpToolDefinition[] }[] = [];
  const modelNames = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.kind === 'started') {
      // `a_` + `b` and `a` + `_b` spell the same model name: the first server (by name) keeps it.
      const definitions = definitionsOf(outcome.name, outcome.listed, leftOut).filter(definition => {
        const taken = modelNames.has(definition.modelName);
        if (taken)
          leftOut.push(
            `${outcome.name}.${definition.tool}: ${definition.modelName} is the name of another server's tool`
          );
        modelNames.add(definition.modelName);
        return !taken;
      });
      running.push({ server: outcome.name, connection: outcome.connection, definitions });
      options.record({
        type: 'mcp_server',
        server: outcome.name,
        state: 'started',
        tools: definitions.map(definition => definition.tool)
      });
      continue;
    }
    const reason = redactor.redact(outcome.reason);
    notRunning.push({ name: outcome.name, state: outcome.kind, reason, offered: 0 });
    unavailable.set(
      outcome.name,
      `${outcome.kind === 'failed' ? 'did not start' : 'was not started'}: ${reason}`
    );
    options.record({ type: 'mcp_server', server: outcome.name, state: outcome.kind, reason });
  }

  const toolbox = new McpToolbox(running, unavailable, {
    policy: options.policy,
    mode: options.mode,
    toolTimeoutMs: options.toolTimeoutMs,
    record: options.record,
    redactor
  });
  options.record({
    type: 'mcp_tools',
    offered: toolbox.tools.map(tool => tool.name),
    left_out: [...leftOut, ...toolbox.leftOut]
  });

  const report = (): McpReport => {
    const live = running.map(({ server, connection }): McpServerStatus => {
      const stopped = connection.stopped;
      return {
        name: server,
        state: stopped ? 'stopped' : 'started',
        reason: stopped ? redactor.redact(stopped) : null,
        offered: toolbox.offeredFrom(server)
      };
    });
    return {
      servers: [...live, ...notRunning].sort((a, b) => (a.name < b.name ? -1 : 1)),
      offered: [...toolbox.offered],
      leftOut: [...leftOut, ...toolbox.leftOut],
      tools: toolbox.uses()
    };
  };

  let closed: Promise<void> | null = null;
  return {
    tools: toolbox.tools,
    refuse: name => toolbox.refuse(name),
    report,
    close: () =>
      (closed ??= Promise.all(running.map(server => server.connection.close())).then(() =>
        rmSync(scratch, { recursive: true, force: true })
      ))
  };
}
