import { describe, expect, it } from '@jest/globals';
import { costUsd } from '../../src/llm/cost.js';

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
