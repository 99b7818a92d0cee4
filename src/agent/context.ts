import type { Message } from '../llm/types.js';
import { truncateMiddle } from '../tools/truncate.js';
import { roughTokens, type TokenCounter } from './tokens.js';

/** Tool results in older turns are cut to this many characters first (head and tail kept). */
const OLD_RESULT_CHARS = 800;
/** Last resort for the turns that are kept whole. */
const RECENT_RESULT_CHARS = 2000;
/** Turns (an assistant message with its tool results) that are never summarized. */
const KEEP_LAST_TURNS = 2;

export interface ContextOptions {
  contextWindow: number;
  /** Room left for the model's answer and the tool definitions. */
  reserveTokens: number;
  counter: TokenCounter;
  /** One model call with no tools that condenses earlier turns into notes. */
  summarize: (transcriptText: string) => Promise<string>;
}

export type ContextAction = 'none' | 'shortened' | 'summarized' | 'overflow';

/** Splits the conversation after the task into turns, each starting at an assistant message. */
function turnsOf(messages: Message[]): Message[][] {
  const turns: Message[][] = [];
  for (const message of messages) {
    if (message.role === 'assistant' || turns.length === 0) turns.push([message]);
    else turns[turns.length - 1]?.push(message);
  }
  return turns;
}

function render(message: Message): string {
  switch (message.role) {
    case 'user':
      return `USER: ${message.content}`;
    case 'assistant': {
      const calls = (message.toolCalls ?? []).map(c => `[called ${c.name} ${c.rawArguments}]`).join('\n');
      return `ASSISTANT: ${message.content}${calls ? `\n${calls}` : ''}`;
    }
    case 'tool':
      return `RESULT of ${message.name}: ${message.content}`;
  }
}

/**
 * Keeps the conversation inside the context window. The task message (first) and the last turns
 * are never dropped; older tool results are shortened first, then older turns are replaced by a
 * summary written by the model, which is attached to the task message so roles still alternate.
 */
export class ContextManager {
  private summary = '';

  constructor(
    private readonly task: string,
    private readonly options: ContextOptions
  ) {}

  /** The first message of every request: the task, plus the notes on earlier turns once there are some. */
  taskMessage(): Message {
    const notes = this.summary
      ? `\n\n## Notes on your earlier work (older turns were summarized to fit the context window)\n${this.summary}`
      : '';
    return { role: 'user', content: `${this.task}${notes}` };
  }

  private async tokens(system: string, messages: Message[]): Promise<number> {
    const text = [system, ...messages.map(render)].join('\n');
    const rough = roughTokens(text);
    const limit = this.limit();
    // Counting for real costs time; it only matters near the limit.
    if (rough < limit * 0.5) return rough;
    return this.options.counter.count(text);
  }

  private limit(): number {
    return Math.max(500, this.options.contextWindow - this.options.reserveTokens);
  }

  /** Returns the history (without the task message) that fits, and what had to be done. */
  async fit(system: string, history: Message[]): Promise<{ history: Message[]; action: ContextAction }> {
    const limit = this.limit();
    const fits = async (h: Message[]) => (await this.tokens(system, [this.taskMessage(), ...h])) <= limit;
    if (await fits(history)) return { history, action: 'none' };

    const turns = turnsOf(history);
    const old = turns.slice(0, Math.max(0, turns.length - KEEP_LAST_TURNS));
    const recent = turns.slice(old.length);
    const shorten = (turn: Message[], max: number): Message[] =>
      turn.map(m => (m.role === 'tool' ? { ...m, content: truncateMiddle(m.content, max) } : m));

    let candidate = [...old.map(t => shorten(t, OLD_RESULT_CHARS)), ...recent].flat();
    if (await fits(candidate)) return { history: candidate, action: 'shortened' };

    if (old.length > 0) {
      const text = old
        .flat()
        .map(m => truncateMiddle(render(m), OLD_RESULT_CHARS * 2))
        .join('\n\n');
      const budgetChars = limit * 3;
      const notes = await this.options.summarize(truncateMiddle(text, budgetChars));
      this.summary = this.summary ? `${this.summary}\n${notes.trim()}` : notes.trim();
      this.summary = truncateMiddle(this.summary, Math.floor(limit * 1.5));
      candidate = recent.flat();
      if (await fits(candidate)) return { history: candidate, action: 'summarized' };
    }

    candidate = recent.map(t => shorten(t, RECENT_RESULT_CHARS)).flat();
    if (await fits(candidate))
      return { history: candidate, action: old.length > 0 ? 'summarized' : 'shortened' };
    candidate = recent.map(t => shorten(t, 300)).flat();
    if (await fits(candidate)) return { history: candidate, action: 'shortened' };
    return { history: candidate, action: 'overflow' };
  }
}
