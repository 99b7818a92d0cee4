/**
 * Property-based tests of redaction (src/report/redact.ts) and of the places that assemble text
 * before it is redacted: a secret is removed wherever it sits in arbitrary text, however the text
 * was chunked on its way in, when it is JSON-escaped (once, or twice as a tool call's raw arguments
 * are inside a transcript line), URL-encoded, or base64-encoded at any byte offset (an HTTP Basic
 * header, `base64 -w0` of a whole environment).
 *
 * Secrets are generated without `[` and `]`: a secret that contains part of the marker
 * `[REDACTED]` could be re-formed by the marker itself, which no choice of marker avoids.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transcript } from '../../src/agent/transcript.js';
import { REDACTED, Redactor } from '../../src/report/redact.js';
import { HeadTailBuffer } from '../../src/sandbox/output-cap.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const RUNS = { numRuns: 300 };

/** A secret as Kubrick gets one (a token, a key, a password): at least 6 characters once trimmed. */
const secretArb = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{6,60}$/),
    fc.string({ minLength: 6, maxLength: 40, unit: 'grapheme' }),
    fc.string({ minLength: 6, maxLength: 40, unit: 'binary' }),
    // Passwords with the characters escaping changes.
    fc.string({
      minLength: 6,
      maxLength: 30,
      unit: fc.constantFrom('a', 'Z', '9', '"', '\\', '/', '\n', '\t', '%', '+', '=', 'é', '€', '😀')
    })
  )
  .map(s => s.trim())
  .filter(s => s.length >= 6 && !/[[\]]/.test(s) && !REDACTED.includes(s));

/** Text an attacker or a tool controls, around and between secrets. */
const textArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ maxLength: 80, unit: 'binary' }),
  fc.stringMatching(/^[A-Za-z0-9+/=]{0,40}$/)
);

/** Base64 runs of `text` decoded at every alignment: what a reader of the redacted text could recover. */
function recoverableFromBase64(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/]+={0,2}/g) ?? []) {
    for (let shift = 0; shift < 4; shift++) {
      const part = run.slice(shift);
      out.push(Buffer.from(part.slice(0, part.length - (part.length % 4)), 'base64').toString('latin1'));
    }
  }
  return out;
}

describe('Redactor: a known secret never survives', () => {
  it('in arbitrary surrounding text, however often it occurs', () => {
    fc.assert(
      fc.property(secretArb, fc.array(textArb, { minLength: 1, maxLength: 5 }), (secret, parts) => {
        const redacted = new Redactor([secret]).redact(parts.join(secret));
        expect(redacted.includes(secret)).toBe(false);
        if (parts.length > 1) expect(redacted).toContain(REDACTED);
      }),
      RUNS
    );
  });

  it('among other secrets that overlap it or contain it', () => {
    fc.assert(
      fc.property(fc.array(secretArb, { minLength: 2, maxLength: 4 }), textArb, (secrets, filler) => {
        // Each secret, and each pair glued together (a shared prefix or suffix overlaps).
        const text = [...secrets, ...secrets.map((s, i) => s + secrets[(i + 1) % secrets.length])].join(
          filler
        );
        const redacted = new Redactor(secrets).redact(text);
        for (const secret of secrets) expect(redacted.includes(secret)).toBe(false);
      }),
      RUNS
    );
  });

  it('JSON-escaped, once or twice (a raw tool-call argument string inside a transcript line)', () => {
    fc.assert(
      fc.property(secretArb, textArb, textArb, (secret, before, after) => {
        const once = JSON.stringify({ content: `${before}${secret}${after}` });
        const twice = JSON.stringify({ arguments: once });
        const redactor = new Redactor([secret]);
        for (const text of [once, twice]) {
          const redacted = redactor.redact(text);
          // Decoding what is left, as often as it was encoded, never gives the secret back.
          let decoded = redacted;
          for (let depth = 0; depth < 2; depth++) {
            expect(decoded.includes(secret)).toBe(false);
            expect(decoded.includes(JSON.stringify(secret).slice(1, -1))).toBe(false);
            try {
              const value = JSON.parse(decoded) as Record<string, string>;
              decoded = Object.values(value)[0] ?? '';
            } catch {
              break; // the marker can break a string's escaping; then nothing decodes
            }
          }
        }
      }),
      RUNS
    );
  });

  it('URL-encoded (a token in a clone URL or a query string)', () => {
    fc.assert(
      fc.property(secretArb, textArb, (secret, before) => {
        const url = `https://x-access-token:${encodeURIComponent(secret)}@github.invalid/${encodeURIComponent(before)}`;
        expect(new Redactor([secret]).redact(url)).not.toContain(encodeURIComponent(secret));
      }),
      RUNS
    );
  });

  it('base64-encoded at any byte offset (Basic auth for any user name, an encoded environment dump)', () => {
    fc.assert(
      fc.property(secretArb, textArb, textArb, (secret, before, after) => {
        const encoded = Buffer.from(`${before}${secret}${after}`).toString('base64');
        const redacted = new Redactor([secret]).redact(`Authorization: Basic ${encoded}`);
        const secretBytes = Buffer.from(secret).toString('latin1');
        for (const recovered of recoverableFromBase64(redacted))
          expect(recovered.includes(secretBytes)).toBe(false);
      }),
      RUNS
    );
  });

  it('in every string of a nested value (outputs, the step summary’s outcome)', () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        (secret, shape, path) => {
          const value: Record<string, unknown> = { shape };
          let cursor = value;
          for (const key of path) cursor = (cursor[`k${key}`] = {}) as Record<string, unknown>;
          cursor.leak = `token=${secret};`;
          cursor.list = [secret, { inner: secret }];
          expect(JSON.stringify(new Redactor([secret]).redactValue(value))).not.toContain(secret);
        }
      ),
      RUNS
    );
  });

  it('is the identity on text that holds no secret and no token shape', () => {
    fc.assert(
      fc.property(secretArb, fc.stringMatching(/^[a-z .,\n]{0,200}$/), (secret, text) => {
        fc.pre(!text.includes(secret));
        expect(new Redactor([secret]).redact(text)).toBe(text);
      }),
      RUNS
    );
  });
});

describe('text assembled from pieces is redacted whole', () => {
  /** Cut points for a byte buffer: chunk boundaries may fall inside the secret and inside a UTF-8 character. */
  const chunked = (buffer: Buffer, cuts: number[]): Buffer[] => {
    const points = [...new Set(cuts.map(c => c % (buffer.length + 1)))].sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let at = 0;
    for (const point of [...points, buffer.length]) {
      chunks.push(buffer.subarray(at, point));
      at = point;
    }
    return chunks;
  };

  it('command output arriving in arbitrary chunks (HeadTailBuffer) never leaks a secret once redacted', () => {
    fc.assert(
      fc.property(
        secretArb,
        textArb,
        textArb,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (secret, before, after, cuts, limit) => {
          const bytes = Buffer.from(`${before}${secret}${after}\n${secret}`);
          const buffer = new HeadTailBuffer(limit);
          for (const chunk of chunked(bytes, cuts)) buffer.push(chunk);
          expect(new Redactor([secret]).redact(buffer.text()).includes(secret)).toBe(false);
        }
      ),
      RUNS
    );
  });

  const TRANSCRIPT_SKELETON = JSON.stringify({
    seq: 0,
    time: new Date(0).toISOString(),
    type: 'tool_result policy_decision turn tool_call',
    text: '',
    arguments: JSON.stringify({ command: '' }),
    nested: { list: [''] }
  });

  it('a transcript written event by event holds no secret, whatever field carries it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubrick-redact-'));
    dirs.push(dir);
    let n = 0;
    fc.assert(
      fc.property(
        // A "secret" that is part of the line's own structure (a key such as "arguments") cannot be
        // removed without breaking the JSON; real secrets are never JSON keys.
        secretArb.filter(secret => !TRANSCRIPT_SKELETON.includes(secret)),
        fc.array(
          fc.tuple(fc.constantFrom('turn', 'tool_call', 'tool_result', 'policy_decision'), textArb, textArb),
          {
            minLength: 1,
            maxLength: 6
          }
        ),
        (secret, events) => {
          const path = join(dir, `t-${n++}.jsonl`);
          const transcript = new Transcript(path, new Redactor([secret]), () => 0);
          for (const [type, before, after] of events) {
            const text = `${before}${secret}${after}`;
            // As the loop records them: parsed values, and the model's raw argument JSON.
            transcript.record({
              type,
              text,
              arguments: JSON.stringify({ command: text }),
              nested: { list: [text] }
            });
          }
          const written = readFileSync(path, 'utf8');
          expect(written.includes(secret)).toBe(false);
          expect(written.includes(JSON.stringify(secret).slice(1, -1))).toBe(false);
          for (const line of written.trim().split('\n')) {
            // Every line is still valid JSON: redaction never breaks the file for `kubrick replay`.
            const event = JSON.parse(line) as { text: string; arguments: string };
            expect(event.text.includes(secret)).toBe(false);
            // The raw arguments, decoded as a reader would, do not give the secret back either.
            let command: string;
            try {
              command = (JSON.parse(event.arguments) as { command: string }).command;
            } catch {
              command = event.arguments;
            }
            expect(command.includes(secret)).toBe(false);
          }
        }
      ),
      { numRuns: 150 }
    );
  });
});
