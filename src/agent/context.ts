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

/** Splits the conversation after the task message into turns, each starting at an assistant message. */
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
 * How far a compaction goes, as a share of the limit: it rewrites history (which costs the provider's
 * prompt cache the whole conversation), so it leaves room for several more turns to be appended
 * before the next one is needed.
 */
const COMPACT_TO = 0.75;

export interface Fitted {
  messages: Message[];
  action: ContextAction;
}

/**
 * Keeps the conversation inside the context window. The conversation is append-only until it no
 * longer fits; only then is it rewritten, to well under the limit, and it is append-only again from
 * there. The task message (first) and the last turns are never dropped: older tool results are
 * shortened first, then older turns are replaced by a summary written by the model, attached to the
 * task message so roles still alternate.
 */
export class ContextManager {
  private summary = '';

  constructor(
    private readonly task: string,
    private readonly options: ContextOptions
  ) {}

  /** The first message of a conversation: the task, plus the notes on earlier turns once there are some. */
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

  /**
   * The conversation (task message first) unchanged when it fits; otherwise rewritten to fit, and
   * what had to be done.
   */
  async fit(system: string, messages: Message[]): Promise<Fitted> {
    const limit = this.limit();
    const size = (m: Message[]) => this.tokens(system, m);
    if ((await size(messages)) <= limit) return { messages, action: 'none' };
    const target = Math.floor(limit * COMPACT_TO);
    const [first, ...rest] = messages;
    if (!first) return { messages, action: 'overflow' };

    const turns = turnsOf(rest);
    const old = turns.slice(0, Math.max(0, turns.length - KEEP_LAST_TURNS));
    const recent = turns.slice(old.length);
    const shorten = (turn: Message[], max: number): Message[] =>
      turn.map(m => (m.role === 'tool' ? { ...m, content: truncateMiddle(m.content, max) } : m));

    const shortened = [first, ...old.map(t => shorten(t, OLD_RESULT_CHARS)), ...recent].flat();
    const shortenedSize = await size(shortened);
    if (shortenedSize <= target) return { messages: shortened, action: 'shortened' };

    let head = first;
    if (old.length > 0) {
      const text = old
        .flat()
        .map(m => truncateMiddle(render(m), OLD_RESULT_CHARS * 2))
        .join('\n\n');
      const notes = await this.options.summarize(truncateMiddle(text, limit * 3));
      this.summary = this.summary ? `${this.summary}\n${notes.trim()}` : notes.trim();
      this.summary = truncateMiddle(this.summary, Math.floor(limit * 1.5));
      head = this.taskMessage();
      const summarized = [head, ...recent.flat()];
      if ((await size(summarized)) <= limit) return { messages: summarized, action: 'summarized' };
    } else if (shortenedSize <= limit) {
      return { messages: shortened, action: 'shortened' };
    }

    const summarizedOr = (action: ContextAction): ContextAction =>
      old.length > 0 && action !== 'overflow' ? 'summarized' : action;
    let candidate = [head, ...recent.map(t => shorten(t, RECENT_RESULT_CHARS)).flat()];
    if ((await size(candidate)) <= limit) return { messages: candidate, action: summarizedOr('shortened') };
    candidate = [head, ...recent.map(t => shorten(t, 300)).flat()];
    if ((await size(candidate)) <= limit) return { messages: candidate, action: summarizedOr('shortened') };
    return { messages: candidate, action: 'overflow' };
  }
}
