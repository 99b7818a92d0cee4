/**
 * Anthropic prompt caching: the Messages API caches a prompt prefix only where a request marks it
 * with `cache_control` (a breakpoint), and reads a cached prefix at a breakpoint, or up to 20 blocks
 * before one. The agent loop keeps its system prompt and tools fixed and its messages append-only
 * (per-call facts go in the newest message), so three breakpoints make every call read what the
 * previous one wrote:
 *   1. the system prompt (or, without one, the last tool): tools and instructions, the same all run;
 *   2. the last block of the previous call's newest message: the conversation that call wrote;
 *   3. the last block of the newest message: written now, read by the next call.
 * The API rejects a request with more than MAX_CACHE_BREAKPOINTS marked blocks (HTTP 400).
 */
import type {
  CacheControlEphemeral,
  MessageCreateParamsStreaming,
  TextBlockParam,
  ToolResultBlockParam,
  ToolUseBlockParam
} from '@anthropic-ai/sdk/resources/messages/messages';

/** The Messages API's limit on blocks with cache_control in one request. */
export const MAX_CACHE_BREAKPOINTS = 4;

const EPHEMERAL: CacheControlEphemeral = { type: 'ephemeral' };

/** The only content blocks Kubrick sends; each of them may carry cache_control. */
export type CacheableBlock = TextBlockParam | ToolUseBlockParam | ToolResultBlockParam;

export interface CacheableMessage {
  role: 'user' | 'assistant';
  content: string | CacheableBlock[];
}

/** The request fields breakpoints are placed in. */
export interface CacheableRequest {
  system?: MessageCreateParamsStreaming['system'];
  tools?: MessageCreateParamsStreaming['tools'];
  messages: CacheableMessage[];
}

/** Index of the message the previous call ended with: the last user message before the last assistant one. */
function previousNewest(messages: CacheableMessage[]): number {
  let i = messages.length - 2;
  while (i >= 0 && messages[i]!.role !== 'assistant') i--;
  for (i--; i >= 0; i--) if (messages[i]!.role === 'user') return i;
  return -1;
}

type Markable = { cache_control?: CacheControlEphemeral | null };

/**
 * Adds the breakpoints to a request (in place) and returns how many blocks carry one, never more
 * than MAX_CACHE_BREAKPOINTS: marks already in the request count, and when room is short the newest
 * message goes first (the next call reads it), then the previous newest (this call reads it), then
 * the system prompt.
 */
export function addCacheBreakpoints(request: CacheableRequest): number {
  let room = MAX_CACHE_BREAKPOINTS - countCacheBreakpoints(request);
  const mark = (block: Markable | undefined): void => {
    if (!block || block.cache_control || room <= 0) return;
    block.cache_control = EPHEMERAL;
    room--;
  };
  const lastBlockOf = (message: CacheableMessage | undefined): Markable | undefined => {
    if (!message) return undefined;
    // A string content becomes one text block, so it can carry the mark.
    if (typeof message.content === 'string') message.content = [{ type: 'text', text: message.content }];
    return message.content[message.content.length - 1];
  };
  const { messages } = request;
  if (messages.length > 0) {
    mark(lastBlockOf(messages[messages.length - 1]));
    const previous = previousNewest(messages);
    if (previous >= 0) mark(lastBlockOf(messages[previous]));
  }
  if (typeof request.system === 'string' && request.system !== '') {
    if (room > 0) {
      request.system = [{ type: 'text', text: request.system, cache_control: EPHEMERAL }];
      room--;
    }
  } else if (Array.isArray(request.system) && request.system.length > 0) {
    mark(request.system[request.system.length - 1]);
  } else if (request.tools && request.tools.length > 0) {
    mark(request.tools[request.tools.length - 1] as Markable);
  }
  return MAX_CACHE_BREAKPOINTS - room;
}

/** Blocks with cache_control in a request body, wherever they are (what the API counts). */
export function countCacheBreakpoints(body: unknown): number {
  if (Array.isArray(body)) return body.reduce((sum: number, item) => sum + countCacheBreakpoints(item), 0);
  if (typeof body !== 'object' || body === null) return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(body)) {
    if (key === 'cache_control') sum += value === null || value === undefined ? 0 : 1;
    else sum += countCacheBreakpoints(value);
  }
  return sum;
}
