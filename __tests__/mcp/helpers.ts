/** The test MCP server (test-support/mcp-server/server.ts) and what it logged. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test-support/action-runner.js';

export const TEST_SERVER = join(REPO_ROOT, 'test-support', 'mcp-server', 'server.ts');

export interface ServerLogEntry {
  pid: number;
  event: 'start' | 'list' | 'call';
  env?: Record<string, string>;
  cwd?: string;
  tool?: string;
  arguments?: Record<string, unknown>;
}

/** Everything the server wrote to its own log, in order. */
export function serverLog(file: string): ServerLogEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line) as ServerLogEntry);
}

/** The calls that reached the server. */
export function callsReceived(file: string): { tool: string; arguments: Record<string, unknown> }[] {
  return serverLog(file)
    .filter(entry => entry.event === 'call')
    .map(entry => ({ tool: entry.tool ?? '', arguments: entry.arguments ?? {} }));
}

/** `mcp_servers` YAML for the test server started by this Node. */
export function serverYaml(
  name: string,
  log: string,
  options: { extra?: string[]; flags?: string[]; env?: string } = {}
): string {
  const args = [TEST_SERVER, '--log', log];
  if (options.extra?.length) args.push('--extra', options.extra.join(','));
  args.push(...(options.flags ?? []));
  return [
    `  ${name}:`,
    `    command: ${JSON.stringify(process.execPath)}`,
    `    args: ${JSON.stringify(args)}`,
    ...(options.env ? [`    env: ${options.env}`] : [])
  ].join('\n');
}
