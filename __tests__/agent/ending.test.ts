import { describe, expect, it } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import { endingForError } from '../../src/agent/ending.js';
import { errorMessage } from '../../src/error-message.js';
import { LlmError } from '../../src/llm/types.js';

describe('how a run that something threw out of ends', () => {
  const running = new AbortController().signal;

  it('is the time budget once total_timeout has aborted the run, whatever was thrown', () => {
    const timedOut = new AbortController();
    timedOut.abort();
    expect(endingForError(new Error('aborted'), timedOut.signal)).toEqual({
      conclusion: 'budget_exhausted',
      budget: 'total_timeout'
    });
  });

  it('is a failure in the model client’s words when the model failed for good', () => {
    const error = new LlmError('The model server answered 500 five times.', 'server');
    expect(endingForError(error, running)).toEqual({
      conclusion: 'failure',
      reason: 'The model server answered 500 five times.'
    });
  });

  it('is a failure that says it was internal for anything else', () => {
    expect(endingForError(new TypeError('x is undefined'), running)).toEqual({
      conclusion: 'failure',
      reason: 'internal error: x is undefined'
    });
  });
});

describe('errorMessage', () => {
  it('gives an error’s message, also for an error made in another realm, and anything else as text', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(runInNewContext('new TypeError("fetch failed")'))).toBe('fetch failed');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });
});
