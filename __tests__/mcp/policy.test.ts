/** The policy file's `mcp:` section, its self-tests, and `kubrick policy check --mcp`. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { policyCommand } from '../../src/cli/policy.js';
import { loadPolicy } from '../../src/policy/load.js';
import { decideMcp, MCP_RULES, mayAllowServer, parseMcpPattern } from '../../src/policy/mcp.js';
import { PolicyError } from '../../src/policy/types.js';

const POLICY = [
  'version: 1',
  'allow: [npm test]',
  'mcp:',
  '  allow:',
  '    - tickets.lookup_*',
  '    - docs.search',
  '    - "*.status"',
  '  deny:',
  '    - tickets.lookup_private*',
  'tests:',
  '  mcp_allow: [tickets.lookup_issue, docs.search, ci.status]',
  '  mcp_deny: [tickets.delete_issue, tickets.lookup_private_notes, docs.search_all]'
].join('\n');

function loadError(text: string): PolicyError {
  try {
    loadPolicy(text, 'policy.yml');
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('the policy loaded');
}

describe('mcp section', () => {
  const policy = loadPolicy(POLICY, 'policy.yml');

  it('allows a tool only when an allow entry matches and no deny entry does', () => {
    expect(decideMcp(policy, 'tickets.lookup_issue')).toEqual({
      decision: 'allow',
      reason: 'tickets.lookup_issue matches the mcp.allow entry "tickets.lookup_*"',
      entry: 'tickets.lookup_*'
    });
    expect(decideMcp(policy, 'tickets.lookup_private_notes')).toMatchObject({
      decision: 'deny',
      rule: 'mcp-denied'
    });
    expect(decideMcp(policy, 'tickets.create_issue')).toMatchObject({
      decision: 'deny',
      rule: 'mcp-not-allowed'
    });
    expect(decideMcp(policy, 'docs.search_all')).toMatchObject({ decision: 'deny', rule: 'mcp-not-allowed' });
    expect(decideMcp(policy, 'anything.status')).toMatchObject({ decision: 'allow' });
    expect(decideMcp(null, 'docs.search')).toMatchObject({ decision: 'deny', rule: 'mcp-no-policy' });
    expect(decideMcp(policy, 'docs')).toMatchObject({ decision: 'deny', rule: 'mcp-bad-name' });
  });

  it('matches * within its own part: a server glob never reaches into the tool name', () => {
    const p = loadPolicy('version: 1\nallow: []\nmcp:\n  allow: ["d*.search"]', 'p.yml');
    expect(decideMcp(p, 'docs.search').decision).toBe('allow');
    expect(decideMcp(p, 'docs.x.search').decision).toBe('deny');
    expect(decideMcp(p, 'docs.Search').decision).toBe('deny');
    expect(decideMcp(p, 'xdocs.search').decision).toBe('deny');
    expect(mayAllowServer(p, 'docs')).toBe(true);
    expect(mayAllowServer(p, 'tickets')).toBe(false);
  });

  it('refuses every MCP tool when the section is missing', () => {
    const p = loadPolicy('version: 1\nallow: [ls]', 'p.yml');
    expect(decideMcp(p, 'docs.search')).toMatchObject({ decision: 'deny', rule: 'mcp-not-allowed' });
    expect(mayAllowServer(p, 'docs')).toBe(false);
  });

  it('rejects a malformed entry with its key and line', () => {
    const error = loadError(
      'version: 1\nallow: []\nmcp:\n  allow:\n    - docs.search\n    - "docs search"\n'
    );
    expect(error.message).toBe(
      'policy.yml line 6: mcp.allow[1] "docs search" must be server.tool, such as "docs.search" or "tickets.lookup_*"'
    );
    expect(error.details).toEqual({ key: 'mcp.allow[1]', line: 6 });
    expect(parseMcpPattern('Docs.search')).toMatch(/server part "Docs"/);
    expect(loadError('version: 1\nallow: []\nmcp:\n  alow: [x.y]\n').message).toMatch(
      /line 4: unknown key "mcp.alow" — did you mean "mcp.allow"\?/
    );
  });

  it('rejects a policy whose mcp_allow test fails, naming the test and its line', () => {
    const error = loadError(
      POLICY.replace('docs.search, ci.status]', 'docs.search, ci.status, tickets.delete_issue]')
    );
    expect(error.message).toBe(
      'policy.yml line 11: self-test tests.mcp_allow[3] "tickets.delete_issue" was denied: no mcp.allow entry of the policy matches tickets.delete_issue; fix the mcp allow/deny lists or the test'
    );
    expect(error.details).toEqual({ key: 'tests.mcp_allow[3]', line: 11 });
  });

  it('rejects a policy whose mcp_deny test is allowed, and a test that is no tool name', () => {
    const multiLine = POLICY.replace(
      '  mcp_deny: [tickets.delete_issue, tickets.lookup_private_notes, docs.search_all]',
      '  mcp_deny:\n    - tickets.delete_issue\n    - tickets.lookup_issue'
    );
    expect(loadError(multiLine).message).toMatch(
      /^policy\.yml line 14: self-test tests\.mcp_deny\[1\] "tickets\.lookup_issue" was allowed: /
    );
    expect(loadError(POLICY.replace('mcp_allow: [', 'mcp_allow: [nodot, ')).message).toMatch(
      /line 11: self-test tests\.mcp_allow\[0\] "nodot" is not a tool name of the form server\.tool/
    );
  });
});

describe('docs/policy.md', () => {
  it('lists every MCP rule id with its meaning', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'policy.md'), 'utf8');
    const rows = [...text.matchAll(/^\| `(mcp-[a-z-]+)` \| /gm)].map(match => match[1]);
    expect(rows.sort()).toEqual(Object.keys(MCP_RULES).sort());
  });
});

describe('kubrick policy check --mcp', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubrick-mcp-policy-'));
    writeFileSync(join(dir, 'policy.yml'), POLICY);
    writeFileSync(
      join(dir, 'broken.yml'),
      POLICY.replace('docs.search, ci.status]', 'docs.search, ci.status, tickets.delete_issue]')
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function io(stdin = ''): CliIo & { out: string; err: string } {
    const handle = {
      env: {},
      out: '',
      err: '',
      stdout: (text: string) => void (handle.out += text),
      stderr: (text: string) => void (handle.err += text),
      stdin: Readable.from([stdin]),
      cwd: dir
    };
    return handle;
  }

  it('answers allow with exit 0 and deny with its rule and exit 1', async () => {
    const allowed = io();
    expect(
      await policyCommand(['check', '--policy', 'policy.yml', '--mcp', 'tickets.lookup_issue'], allowed)
    ).toBe(0);
    expect(JSON.parse(allowed.out)).toEqual({
      decision: 'allow',
      reason: 'tickets.lookup_issue matches the mcp.allow entry "tickets.lookup_*"'
    });
    const denied = io();
    expect(
      await policyCommand(['check', '--policy', 'policy.yml', '--mcp=tickets.delete_issue'], denied)
    ).toBe(1);
    expect(JSON.parse(denied.out)).toEqual({
      decision: 'deny',
      rule: 'mcp-not-allowed',
      reason: 'no mcp.allow entry of the policy matches tickets.delete_issue'
    });
  });

  it('exits 2 for a name that is not server.tool, a command beside it, or an invalid policy', async () => {
    // A usage error is thrown; `kubrick` prints it and exits 2 (src/cli/main.ts).
    await expect(policyCommand(['check', '--policy', 'policy.yml', '--mcp', 'search'], io())).rejects.toThrow(
      /--mcp "search" is not an MCP tool name: write server\.tool/
    );
    await expect(
      policyCommand(['check', '--policy', 'policy.yml', '--mcp', 'docs.search', 'ls'], io())
    ).rejects.toThrow(/--mcp SERVER.TOOL alone/);
    const invalid = io();
    expect(await policyCommand(['check', '--policy', 'broken.yml', '--mcp', 'docs.search'], invalid)).toBe(2);
    expect(invalid.err).toContain('broken.yml line 11: self-test tests.mcp_allow[3]');
  });

  it('decides MCP names and commands line by line with --stdin', async () => {
    const handle = io('{"mcp":"docs.search"}\n{"command":"npm test"}\n{"mcp":"tickets.delete_issue"}\n');
    expect(await policyCommand(['check', '--policy', 'policy.yml', '--stdin'], handle)).toBe(0);
    expect(
      handle.out
        .trim()
        .split('\n')
        .map(line => JSON.parse(line) as { decision: string })
    ).toEqual([
      expect.objectContaining({ decision: 'allow' }),
      expect.objectContaining({ decision: 'allow' }),
      expect.objectContaining({ decision: 'deny', rule: 'mcp-not-allowed' })
    ]);
  });
});
