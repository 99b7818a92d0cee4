import type { RunUsage } from '../agent/loop.js';

/**
 * Prompt tokens the provider served from its cache. Runs report it once the usage figures carry
 * it (`tokensCached`, counted with prompt caching); until then, and for providers that report no
 * cached figure, it is 0. The one place the eval reads it, so the report picks it up unchanged.
 */
export function cachedTokensOf(usage: RunUsage): number {
  const cached = (usage as RunUsage & { tokensCached?: unknown }).tokensCached;
  return typeof cached === 'number' && Number.isFinite(cached) && cached > 0 ? cached : 0;
}
