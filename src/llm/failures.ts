/**
 * Provider-neutral failures. Each provider turns its SDK's errors into one of these, so one
 * classifier decides what is retried and what message the user reads.
 */
import type { AttemptFailure } from './retry.js';
import { parseRetryAfter } from './retry.js';

/** The server answered with an HTTP error status. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly body: string
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
    this.name = 'HttpStatusError';
  }
}

/** No HTTP answer at all: refused, reset, DNS, request timeout. */
export class ConnectionFailure extends Error {
  constructor(
    readonly reason: string,
    readonly timedOut = false
  ) {
    super(reason);
    this.name = 'ConnectionFailure';
  }
}

/**
 * The streamed answer did not end properly (connection closed before the final event, or an error
 * event mid-stream). Whatever was received is discarded: a half-received tool call never runs.
 */
export class StreamCut extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'StreamCut';
  }
}

const CONTEXT_TOO_LONG =
  /context[ _-]?(length|window)|maximum context|too many tokens|prompt is too long|input is too long|exceeds? (the )?(model'?s? )?(maximum|max|context)|max_model_len|reduce the length/i;

export function classifyFailure(error: unknown, model: string, now: number): AttemptFailure {
  if (error instanceof HttpStatusError) return classifyStatus(error, model, now);
  if (error instanceof ConnectionFailure) {
    return error.timedOut
      ? { retryable: true, kind: 'timeout', detail: `did not answer in time (${error.reason})` }
      : {
          retryable: true,
          kind: 'network',
          detail: `could not be reached (${error.reason})`,
          hint: 'Check base_url and that the server is running and reachable from the runner.'
        };
  }
  if (error instanceof StreamCut) {
    return { retryable: true, kind: 'stream', detail: `broke off its streamed answer (${error.reason})` };
  }
  throw error;
}

function classifyStatus(error: HttpStatusError, model: string, now: number): AttemptFailure {
  const { status, body } = error;
  const serverSaid = serverMessage(body);
  if (status === 401 || status === 403) {
    return {
      retryable: false,
      kind: 'auth',
      status,
      serverSaid,
      detail: `answered ${status} (${status === 401 ? 'unauthorized' : 'forbidden'})`,
      hint: 'Check api_key: the key is missing, wrong, expired, or not allowed to use this model.'
    };
  }
  // Triton answers 400 "Request for unknown model" where others answer 404.
  if (status === 404 || (status === 400 && /unknown model|model .* (is )?not found/i.test(body))) {
    return {
      retryable: false,
      kind: 'not_found',
      status,
      serverSaid,
      detail: `answered ${status} (model not found)`,
      hint: `Check model ("${model}") and base_url: the server does not know this model, or base_url is not the root of its API.`
    };
  }
  if ((status === 400 || status === 413 || status === 422) && CONTEXT_TOO_LONG.test(body)) {
    return {
      retryable: false,
      kind: 'context_length',
      status,
      serverSaid,
      detail: `rejected the request as too long for the model (${status})`,
      hint: "Set context_window to the model's real limit so older tool results are shortened sooner."
    };
  }
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    return {
      retryable: true,
      kind: status === 429 ? 'rate_limit' : status === 408 ? 'timeout' : 'server',
      status,
      retryAfterMs: parseRetryAfter(error.headers.get('retry-after'), now),
      serverSaid,
      detail: `answered ${status}`,
      hint:
        status === 429
          ? 'The provider is rate limiting this key: lower the request rate or raise the quota.'
          : undefined
    };
  }
  return {
    retryable: false,
    kind: 'bad_request',
    status,
    serverSaid,
    detail: `rejected the request with ${status}`,
    hint: 'Check model, base_url, provider and tool_protocol (a server without function calling needs tool_protocol: text).'
  };
}

function serverMessage(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  let message = text;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const candidate =
      typeof parsed.error === 'string'
        ? parsed.error
        : typeof parsed.error?.message === 'string'
          ? parsed.error.message
          : typeof parsed.message === 'string'
            ? parsed.message
            : undefined;
    if (candidate) message = candidate;
  } catch {
    // not JSON: quote the text as it is
  }
  return message.replace(/\s+/g, ' ').slice(0, 300);
}
