/** OpenAI chat completions, streamed; works with any OpenAI-compatible server. */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { CompletionUsage } from 'openai/resources/completions';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam
} from 'openai/resources/chat/completions';
import { eventStreamFetch } from './answer-check.js';
import { flattenForTextProtocol } from './conversation.js';
import { StreamCut } from './failures.js';
import {
  nativeToolCall,
  type ProviderAttempt,
  type RawTurn,
  type RawUsage,
  type ToolMode
} from './provider.js';
import { fromSdkError } from './sdk-errors.js';
import type { FinishReason, Message } from './types.js';
import { errorMessage } from '../error-message.js';

const SDK_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

export interface OpenAiSettings {
  /** The API prefix that /chat/completions is appended to (see base-url.ts). */
  base: string;
  model: string;
  apiKey: string;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

export function createOpenAiProvider(settings: OpenAiSettings): ProviderAttempt {
  const baseURL = settings.base;
  const client = new OpenAI({
    // Everything explicit: the runner's OPENAI_* variables must not change where requests go.
    // A keyless local server (Ollama, LM Studio) gets no Authorization header at all.
    apiKey: settings.apiKey === '' ? 'unused' : settings.apiKey,
    baseURL,
    organization: null,
    project: null,
    adminAPIKey: null,
    maxRetries: 0,
    timeout: settings.requestTimeoutMs,
    fetch: eventStreamFetch(settings.fetch ?? fetch),
    defaultHeaders: settings.apiKey === '' ? { Authorization: null } : undefined
  });
  // OpenAI's own newer models reject max_tokens; most compatible servers only know max_tokens.
  const usesCompletionTokens = new URL(baseURL).hostname === 'api.openai.com';
  return {
    url: `${baseURL}/chat/completions`,
    async attempt(request, mode, system, signal) {
      const body: ChatCompletionCreateParamsStreaming = {
        model: settings.model,
        messages: toOpenAiMessages(system, request.messages, mode),
        stream: true,
        stream_options: { include_usage: true }
      };
      if (mode === 'native' && request.tools.length > 0) {
        body.tools = request.tools.map(tool => ({
          type: 'function' as const,
          function: { name: tool.name, description: tool.description, parameters: tool.parameters }
        }));
      }
      if (request.maxOutputTokens !== undefined) {
        if (usesCompletionTokens) body.max_completion_tokens = request.maxOutputTokens;
        else body.max_tokens = request.maxOutputTokens;
      }
      let stream: AsyncIterable<ChatCompletionChunk>;
      try {
        stream = await client.chat.completions.create(body, { signal });
      } catch (error) {
        throw fromSdkError(error, SDK_ERRORS);
      }
      const turn = await readStream(stream);
      return { ...turn, promptText: () => JSON.stringify(body.messages) };
    }
  };
}

async function readStream(stream: AsyncIterable<ChatCompletionChunk>): Promise<Omit<RawTurn, 'promptText'>> {
  let text = '';
  let finish: string | null = null;
  let sawChoice = false;
  const usage: RawTurn['usage'] = {};
  const calls = new Map<number, { id: string; name: string; args: string }>();
  try {
    for await (const chunk of stream) {
      // Usually the final chunk (choices empty); some servers repeat running totals on every chunk.
      if (chunk.usage) Object.assign(usage, usageOf(chunk.usage));
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      sawChoice = true;
      text += choice.delta?.content ?? '';
      for (const delta of choice.delta?.tool_calls ?? []) {
        const call = calls.get(delta.index) ?? { id: '', name: '', args: '' };
        call.id ||= delta.id ?? '';
        call.name += delta.function?.name ?? '';
        call.args += delta.function?.arguments ?? '';
        calls.set(delta.index, call);
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
  } catch (error) {
    if (error instanceof APIUserAbortError) throw error;
    throw new StreamCut(`${errorMessage(error) || 'the connection closed mid-stream'}`);
  }
  if (!sawChoice) throw new StreamCut('the answer held no choices');
  if (finish === null) throw new StreamCut('the connection closed before the final chunk');
  const toolCalls = [...calls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, call]) => nativeToolCall(call.id || `call_${index + 1}`, call.name, call.args));
  return { text, toolCalls, finishReason: mapFinish(finish, toolCalls.length > 0), usage };
}

/**
 * Prompt caching is automatic here: OpenAI (and vLLM, SGLang) report the prompt tokens served from
 * the cache as `prompt_tokens_details.cached_tokens`; DeepSeek's API names them
 * `prompt_cache_hit_tokens`. Both are part of `prompt_tokens`.
 */
function usageOf(reported: CompletionUsage): RawUsage {
  const extra = reported as CompletionUsage & { prompt_cache_hit_tokens?: number | null };
  return {
    input: reported.prompt_tokens,
    output: reported.completion_tokens,
    cached: reported.prompt_tokens_details?.cached_tokens ?? extra.prompt_cache_hit_tokens ?? null
  };
}

function mapFinish(reason: string, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  if (reason === 'stop') return 'stop';
  if (reason === 'length') return 'length';
  if (reason === 'content_filter') return 'content_filter';
  if (reason === 'tool_calls' || reason === 'function_call') return 'tool_calls';
  return 'other';
}

function toOpenAiMessages(system: string, messages: Message[], mode: ToolMode): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = system === '' ? [] : [{ role: 'system', content: system }];
  if (mode === 'text') {
    for (const turn of flattenForTextProtocol(messages)) out.push({ role: turn.role, content: turn.content });
    return out;
  }
  for (const message of messages) {
    if (message.role === 'user') out.push({ role: 'user', content: message.content });
    else if (message.role === 'tool') {
      out.push({ role: 'tool', tool_call_id: message.toolCallId, content: message.content });
    } else if (message.toolCalls && message.toolCalls.length > 0) {
      out.push({
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: message.toolCalls.map(call => ({
          id: call.id,
          type: 'function' as const,
          // Some servers parse replayed arguments for their chat template; a malformed call is replayed
          // as {} (its tool result already tells the model what was wrong).
          function: { name: call.name, arguments: call.arguments === null ? '{}' : call.rawArguments }
        }))
      });
    } else {
      out.push({ role: 'assistant', content: message.content });
    }
  }
  return out;
}
