import type { GitHub } from './client.js';
import { statusOf } from './errors.js';

export interface CreateOnceOptions<T> {
  /** For the log: "Creating the comment", "Posting the review". */
  action: string;
  /** POSTs at the most. */
  attempts: number;
  /** The request (an Octokit call with the client's own retries off); its `data` is what was created. */
  create: () => Promise<{ data: T }>;
  /** What an earlier attempt may have created, if it did. */
  landed: () => Promise<T | undefined>;
  /** How a failure reads in the log. */
  describe: (error: unknown) => string;
}

/**
 * Creates something on GitHub exactly once. GitHub can create a comment or a review and still
 * answer 5xx (or drop the connection), so a create is never simply sent again: after a failure that
 * may have landed, what the earlier attempt created is looked for first, and only when it is not
 * there is the request sent again. Any other failure is thrown at once.
 */
export async function createOnce<T>(gh: GitHub, options: CreateOnceOptions<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await options.create()).data;
    } catch (error) {
      const status = statusOf(error);
      const mayHaveLanded = status === undefined || status >= 500;
      if (!mayHaveLanded || attempt >= options.attempts) throw error;
      gh.log.warn(
        `${options.action} failed (${options.describe(error)}); checking whether it landed anyway.`
      );
      const landed = await options.landed();
      if (landed) return landed;
    }
  }
}
