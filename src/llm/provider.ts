/** What each provider implements: one HTTP attempt, streamed, turned into a finished raw turn. */
import type { CompletionRequest, FinishReason, ToolCall } from './types.js';
import { errorMessage } from '../error-message.js';

export type ToolMode = 'native' | 'text';

/** Token counts as a server reported them; null/undefined when it gave none. */
export interface RawUsage {
  /** All input tokens, cached and cache writes included. */
  input?: number | null;
  output?: number | null;
  /** Of `input`, served from the prompt cache. */
  cached?: number | null;
  /** Of `input`, written to the prompt cache (Anthropic). */
  cacheWrite?: number | null;
}

export interface RawTurn {
  /** With the text protocol this still holds the ```tool_call blocks; the client parses them. */
  text: string;
  /** Native tool calls (always empty with the text protocol). */
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  /** As reported by the server; null/undefined when it gave none. */
  usage: RawUsage;
  /** The prompt as sent, for estimating input tokens when the server reports none. */
  promptText: () => string;
}

export interface ProviderAttempt {
  /** The endpoint URL, named in failure messages. */
  readonly url: string;
  /**
   * One attempt. Throws HttpStatusError / ConnectionFailure / StreamCut (see failures.ts) for
   * failures the retry policy judges; rethrows the SDK's abort error when `signal` fired.
   */
  attempt(request: CompletionRequest, mode: ToolMode, system: string, signal?: AbortSignal): Promise<RawTurn>;
}

/** Parses native tool-call arguments; never throws, so a bad call reaches the model as an error. */
export function nativeToolCall(id: string, name: string, raw: string): ToolCall {
  const trimmed = raw.trim();
  if (trimmed === '') return { id, name, arguments: {}, rawArguments: raw };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { id, name, arguments: parsed as Record<string, unknown>, rawArguments: raw };
    }
    return {
      id,
      name,
      arguments: null,
      rawArguments: raw,
      argumentsError: 'the arguments must be a JSON object'
    };
  } catch (error) {
    return {
      id,
      name,
      arguments: null,
      rawArguments: raw,
      argumentsError: `the arguments are not valid JSON (${errorMessage(error)}); call the tool again with a JSON object`
    };
  }
}
