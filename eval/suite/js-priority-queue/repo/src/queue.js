/**
 * An in-memory job queue for the worker pool: first in, first out. `size` is the number of jobs
 * waiting; `shift()` and `peek()` return undefined when the queue is empty.
 */
export class JobQueue {
  #jobs = [];

  get size() {
    return this.#jobs.length;
  }

  push(job) {
    this.#jobs.push(job);
    return this.#jobs.length;
  }

  shift() {
    return this.#jobs.shift();
  }

  peek() {
    return this.#jobs[0];
  }

  clear() {
    this.#jobs = [];
  }
}
