/** Token counts when a server omits usage: estimated with a real tokenizer, loaded only when needed. */
import type { RawUsage } from './provider.js';
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

/** A reported count, when it is one: a non-negative finite number. */
function count(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * Exact figures when the server gave both; otherwise estimates, flagged as such. Cached input and
 * cache writes are parts of the input: taken as reported when the input was, never more than it,
 * and 0 when the input had to be estimated (an estimate knows nothing of a cache).
 */
export async function resolveUsage(
  reported: RawUsage,
  estimateFrom: { input: () => string; output: () => string }
): Promise<Usage> {
  const input = count(reported.input);
  const output = count(reported.output);
  const cachedTokens = input === null ? 0 : Math.min(input, count(reported.cached) ?? 0);
  const cacheWriteTokens =
    input === null ? 0 : Math.min(input - cachedTokens, count(reported.cacheWrite) ?? 0);
  if (input !== null && output !== null) {
    return { inputTokens: input, outputTokens: output, cachedTokens, cacheWriteTokens, estimated: false };
  }
  return {
    inputTokens: input ?? (await estimateTokens(estimateFrom.input())),
    outputTokens: output ?? (await estimateTokens(estimateFrom.output())),
    cachedTokens,
    cacheWriteTokens,
    estimated: true
  };
}
