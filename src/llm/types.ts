/** The one interface the agent loop talks to; every provider implements it. */

/** JSON Schema object describing a tool's parameters (sent to the model as-is). */
export type JsonSchema = Record<string, unknown>;

export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export interface ToolCall {
  /** Provider id, or a generated one (text protocol) so results can be matched to calls. */
  id: string;
  name: string;
  /** Parsed arguments; null when they could not be parsed (see argumentsError). */
  arguments: Record<string, unknown> | null;
  /** Why the arguments are unusable (malformed JSON, not an object); returned to the model as the call's result. */
  argumentsError?: string;
  /** The arguments exactly as the model produced them, for the transcript. */
  rawArguments: string;
}

export type Message =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string; isError?: boolean };

export interface CompletionRequest {
  system: string;
  messages: Message[];
  /** Empty list: the model is offered no tools (used by the summarizing call). */
  tools: ToolSpec[];
  maxOutputTokens?: number;
  /** Aborts the request and any retry wait (total_timeout). */
  signal?: AbortSignal;
  /** Epoch ms after which no retry is started (the run's remaining total_timeout). */
  deadline?: number;
}

export interface Usage {
  /** Every input token of the request, the ones served from the provider's cache included. */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens the provider served from its prompt cache (billed at the cached price); 0 when none or not reported. */
  cachedTokens: number;
  /** Input tokens written to the prompt cache (Anthropic bills them at 1.25 × the input price); 0 elsewhere. */
  cacheWriteTokens: number;
  /** True when a server omitted usage and the figures were estimated with a tokenizer. */
  estimated: boolean;
}

export type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'other';

export interface CompletionResponse {
  text: string;
  toolCalls: ToolCall[];
  usage: Usage;
  finishReason: FinishReason;
  /** How many HTTP attempts this completion took (1 = no retry). */
  attempts: number;
}

export type ProviderName = 'openai' | 'anthropic' | 'triton';

export interface LlmClient {
  readonly provider: ProviderName;
  readonly model: string;
  complete(request: CompletionRequest): Promise<CompletionResponse>;
}

export type LlmErrorKind =
  | 'auth' // 401/403, or no key where one is needed
  | 'quota' // out of quota or credit (billing; not retried)
  | 'not_found' // wrong model name
  | 'wrong_endpoint' // 404/405/501: base_url or provider points at something else
  | 'bad_response' // 200 with a body that is not the API's event stream (an HTML page, …)
  | 'context_length' // 400 context too long
  | 'bad_request' // other 4xx
  | 'rate_limit' // 429 after retries
  | 'server' // 5xx after retries
  | 'timeout' // request or retry budget ran out
  | 'network' // connection refused / reset after retries
  | 'aborted' // total_timeout signal
  | 'stream'; // stream cut or error event mid-stream after retries

/** A failure the maintainer can act on; `message` says what to fix in plain words. */
export class LlmError extends Error {
  constructor(
    message: string,
    readonly kind: LlmErrorKind,
    readonly options: { status?: number; url?: string; attempts?: number } = {}
  ) {
    super(message);
    this.name = 'LlmError';
  }
}
