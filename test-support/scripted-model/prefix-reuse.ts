/**
 * How much of one model request the next one repeats from its start: what a provider's prompt cache
 * can serve. Used by the caching tests and the benchmark.
 */
import { conversationOf } from './conversation.js';
import type { RecordedRequest } from './types.js';

/** The agent loop's requests (its system prompt opens with this), not the summarizing calls between them. */
const LOOP_SYSTEM_START = 'You are Kubrick';

/** A request's system prompt and messages as text, as a cache sees them (cache_control marks are not content). */
export function promptText(request: RecordedRequest): string {
  return conversationOf(request.api, request.body)
    .map(entry => JSON.stringify(entry))
    .join('\n');
}

export function isLoopRequest(request: RecordedRequest): boolean {
  const first = conversationOf(request.api, request.body)[0];
  return first?.role === 'system' && first.content.startsWith(LOOP_SYSTEM_START);
}

/** The tools a request offered, as sent, without cache_control marks. */
export function toolsOf(request: RecordedRequest): string {
  const tools = (request.body as { tools?: unknown[] } | null)?.tools ?? [];
  return JSON.stringify(tools, (key, value: unknown) => (key === 'cache_control' ? undefined : value));
}

/**
 * For each consecutive pair of loop requests: the characters of the earlier one's system + messages
 * that the later one repeats from its start, over the earlier one's length (1 = all of it).
 */
export function prefixReuse(requests: RecordedRequest[]): number[] {
  const texts = requests.filter(isLoopRequest).map(promptText);
  const shares: number[] = [];
  for (let i = 1; i < texts.length; i++) {
    const earlier = texts[i - 1]!;
    const later = texts[i]!;
    let same = 0;
    const max = Math.min(earlier.length, later.length);
    while (same < max && earlier.charCodeAt(same) === later.charCodeAt(same)) same++;
    shares.push(earlier.length === 0 ? 1 : same / earlier.length);
  }
  return shares;
}
