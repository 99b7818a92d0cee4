/**
 * createLlmClient: the provider the agent loop talks to, with the one retry policy, the text tool
 * protocol when the server has no function calling, and usage that is exact or flagged estimated.
 */
import { actionKeyWording, missingKeyProblem, type KeyWording } from './api-key.js';
import { apiBase } from './base-url.js';
import { classifyFailure } from './failures.js';
import type { PromptFormat } from './prompt-format.js';
import type { ProviderAttempt, ToolMode } from './provider.js';
import { defaultSleep, withRetries } from './retry.js';
import { parseToolCalls, renderToolsForPrompt } from './text-protocol.js';
import {
  LlmError,
  type CompletionRequest,
  type CompletionResponse,
  type LlmClient,
  type ProviderName
} from './types.js';
import { resolveUsage } from './usage.js';

export interface LlmOptions {
  provider: ProviderName;
  model: string;
  /** base_url as the user gave it (see base-url.ts for how each provider reads it); '' = the public API. */
  baseUrl: string;
  /** '' = send no key: only for servers without auth (see api-key.ts). */
  apiKey: string;
  /** How the user sets the key and the server here, for messages. Default: the action's inputs. */
  keyWording?: KeyWording;
  toolProtocol: 'auto' | 'native' | 'text';
  /** Only the triton provider renders a prompt; the others send structured messages. */
  promptFormat: PromptFormat;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** HTTP attempts per completion, first one included. Default 5. */
  maxAttempts?: number;
  /** Longest one attempt may take before it counts as a failed (retryable) attempt. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Mark the prompt's stable prefix for the provider's cache (Anthropic `cache_control`); default true.
   * OpenAI-compatible servers cache prefixes on their own and get no extra field either way.
   */
  promptCache?: boolean;
}

/** tool_protocol auto: the hosted APIs have function calling; Triton's generate endpoint has not. */
export function resolveToolMode(provider: ProviderName, toolProtocol: LlmOptions['toolProtocol']): ToolMode {
  if (toolProtocol === 'text') return 'text';
  if (toolProtocol === 'native') {
    if (provider === 'triton') {
      throw new Error(
        "tool_protocol: native does not work with provider: triton (its generate endpoint has no function calling). Use tool_protocol: text or auto, or provider: openai with Triton's OpenAI-compatible frontend."
      );
    }
    return 'native';
  }
  return provider === 'triton' ? 'text' : 'native';
}

export function createLlmClient(options: LlmOptions): LlmClient {
  if (options.model.trim() === '') {
    throw new Error(
      'model is empty: set the model input to the model name your server serves (e.g. gpt-4.1).'
    );
  }
  const mode = resolveToolMode(options.provider, options.toolProtocol);
  const wording = options.keyWording ?? actionKeyWording(options.provider);
  const base = wording.setting
    ? apiBase(options.provider, options.baseUrl, {
        baseUrl: wording.setting('base_url'),
        apiKey: wording.key
      })
    : apiBase(options.provider, options.baseUrl);
  // Said before any request: the provider's SDK is not even loaded.
  // A pasted secret often ends with a newline, which no HTTP header may carry.
  const apiKey = options.apiKey.trim();
  const keyProblem = missingKeyProblem({ ...options, apiKey }, wording);
  if (keyProblem !== null) return refusingClient(options, keyProblem);
  const settings = {
    base,
    model: options.model,
    apiKey,
    requestTimeoutMs: options.requestTimeoutMs,
    fetch: options.fetch,
    promptCache: options.promptCache ?? true
  };
  // Each SDK is about 1 MB of JavaScript and a run uses one provider: only that one is loaded. The
  // import starts now, so it overlaps whatever the caller does next (the git fetch) instead of
  // delaying the first completion; a failed import is reported by that completion.
  const loading: Promise<ProviderAttempt> =
    options.provider === 'openai'
      ? import('./openai.js').then(m => m.createOpenAiProvider(settings))
      : options.provider === 'anthropic'
        ? import('./anthropic.js').then(m => m.createAnthropicProvider(settings))
        : import('./triton.js').then(m =>
            m.createTritonProvider({ ...settings, promptFormat: options.promptFormat })
          );
  loading.catch(() => undefined);
  const now = options.now ?? Date.now;
  let completions = 0;

  return {
    provider: options.provider,
    model: options.model,
    async complete(request: CompletionRequest): Promise<CompletionResponse> {
      completions++;
      const provider = await loading;
      const textTools = mode === 'text' && request.tools.length > 0;
      const system = textTools
        ? [request.system, renderToolsForPrompt(request.tools)].filter(part => part !== '').join('\n\n')
        : request.system;
      const { value: raw, attempts } = await withRetries(
        () => provider.attempt(request, mode, system, request.signal),
        {
          url: provider.url,
          classify: error =>
            classifyFailure(
              error,
              {
                model: options.model,
                keyless: apiKey === '',
                keySetting: wording.key,
                setting: wording.setting,
                host: wording.host
              },
              now()
            ),
          now,
          sleep: options.sleep ?? defaultSleep,
          maxAttempts: options.maxAttempts ?? 5,
          deadline: request.deadline,
          signal: request.signal
        }
      );
      let { text, toolCalls, finishReason } = raw;
      if (textTools) {
        // Ids carry the completion number so results stay matched to calls across turns.
        const parsed = parseToolCalls(raw.text, `call_${completions}`);
        text = parsed.text;
        toolCalls = parsed.toolCalls;
        if (toolCalls.length > 0) finishReason = 'tool_calls';
      }
      const usage = await resolveUsage(raw.usage, {
        input: raw.promptText,
        output: () => raw.text + raw.toolCalls.map(call => call.name + call.rawArguments).join('')
      });
      return { text, toolCalls, usage, finishReason, attempts };
    }
  };
}

/** A client whose every completion fails with `problem`, without a request. */
function refusingClient(options: LlmOptions, problem: string): LlmClient {
  return {
    provider: options.provider,
    model: options.model,
    complete: () => Promise.reject(new LlmError(problem, 'auth', { attempts: 0 }))
  };
}
