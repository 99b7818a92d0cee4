/**
 * One MCP server, through the official SDK's Client: started (stdio) or reached (Streamable HTTP)
 * once per run, its tools listed once, each call bounded in time. A server that goes away answers
 * every later call with the reason, without another attempt to reach it.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { errorMessage } from '../error-message.js';
import { VERSION } from '../version.js';

export type ConnectionTarget =
  | { transport: 'stdio'; command: string; args: string[]; env: Record<string, string>; cwd: string }
  | { transport: 'http'; url: string; headers: Record<string, string>; fetch?: typeof fetch };

/** Why a server could not be used; the message is for a maintainer. */
export class McpServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'McpServerError';
  }
}

/** A listing page: each tool is checked on its own later, so one bad tool cannot hide the others. */
const LenientToolList = z.looseObject({
  tools: z.array(z.unknown()),
  nextCursor: z.string().optional()
});

/** More pages or tools than this is a server misbehaving, not a catalogue. */
const MAX_PAGES = 20;
const MAX_LISTED = 500;
const STDERR_TAIL = 1500;

/** The last characters a server wrote to stderr, to say why it failed. */
class Tail {
  private text = '';
  add(chunk: unknown): void {
    this.text = (this.text + String(chunk)).slice(-STDERR_TAIL);
  }
  describe(): string {
    const flat = this.text.replace(/\s+/g, ' ').trim();
    return flat ? `; its last output: "${flat.slice(-300)}"` : '';
  }
}

function transportFor(target: ConnectionTarget, stderr: Tail): Transport {
  if (target.transport === 'http') {
    return new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: { headers: target.headers },
      // Declared headers may hold credentials: a redirect to another origin is not followed.
      redirectPolicy: 'same-origin',
      ...(target.fetch ? { fetch: target.fetch } : {})
    });
  }
  const transport = new StdioClientTransport({
    command: target.command,
    args: target.args,
    env: target.env,
    cwd: target.cwd,
    // Piped, never inherited: what a server prints must not reach the runner's log as a workflow command.
    stderr: 'pipe'
  });
  transport.stderr?.on('data', chunk => stderr.add(chunk));
  return transport;
}

function startFailure(error: unknown, target: ConnectionTarget, timeoutMs: number, stderr: Tail): string {
  const code = (error as { code?: unknown }).code;
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return `did not answer within ${Math.round(timeoutMs / 1000)} s${stderr.describe()}`;
  }
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) {
    return `exited before it answered${stderr.describe()}`;
  }
  if (target.transport === 'stdio' && code === 'ENOENT') {
    return `could not be started: there is no program "${target.command}" on its PATH`;
  }
  if (target.transport === 'stdio' && code === 'EACCES') {
    return `could not be started: "${target.command}" is not executable`;
  }
  // fetch says only "fetch failed"; the refused connection or unknown host is in its cause.
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause !== undefined && cause !== null ? ` (${errorMessage(cause)})` : '';
  return `could not be reached: ${errorMessage(error)}${detail}${stderr.describe()}`;
}

export class McpConnection {
  private stoppedReason: string | null = null;
  private closing = false;

  private constructor(
    private readonly client: Client,
    private readonly stderr: Tail
  ) {
    client.onclose = () => {
      if (!this.closing) this.stoppedReason = `it exited or closed the connection${this.stderr.describe()}`;
    };
  }

  /**
   * Connects and lists the tools within `timeoutMs` (start-up included). Throws McpServerError
   * saying why the server cannot be used; the process is ended then.
   */
  static async open(
    target: ConnectionTarget,
    timeoutMs: number
  ): Promise<{ connection: McpConnection; tools: unknown[] }> {
    const deadline = Date.now() + timeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    const stderr = new Tail();
    // No capabilities: a server cannot ask Kubrick for model completions, user input or roots.
    const client = new Client({ name: 'kubrick', version: VERSION }, { capabilities: {} });
    const connection = new McpConnection(client, stderr);
    try {
      await client.connect(transportFor(target, stderr), { timeout: left(), maxTotalTimeout: left() });
      const tools = await connection.listTools(left);
      return { connection, tools };
    } catch (error) {
      await connection.close();
      throw new McpServerError(startFailure(error, target, timeoutMs, stderr));
    }
  }

  private async listTools(left: () => number): Promise<unknown[]> {
    if (!this.client.getServerCapabilities()?.tools) return [];
    const tools: unknown[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES && tools.length < MAX_LISTED; page++) {
      const result = await this.client.request(
        { method: 'tools/list', params: cursor ? { cursor } : {} },
        LenientToolList,
        { timeout: left(), maxTotalTimeout: left() }
      );
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return tools.slice(0, MAX_LISTED);
  }

  /** Why the server can no longer be used (it exited or closed), or null while it can. */
  get stopped(): string | null {
    return this.stoppedReason;
  }

  /** One call, bounded by `timeoutMs` and the run's signal; throws on timeout, crash or protocol error. */
  async call(
    tool: string,
    args: Record<string, unknown>,
    options: { timeoutMs: number; signal: AbortSignal }
  ): Promise<CallToolResult> {
    if (this.stoppedReason) throw new McpServerError(this.stoppedReason);
    try {
      return (await this.client.callTool({ name: tool, arguments: args }, undefined, {
        timeout: options.timeoutMs,
        maxTotalTimeout: options.timeoutMs,
        signal: options.signal
      })) as CallToolResult;
    } catch (error) {
      if (this.stoppedReason) throw new McpServerError(this.stoppedReason);
      throw error;
    }
  }

  /** Ends the server (stdin closed, then SIGTERM, then SIGKILL, as the SDK does) or the HTTP session. */
  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.client.close();
    } catch {
      // Closing a server that is already gone has nothing left to do.
    }
  }
}
