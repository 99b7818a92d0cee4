/** Normalizes each API's request body into one ConversationEntry list for scripts to inspect. */
import type { ApiKind, ConversationEntry } from './types.js';

type Json = Record<string, unknown>;

export function conversationOf(api: ApiKind, body: unknown): ConversationEntry[] {
  if (typeof body !== 'object' || body === null) return [];
  const request = body as Json;
  if (api === 'triton') return [{ role: 'user', content: String(request.text_input ?? '') }];
  if (api === 'openai') return (asArray(request.messages) as Json[]).map(openAiEntry);
  const entries: ConversationEntry[] = [];
  if (request.system !== undefined) entries.push({ role: 'system', content: textOf(request.system) });
  for (const message of asArray(request.messages) as Json[]) entries.push(...anthropicEntries(message));
  return entries;
}

function openAiEntry(message: Json): ConversationEntry {
  const role = message.role === 'developer' ? 'system' : (String(message.role) as ConversationEntry['role']);
  const entry: ConversationEntry = { role, content: textOf(message.content) };
  if (typeof message.tool_call_id === 'string') entry.toolCallId = message.tool_call_id;
  const calls = asArray(message.tool_calls) as Json[];
  if (calls.length > 0) {
    entry.toolCalls = calls.map(call => {
      const fn = (call.function ?? {}) as Json;
      return {
        id: String(call.id ?? ''),
        name: String(fn.name ?? ''),
        arguments: String(fn.arguments ?? '')
      };
    });
  }
  return entry;
}

function anthropicEntries(message: Json): ConversationEntry[] {
  const role = message.role === 'assistant' ? 'assistant' : 'user';
  if (typeof message.content === 'string') return [{ role, content: message.content }];
  const entries: ConversationEntry[] = [];
  const own: ConversationEntry = { role, content: '' };
  for (const block of asArray(message.content) as Json[]) {
    if (block.type === 'text') own.content += String(block.text ?? '');
    else if (block.type === 'tool_use') {
      (own.toolCalls ??= []).push({
        id: String(block.id ?? ''),
        name: String(block.name ?? ''),
        arguments: JSON.stringify(block.input ?? {})
      });
    } else if (block.type === 'tool_result') {
      entries.push({
        role: 'tool',
        toolCallId: String(block.tool_use_id ?? ''),
        content: textOf(block.content)
      });
    }
  }
  if (own.content !== '' || own.toolCalls) entries.push(own);
  return entries;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return (asArray(content) as Json[])
    .map(part => (typeof part === 'string' ? part : String(part.text ?? '')))
    .join('');
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
