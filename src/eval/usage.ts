import type { RunUsage } from '../agent/loop.js';

/**
 * Prompt tokens the provider served from its cache (`tokensCached`, counted with prompt caching); 0
 * for providers that report no cached figure. The one place the eval reads it.
 */
export function cachedTokensOf(usage: RunUsage): number {
  const cached = usage.tokensCached;
  return Number.isFinite(cached) && cached > 0 ? cached : 0;
}
