import { describe, expect, it } from '@jest/globals';
import { costUsd, KNOWN_PRICES } from '../../src/llm/cost.js';

const usage = { inputTokens: 1_000_000, outputTokens: 200_000 };
const none = { in: null, out: null };

describe('costUsd', () => {
  it('uses explicit prices per million tokens', () => {
    expect(costUsd(usage, 'my-local-model', { in: 0.5, out: 1.5 })).toBeCloseTo(0.5 + 0.3, 10);
  });

  it('knows well-known models, dated snapshots included, preferring the most specific name', () => {
    expect(costUsd(usage, 'gpt-4o', none)).toBeCloseTo(2.5 + 2, 10);
    expect(costUsd(usage, 'gpt-4o-mini-2024-07-18', none)).toBeCloseTo(0.15 + 0.12, 10);
    expect(costUsd(usage, 'claude-sonnet-4-20250514', none)).toBeCloseTo(3 + 3, 10);
  });

  it('an explicit price overrides the table', () => {
    expect(costUsd(usage, 'gpt-4o', { in: 0, out: 0 })).toBe(0);
  });

  it('an unknown model is null, never 0', () => {
    expect(costUsd(usage, 'qwen2.5-coder:32b', none)).toBeNull();
    expect(costUsd({ inputTokens: 0, outputTokens: 0 }, 'llama-3-70b', none)).toBeNull();
    expect(costUsd(usage, 'my-model', { in: 1, out: null })).toBeNull();
  });
});

describe('costUsd with prompt caching', () => {
  const cachedRun = {
    inputTokens: 1_000_000,
    outputTokens: 100_000,
    cachedTokens: 800_000,
    cacheWriteTokens: 0
  };

  it('bills uncached input, cached input and output each at its price', () => {
    expect(costUsd(cachedRun, 'm', { in: 2, out: 8, cachedIn: 0.5 })).toBeCloseTo(
      0.2 * 2 + 0.8 * 0.5 + 0.1 * 8,
      10
    );
  });

  it('bills cache writes at 1.25 × the input price', () => {
    const anthropic = {
      inputTokens: 1_000_000,
      outputTokens: 0,
      cachedTokens: 600_000,
      cacheWriteTokens: 300_000
    };
    expect(costUsd(anthropic, 'm', { in: 3, out: 15, cachedIn: 0.3 })).toBeCloseTo(
      0.1 * 3 + 0.6 * 0.3 + 0.3 * 1.25 * 3,
      10
    );
  });

  it("takes a known model's cached price from the table", () => {
    expect(costUsd(cachedRun, 'gpt-4.1-2025-04-14', none)).toBeCloseTo(0.2 * 2 + 0.8 * 0.5 + 0.1 * 8, 10);
    expect(costUsd(cachedRun, 'claude-sonnet-4-5', none)).toBeCloseTo(0.2 * 3 + 0.8 * 0.3 + 0.1 * 15, 10);
  });

  it('charges an unknown model the input price for cached input: never less than it may cost', () => {
    expect(costUsd(cachedRun, 'qwen3-coder', { in: 1, out: 2 })).toBeCloseTo(1 + 0.2, 10);
  });

  it('every known model has a cached price no higher than its input price', () => {
    for (const [name, price] of Object.entries(KNOWN_PRICES)) {
      expect([name, price.cachedIn <= price.in]).toEqual([name, true]);
    }
  });
});
