/**
 * Triton's native generate endpoint: POST {root}/v2/models/{model}/generate_stream.
 * The whole conversation is rendered into `text_input`; tools always use the text protocol.
 * Events are `data: {"text_output": "..."}` deltas with no [DONE] terminator; a
 * `data: {"error": "..."}` event mid-stream is a failure, never text.
 */
import { NotAnEventStream, requireEventStream } from './answer-check.js';
import { flattenForTextProtocol } from './conversation.js';
import { ConnectionFailure, HttpStatusError, StreamCut } from './failures.js';
import { renderPrompt, type PromptFormat } from './prompt-format.js';
import type { ProviderAttempt, RawTurn } from './provider.js';
import { describeCause } from './sdk-errors.js';
import { readServerSentEvents } from './sse.js';

const DEFAULT_MAX_OUTPUT_TOKENS = 4096;
/** Low but not 0: some Triton backends reject temperature 0, and agents need near-deterministic output. */
const TEMPERATURE = 0.2;

export interface TritonSettings {
  /** The server root that /v2/models/… is appended to (see base-url.ts). */
  base: string;
  model: string;
  apiKey: string;
  promptFormat: PromptFormat;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

export function createTritonProvider(settings: TritonSettings): ProviderAttempt {
  const url = `${settings.base}/v2/models/${encodeURIComponent(settings.model)}/generate_stream`;
  const doFetch = settings.fetch ?? fetch;
  return {
    url,
    async attempt(request, _mode, system, signal) {
      const prompt = renderPrompt(settings.promptFormat, system, flattenForTextProtocol(request.messages));
      // Scalars only: Triton maps each parameter onto a model input and rejects arrays and objects.
      const parameters: Record<string, string | number | boolean> = {
        max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        temperature: TEMPERATURE,
        exclude_input_in_output: true
      };
      if (prompt.stop !== undefined) parameters.stop = prompt.stop;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'text/event-stream'
      };
      if (settings.apiKey !== '') headers.authorization = `Bearer ${settings.apiKey}`;
      // The timeout covers waiting for the server to start answering (its first bytes, which show
      // whether this is an event stream at all), as the SDKs' does: a long generation that streams
      // steadily must not be cut off.
      const timeout = new AbortController();
      const timer = settings.requestTimeoutMs
        ? setTimeout(() => timeout.abort(), settings.requestTimeoutMs)
        : undefined;
      const combined = AbortSignal.any(signal ? [signal, timeout.signal] : [timeout.signal]);
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ text_input: prompt.text, parameters }),
          signal: combined
        });
        response = await requireEventStream(response);
      } catch (error) {
        if (signal?.aborted || error instanceof NotAnEventStream) throw error;
        if (combined.aborted) throw new ConnectionFailure('request timed out', true);
        throw new ConnectionFailure(describeCause(error) ?? String(error));
      } finally {
        clearTimeout(timer);
      }
      if (!response.ok) {
        throw new HttpStatusError(response.status, response.headers, await response.text().catch(() => ''));
      }
      const text = await readTextOutput(response, signal);
      return {
        text:
          prompt.stop !== undefined && text.endsWith(prompt.stop) ? text.slice(0, -prompt.stop.length) : text,
        toolCalls: [],
        finishReason: 'stop',
        usage: {},
        promptText: () => prompt.text
      } satisfies RawTurn;
    }
  };
}

async function readTextOutput(response: Response, signal: AbortSignal | undefined): Promise<string> {
  let text = '';
  try {
    for await (const data of readServerSentEvents(response)) {
      let event: { text_output?: unknown; error?: unknown };
      try {
        event = JSON.parse(data) as typeof event;
      } catch {
        throw new StreamCut(`the server sent an event that is not JSON: ${data.slice(0, 200)}`);
      }
      if (event.error !== undefined) {
        throw new StreamCut(
          `the server sent an error event: ${String(typeof event.error === 'string' ? event.error : JSON.stringify(event.error)).slice(0, 300)}`
        );
      }
      if (typeof event.text_output === 'string') text += event.text_output;
    }
  } catch (error) {
    if (error instanceof StreamCut || signal?.aborted) throw error;
    throw new StreamCut(`the connection closed mid-stream (${describeCause(error) ?? String(error)})`);
  }
  return text;
}
