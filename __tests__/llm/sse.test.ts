/** The event-stream reader, fed byte by byte as a network would: line endings split across chunks stay one. */
import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readServerSentEvents } from '../../src/llm/sse.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';
import { FakeClock, client, request } from './helpers.js';

/** A Response whose body arrives in exactly these byte chunks. */
function responseOf(chunks: Uint8Array[]): Response {
  let i = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < chunks.length) controller.enqueue(chunks[i++] as Uint8Array);
        else controller.close();
      }
    })
  );
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function eventsOf(chunks: Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readServerSentEvents(responseOf(chunks))) out.push(data);
  return out;
}

/** Cuts `wire` at the given byte offsets. */
function cut(wire: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.filter(o => o > 0 && o < wire.length))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, wire.length]) {
    out.push(wire.slice(start, point));
    start = point;
  }
  return out;
}

describe('readServerSentEvents', () => {
  it('a CR LF pair split across two chunks ends one line, not two (one event, not two)', async () => {
    // Chunk 1 ends with the CR of the first line's CR LF, chunk 2 starts with its LF.
    const events = await eventsOf([bytes('data: {"text_output":"a"}\r'), bytes('\ndata: more\r\n\r\n')]);
    expect(events).toEqual(['{"text_output":"a"}\nmore']);
  });

  it('the blank line split as CR | LF CR LF still ends exactly one event', async () => {
    const events = await eventsOf([bytes('data: one\r\n\r'), bytes('\ndata: two\r\n\r'), bytes('\n')]);
    expect(events).toEqual(['one', 'two']);
  });

  it('a multi-byte character split between chunks arrives whole', async () => {
    const wire = bytes('data: Grüße 🚀\n\n');
    const at = wire.indexOf(0xf0) + 2; // inside the rocket's four bytes
    expect(await eventsOf(cut(wire, [at]))).toEqual(['Grüße 🚀']);
  });

  it('comments, event names and ids are not data; a last event without its blank line counts', async () => {
    const events = await eventsOf([bytes(': ping\n\nevent: x\nid: 7\ndata: a\n\ndata: tail')]);
    expect(events).toEqual(['a', 'tail']);
  });

  it('property: any cut of a stream with any line endings yields the same events', async () => {
    const line = fc.stringMatching(/^[a-z0-9 {}":,]{0,12}$/);
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    const event = fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), ending);
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
        async (spec, offsets) => {
          const wire = spec.map(([lines, eol]) => lines.map(l => `data: ${l}${eol}`).join('') + eol).join('');
          const expected = spec.map(([lines]) => lines.join('\n'));
          const encoded = bytes(wire);
          expect(await eventsOf(cut(encoded, offsets))).toEqual(expected);
          // The worst case for a splitter: one byte per chunk.
          expect(await eventsOf(cut(encoded, [...encoded.keys()]))).toEqual(expected);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe('over the network', () => {
  let model: ScriptedModel | undefined;
  afterEach(async () => {
    await model?.close();
    model = undefined;
  });

  it.each(['openai', 'anthropic', 'triton'] as const)(
    '%s: a stream whose CR LF pairs are split across network chunks arrives whole, first time',
    async provider => {
      const clock = new FakeClock();
      const text = 'line one, then the rest of a fairly long answer';
      model = await startScriptedModel([
        { text, toolCalls: [{ name: 'read_file', arguments: { path: 'a.ts' } }], fault: { splitCrLf: true } }
      ]);
      const answer = await client(provider, model.url, { now: clock.now, sleep: clock.sleep }).complete(
        request()
      );
      expect(answer.attempts).toBe(1);
      expect(answer.text).toBe(text);
      expect(answer.toolCalls.map(c => c.arguments)).toEqual([{ path: 'a.ts' }]);
    }
  );
});
