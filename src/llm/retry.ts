/**
 * The one retry policy for every provider (the SDKs' own retries are off, so there is exactly one).
 * Exponential backoff with jitter on connection errors, 408, 409, 429 and 5xx; Retry-After is
 * honoured; no wait is started that would end after the run's deadline; the caller's signal
 * aborts both requests and waits.
 */
import { LlmError, type LlmErrorKind } from './types.js';

/** What one failed attempt means for the retry decision and the final message. */
export interface AttemptFailure {
  retryable: boolean;
  kind: LlmErrorKind;
  status?: number;
  retryAfterMs?: number;
  /** Plain-words cause, e.g. "answered 500" or "could not be reached (ECONNREFUSED)". */
  detail: string;
  /** What the user should change. */
  hint?: string;
  /** The server's own error message, quoted in the final message. */
  serverSaid?: string;
  /** The start of an answer that was not what the API sends, quoted in the final message. */
  began?: string;
}

export interface RetryOptions {
  /** The URL requests go to, named in every failure message. */
  url: string;
  classify: (error: unknown) => AttemptFailure;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  maxAttempts: number;
  deadline?: number;
  signal?: AbortSignal;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Longest Retry-After we wait for; a server asking for more is reported instead. */
const MAX_RETRY_AFTER_MS = 120_000;

export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions
): Promise<{ value: T; attempts: number }> {
  const random = options.random ?? Math.random;
  const baseDelay = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 20_000;
  const failures: AttemptFailure[] = [];
  for (let n = 1; ; n++) {
    throwIfAborted(options, n - 1);
    try {
      return { value: await attempt(n), attempts: n };
    } catch (error) {
      if (error instanceof LlmError) throw error;
      throwIfAborted(options, n);
      const failure = options.classify(error);
      failures.push(failure);
      if (!failure.retryable) {
        throw new LlmError(
          `The model server ${failure.detail} (${options.url})${quote(failure)}. ${failure.hint ?? ''}`.trim(),
          failure.kind,
          { status: failure.status, url: options.url, attempts: n }
        );
      }
      if (n >= options.maxAttempts) throw exhausted(failures, options, n, '');
      const backoff = Math.min(maxDelay, baseDelay * 2 ** (n - 1)) * (0.5 + random() / 2);
      const wait = failure.retryAfterMs ?? backoff;
      if (failure.retryAfterMs !== undefined && failure.retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw exhausted(
          failures,
          options,
          n,
          ` It asked to retry after ${Math.round(failure.retryAfterMs / 1000)} s, longer than this run waits.`
        );
      }
      if (options.deadline !== undefined && options.now() + wait > options.deadline) {
        throw exhausted(
          failures,
          options,
          n,
          " Gave up because the run's time budget (total_timeout) ends before the next retry could finish.",
          'timeout'
        );
      }
      try {
        await options.sleep(wait, options.signal);
      } catch {
        throwIfAborted(options, n);
        throw new LlmError(`Waiting to retry the model request failed (${options.url}).`, 'aborted', {
          url: options.url,
          attempts: n
        });
      }
    }
  }
}

function throwIfAborted(options: RetryOptions, attempts: number): void {
  if (options.signal?.aborted) {
    throw new LlmError(
      `The model request was stopped: the run's time budget (total_timeout) ran out (${options.url}).`,
      'aborted',
      { url: options.url, attempts }
    );
  }
}

function exhausted(
  failures: AttemptFailure[],
  options: RetryOptions,
  attempts: number,
  suffix: string,
  kindOverride?: LlmErrorKind
): LlmError {
  const last = failures[failures.length - 1] as AttemptFailure;
  const same = failures.every(f => f.detail === last.detail);
  const times = timesInWords(attempts);
  const summary = same
    ? `The model server ${last.detail} ${times} (${options.url})${quote(last)}.`
    : `The model request failed ${times} (${options.url}); the last time the server ${last.detail}${quote(last)}.`;
  return new LlmError(`${summary}${suffix}${last.hint ? ` ${last.hint}` : ''}`, kindOverride ?? last.kind, {
    status: last.status,
    url: options.url,
    attempts
  });
}

function quote(failure: AttemptFailure): string {
  if (failure.began) return `; the answer began: "${failure.began}"`;
  return failure.serverSaid ? `; it said: "${failure.serverSaid}"` : '';
}

const WORDS = [
  'zero',
  'once',
  'twice',
  'three times',
  'four times',
  'five times',
  'six times',
  'seven times'
];

export function timesInWords(n: number): string {
  return WORDS[n] ?? `${n} times`;
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Real timers; resolves early with a rejection when the signal aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
