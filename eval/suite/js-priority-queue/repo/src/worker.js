import { JobQueue } from './queue.js';

/** Runs queued jobs one at a time with `handler`, in the queue's order; returns their results. */
export async function runAll(jobs, handler) {
  const queue = new JobQueue();
  for (const job of jobs) queue.push(job);
  const results = [];
  while (queue.size > 0) results.push(await handler(queue.shift()));
  return results;
}
