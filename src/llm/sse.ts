/**
 * Server-sent events from a fetch Response, parsed by eventsource-parser: it follows the spec's line
 * rules across network chunks (a CR/LF pair split between two chunks is one line ending, not two),
 * which a hand-written splitter got wrong.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Yields each event's data (multi-line data joined by \n), in order, as the body arrives. */
export async function* readServerSentEvents(response: Response): AsyncGenerator<string> {
  if (!response.body) return;
  const ready: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: event => ready.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
    yield* drain(ready);
  }
  // A last event without its closing blank line still counts (the body ended normally, so nothing
  // was cut): the blank line is supplied.
  parser.feed(`${decoder.decode()}\n\n`);
  yield* drain(ready);
}

function* drain(ready: EventSourceMessage[]): Generator<string> {
  for (const event of ready.splice(0)) yield event.data;
}
