import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paginate } from '../src/paginate.js';
import { pagerLine } from '../src/render.js';

const results = Array.from({ length: 23 }, (_, i) => i + 1);

test('the first page starts with the first result', () => {
  assert.deepEqual(paginate(results, 1, 10).items, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('the last page holds the remainder', () => {
  const last = paginate(results, 3, 10);
  assert.deepEqual(last.items, [21, 22, 23]);
  assert.equal(last.totalPages, 3);
  assert.equal(last.hasNext, false);
});

test('an empty list has one empty page', () => {
  assert.deepEqual(paginate([], 1, 10), { items: [], page: 1, totalPages: 1, hasNext: false, hasPrevious: false });
});

test('page numbers start at 1', () => {
  assert.throws(() => paginate(results, 0, 10), RangeError);
});

test('the pager line', () => {
  assert.equal(pagerLine(results, 2, 10), '‹ Previous · Page 2 of 3 · Next ›');
});
