/**
 * The scripted server's prompt cache, modelled on the real APIs so tests see the figures a provider
 * would report:
 * - OpenAI (and vLLM/SGLang prefix caching): automatic. The tokens a request shares, from its start,
 *   with an earlier request (tools, then messages) are served from the cache, counted in steps of
 *   `step` tokens once the shared prefix reaches `minTokens` (OpenAI: 1024 and 128).
 * - Anthropic: only at `cache_control` breakpoints. The prefix (tools, system, messages, block by
 *   block) up to each breakpoint is written when it is at least `minTokens` long; a breakpoint reads
 *   the longest prefix written earlier that ends at it or up to 20 blocks before it. Reads and writes
 *   are reported apart from `input_tokens`, which counts only the rest. A request with more than 4
 *   breakpoints is refused with the API's 400.
 * Tokens are characters / 4 of the prompt's content (cache_control marks are not content).
 */
import { createHash } from 'node:crypto';

export interface PromptCacheOptions {
  /** Shortest prefix, in tokens, that is cached. Default 1024 (both APIs' documented minimum). */
  minTokens?: number;
  /** OpenAI reports cached tokens in steps of this many. Default 128. */
  step?: number;
}

export interface CachedUsage {
  /** All input tokens of the request. */
  input: number;
  /** Of those, read from the cache. */
  cached: number;
  /** Of those, written to the cache (Anthropic). */
  cacheWrite: number;
}

/** How many blocks before a breakpoint Anthropic looks for an earlier cache entry. */
const LOOKBACK_BLOCKS = 20;
export const MAX_BREAKPOINTS = 4;

type Json = Record<string, unknown>;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const tokens = (chars: number) => Math.floor(chars / 4);

/** A block's content as the cache sees it: everything but its cache_control mark. */
function content(block: unknown): string {
  if (typeof block !== 'object' || block === null) return JSON.stringify(block);
  const { cache_control: _mark, ...rest } = block as Json;
  return JSON.stringify(rest);
}

function marked(block: unknown): boolean {
  const mark = (block as Json | null)?.cache_control;
  return typeof block === 'object' && block !== null && mark !== undefined && mark !== null;
}

interface Block {
  text: string;
  breakpoint: boolean;
}

/** An Anthropic request as the cache sees it: tools, system, then each message's blocks, in order. */
function anthropicBlocks(body: Json): Block[] {
  const blocks: Block[] = [];
  for (const tool of asArray(body.tools))
    blocks.push({ text: `tool:${content(tool)}`, breakpoint: marked(tool) });
  if (typeof body.system === 'string') blocks.push({ text: `system:${body.system}`, breakpoint: false });
  for (const part of asArray(body.system))
    blocks.push({ text: `system:${content(part)}`, breakpoint: marked(part) });
  for (const message of asArray(body.messages) as Json[]) {
    const role = String(message.role);
    if (typeof message.content === 'string') {
      blocks.push({
        text: `${role}:${JSON.stringify({ type: 'text', text: message.content })}`,
        breakpoint: false
      });
      continue;
    }
    for (const block of asArray(message.content)) {
      blocks.push({ text: `${role}:${content(block)}`, breakpoint: marked(block) });
    }
  }
  return blocks;
}

/** Blocks with cache_control anywhere in an Anthropic request (what the API counts against its limit). */
export function breakpointCount(body: unknown): number {
  if (typeof body !== 'object' || body === null) return 0;
  return anthropicBlocks(body as Json).filter(block => block.breakpoint).length;
}

/** The Anthropic API's answer to a 5th breakpoint. */
export function tooManyBreakpointsMessage(found: number): string {
  return `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${found}.`;
}

/** An OpenAI request's prompt as one string, in the order the server renders it: tools, then messages. */
function openAiPrompt(body: Json): string {
  return [JSON.stringify(body.tools ?? []), ...asArray(body.messages).map(m => JSON.stringify(m))].join('\n');
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export class ScriptedPromptCache {
  private readonly minTokens: number;
  private readonly step: number;
  private readonly openAiPrompts: string[] = [];
  /** Anthropic entries: hash of a prefix → its length in tokens. */
  private readonly entries = new Map<string, number>();

  constructor(options: PromptCacheOptions = {}) {
    this.minTokens = options.minTokens ?? 1024;
    this.step = options.step ?? 128;
  }

  /** What an OpenAI-compatible server reports as cached for this request; `input` is its total. */
  openAi(body: Json, input: number): CachedUsage {
    const prompt = openAiPrompt(body);
    let shared = 0;
    for (const earlier of this.openAiPrompts) shared = Math.max(shared, commonPrefix(prompt, earlier));
    this.openAiPrompts.push(prompt);
    const sharedTokens = tokens(shared);
    const cached = sharedTokens >= this.minTokens ? Math.floor(sharedTokens / this.step) * this.step : 0;
    return { input, cached: Math.min(cached, input), cacheWrite: 0 };
  }

  /** What the Messages API reports for this request: reads and writes at its breakpoints. */
  anthropic(body: Json, input: number): CachedUsage {
    const blocks = anthropicBlocks(body);
    const ends: number[] = [];
    const hashes: string[] = [];
    let chars = 0;
    const hash = createHash('sha256');
    for (const block of blocks) {
      chars += block.text.length;
      hash.update(`${block.text}\u0000`);
      hashes.push(hash.copy().digest('hex'));
      ends.push(tokens(chars));
    }
    const breakpoints = blocks.flatMap((block, index) => (block.breakpoint ? [index] : []));
    let read = 0;
    for (const at of breakpoints) {
      for (let j = at; j >= Math.max(0, at - LOOKBACK_BLOCKS); j--) {
        const cached = this.entries.get(hashes[j]!);
        if (cached !== undefined) {
          read = Math.max(read, cached);
          break;
        }
      }
    }
    let written = read;
    for (const at of breakpoints) {
      const length = ends[at]!;
      if (length < this.minTokens) continue;
      this.entries.set(hashes[at]!, length);
      written = Math.max(written, length);
    }
    const total = Math.max(input, written);
    return { input: total, cached: read, cacheWrite: written - read };
  }
}
