/**
 * A least-recently-used cache: holds at most `capacity` entries and, when full, drops the entry
 * that was used longest ago. A Map keeps insertion order, so its first key is the oldest.
 */
export class LruCache<K, V> {
  readonly capacity: number;
  #entries = new Map<K, V>();
  #hits = 0;
  #misses = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    if (!this.#entries.has(key)) {
      this.#misses++;
      return undefined;
    }
    this.#hits++;
    return this.#entries.get(key);
  }

  set(key: K, value: V): this {
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next().value as K;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, value);
    return this;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Keys from least to most recently used. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }

  stats(): { hits: number; misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}
