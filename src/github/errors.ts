import { isErrorLike } from '../error-message.js';

/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** The messages GitHub put in a 422's `errors` array plus its top-level message, for matching. */
export function validationText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const parts: string[] = [];
  if (isErrorLike(error)) parts.push(error.message);
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } }).response?.data;
  if (data && typeof data.message === 'string') parts.push(data.message);
  if (data && Array.isArray(data.errors)) {
    for (const item of data.errors) {
      if (typeof item === 'string') parts.push(item);
      else if (item && typeof item === 'object' && 'message' in item) parts.push(String(item.message));
    }
  }
  return parts.join(' | ');
}
