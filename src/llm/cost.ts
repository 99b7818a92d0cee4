/**
 * Cost in USD. Explicit prices (price_per_mtok_in / price_per_mtok_out) win; otherwise a small table
 * of well-known models. An unknown price gives null, never 0: a self-hosted model is not free to
 * run, and a cost budget must not silently pass.
 */

export interface Prices {
  /** USD per million input tokens; null = not configured. */
  in: number | null;
  /** USD per million output tokens; null = not configured. */
  out: number | null;
}

/**
 * List prices in USD per million tokens, standard tier, from the providers' public pricing pages
 * as of 2025-08 (OpenAI: platform.openai.com/docs/pricing; Anthropic: docs.anthropic.com pricing).
 * Matched by the longest prefix, so dated snapshots ("claude-sonnet-4-20250514") are covered.
 */
export const KNOWN_PRICES: Readonly<Record<string, { in: number; out: number }>> = {
  'gpt-5': { in: 1.25, out: 10 },
  'gpt-5-mini': { in: 0.25, out: 2 },
  'gpt-5-nano': { in: 0.05, out: 0.4 },
  'gpt-5-pro': { in: 15, out: 120 },
  'gpt-4.1': { in: 2, out: 8 },
  'gpt-4.1-mini': { in: 0.4, out: 1.6 },
  'gpt-4.1-nano': { in: 0.1, out: 0.4 },
  'gpt-4o': { in: 2.5, out: 10 },
  'gpt-4o-mini': { in: 0.15, out: 0.6 },
  o3: { in: 2, out: 8 },
  'o3-mini': { in: 1.1, out: 4.4 },
  'o3-pro': { in: 20, out: 80 },
  'o4-mini': { in: 1.1, out: 4.4 },
  'o4-mini-deep-research': { in: 2, out: 8 },
  'claude-opus-4': { in: 15, out: 75 },
  'claude-opus-4-5': { in: 5, out: 25 },
  'claude-sonnet-4': { in: 3, out: 15 },
  'claude-3-7-sonnet': { in: 3, out: 15 },
  'claude-3-5-sonnet': { in: 3, out: 15 },
  'claude-3-5-haiku': { in: 0.8, out: 4 },
  'claude-haiku-4-5': { in: 1, out: 5 }
};

export function knownPrices(model: string): Prices {
  const name = model.trim().toLowerCase();
  let best: string | undefined;
  for (const prefix of Object.keys(KNOWN_PRICES)) {
    const matches = name === prefix || name.startsWith(`${prefix}-`) || name.startsWith(`${prefix}:`);
    if (matches && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  const entry = best === undefined ? undefined : KNOWN_PRICES[best];
  return entry ? { in: entry.in, out: entry.out } : { in: null, out: null };
}

export function costUsd(
  usage: { inputTokens: number; outputTokens: number },
  model: string,
  prices: Prices
): number | null {
  const table = knownPrices(model);
  const priceIn = prices.in ?? table.in;
  const priceOut = prices.out ?? table.out;
  if (priceIn === null || priceOut === null) return null;
  return (usage.inputTokens * priceIn + usage.outputTokens * priceOut) / 1_000_000;
}
