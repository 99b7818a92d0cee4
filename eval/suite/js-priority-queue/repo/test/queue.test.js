import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobQueue } from '../src/queue.js';
import { runAll } from '../src/worker.js';

test('first in, first out', () => {
  const queue = new JobQueue();
  queue.push('a');
  queue.push('b');
  assert.equal(queue.size, 2);
  assert.equal(queue.peek(), 'a');
  assert.equal(queue.shift(), 'a');
  assert.equal(queue.shift(), 'b');
  assert.equal(queue.shift(), undefined);
});

test('clear empties the queue', () => {
  const queue = new JobQueue();
  queue.push(1);
  queue.clear();
  assert.equal(queue.size, 0);
  assert.equal(queue.peek(), undefined);
});

test('the worker runs jobs in order', async () => {
  assert.deepEqual(await runAll([1, 2, 3], async n => n * 10), [10, 20, 30]);
});
