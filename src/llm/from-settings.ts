import type { Settings } from '../config/settings.js';
import type { KeyWording } from './api-key.js';
import type { LlmOptions } from './create.js';

/**
 * How long one model request may wait for the server to start answering before it counts as a failed,
 * retryable attempt. Without it the SDK waits 10 minutes, so one hung request would use the whole
 * total_timeout; a third of it (at most 5 minutes) leaves room for retries, and is still far beyond
 * what a healthy server needs to start streaming, even for a long prompt.
 */
export function modelRequestTimeoutMs(settings: Pick<Settings, 'total_timeout'>): number {
  return Math.max(1000, Math.min(300_000, Math.round((settings.total_timeout * 1000) / 3)));
}

/**
 * The model client a run's settings describe; the action and `kubrick run` build it the same way.
 * `keyWording` says how the key is set where the client is built (default: the action's input).
 */
export function llmOptionsFrom(settings: Settings, apiKey: string, keyWording?: KeyWording): LlmOptions {
  return {
    ...(keyWording ? { keyWording } : {}),
    provider: settings.provider,
    model: settings.model,
    baseUrl: settings.base_url,
    apiKey,
    toolProtocol: settings.tool_protocol,
    promptFormat: settings.prompt_format,
    requestTimeoutMs: modelRequestTimeoutMs(settings),
    promptCache: settings.prompt_cache
  };
}
