/**
 * Token counting for context management. A cheap character estimate decides when counting matters;
 * only then is the real tokenizer (a few MB of tables) loaded, so short runs never pay for it.
 */

export interface TokenCounter {
  count(text: string): Promise<number>;
}

/** About four characters per token for English and code; used only to decide whether to count for real. */
export function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

type CountFn = (text: string) => number;
let loading: Promise<CountFn> | null = null;

async function loadTokenizer(): Promise<CountFn> {
  // o200k_base is the encoding of current OpenAI models; for other models it is a close estimate.
  const mod = await import('gpt-tokenizer/encoding/o200k_base');
  return (text: string) => mod.countTokens(text);
}

export const tiktokenCounter: TokenCounter = {
  async count(text: string): Promise<number> {
    loading ??= loadTokenizer();
    const count = await loading;
    return count(text);
  }
};
