import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/** Every GitHub call of a run goes through one of these: REST, retried on 5xx, throttled on rate limits. */
export const KubrickOctokit = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof KubrickOctokit>;

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/**
 * How long the client waits. Production uses GitHub's own asks (below); tests inject shorter waits
 * so a suite of whole runs with faults stays fast.
 */
export interface GitHubPacing {
  /** Retry back-off unit: a 5xx waits (retry count)² × this, a rate limit retry-after seconds × this. */
  retryAfterBaseMs: number;
  /**
   * The queues that space writes, and writes that notify people (the throttling plugin's `write` and
   * `notifications` groups). Absent: the plugin's own, 1 s and 3 s apart, as GitHub asks integrators.
   */
  writeQueues?: { write: WriteQueue; notifications: WriteQueue };
}

export type WriteQueue = NonNullable<ThrottlingOptions['write']>;

export const GITHUB_PACING: GitHubPacing = { retryAfterBaseMs: 1000 };

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL`; on GHES it is `https://HOST/api/v3`. */
  baseUrl?: string;
  userAgent?: string;
  log?: (msg: string) => void;
  /** Failed requests as Octokit reports them (shown only with step debug logging). */
  debug?: (msg: string) => void;
  /** HTTP; each attempt gets its own timeout on top. */
  fetch?: typeof fetch;
  pacing?: GitHubPacing;
  /** How often a rate-limited request is retried before the error reaches the caller. */
  maxRateLimitRetries?: number;
  /** A rate limit that asks us to wait longer than this is not waited for (the run has its own timeout). */
  maxRetryAfterSeconds?: number;
  /** One attempt that takes longer is aborted and counts as a failure the retry plugin may retry. */
  requestTimeoutMs?: number;
}

export function createGitHubClient(opts: GitHubClientOptions): GitHub {
  const log = opts.log ?? (() => undefined);
  const pacing = opts.pacing ?? GITHUB_PACING;
  const maxRetries = opts.maxRateLimitRetries ?? 3;
  const maxRetryAfter = opts.maxRetryAfterSeconds ?? 120;
  const timeoutMs = opts.requestTimeoutMs ?? 30_000;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const what = `${options.method} ${options.url}`;
      if (retryCount >= maxRetries || retryAfter > maxRetryAfter) {
        log(
          `GitHub ${kind} on ${what}; giving up after ${retryCount + 1} attempt(s) (retry-after ${retryAfter}s).`
        );
        return false;
      }
      log(
        `GitHub ${kind} on ${what}; retrying after ${retryAfter}s (retry ${retryCount + 1} of ${maxRetries}).`
      );
      return true;
    };

  return new KubrickOctokit({
    auth: opts.token,
    baseUrl: (opts.baseUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, ''),
    userAgent: opts.userAgent ?? 'kubrick-action',
    // Octokit logs every failed request at `error` level, including the 404s we expect (a missing
    // config file); callers handle and report failures, so those lines only go to the debug log.
    log: { debug: () => undefined, info: () => undefined, warn: log, error: opts.debug ?? (() => undefined) },
    request: { fetch: fetchWithTimeout(opts.fetch ?? globalThis.fetch, timeoutMs) },
    retry: {
      retries: 3,
      retryAfterBaseValue: pacing.retryAfterBaseMs,
      // 403 and 429 are rate limits: the throttling plugin retries those, honouring retry-after.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      // A fresh id per client keeps write spacing from leaking between clients.
      id: `kubrick-${Math.random().toString(36).slice(2)}`,
      retryAfterBaseValue: pacing.retryAfterBaseMs,
      fallbackSecondaryRateRetryAfter: 60,
      ...pacing.writeQueues,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  });
}

function fetchWithTimeout(fetchOnce: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchOnce(input, { ...init, signal });
  };
}
