/**
 * Shorter waits for the GitHub client in tests: the same back-off and write spacing as production,
 * scaled down, so suites of whole runs with injected faults finish quickly. Injected through the
 * client's `pacing` option (see src/github/client.ts); production code has no knob for it.
 */
import type { GitHubPacing, WriteQueue } from '../src/github/client.js';

/** What the throttling plugin asks of a write queue: `key(id).schedule(options, fn, ...args)`. */
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

/** A queue per key, each leaving `minGapMs` between the starts of its writes. */
function spacedQueue(minGapMs: number): WriteQueue {
  const queues = new Map<string, SpacedQueue>();
  const group = {
    key(id = '') {
      let queue = queues.get(id);
      if (!queue) queues.set(id, (queue = new SpacedQueue(minGapMs)));
      return queue;
    }
  };
  // The plugin uses only `key().schedule()` of a Bottleneck group (plugin-throttling wrap-request.js).
  return group as unknown as WriteQueue;
}

/** GitHub's waits (1 s back-off unit, writes 1 s and notifying writes 3 s apart) times `scale`. */
export function scaledPacing(scale: number): GitHubPacing {
  return {
    retryAfterBaseMs: 1000 * scale,
    writeQueues: { write: spacedQueue(1000 * scale), notifications: spacedQueue(3000 * scale) }
  };
}
