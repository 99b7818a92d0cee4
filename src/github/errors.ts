import { isErrorLike } from '../error-message.js';

/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/**
 * What GitHub said in its answer to a failed request: its message, then each reason in its `errors`
 * array (`field code` for an item without a message), trimmed and without empty ones.
 */
export function githubReasons(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } }).response?.data;
  const parts: string[] = [];
  if (data && typeof data.message === 'string') parts.push(data.message);
  for (const item of data && Array.isArray(data.errors) ? (data.errors as unknown[]) : []) {
    if (typeof item === 'string') parts.push(item);
    else if (item && typeof item === 'object') {
      const { message, field, code } = item as { message?: unknown; field?: unknown; code?: unknown };
      if (typeof message === 'string') parts.push(message);
      else parts.push([field, code].filter(part => typeof part === 'string').join(' '));
    }
  }
  return parts.map(part => part.trim()).filter(part => part !== '');
}

/** The error's own message and what GitHub said (see githubReasons) in one line, for matching a 422. */
export function validationText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  return [...(isErrorLike(error) ? [error.message] : []), ...githubReasons(error)].join(' | ');
}
