/** Anthropic Messages API, streamed, with tool_use / tool_result blocks. */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError
} from '@anthropic-ai/sdk';
import type {
  MessageCreateParamsStreaming,
  RawMessageStreamEvent
} from '@anthropic-ai/sdk/resources/messages/messages';
import { eventStreamFetch } from './answer-check.js';
import { flattenForTextProtocol } from './conversation.js';
import { StreamCut } from './failures.js';
import {
  addCacheBreakpoints,
  type CacheableBlock,
  type CacheableMessage,
  type CacheableRequest
} from './anthropic-cache.js';
import {
  nativeToolCall,
  type ProviderAttempt,
  type RawTurn,
  type RawUsage,
  type ToolMode
} from './provider.js';
import { fromSdkError } from './sdk-errors.js';
import type { FinishReason, Message, ToolCall } from './types.js';
import { errorMessage } from '../error-message.js';

const SDK_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/** Messages API requires max_tokens; used when the loop sets none. */
const DEFAULT_MAX_OUTPUT_TOKENS = 8192;

export interface AnthropicSettings {
  /** The root that /v1/messages is appended to (see base-url.ts). */
  base: string;
  model: string;
  apiKey: string;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  /** Send cache_control breakpoints (see anthropic-cache.ts); false for servers that reject the field. */
  promptCache?: boolean;
}

export function createAnthropicProvider(settings: AnthropicSettings): ProviderAttempt {
  const keyless = settings.apiKey === '';
  const client = new Anthropic({
    // Explicit key and URL: the runner's ANTHROPIC_* variables must not change where requests go.
    apiKey: keyless ? 'unused' : settings.apiKey,
    baseURL: settings.base,
    maxRetries: 0,
    timeout: settings.requestTimeoutMs,
    fetch: eventStreamFetch(settings.fetch ?? fetch),
    // SDK 1.x sends the key only as `Authorization: Bearer`; Anthropic's API and many gateways read
    // `x-api-key`. Sending both makes either kind of gateway work.
    defaultHeaders: keyless ? { Authorization: null } : { 'x-api-key': settings.apiKey }
  });
  return {
    url: `${settings.base}/v1/messages`,
    async attempt(request, mode, system, signal) {
      const body: MessageCreateParamsStreaming & CacheableRequest = {
        model: settings.model,
        max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        messages: toAnthropicMessages(request.messages, mode),
        stream: true
      };
      if (system !== '') body.system = system;
      if (mode === 'native' && request.tools.length > 0) {
        body.tools = request.tools.map(tool => ({
          name: tool.name,
          description: tool.description,
          input_schema: tool.parameters as { type: 'object'; [key: string]: unknown }
        }));
      }
      if (settings.promptCache !== false) addCacheBreakpoints(body);
      let stream: AsyncIterable<RawMessageStreamEvent>;
      try {
        stream = await client.messages.create(body, { signal });
      } catch (error) {
        throw fromSdkError(error, SDK_ERRORS);
      }
      const turn = await readStream(stream);
      return { ...turn, promptText: () => `${system}\n${JSON.stringify(body.messages)}` };
    }
  };
}

async function readStream(
  stream: AsyncIterable<RawMessageStreamEvent>
): Promise<Omit<RawTurn, 'promptText'>> {
  let text = '';
  let stopReason: string | null = null;
  let stopped = false;
  const usage: RawTurn['usage'] = {};
  const blocks = new Map<number, { id: string; name: string; json: string }>();
  const toolCalls: ToolCall[] = [];
  try {
    for await (const event of stream) {
      switch (event.type) {
        case 'message_start': {
          // Some compatible gateways omit usage; then it is estimated.
          const u = event.message.usage as typeof event.message.usage | undefined;
          if (u) Object.assign(usage, usageOf(u));
          break;
        }
        case 'content_block_start':
          if (event.content_block.type === 'tool_use') {
            blocks.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: '' });
          } else if (event.content_block.type === 'text') {
            text += event.content_block.text;
          }
          break;
        case 'content_block_delta':
          if (event.delta.type === 'text_delta') text += event.delta.text;
          else if (event.delta.type === 'input_json_delta') {
            const block = blocks.get(event.index);
            if (block) block.json += event.delta.partial_json;
          }
          break;
        case 'content_block_stop': {
          const block = blocks.get(event.index);
          if (block) toolCalls.push(nativeToolCall(block.id, block.name, block.json));
          break;
        }
        case 'message_delta':
          stopReason = event.delta.stop_reason ?? stopReason;
          // Cumulative totals, not increments: assign, never add.
          if (event.usage) Object.assign(usage, usageOf(event.usage));
          break;
        case 'message_stop':
          stopped = true;
          break;
      }
    }
  } catch (error) {
    if (error instanceof APIUserAbortError) throw error;
    throw new StreamCut(errorMessage(error) || 'the connection closed mid-stream');
  }
  if (!stopped) throw new StreamCut('the connection closed before message_stop');
  return { text, toolCalls, finishReason: mapStop(stopReason, toolCalls.length > 0), usage };
}

/**
 * The fields a usage object of the stream carries (message_start has them all; message_delta repeats
 * running totals, often only output_tokens). `input_tokens` counts only the input after the last
 * cache breakpoint; the cache reads and writes are the rest of the input.
 */
function usageOf(u: {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): RawUsage {
  const out: RawUsage = {};
  if (typeof u.output_tokens === 'number') out.output = u.output_tokens;
  if (typeof u.input_tokens === 'number') {
    const read = u.cache_read_input_tokens ?? 0;
    const write = u.cache_creation_input_tokens ?? 0;
    out.input = u.input_tokens + read + write;
    out.cached = read;
    out.cacheWrite = write;
  }
  return out;
}

function mapStop(reason: string | null, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  if (reason === 'end_turn' || reason === 'stop_sequence') return 'stop';
  if (reason === 'max_tokens') return 'length';
  if (reason === 'refusal') return 'content_filter';
  if (reason === 'tool_use') return 'tool_calls';
  return 'other';
}

type Block = CacheableBlock;

function toAnthropicMessages(messages: Message[], mode: ToolMode): CacheableMessage[] {
  if (mode === 'text') {
    return flattenForTextProtocol(messages).map(turn => ({
      role: turn.role,
      content: nonEmpty(turn.content)
    }));
  }
  const out: { role: 'user' | 'assistant'; content: Block[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: Block[]): void => {
    const last = out[out.length - 1];
    // The API wants alternating roles; tool results and a following user message share one turn.
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const message of messages) {
    if (message.role === 'user') push('user', [{ type: 'text', text: nonEmpty(message.content) }]);
    else if (message.role === 'tool') {
      push('user', [
        {
          type: 'tool_result',
          tool_use_id: message.toolCallId,
          content: message.content,
          ...(message.isError ? { is_error: true } : {})
        }
      ]);
    } else {
      const blocks: Block[] = message.content === '' ? [] : [{ type: 'text', text: message.content }];
      for (const call of message.toolCalls ?? []) {
        blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: call.arguments ?? {} });
      }
      push('assistant', blocks.length > 0 ? blocks : [{ type: 'text', text: '(no answer)' }]);
    }
  }
  return out;
}

/** The API rejects empty text blocks. */
function nonEmpty(text: string): string {
  return text === '' ? '(empty)' : text;
}
