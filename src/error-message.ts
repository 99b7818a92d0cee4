/**
 * Whether a thrown value is an Error, judged by its shape: an Error made in another realm (Node's
 * own fetch seen from a VM context, a worker) fails `instanceof Error` but is one all the same.
 */
export function isErrorLike(value: unknown): value is Error {
  if (value instanceof Error) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, message } = value as { name?: unknown; message?: unknown };
  return typeof name === 'string' && typeof message === 'string';
}

/** The message of anything thrown: an Error's message, anything else as text. */
export function errorMessage(error: unknown): string {
  return isErrorLike(error) ? error.message : String(error);
}
