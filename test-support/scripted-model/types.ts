/** Shapes shared by the scripted model server and its wire formats (see server.ts for the overview). */

export type ApiKind = 'openai' | 'anthropic' | 'triton';

export interface ScriptToolCall {
  name: string;
  /** An object is sent as JSON; a string is sent exactly as given (so it may be malformed JSON). */
  arguments: Record<string, unknown> | string;
  /** Default: call_<turn>_<n> (OpenAI) or toolu_<turn>_<n> (Anthropic). */
  id?: string;
}

export type Fault =
  /**
   * Answer with this HTTP status (and optional Retry-After header, body and content type; default
   * application/json) instead of the turn. A status of 200 with an HTML body plays a login page or a
   * web server where the API was expected (see faults.ts for realistic ones).
   */
  | { status: number; retryAfter?: number | string; body?: string; contentType?: string }
  /** Wait this long, then answer the turn normally. */
  | { delayMs: number }
  /** Stream this many events of the turn, then destroy the connection (no final event). */
  | { cutStreamAfterChunks: number }
  /**
   * Stream the turn with CR LF line endings, each write cut between the CR and the LF and sent as its
   * own network chunk (a pause between writes), as some proxies re-chunk a stream.
   */
  | { splitCrLf: true }
  /** OpenAI: a response with no choices; Anthropic: no content blocks; Triton: no text. */
  | { emptyChoice: true };

export interface Turn {
  text?: string;
  toolCalls?: ScriptToolCall[];
  /**
   * Reported token usage. Default: a deterministic estimate (characters / 4), with the cached part
   * from the server's prompt cache (see prompt-cache.ts). 'omit' sends none. `cached` and
   * `cacheWrite` (Anthropic) are parts of `input`.
   */
  usage?: ReportedUsage | 'omit';
  fault?: Fault;
}

export interface ReportedUsage {
  input: number;
  output: number;
  cached?: number;
  cacheWrite?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body (the raw text if it was not JSON). */
  body: unknown;
  api: ApiKind;
  /** Index of the script turn this request consumed (-1 when the script was exhausted). */
  turn: number;
  /** The usage the answer reported (unset when it reported none or the request got no answer). */
  usage?: ReportedUsage;
}

/** The conversation a request carried, normalized across the three APIs. */
export interface ConversationEntry {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  toolCalls?: { id: string; name: string; arguments: string }[];
  toolCallId?: string;
}

export interface ScriptContext {
  api: ApiKind;
  request: RecordedRequest;
  conversation: ConversationEntry[];
  /** 0 for the first request the server handled, 1 for the next, … */
  turnIndex: number;
}

/** A fixed list of turns, or a function that decides each turn (undefined = script exhausted). */
export type Script = Turn[] | ((context: ScriptContext) => Turn | undefined);

/** What a wire format needs to answer one turn. */
export interface WireAnswer {
  turn: Turn;
  turnIndex: number;
  model: string;
  usage: ReportedUsage | undefined;
}

/** Serialized answer: either one JSON document or a list of SSE events to stream. */
export type WireOutput = { kind: 'json'; body: unknown } | { kind: 'sse'; events: string[] };
