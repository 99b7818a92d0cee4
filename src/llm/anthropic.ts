/** Anthropic Messages API, streamed, with tool_use / tool_result blocks. */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError
} from '@anthropic-ai/sdk';
import type {
  MessageCreateParamsStreaming,
  MessageParam,
  RawMessageStreamEvent
} from '@anthropic-ai/sdk/resources/messages/messages';
import { eventStreamFetch } from './answer-check.js';
import { flattenForTextProtocol } from './conversation.js';
import { StreamCut } from './failures.js';
import { nativeToolCall, type ProviderAttempt, type RawTurn, type ToolMode } from './provider.js';
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
      const body: MessageCreateParamsStreaming = {
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
          if (typeof u?.input_tokens === 'number') {
            usage.input =
              u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
          }
          if (typeof u?.output_tokens === 'number') usage.output = u.output_tokens;
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
          if (event.usage) {
            const u = event.usage;
            if (typeof u.output_tokens === 'number') usage.output = u.output_tokens;
            if (typeof u.input_tokens === 'number') {
              usage.input =
                u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
            }
          }
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

function mapStop(reason: string | null, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  if (reason === 'end_turn' || reason === 'stop_sequence') return 'stop';
  if (reason === 'max_tokens') return 'length';
  if (reason === 'refusal') return 'content_filter';
  if (reason === 'tool_use') return 'tool_calls';
  return 'other';
}

type Block = Exclude<MessageParam['content'], string>[number];

function toAnthropicMessages(messages: Message[], mode: ToolMode): MessageParam[] {
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
