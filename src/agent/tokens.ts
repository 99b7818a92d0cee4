/**
 * Token counting for context management. A cheap character estimate decides when counting matters;
 * only then is the real tokenizer (shared with usage estimation, loaded lazily) asked.
 */
import { estimateTokens } from '../llm/usage.js';

export interface TokenCounter {
  count(text: string): Promise<number>;
}

/** About four characters per token for English and code; used only to decide whether to count for real. */
export function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export const tiktokenCounter: TokenCounter = { count: estimateTokens };
