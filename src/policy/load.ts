import { parse as parseShell } from 'unbash';
import { LineCounter, parseDocument, type Document } from 'yaml';
import * as z from 'zod';
import { lineOfKey, schemaKeysAt, unknownKeyMessage } from '../config/yaml-problems.js';
import { decide } from './decide.js';
import { decideMcp, parseMcpName, parseMcpPattern, type McpPattern, type McpRules } from './mcp.js';
import { DEFAULT_PROTECTED_PATHS } from './paths.js';
import { PolicyError, type Policy, type PolicyContext, type PolicyEntry } from './types.js';
import { resolveWord } from './words.js';

const entryList = z.array(z.string({ error: 'must be a string (a command prefix such as "npm test")' }));

const mcpList = z.array(z.string({ error: 'must be a string (a server.tool name such as "docs.search")' }));

const policySchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  allow: entryList,
  deny: entryList.optional(),
  mcp: z.strictObject({ allow: mcpList.optional(), deny: mcpList.optional() }).optional(),
  tests: z
    .strictObject({
      allow: entryList.optional(),
      deny: entryList.optional(),
      mcp_allow: mcpList.optional(),
      mcp_deny: mcpList.optional()
    })
    .optional()
});

/** Self-tests run against a workspace that does not exist, so their results do not depend on the machine. */
const SELF_TEST_CONTEXT: PolicyContext = {
  workspace: '/kubrick-policy-self-test/workspace',
  protectedPaths: [...DEFAULT_PROTECTED_PATHS]
};

/**
 * Parses, validates and self-tests a policy file. Throws PolicyError naming the key and line of
 * the first problem and saying what to change.
 */
export function loadPolicy(text: string, source: string): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = lineOf(yamlError.pos[0]);
    throw new PolicyError(
      `${source}: invalid YAML${line ? ` at line ${line}` : ''}: ${yamlError.message.split('\n')[0]}`,
      {
        ...(line ? { line } : {})
      }
    );
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) {
    throw new PolicyError(
      `${source}: the policy file is empty; it needs at least "version: 1" and an "allow" list`
    );
  }
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    // A misspelt key comes first: it is usually why a required key is then missing (allwo → allow).
    const issues = parsed.error.issues;
    const issue = issues.find(candidate => candidate.code === 'unrecognized_keys') ?? issues[0];
    const keyPath = issue?.path ?? [];
    const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const fullPath = unknown === undefined ? keyPath : [...keyPath, unknown];
    const key = formatKey(fullPath);
    const line =
      unknown !== undefined
        ? lineOfKey(document, lineCounter, keyPath, unknown)
        : lineOf(nodeOffset(document, fullPath));
    const message =
      unknown !== undefined
        ? unknownKeyMessage(
            key,
            schemaKeysAt(policySchema, keyPath).map(k => formatKey([...keyPath, k]))
          )
        : `"${key || 'policy'}" ${issue?.message ?? 'is invalid'}`;
    throw new PolicyError(`${source}${line ? ` line ${line}` : ''}: ${message}`, {
      ...(key ? { key } : {}),
      ...(line ? { line } : {})
    });
  }
  const entries = (key: 'allow' | 'deny', list: string[] | undefined): PolicyEntry[] =>
    (list ?? []).map((entry, index) =>
      parseEntry(entry, `${key}[${index}]`, lineOf(nodeOffset(document, [key, index])), source)
    );
  const policy: Policy = {
    version: 1,
    allow: entries('allow', parsed.data.allow),
    deny: entries('deny', parsed.data.deny),
    source
  };
  if (parsed.data.mcp) policy.mcp = loadMcpSection(parsed.data.mcp, source, document, lineOf);
  runSelfTests(policy, parsed.data.tests, document, lineOf);
  runMcpSelfTests(policy, parsed.data.tests, document, lineOf);
  return policy;
}

function formatKey(keyPath: readonly PropertyKey[]): string {
  return keyPath
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

function nodeOffset(document: Document, keyPath: readonly PropertyKey[]): number | undefined {
  const node: unknown = document.getIn(keyPath as unknown[], true);
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return range[0];
  }
  // An unknown key has no value node of its own that getIn finds reliably; fall back to its parent.
  if (keyPath.length > 1) return nodeOffset(document, keyPath.slice(0, -1));
  return undefined;
}

/** An entry is a plain list of words: quotes are removed, but nothing the shell would expand or run. */
function parseEntry(text: string, key: string, line: number | undefined, source: string): PolicyEntry {
  const fail = (why: string): never => {
    throw new PolicyError(`${source}${line ? ` line ${line}` : ''}: ${key} "${text}" ${why}`, {
      key,
      ...(line ? { line } : {})
    });
  };
  if (text.trim() === '') fail('is empty; write a command prefix such as "npm test"');
  const script = parseShell(text);
  if ((script.errors ?? []).length > 0)
    fail(`does not parse (${script.errors?.[0]?.message ?? 'syntax error'})`);
  const statement = script.commands[0];
  const command = statement?.command;
  if (script.commands.length !== 1 || statement?.background || command?.type !== 'Command' || !command.name) {
    fail('must be a plain command prefix (words only, no operators like ;, &&, |, & or newlines)');
  }
  if (command?.type !== 'Command' || !command.name) return fail('must be a plain command prefix');
  if (command.prefix.length > 0 || command.redirects.length > 0) {
    fail('must be words only: no variable assignments or redirections');
  }
  const words: string[] = [];
  for (const item of [command.name, ...command.suffix]) {
    if (item.type !== 'Word') return fail('must be words only: no assignments or redirections');
    const resolved = resolveWord(item, text);
    if (!resolved.ok) fail(`must be literal words: ${resolved.reason}`);
    if (resolved.ok && resolved.word.pattern)
      fail(`must be literal words: "${resolved.word.source}" is a file pattern; quote it`);
    if (resolved.ok && resolved.word.fields.length !== 1)
      fail(
        `must be literal words: "${resolved.word.source}" is a brace expansion; quote it or list the entries`
      );
    if (resolved.ok) words.push(resolved.word.value);
  }
  return { text, words };
}

function runSelfTests(
  policy: Policy,
  tests: { allow?: string[] | undefined; deny?: string[] | undefined } | undefined,
  document: Document,
  lineOf: (offset: number | undefined) => number | undefined
): void {
  for (const expected of ['allow', 'deny'] as const) {
    (tests?.[expected] ?? []).forEach((command, index) => {
      const decision = decide(command, policy, SELF_TEST_CONTEXT);
      if (decision.decision === expected) return;
      const key = `tests.${expected}[${index}]`;
      const line = lineOf(nodeOffset(document, ['tests', expected, index]));
      const outcome = expected === 'allow' ? 'was denied' : 'was allowed';
      throw new PolicyError(
        `${policy.source}${line ? ` line ${line}` : ''}: self-test ${key} "${command}" ${outcome}: ${decision.reason}; fix the allow/deny lists or the test`,
        { key, ...(line ? { line } : {}) }
      );
    });
  }
}

type LineOf = (offset: number | undefined) => number | undefined;

/** The `mcp:` section compiled; a malformed entry is an error naming its key and line. */
function loadMcpSection(
  section: { allow?: string[] | undefined; deny?: string[] | undefined },
  source: string,
  document: Document,
  lineOf: LineOf
): McpRules {
  const patterns = (key: 'allow' | 'deny'): McpPattern[] =>
    (section[key] ?? []).map((text, index) => {
      const pattern = parseMcpPattern(text);
      if (typeof pattern !== 'string') return pattern;
      const name = `mcp.${key}[${index}]`;
      const line = lineOf(nodeOffset(document, ['mcp', key, index]));
      throw new PolicyError(`${source}${line ? ` line ${line}` : ''}: ${name} "${text}" ${pattern}`, {
        key: name,
        ...(line ? { line } : {})
      });
    });
  return { allow: patterns('allow'), deny: patterns('deny') };
}

/** `tests.mcp_allow` / `tests.mcp_deny`: tool names that must get that answer, checked at load. */
function runMcpSelfTests(
  policy: Policy,
  tests: { mcp_allow?: string[] | undefined; mcp_deny?: string[] | undefined } | undefined,
  document: Document,
  lineOf: LineOf
): void {
  for (const expected of ['allow', 'deny'] as const) {
    const key = `mcp_${expected}` as const;
    (tests?.[key] ?? []).forEach((name, index) => {
      const testKey = `tests.${key}[${index}]`;
      const line = lineOf(nodeOffset(document, ['tests', key, index]));
      const at = `${policy.source}${line ? ` line ${line}` : ''}`;
      const details = { key: testKey, ...(line ? { line } : {}) };
      if (!parseMcpName(name)) {
        throw new PolicyError(
          `${at}: self-test ${testKey} "${name}" is not a tool name of the form server.tool (such as "docs.search")`,
          details
        );
      }
      const decision = decideMcp(policy, name);
      if (decision.decision === expected) return;
      const outcome = expected === 'allow' ? 'was denied' : 'was allowed';
      throw new PolicyError(
        `${at}: self-test ${testKey} "${name}" ${outcome}: ${decision.reason}; fix the mcp allow/deny lists or the test`,
        details
      );
    });
  }
}
