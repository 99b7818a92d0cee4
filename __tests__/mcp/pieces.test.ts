/**
 * The small parts of MCP support, without a server: a server's environment and PATH, the checks a
 * listed tool passes, how an answer is shown to the model, the report lines, and how extra tools
 * join a mode's tools.
 */
import { describe, expect, it } from '@jest/globals';
import { parseMcpServers } from '../../src/mcp/config.js';
import { serverInputs, serverPath } from '../../src/mcp/environment.js';
import { mcpReportLines, type McpReport } from '../../src/mcp/report.js';
import { formatForModel, MAX_RESULT_CHARS, resultText } from '../../src/mcp/result.js';
import { checkToolDefinition, MAX_SCHEMA_CHARS } from '../../src/mcp/tool-definition.js';
import { Redactor } from '../../src/report/redact.js';
import { toolsForMode, withExtraTools } from '../../src/tools/registry.js';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../../src/tools/run-command.js';
import type { Tool } from '../../src/tools/types.js';

function stdio(env: Record<string, unknown>) {
  const { servers, problems } = parseMcpServers({ s: { command: 'server', env } });
  expect(problems).toEqual([]);
  return servers.s!;
}

describe('a server environment', () => {
  const place = { home: '/scratch/s', workspace: '/home/runner/work/repo/repo' };

  it('is PATH, HOME and neutral names, then what was declared; nothing else of the runner', () => {
    const inputs = serverInputs(
      stdio({ A: 'literal', B: { from_env: 'B_SOURCE' }, C: { from_input: 'team-name' } }),
      {
        env: {
          PATH: '/usr/bin',
          B_SOURCE: 'from-env-value',
          'INPUT_TEAM-NAME': 'core',
          SECRET_TOKEN: 'nope',
          HOME: '/root'
        },
        forbidden: []
      },
      place
    );
    expect(inputs).toEqual({
      ok: true,
      env: {
        PATH: '/usr/bin',
        HOME: '/scratch/s',
        SHELL: '/bin/sh',
        TERM: 'dumb',
        USER: 'kubrick',
        LOGNAME: 'kubrick',
        A: 'literal',
        B: 'from-env-value',
        C: 'core'
      },
      headers: {},
      secrets: ['from-env-value', 'core']
    });
  });

  it('refuses a value that is, or holds, the token or the API key, whatever its name', () => {
    const inputs = serverInputs(
      stdio({ AUTH: { from_env: 'MY_AUTH' } }),
      { env: { MY_AUTH: 'token sk-the-model-key-123' }, forbidden: ['sk-the-model-key-123', ''] },
      place
    );
    expect(inputs).toEqual({
      ok: false,
      problem:
        'AUTH (from_env MY_AUTH) holds the workflow token or the model API key, which never reach an MCP server'
    });
  });

  it('names a variable or input the step does not pass', () => {
    expect(
      serverInputs(stdio({ T: { from_env: 'SENTRY_TOKEN' } }), { env: {}, forbidden: [] }, place)
    ).toEqual({
      ok: false,
      problem:
        'T (from_env SENTRY_TOKEN): the variable SENTRY_TOKEN is not set; pass it in the env: of the workflow step'
    });
    expect(
      serverInputs(stdio({ T: { from_input: 'sentry' } }), { env: {}, forbidden: [] }, place)
    ).toMatchObject({
      ok: false,
      problem: expect.stringContaining(
        'the step has no input sentry; pass it in the with: of the workflow step'
      )
    });
  });

  it("drops relative PATH entries and directories inside the checkout (a pull request's files)", () => {
    expect(
      serverPath(
        '/home/runner/work/repo/repo/node_modules/.bin::.:bin:/opt/hostedtoolcache/node/24/x64/bin:/usr/bin:/usr/bin:/home/runner/work/repo/repo',
        place.workspace
      )
    ).toBe('/opt/hostedtoolcache/node/24/x64/bin:/usr/bin');
    expect(serverPath(undefined, place.workspace)).toBe('/usr/local/bin:/usr/bin:/bin');
  });
});

describe('a listed tool', () => {
  const valid = { name: 'search', description: 'Search.', inputSchema: { type: 'object', properties: {} } };

  it('is offered with a model name, a sanitized capped description, and its schema without $schema', () => {
    const checked = checkToolDefinition('docs', {
      ...valid,
      description: `Search the docs.\u200B\u202E ${'x'.repeat(2000)}`,
      inputSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { q: { type: 'string' } }
      },
      annotations: { readOnlyHint: true }
    });
    if ('problem' in checked) throw new Error(checked.problem);
    expect(checked.modelName).toBe('mcp__docs__search');
    expect(checked.parameters).toEqual({ type: 'object', properties: { q: { type: 'string' } } });
    expect(checked.description).toMatch(/^Search the docs\. x+…/);
    expect(checked.description).not.toMatch(/[\u200B\u202E]/);
    expect(checked.description.length).toBeLessThan(1200);
    expect(checked.readOnly).toBe(true);
    expect(checked.validate({ q: 'a' }).valid).toBe(true);
    expect(checked.validate({ q: 1 }).valid).toBe(false);
  });

  it('is not read-only unless the server says readOnlyHint: true', () => {
    const hinted = (annotations: unknown) => checkToolDefinition('docs', { ...valid, annotations });
    expect(hinted(undefined)).toMatchObject({ readOnly: false });
    expect(hinted({ readOnlyHint: false })).toMatchObject({ readOnly: false });
    expect(hinted({ destructiveHint: false, idempotentHint: true })).toMatchObject({ readOnly: false });
  });

  it('is left out, with the reason, for each way it can be unusable', () => {
    const problem = (raw: unknown) => {
      const checked = checkToolDefinition('docs', raw);
      return 'problem' in checked ? checked.problem : null;
    };
    expect(problem({ ...valid, name: 'a'.repeat(60) })).toMatch(/cannot be a model tool name/);
    expect(problem({ ...valid, name: 'has space' })).toMatch(/cannot be a model tool name/);
    expect(problem({ description: 'no name', inputSchema: valid.inputSchema })).toMatch(
      /not a valid MCP tool \(name:/
    );
    expect(
      problem({ ...valid, inputSchema: { type: 'object', properties: { a: { $ref: '#/nowhere' } } } })
    ).toMatch(/its input schema is invalid/);
    expect(
      problem({
        ...valid,
        inputSchema: { type: 'object', properties: { a: { type: 'string', pattern: '(' } } }
      })
    ).toMatch(/its input schema is invalid/);
    const huge = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, { type: 'string' }]))
    };
    expect(problem({ ...valid, inputSchema: huge })).toBe(
      `its input schema is longer than ${MAX_SCHEMA_CHARS} characters`
    );
  });

  it('keeps its own validator when two tools share an $id', () => {
    const a = checkToolDefinition('docs', {
      ...valid,
      inputSchema: { $id: 'input', type: 'object', required: ['a'] }
    });
    const b = checkToolDefinition('docs', {
      ...valid,
      name: 'other',
      inputSchema: { $id: 'input', type: 'object', required: ['b'] }
    });
    if ('problem' in a || 'problem' in b) throw new Error('left out');
    expect(a.validate({ a: 1 }).valid).toBe(true);
    expect(b.validate({ a: 1 }).valid).toBe(false);
    expect(b.validate({ b: 1 }).valid).toBe(true);
  });
});

describe('an answer as the model reads it', () => {
  const name = { server: 'docs', tool: 'search' };

  it('is capped like one run_command stream', () => {
    expect(MAX_RESULT_CHARS).toBe(DEFAULT_MAX_OUTPUT_BYTES);
    const text = formatForModel(name, { content: [{ type: 'text', text: 'y'.repeat(100_000) }] }, []);
    expect(text.length).toBeLessThan(MAX_RESULT_CHARS + 500);
    expect(text).toMatch(/truncated: [\d,]+ of 100,000 characters/);
  });

  it('masks a secret before cutting, so no half of it survives at the cut', () => {
    const secret = 'declared-secret-value-0123456789';
    const text = formatForModel(
      name,
      { content: [{ type: 'text', text: `${'a'.repeat(20_990)}${secret}${'b'.repeat(60_000)}` }] },
      [new Redactor([secret])]
    );
    expect(text).not.toContain('declared-secret');
    expect(text).not.toContain('0123456789');
  });

  it('says when the tool reported an error, and shows structured content when there is no text', () => {
    expect(
      formatForModel(name, { content: [{ type: 'text', text: 'quota exceeded' }], isError: true }, [])
    ).toMatch(/^The tool reported an error\./);
    expect(resultText({ content: [], structuredContent: { hits: 2 } })).toBe('{\n  "hits": 2\n}');
    expect(resultText({ content: [] })).toBe('(the tool returned nothing)');
  });
});

describe('the final comment about MCP', () => {
  it('lists the tools used, the refusals, the servers that were missing and the tools left out', () => {
    const report: McpReport = {
      servers: [
        { name: 'docs', state: 'started', reason: null, offered: 1 },
        {
          name: 'search',
          state: 'skipped',
          reason: 'no mcp.allow entry of the policy names a tool of it',
          offered: 0
        },
        {
          name: 'tickets',
          state: 'failed',
          reason: 'exited before it answered; its last output: "no `db`"',
          offered: 0
        }
      ],
      offered: ['docs.search'],
      leftOut: ['docs.bad: its input schema is invalid (x)'],
      tools: [
        {
          name: 'docs.delete',
          calls: 0,
          failed: 0,
          refused: 2,
          lastProblem: 'no mcp.allow entry of the policy matches docs.delete'
        },
        {
          name: 'docs.search',
          calls: 3,
          failed: 1,
          refused: 0,
          lastProblem: 'no answer within tool_timeout (30 s)'
        }
      ]
    };
    expect(mcpReportLines(report)).toEqual([
      '**MCP tools used:** `docs.search` (3 calls, 1 failed: `no answer within tool_timeout (30 s)`)',
      '**MCP calls refused** (never sent to the server): `docs.delete` (2 calls: `no mcp.allow entry of the policy matches docs.delete`)',
      '**MCP servers unavailable** (their tools were missing): `tickets` did not start: `exited before it answered; its last output: "no \'db\'"`',
      '**MCP servers not started:** `search` (`no mcp.allow entry of the policy names a tool of it`)',
      '**MCP tools left out:** `docs.bad: its input schema is invalid (x)`'
    ]);
    expect(mcpReportLines(null)).toEqual([]);
    expect(mcpReportLines({ servers: [], offered: [], leftOut: [], tools: [] })).toEqual([]);
  });
});

describe('extra tools join the mode', () => {
  const extra = (name: string, readOnly: boolean): Tool => ({
    name,
    description: name,
    parameters: { type: 'object' },
    readOnly,
    run: async () => ({ ok: true, content: '' })
  });

  it('before finish, which stays last; a read-only mode takes only read-only ones', () => {
    const tools = [extra('mcp__t__read', true), extra('mcp__t__write', false)];
    const fix = withExtraTools(toolsForMode('fix'), tools, 'fix').map(tool => tool.name);
    expect(fix.slice(-3)).toEqual(['mcp__t__read', 'mcp__t__write', 'finish']);
    for (const mode of ['review', 'ask', 'plan'] as const) {
      const names = withExtraTools(toolsForMode(mode), tools, mode).map(tool => tool.name);
      expect(names).toContain('mcp__t__read');
      expect(names).not.toContain('mcp__t__write');
      expect(names.at(-1)).toBe('finish');
    }
  });
});
