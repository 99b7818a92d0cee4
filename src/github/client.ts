import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/** Every GitHub call of a run goes through one of these: REST, retried on 5xx, throttled on rate limits. */
export const KubrickOctokit = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof KubrickOctokit>;

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL`; on GHES it is `https://HOST/api/v3`. */
  baseUrl?: string;
  userAgent?: string;
  log?: (msg: string) => void;
  /** Failed requests as Octokit reports them (shown only with step debug logging). */
  debug?: (msg: string) => void;
  /** Multiplies every wait (retry back-off, retry-after, write spacing); tests use a small value. */
  retryDelayScale?: number;
  /** How often a rate-limited request is retried before the error reaches the caller. */
  maxRateLimitRetries?: number;
  /** A rate limit that asks us to wait longer than this is not waited for (the run has its own timeout). */
  maxRetryAfterSeconds?: number;
  /** One attempt that takes longer is aborted and counts as a failure the retry plugin may retry. */
  requestTimeoutMs?: number;
}

// GitHub asks integrators to leave 1 s between writes and 3 s between writes that notify people.
const WRITE_SPACING_MS = 1000;
const NOTIFYING_WRITE_SPACING_MS = 3000;

export function createGitHubClient(opts: GitHubClientOptions): GitHub {
  const log = opts.log ?? (() => undefined);
  const scale = opts.retryDelayScale ?? 1;
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
    request: { fetch: fetchWithTimeout(timeoutMs) },
    retry: {
      retries: 3,
      retryAfterBaseValue: 1000 * scale,
      // 403 and 429 are rate limits: the throttling plugin retries those, honouring retry-after.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      // A fresh id per client keeps write spacing from leaking between clients (and between tests).
      id: `kubrick-${Math.random().toString(36).slice(2)}`,
      retryAfterBaseValue: 1000 * scale,
      fallbackSecondaryRateRetryAfter: 60,
      write: spacedGroup(WRITE_SPACING_MS * scale),
      notifications: spacedGroup(NOTIFYING_WRITE_SPACING_MS * scale),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  });
}

function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

type SpacingGroup = NonNullable<ThrottlingOptions['write']>;

/**
 * The throttling plugin only needs `group.key(id).schedule(options, fn, ...args)` to space writes; its
 * own groups have fixed spacing, so this small one exists to make the spacing scale with the retry delays.
 */
function spacedGroup(minGapMs: number): SpacingGroup {
  const queues = new Map<string, SpacedQueue>();
  const group = {
    key(id = '') {
      let queue = queues.get(id);
      if (!queue) queues.set(id, (queue = new SpacedQueue(minGapMs)));
      return queue;
    }
  };
  // Only `key().schedule()` is used by the plugin (see plugin-throttling wrap-request.js).
  return group as unknown as SpacingGroup;
}

class SpacedQueue {
  private nextStart = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly minGapMs: number) {}

  schedule<T>(_jobOptions: unknown, fn: (...args: unknown[]) => Promise<T>, ...args: unknown[]): Promise<T> {
    const turn = this.tail.then(async () => {
      const wait = this.nextStart - Date.now();
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
      this.nextStart = Date.now() + this.minGapMs;
    });
    this.tail = turn;
    return turn.then(() => fn(...args));
  }
}
