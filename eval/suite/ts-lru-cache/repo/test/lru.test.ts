import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LruCache } from '../src/lru.ts';
import { memoize } from '../src/memo.ts';

test('evicts the least recently inserted entry when nothing was read', () => {
  const cache = new LruCache<string, number>(2);
  cache.set('a', 1).set('b', 2).set('c', 3);
  assert.deepEqual([...cache.keys()], ['b', 'c']);
});

test('reading a key makes it the most recently used', () => {
  const cache = new LruCache<string, number>(2);
  cache.set('a', 1).set('b', 2);
  assert.equal(cache.get('a'), 1);
  cache.set('c', 3);
  assert.equal(cache.has('a'), true);
  assert.equal(cache.has('b'), false);
});

test('updating a cached key evicts nothing', () => {
  const cache = new LruCache<string, number>(2);
  cache.set('a', 1).set('b', 2).set('b', 20);
  assert.equal(cache.size, 2);
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('b'), 20);
});

test('hits and misses', () => {
  const cache = new LruCache<string, number>(1);
  cache.set('a', 1);
  cache.get('a');
  cache.get('b');
  assert.deepEqual(cache.stats(), { hits: 1, misses: 1 });
});

test('memoize calls the function once per cached argument', () => {
  let calls = 0;
  const square = memoize((n: number) => (calls++, n * n), 2);
  square(2);
  square(3);
  square(2);
  square(4);
  square(2);
  assert.equal(calls, 3);
});
