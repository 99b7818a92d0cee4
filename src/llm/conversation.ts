/** The conversation flattened to alternating user/assistant text, for the text tool protocol. */
import { formatToolCallForReplay, formatToolResult } from './text-protocol.js';
import type { Message } from './types.js';

export interface PlainTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * Tool calls are replayed as ```tool_call blocks and tool results become user text labelled with
 * the call id and tool name. Neighbouring turns of the same role are merged, because several
 * servers (and chat templates) insist on strict alternation.
 */
export function flattenForTextProtocol(messages: Message[]): PlainTurn[] {
  const turns: PlainTurn[] = [];
  const push = (role: PlainTurn['role'], content: string): void => {
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content += `\n\n${content}`;
    else turns.push({ role, content });
  };
  for (const message of messages) {
    if (message.role === 'user') push('user', message.content);
    else if (message.role === 'tool') push('user', formatToolResult(message));
    else {
      const blocks = (message.toolCalls ?? []).map(formatToolCallForReplay);
      push('assistant', [message.content, ...blocks].filter(part => part !== '').join('\n\n'));
    }
  }
  return turns;
}
