import { LruCache } from './lru.ts';

/** Wraps a one-argument function with an LRU cache of its results. */
export function memoize<A, R>(fn: (arg: A) => R, capacity = 100): ((arg: A) => R) & { cache: LruCache<A, R> } {
  const cache = new LruCache<A, R>(capacity);
  const wrapped = (arg: A): R => {
    if (cache.has(arg)) return cache.get(arg) as R;
    const result = fn(arg);
    cache.set(arg, result);
    return result;
  };
  return Object.assign(wrapped, { cache });
}
