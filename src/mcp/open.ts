/**
 * The one entry to MCP for the action and `kubrick run`: nothing happens, and the SDK is not even
 * loaded, when the repository config names no server.
 */
import type { Settings } from '../config/settings.js';
import type { Mode } from '../mode.js';
import type { Policy } from '../policy/types.js';
import type { McpSession } from './start.js';

export type { McpSession } from './start.js';

export interface OpenMcpOptions {
  settings: Settings;
  mode: Mode;
  policy: Policy | null;
  env: NodeJS.ProcessEnv;
  /** The workflow token and the model API key. */
  forbidden: readonly string[];
  workspace: string;
  scratchRoot: string;
  record: (event: { type: string } & Record<string, unknown>) => void;
  fetch?: typeof fetch;
}

export function hasMcpServers(settings: Settings): boolean {
  return Object.keys(settings.mcp_servers).length > 0;
}

/** Starts the configured servers, or returns null when there are none. Never throws for a server. */
export async function openMcp(options: OpenMcpOptions): Promise<McpSession | null> {
  if (!hasMcpServers(options.settings)) return null;
  const { startMcp } = await import('./start.js');
  return startMcp({
    servers: options.settings.mcp_servers,
    policy: options.policy,
    mode: options.mode,
    env: options.env,
    forbidden: options.forbidden,
    workspace: options.workspace,
    scratchRoot: options.scratchRoot,
    toolTimeoutMs: options.settings.tool_timeout * 1000,
    record: options.record,
    ...(options.fetch ? { fetch: options.fetch } : {})
  });
}
