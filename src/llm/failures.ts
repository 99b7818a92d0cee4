/**
 * Provider-neutral failures. Each provider turns its SDK's errors into one of these, so one
 * classifier decides what is retried and what message the user reads.
 */
import { NotAnEventStream } from './answer-check.js';
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

/** An account out of quota or credit: OpenAI's insufficient_quota, Anthropic's credit balance, gateways' 402. */
const QUOTA =
  /insufficient[_ ]quota|exceeded your current quota|billing|credit balance|insufficient (credits?|funds|balance)|out of credits?|payment required/i;
/** Some providers word a per-minute limit like a quota, but say when to come back; that one is waited for. */
const RETRY_LATER = /retry (in|after)|try again in/i;
/** A 404 that is about the model rather than the path. */
const ABOUT_MODEL = /\bmodels?\b/i;

/** The settings a failure's hint may point at. */
export type HintSetting = 'base_url' | 'provider' | 'model' | 'tool_protocol' | 'context_window';

/** What the classifier needs to know about the client, to say what to fix. */
export interface FailureContext {
  model: string;
  /** No key was sent. */
  keyless: boolean;
  /** How the user sets the key here, e.g. "the `api_key` input". */
  keySetting: string;
  /** How a setting is named where Kubrick runs (`base_url` in the action, --base-url for kubrick run). */
  setting?: (name: HintSetting) => string;
  /** The machine Kubrick runs on, for "reachable from …" (default: the runner). */
  host?: string;
}

/** The setting's name in the caller's words. */
function named(context: FailureContext, name: HintSetting): string {
  return context.setting?.(name) ?? name;
}

export function classifyFailure(error: unknown, context: FailureContext, now: number): AttemptFailure {
  if (error instanceof HttpStatusError) return classifyStatus(error, context, now);
  if (error instanceof NotAnEventStream) return notAnEventStream(error, context);
  if (error instanceof ConnectionFailure) {
    return error.timedOut
      ? { retryable: true, kind: 'timeout', detail: `did not answer in time (${error.reason})` }
      : {
          retryable: true,
          kind: 'network',
          detail: `could not be reached (${error.reason})`,
          hint: `Check ${named(context, 'base_url')} and that the server is running and reachable from ${context.host ?? 'the runner'}.`
        };
  }
  if (error instanceof StreamCut) {
    return { retryable: true, kind: 'stream', detail: `broke off its streamed answer (${error.reason})` };
  }
  throw error;
}

function wrongPlaceHint(context: FailureContext): string {
  const baseUrl = named(context, 'base_url');
  return `Check ${baseUrl} and ${named(context, 'provider')}. A ${baseUrl} with a path is used as given (https://host/openai/v1 gets /chat/completions); only a bare server root gets /v1 added. A server that speaks another API needs its own provider (openai, anthropic or triton).`;
}

function classifyStatus(error: HttpStatusError, context: FailureContext, now: number): AttemptFailure {
  const { status, body } = error;
  const serverSaid = serverMessage(body);
  const retryAfter = error.headers.get('retry-after');
  if (
    status === 402 ||
    ((status === 429 || status === 400 || status === 403) &&
      QUOTA.test(body) &&
      retryAfter === null &&
      !RETRY_LATER.test(body))
  ) {
    return {
      retryable: false,
      kind: 'quota',
      status,
      serverSaid,
      detail: `answered ${status}: the account is out of quota or credit`,
      hint: "This is billing, not a rate limit, so waiting does not help: add credit or raise the limit in the provider's billing settings, or use another key."
    };
  }
  if (status === 401 || status === 403) {
    return {
      retryable: false,
      kind: 'auth',
      status,
      serverSaid,
      detail: `answered ${status} (${status === 401 ? 'unauthorized' : 'forbidden'})`,
      hint: context.keyless
        ? `No API key was sent (it is empty) and this server wants one: set ${context.keySetting}.`
        : 'Check api_key: the key is wrong, expired, or not allowed to use this model.'
    };
  }
  // Triton answers 400 "Request for unknown model" where others answer 404.
  if (
    (status === 404 && ABOUT_MODEL.test(serverSaid ?? '')) ||
    (status === 400 && /unknown model|model .* (is )?not found/i.test(body))
  ) {
    return {
      retryable: false,
      kind: 'not_found',
      status,
      serverSaid,
      detail: `answered ${status} (model not found)`,
      hint: `Check ${named(context, 'model')} ("${context.model}"): the server at ${named(context, 'base_url')} does not know this model name (or this key may not use it).`
    };
  }
  if (status === 404 || status === 405) {
    return {
      retryable: false,
      kind: 'wrong_endpoint',
      status,
      serverSaid,
      detail:
        status === 404
          ? 'answered 404: there is no model API at this path'
          : 'answered 405 (method not allowed): this URL is not the model API',
      hint: wrongPlaceHint(context)
    };
  }
  if (status === 501) {
    return {
      retryable: false,
      kind: 'wrong_endpoint',
      status,
      serverSaid,
      detail: 'answered 501 (not implemented): this server does not offer this API',
      hint: wrongPlaceHint(context)
    };
  }
  if ((status === 400 || status === 413 || status === 422) && CONTEXT_TOO_LONG.test(body)) {
    return {
      retryable: false,
      kind: 'context_length',
      status,
      serverSaid,
      detail: `rejected the request as too long for the model (${status})`,
      hint: `Set ${named(context, 'context_window')} to the model's real limit so older tool results are shortened sooner.`
    };
  }
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    return {
      retryable: true,
      kind: status === 429 ? 'rate_limit' : status === 408 ? 'timeout' : 'server',
      status,
      retryAfterMs: parseRetryAfter(retryAfter, now),
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
    hint: `Check ${named(context, 'model')}, ${named(context, 'base_url')}, ${named(context, 'provider')} and ${named(context, 'tool_protocol')} (a server without function calling needs tool_protocol: text).`
  };
}

function notAnEventStream(error: NotAnEventStream, context: FailureContext): AttemptFailure {
  const start = error.excerpt.replace(/^\uFEFF/, '').trimStart();
  const html = /html/i.test(error.contentType) || start.startsWith('<');
  const json = !html && (/json/i.test(error.contentType) || /^[{[]/.test(start));
  const what = html
    ? 'an HTML page'
    : json
      ? 'a JSON document'
      : `${error.contentType ? `a ${error.contentType.split(';')[0]} body` : 'a body'}`;
  return {
    retryable: false,
    kind: 'bad_response',
    status: error.status,
    detail: `answered ${error.status} with ${what}, not the event stream a model API sends`,
    began: excerptOf(json ? (serverMessage(start) ?? start) : start),
    hint: json
      ? `Kubrick streams every request (stream: true); check ${named(context, 'base_url')} and ${named(context, 'provider')}: this server, or a proxy in front of it, does not stream that API.`
      : `Check ${named(context, 'base_url')}: it must be the address of the model API itself (e.g. https://host/v1), not a web page, a sign-in page or a proxy in front of it.`
  };
}

/** The start of an answer, on one line, short enough for a message. */
function excerptOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function serverMessage(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  let message = text;
  try {
    const parsed = JSON.parse(text) as {
      error?: { message?: unknown } | string;
      message?: unknown;
      detail?: unknown;
    };
    const candidate =
      typeof parsed.error === 'string'
        ? parsed.error
        : typeof parsed.error?.message === 'string'
          ? parsed.error.message
          : typeof parsed.message === 'string'
            ? parsed.message
            : typeof parsed.detail === 'string'
              ? parsed.detail
              : undefined;
    if (candidate) message = candidate;
  } catch {
    // not JSON: quote the text as it is
  }
  return message.replace(/\s+/g, ' ').slice(0, 300);
}
