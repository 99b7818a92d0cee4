/**
 * A Streamable HTTP MCP server (the SDK's own server transport on 127.0.0.1): reached with the
 * declared headers, its tools offered like a stdio server's, and a header secret it echoes masked
 * before the model reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { parseMcpServers } from '../../src/mcp/config.js';
import { startMcp } from '../../src/mcp/start.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { ToolContext } from '../../src/tools/types.js';

const AUTH = 'Bearer docs-secret-value-93b1c7';
let http: HttpServer;
let url: string;
let dir: string;
const seen: IncomingHttpHeaders[] = [];

function mcpServer(headers: IncomingHttpHeaders): Server {
  const server = new Server({ name: 'docs-test-server', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [
      {
        name: 'search',
        description: 'Search the documentation.',
        inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
        annotations: { readOnlyHint: true }
      }
    ]
  }));
  server.setRequestHandler(CallToolRequestSchema, async request => ({
    content: [
      {
        type: 'text',
        text: `Results for ${String(request.params.arguments?.query)}: docs/setup.md. (You sent ${String(headers.authorization)}.)`
      }
    ]
  }));
  return server;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubrick-mcp-http-'));
  http = createServer((req, res) => {
    seen.push(req.headers);
    // Stateless: one server and transport per request, as the SDK's examples do.
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    const server = mcpServer(req.headers);
    res.on('close', () => void transport.close().then(() => server.close()));
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>(resolve => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
});

afterAll(async () => {
  await new Promise(resolve => http.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('a Streamable HTTP server', () => {
  it('is reached with its declared headers, and what it echoes of a secret is masked', async () => {
    const { servers, problems } = parseMcpServers({
      docs: { url, headers: { Authorization: { from_env: 'DOCS_AUTH' }, 'X-Team': 'core' } }
    });
    expect(problems).toEqual([]);
    const events: Record<string, unknown>[] = [];
    const mcp = await startMcp({
      servers,
      policy: loadPolicy('version: 1\nallow: []\nmcp:\n  allow: [docs.search]\n', 'p.yml'),
      mode: 'ask',
      env: { DOCS_AUTH: AUTH },
      forbidden: [],
      workspace: join(dir, 'workspace'),
      scratchRoot: dir,
      toolTimeoutMs: 5000,
      record: event => events.push(event)
    });
    try {
      expect(mcp.tools.map(tool => tool.name)).toEqual(['mcp__docs__search']);
      const context = { mode: 'ask', signal: new AbortController().signal } as unknown as ToolContext;
      const result = await mcp.tools[0]!.run({ query: 'setup' }, context);
      expect(result.ok).toBe(true);
      expect(result.content).toContain('Results for setup: docs/setup.md.');
      expect(result.content).toContain('(You sent ***.)');
      expect(result.content).not.toContain('docs-secret-value');
      expect(seen.length).toBeGreaterThan(0);
      for (const headers of seen) expect(headers).toMatchObject({ authorization: AUTH, 'x-team': 'core' });
      expect(mcp.report().servers).toEqual([{ name: 'docs', state: 'started', reason: null, offered: 1 }]);
    } finally {
      await mcp.close();
    }
  });

  it('is reported, not fatal, when nothing answers at its URL', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const { servers } = parseMcpServers({ gone: { url: `http://127.0.0.1:${port}/mcp` } });
    const mcp = await startMcp({
      servers,
      policy: loadPolicy('version: 1\nallow: []\nmcp:\n  allow: ["gone.*"]\n', 'p.yml'),
      mode: 'fix',
      env: {},
      forbidden: [],
      workspace: join(dir, 'workspace'),
      scratchRoot: dir,
      toolTimeoutMs: 5000,
      record: () => undefined,
      startTimeoutMs: 5000
    });
    try {
      expect(mcp.tools).toEqual([]);
      expect(mcp.report().servers).toEqual([
        expect.objectContaining({
          name: 'gone',
          state: 'failed',
          reason: expect.stringMatching(/^could not be reached: .*ECONNREFUSED/)
        })
      ]);
    } finally {
      await mcp.close();
    }
  });
});
