/** Turns an SDK error (openai or @anthropic-ai/sdk share one shape) into our neutral failures. */
import { isErrorLike } from '../error-message.js';
import { NotAnEventStream } from './answer-check.js';
import { ConnectionFailure, HttpStatusError } from './failures.js';

interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error;
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

export function fromSdkError(error: unknown, classes: SdkErrorClasses): unknown {
  if (error instanceof classes.APIUserAbortError) return error;
  // Our fetch refused the answer; the SDK reports any fetch failure as a connection error around it.
  const refused = causeOfType(error, NotAnEventStream);
  if (refused) return refused;
  if (error instanceof classes.APIConnectionTimeoutError)
    return new ConnectionFailure('request timed out', true);
  if (error instanceof classes.APIConnectionError) {
    return new ConnectionFailure(
      describeCause((error as Error & { cause?: unknown }).cause) ?? error.message
    );
  }
  if (error instanceof classes.APIError) {
    const apiError = error as Error & { status?: number; headers?: Headers; error?: unknown };
    if (typeof apiError.status === 'number') {
      const body = apiError.error === undefined ? apiError.message : JSON.stringify(apiError.error);
      return new HttpStatusError(apiError.status, apiError.headers ?? new Headers(), body);
    }
  }
  return error;
}

/** "ECONNREFUSED" rather than "fetch failed": the code is what a user can search for. */
export function describeCause(cause: unknown): string | undefined {
  if (!isErrorLike(cause)) return undefined;
  const code = (cause as Error & { code?: unknown }).code;
  const inner = describeCause((cause as Error & { cause?: unknown }).cause);
  if (typeof code === 'string') return code;
  return inner ?? cause.message;
}

function causeOfType<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof type) return current;
    current = (current as Error & { cause?: unknown }).cause;
  }
  return undefined;
}
