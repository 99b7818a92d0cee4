/**
 * Text tool protocol, for servers without native function calling.
 *
 * Tools are described in the system prompt; the model answers with fenced blocks:
 *
 *   ```tool_call
 *   {"tool": "write_file", "parameters": {"path": "a.py", "content": "..."}}
 *   ```
 *
 * The JSON after the opening fence is delimited with a string-aware brace matcher, not by looking
 * for the closing fence, because file content inside a string may itself contain ``` fences.
 * String values are decoded by JSON.parse only: nothing is "repaired" inside them (the seed's
 * parser stripped the trailing comma in `x = [1,2,]` inside file content).
 */
import type { ToolCall, ToolSpec } from './types.js';
import { errorMessage } from '../error-message.js';

const OPEN_FENCE = /^[ \t]*```tool_call[^\n]*\n/gm;

/** Instructions and tool list appended to the system prompt when the text protocol is in use. */
export function renderToolsForPrompt(tools: ToolSpec[]): string {
  const list = tools
    .map(
      tool =>
        `### ${tool.name}\n${tool.description}\nParameters (JSON Schema): ${JSON.stringify(tool.parameters)}`
    )
    .join('\n\n');
  return [
    '## Tools',
    'You can call tools. To call one, write a fenced block tagged tool_call holding one JSON object',
    'with the tool name and its parameters, exactly like this:',
    '',
    formatToolCallBlock('read_file', { path: 'src/index.ts' }),
    '',
    'Rules: the block must be valid JSON (escape newlines and quotes inside strings); write one block',
    'per call; you may write several blocks in one answer; the results come back in the next message,',
    'labelled with the call id. Do not invent results.',
    '',
    list
  ].join('\n');
}

/** One call as the model is asked to write it (also used to replay earlier calls into the prompt). */
export function formatToolCallBlock(name: string, parameters: unknown): string {
  return '```tool_call\n' + JSON.stringify({ tool: name, parameters }) + '\n```';
}

/** Replays a parsed call into the prompt; a malformed call is replayed as the model wrote it. */
export function formatToolCallForReplay(call: ToolCall): string {
  if (call.arguments !== null) return formatToolCallBlock(call.name, call.arguments);
  return '```tool_call\n' + call.rawArguments + '\n```';
}

/** Renders a tool result as user-visible text (text protocol: there is no tool role). */
export function formatToolResult(result: {
  toolCallId: string;
  name: string;
  content: string;
  isError?: boolean;
}): string {
  const status = result.isError ? ' (error)' : '';
  return `Result of tool call ${result.toolCallId} (${result.name})${status}:\n${result.content}`;
}

export interface ParsedToolCalls {
  /** The prose around the blocks, blocks removed. */
  text: string;
  toolCalls: ToolCall[];
}

/**
 * Finds every ```tool_call block. A block that cannot be parsed still becomes a ToolCall, with
 * `argumentsError` set, so the agent loop can tell the model what was wrong instead of dropping it.
 * `idPrefix` keeps ids unique across turns (`${idPrefix}_1`, `${idPrefix}_2`, …).
 */
export function parseToolCalls(text: string, idPrefix = 'call'): ParsedToolCalls {
  const toolCalls: ToolCall[] = [];
  const prose: string[] = [];
  let cursor = 0;
  OPEN_FENCE.lastIndex = 0;
  for (;;) {
    OPEN_FENCE.lastIndex = cursor;
    const open = OPEN_FENCE.exec(text);
    if (!open) break;
    prose.push(text.slice(cursor, open.index));
    const bodyStart = open.index + open[0].length;
    const id = `${idPrefix}_${toolCalls.length + 1}`;
    const block = readBlock(text, bodyStart);
    toolCalls.push(toToolCall(id, block.raw, block.structuralError));
    cursor = block.end;
  }
  prose.push(text.slice(cursor));
  return {
    text: prose
      .join('')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    toolCalls
  };
}

interface Block {
  raw: string;
  end: number;
  structuralError?: string;
}

function readBlock(text: string, bodyStart: number): Block {
  let start = bodyStart;
  while (start < text.length && /\s/.test(text[start] ?? '')) start++;
  if (text[start] === '{') {
    const close = matchBrace(text, start);
    if (close !== -1) {
      const after = closingFenceAfter(text, close + 1);
      if (after !== -1) return { raw: text.slice(start, close + 1), end: after };
      return {
        raw: text.slice(start, close + 1),
        end: close + 1,
        structuralError: 'the tool_call block has no closing ``` fence right after its JSON object'
      };
    }
    // Unbalanced: the answer was cut off (length limit or a broken stream); never guess the rest.
    const fallbackEnd = plainClosingFence(text, start);
    return {
      raw: text.slice(start, fallbackEnd.contentEnd).trimEnd(),
      end: fallbackEnd.end,
      structuralError:
        'the JSON object in the tool_call block is not closed (unbalanced braces or an unterminated string)'
    };
  }
  const fallbackEnd = plainClosingFence(text, start);
  return {
    raw: text.slice(start, fallbackEnd.contentEnd).trimEnd(),
    end: fallbackEnd.end,
    structuralError: 'the tool_call block must hold one JSON object starting with {'
  };
}

/** Index of the `}` matching the `{` at `open`, skipping braces inside JSON strings; -1 if none. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */) depth++;
    else if (ch === 0x7d /* } */) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** After the JSON object: optional whitespace, then ``` ending the block. Returns the index after it. */
function closingFenceAfter(text: string, from: number): number {
  const match = /^\s*```[ \t]*(?:\n|$)/.exec(text.slice(from, from + 256));
  return match ? from + match[0].length : -1;
}

function plainClosingFence(text: string, from: number): { contentEnd: number; end: number } {
  const re = /^[ \t]*```[ \t]*$/gm;
  re.lastIndex = from;
  const match = re.exec(text);
  if (!match) return { contentEnd: text.length, end: text.length };
  return { contentEnd: match.index, end: Math.min(text.length, match.index + match[0].length + 1) };
}

function toToolCall(id: string, raw: string, structuralError: string | undefined): ToolCall {
  const recoveredName = /"(?:tool|name)"\s*:\s*"([^"\\]{1,200})"/.exec(raw)?.[1] ?? '';
  if (structuralError) return malformed(id, recoveredName, raw, structuralError);
  let parsed: unknown;
  try {
    parsed = parseLenientJson(raw);
  } catch (error) {
    return malformed(id, recoveredName, raw, `the tool_call block is not valid JSON: ${errorMessage(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return malformed(id, recoveredName, raw, 'the tool_call block must hold a JSON object');
  }
  const record = parsed as Record<string, unknown>;
  const name = record.tool ?? record.name;
  if (typeof name !== 'string' || name === '') {
    return malformed(id, '', raw, 'the tool_call object needs a "tool" field with the tool name');
  }
  const parameters = record.parameters ?? record.arguments ?? {};
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    return malformed(id, name, raw, '"parameters" must be a JSON object');
  }
  return { id, name, arguments: parameters as Record<string, unknown>, rawArguments: raw };
}

function malformed(id: string, name: string, raw: string, error: string): ToolCall {
  return {
    id,
    name,
    arguments: null,
    argumentsError: `${error}. Write the call again as a \`\`\`tool_call block holding {"tool": "<name>", "parameters": {...}}.`,
    rawArguments: raw
  };
}

/**
 * JSON.parse, and if that fails, once more with raw control characters inside strings escaped:
 * models often put literal newlines in long string values. Escaping them keeps the content
 * exactly as written (a literal newline meant a newline); nothing else is ever changed.
 */
function parseLenientJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (first) {
    const escaped = escapeControlCharsInStrings(raw);
    if (escaped === raw) throw first;
    try {
      return JSON.parse(escaped);
    } catch {
      throw first;
    }
  }
}

function escapeControlCharsInStrings(raw: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (inString) {
      if (ch === '\\') {
        out += ch + (raw[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      const code = ch.charCodeAt(0);
      if (code < 0x20) {
        out +=
          ch === '\n'
            ? '\\n'
            : ch === '\r'
              ? '\\r'
              : ch === '\t'
                ? '\\t'
                : `\\u${code.toString(16).padStart(4, '0')}`;
        continue;
      }
      out += ch;
      continue;
    }
    if (ch === '"') inString = true;
    out += ch;
  }
  return out;
}
