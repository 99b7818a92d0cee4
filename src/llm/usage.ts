/** Token counts when a server omits usage: estimated with a real tokenizer, loaded only when needed. */
import type { Usage } from './types.js';

type CountTokens = (text: string) => number;
let counter: Promise<CountTokens> | undefined;

function loadCounter(): Promise<CountTokens> {
  // Dynamic import keeps the tokenizer's large rank table out of start-up for servers that report usage.
  counter ??= import('gpt-tokenizer/encoding/o200k_base').then(module => (text: string) => {
    try {
      return module.encode(text, { disallowedSpecial: new Set() }).length;
    } catch {
      return Math.ceil(text.length / 4);
    }
  });
  return counter;
}

export async function estimateTokens(text: string): Promise<number> {
  if (text === '') return 0;
  return (await loadCounter())(text);
}

/** Exact figures when the server gave both; otherwise estimates, flagged as such. */
export async function resolveUsage(
  reported: { input?: number | null; output?: number | null },
  estimateFrom: { input: () => string; output: () => string }
): Promise<Usage> {
  const input = reported.input;
  const output = reported.output;
  if (typeof input === 'number' && typeof output === 'number') {
    return { inputTokens: input, outputTokens: output, estimated: false };
  }
  return {
    inputTokens: typeof input === 'number' ? input : await estimateTokens(estimateFrom.input()),
    outputTokens: typeof output === 'number' ? output : await estimateTokens(estimateFrom.output()),
    estimated: true
  };
}
