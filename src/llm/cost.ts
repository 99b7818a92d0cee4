/**
 * Cost in USD. Explicit prices (price_per_mtok_in / _out / _cached_in) win; otherwise a small table
 * of well-known models. An unknown price gives null, never 0: a self-hosted model is not free to
 * run, and a cost budget must not silently pass.
 */

export interface Prices {
  /** USD per million input tokens; null = not configured. */
  in: number | null;
  /** USD per million output tokens; null = not configured. */
  out: number | null;
  /** USD per million input tokens served from the prompt cache; null = the table's, else `in`. */
  cachedIn?: number | null;
}

/** Anthropic bills a prompt-cache write (5-minute cache) at 1.25 × the input price. */
export const CACHE_WRITE_FACTOR = 1.25;

interface ListPrice {
  in: number;
  out: number;
  /** Input served from the provider's prompt cache. */
  cachedIn: number;
}

/**
 * List prices in USD per million tokens, standard tier, from the providers' public pricing pages
 * as of 2025-08 (OpenAI: platform.openai.com/docs/pricing; Anthropic: docs.anthropic.com pricing),
 * cached input from the same pages and date: OpenAI's "cached input" column (models without one,
 * the -pro models, pay the input price), Anthropic's cache hits at 10 % of the input price.
 * Matched by the longest prefix, so dated snapshots ("claude-sonnet-4-20250514") are covered.
 */
export const KNOWN_PRICES: Readonly<Record<string, ListPrice>> = {
  'gpt-5': { in: 1.25, out: 10, cachedIn: 0.125 },
  'gpt-5-mini': { in: 0.25, out: 2, cachedIn: 0.025 },
  'gpt-5-nano': { in: 0.05, out: 0.4, cachedIn: 0.005 },
  'gpt-5-pro': { in: 15, out: 120, cachedIn: 15 },
  'gpt-4.1': { in: 2, out: 8, cachedIn: 0.5 },
  'gpt-4.1-mini': { in: 0.4, out: 1.6, cachedIn: 0.1 },
  'gpt-4.1-nano': { in: 0.1, out: 0.4, cachedIn: 0.025 },
  'gpt-4o': { in: 2.5, out: 10, cachedIn: 1.25 },
  'gpt-4o-mini': { in: 0.15, out: 0.6, cachedIn: 0.075 },
  o3: { in: 2, out: 8, cachedIn: 0.5 },
  'o3-mini': { in: 1.1, out: 4.4, cachedIn: 0.55 },
  'o3-pro': { in: 20, out: 80, cachedIn: 20 },
  'o4-mini': { in: 1.1, out: 4.4, cachedIn: 0.275 },
  'o4-mini-deep-research': { in: 2, out: 8, cachedIn: 0.5 },
  'claude-opus-4': { in: 15, out: 75, cachedIn: 1.5 },
  'claude-opus-4-5': { in: 5, out: 25, cachedIn: 0.5 },
  'claude-sonnet-4': { in: 3, out: 15, cachedIn: 0.3 },
  'claude-3-7-sonnet': { in: 3, out: 15, cachedIn: 0.3 },
  'claude-3-5-sonnet': { in: 3, out: 15, cachedIn: 0.3 },
  'claude-3-5-haiku': { in: 0.8, out: 4, cachedIn: 0.08 },
  'claude-haiku-4-5': { in: 1, out: 5, cachedIn: 0.1 }
};

export function knownPrices(model: string): Required<Prices> {
  const name = model.trim().toLowerCase();
  let best: string | undefined;
  for (const prefix of Object.keys(KNOWN_PRICES)) {
    const matches = name === prefix || name.startsWith(`${prefix}-`) || name.startsWith(`${prefix}:`);
    if (matches && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  const entry = best === undefined ? undefined : KNOWN_PRICES[best];
  return entry
    ? { in: entry.in, out: entry.out, cachedIn: entry.cachedIn }
    : { in: null, out: null, cachedIn: null };
}

/**
 * The prices a run is billed at, or null when the input or output price is unknown. Cached input
 * costs price_per_mtok_cached_in, else the table's cached price for a known model, else the input
 * price: without a known discount the cost is never reported lower than it may be.
 */
export function effectivePrices(model: string, prices: Prices): ListPrice | null {
  const table = knownPrices(model);
  const priceIn = prices.in ?? table.in;
  const priceOut = prices.out ?? table.out;
  if (priceIn === null || priceOut === null) return null;
  return { in: priceIn, out: priceOut, cachedIn: prices.cachedIn ?? table.cachedIn ?? priceIn };
}

export interface BilledTokens {
  /** All input tokens, cached and cache writes included. */
  inputTokens: number;
  outputTokens: number;
  /** Of the input, served from the prompt cache. */
  cachedTokens?: number;
  /** Of the input, written to the prompt cache (reported by Anthropic only). */
  cacheWriteTokens?: number;
}

/**
 * uncached input × input price + cached input × cached price + cache writes × 1.25 × input price
 * + output × output price.
 */
export function costUsd(usage: BilledTokens, model: string, prices: Prices): number | null {
  const price = effectivePrices(model, prices);
  if (price === null) return null;
  const cached = usage.cachedTokens ?? 0;
  const writes = usage.cacheWriteTokens ?? 0;
  const uncached = Math.max(0, usage.inputTokens - cached - writes);
  return (
    (uncached * price.in +
      cached * price.cachedIn +
      writes * CACHE_WRITE_FACTOR * price.in +
      usage.outputTokens * price.out) /
    1_000_000
  );
}
