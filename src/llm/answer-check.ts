/**
 * Every request asks for an event stream. A 200 answer that is something else (a login or captive
 * portal page, a proxy's error page, a web server's index, JSON from a server that ignores
 * `stream: true`) means base_url points at the wrong thing; read as a stream it would look like a
 * stream cut short and be retried five times. So the first line of the body is checked before
 * anyone reads it, and such an answer is refused at once with the start of what came back.
 */

/** A successful HTTP answer whose body cannot be the API's event stream. */
export class NotAnEventStream extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string,
    /** The start of the body, as received. */
    readonly excerpt: string
  ) {
    // Kept free of the body and of words like "timed out": the SDKs classify a failed fetch by its text.
    super('the server answered with something other than an event stream');
    this.name = 'NotAnEventStream';
  }
}

const FIELDS = ['data', 'event', 'id', 'retry'];
/** How much of a refused body is kept for the message. */
const EXCERPT_CHARS = 2000;

type Verdict = 'stream' | 'not' | 'undecided';

/** Judges the start of a body by its first field name, as an event-stream parser would read it. */
function judge(text: string): Verdict {
  const start = text.replace(/^\uFEFF/, '').replace(/^[ \t\r\n]+/, '');
  if (start === '') return 'undecided';
  if (start.startsWith(':')) return 'stream'; // a comment, e.g. ": keep-alive"
  for (const field of FIELDS) {
    if (field.startsWith(start)) return 'undecided'; // "da" may still become "data:"
    if (start.startsWith(field) && /^[:\r\n]/.test(start.slice(field.length))) return 'stream';
  }
  return 'not';
}

/**
 * Resolves to the same answer, its body intact, once its first bytes show an event stream; throws
 * NotAnEventStream when they show something else. Error statuses and empty bodies pass unchanged
 * (the caller's error handling and stream-cut handling own those).
 */
export async function requireEventStream(response: Response): Promise<Response> {
  if (!response.ok || response.body === null) return response;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const received: Uint8Array[] = [];
  let text = '';
  let verdict: Verdict = 'undecided';
  let ended = false;
  while (verdict === 'undecided') {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    received.push(value);
    // Only the first non-blank characters matter; keep at most what the message can show.
    if (text.length < EXCERPT_CHARS) text += decoder.decode(value, { stream: true });
    verdict = judge(text);
  }
  if (verdict === 'not') {
    await reader.cancel().catch(() => undefined);
    throw new NotAnEventStream(
      response.status,
      response.headers.get('content-type') ?? '',
      text.slice(0, EXCERPT_CHARS)
    );
  }
  let replayed = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (replayed < received.length) {
        controller.enqueue(received[replayed++] as Uint8Array);
        return;
      }
      if (ended) {
        controller.close();
        return;
      }
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  });
}

/** A fetch whose successful answers have passed requireEventStream (for the SDKs, which take a fetch). */
export function eventStreamFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => requireEventStream(await inner(input, init));
}
