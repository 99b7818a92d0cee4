import { afterEach, describe, expect, it } from '@jest/globals';
import type { ProviderName } from '../../src/llm/types.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';
import { FakeClock, client, request, failureOf } from './helpers.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('retries', () => {
  it('429 with Retry-After: 1 then success: exactly one retry, after waiting at least 1 s', async () => {
    model = await startScriptedModel([{ fault: { status: 429, retryAfter: 1 } }, { text: 'done' }]);
    const started = Date.now();
    const answer = await client('openai', model.url).complete(request());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(answer.text).toBe('done');
    expect(answer.attempts).toBe(2);
    expect(model.requests).toHaveLength(2);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const clock = new FakeClock();
    const at = new Date(clock.time + 7000).toUTCString();
    model = await startScriptedModel([{ fault: { status: 503, retryAfter: at } }, { text: 'ok' }]);
    await client('anthropic', model.url, { now: clock.now, sleep: clock.sleep }).complete(request());
    expect(clock.waits).toHaveLength(1);
    expect(clock.waits[0]).toBeGreaterThan(5000);
    expect(clock.waits[0]).toBeLessThanOrEqual(7000);
  });

  it.each<ProviderName>(['openai', 'anthropic', 'triton'])(
    '%s: 500 three times then success is retried with growing waits',
    async provider => {
      const clock = new FakeClock();
      model = await startScriptedModel([
        { fault: { status: 500 } },
        { fault: { status: 500 } },
        { fault: { status: 500 } },
        { text: 'recovered' }
      ]);
      const answer = await client(provider, model.url, { now: clock.now, sleep: clock.sleep }).complete(
        request()
      );
      expect(answer.text).toBe('recovered');
      expect(answer.attempts).toBe(4);
      expect(clock.waits).toHaveLength(3);
      // Jittered exponential backoff: each wait is within [base*2^n/2, base*2^n].
      expect(clock.waits[2]).toBeGreaterThan(clock.waits[0] as number);
    }
  );

  it('500 on every attempt: the message says how often, and where', async () => {
    const clock = new FakeClock();
    model = await startScriptedModel(Array.from({ length: 5 }, () => ({ fault: { status: 500 } })));
    const error = await failureOf(
      client('openai', model.url, { now: clock.now, sleep: clock.sleep }).complete(request())
    );
    expect(error.message).toContain(`answered 500 five times (${model.url}/v1/chat/completions)`);
    expect(error.kind).toBe('server');
    expect(error.options.attempts).toBe(5);
    expect(model.requests).toHaveLength(5);
  });

  it('persistent 503: gives up within the remaining time budget with a clear message', async () => {
    const clock = new FakeClock();
    const deadline = clock.time + 3000;
    model = await startScriptedModel(() => ({ fault: { status: 503 } }));
    const error = await failureOf(
      client('openai', model.url, { now: clock.now, sleep: clock.sleep, maxAttempts: 50 }).complete(
        request({ deadline })
      )
    );
    expect(clock.time).toBeLessThanOrEqual(deadline);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/answered 503 .*times/);
    expect(error.message).toContain('total_timeout');
    expect(error.message).toContain(model.url);
    expect(model.requests.length).toBeGreaterThan(1);
    expect(model.requests.length).toBeLessThan(10);
  });

  it('a Retry-After beyond the deadline is not waited for', async () => {
    const clock = new FakeClock();
    model = await startScriptedModel([{ fault: { status: 429, retryAfter: 60 } }, { text: 'late' }]);
    const error = await failureOf(
      client('openai', model.url, { now: clock.now, sleep: clock.sleep }).complete(
        request({ deadline: clock.time + 10_000 })
      )
    );
    expect(clock.waits).toEqual([]);
    expect(error.message).toContain('answered 429 once');
    expect(model.requests).toHaveLength(1);
  });

  it('the run signal stops a retry wait', async () => {
    model = await startScriptedModel([{ fault: { status: 503, retryAfter: 30 } }, { text: 'never' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failureOf(
      client('openai', model.url).complete(request({ signal: controller.signal }))
    );
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('fail fast with a message that says what to fix', () => {
  it.each<ProviderName>(['openai', 'anthropic', 'triton'])(
    '%s: 401 is not retried and names api_key',
    async provider => {
      model = await startScriptedModel([{ fault: { status: 401 } }, { text: 'never' }]);
      const error = await failureOf(client(provider, model.url).complete(request()));
      expect(error.kind).toBe('auth');
      expect(error.message).toContain('api_key');
      expect(error.message).toContain(model.url);
      expect(model.requests).toHaveLength(1);
    }
  );

  it('404 names the model and base_url', async () => {
    model = await startScriptedModel([
      { fault: { status: 404, body: '{"error":{"message":"model not found"}}' } }
    ]);
    const error = await failureOf(client('openai', model.url, { model: 'gpt-typo' }).complete(request()));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('"gpt-typo"');
    expect(error.message).toContain('base_url');
  });

  it('Triton\'s 400 "unknown model" is reported as a wrong model name', async () => {
    model = await startScriptedModel([
      { fault: { status: 400, body: '{"error":"Request for unknown model: \'llama\' is not found"}' } }
    ]);
    const error = await failureOf(client('triton', model.url, { model: 'llama' }).complete(request()));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('"llama"');
  });

  it('400 context too long names context_window', async () => {
    model = await startScriptedModel([
      {
        fault: {
          status: 400,
          body: JSON.stringify({
            error: {
              message:
                "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens."
            }
          })
        }
      }
    ]);
    const error = await failureOf(client('openai', model.url).complete(request()));
    expect(error.kind).toBe('context_length');
    expect(error.message).toContain('context_window');
    expect(error.message).toContain('maximum context length is 8192');
    expect(model.requests).toHaveLength(1);
  });

  it('connection refused is retried, then reported with the URL and base_url hint', async () => {
    const clock = new FakeClock();
    const dead = await startScriptedModel([]);
    const url = dead.url;
    await dead.close();
    const error = await failureOf(
      client('openai', url, { now: clock.now, sleep: clock.sleep, maxAttempts: 3 }).complete(request())
    );
    expect(error.kind).toBe('network');
    expect(error.message).toContain('three times');
    expect(error.message).toContain(`${url}/v1/chat/completions`);
    expect(error.message).toContain('base_url');
  });
});

describe('streams cut mid-way never yield a half-parsed tool call', () => {
  const good = { name: 'write_file', arguments: { path: 'a.txt', content: 'complete content' } };
  it.each<ProviderName>(['openai', 'anthropic', 'triton'])('%s: a cut stream is retried', async provider => {
    const clock = new FakeClock();
    model = await startScriptedModel([
      { toolCalls: [good], fault: { cutStreamAfterChunks: 3 } },
      { toolCalls: [good] }
    ]);
    const answer = await client(provider, model.url, { now: clock.now, sleep: clock.sleep }).complete(
      request()
    );
    expect(answer.attempts).toBe(2);
    expect(answer.toolCalls).toHaveLength(1);
    expect(answer.toolCalls[0]?.arguments).toEqual(good.arguments);
  });

  it.each<ProviderName>(['openai', 'anthropic'])(
    '%s: a stream that keeps being cut is reported',
    async provider => {
      const clock = new FakeClock();
      model = await startScriptedModel(() => ({ toolCalls: [good], fault: { cutStreamAfterChunks: 4 } }));
      const error = await failureOf(
        client(provider, model.url, { now: clock.now, sleep: clock.sleep, maxAttempts: 3 }).complete(
          request()
        )
      );
      expect(error.kind).toBe('stream');
      expect(error.message).toContain('three times');
    }
  );

  it('openai: a response with no choices is retried', async () => {
    const clock = new FakeClock();
    model = await startScriptedModel([{ fault: { emptyChoice: true } }, { text: 'second try' }]);
    const answer = await client('openai', model.url, { now: clock.now, sleep: clock.sleep }).complete(
      request()
    );
    expect(answer.text).toBe('second try');
    expect(answer.attempts).toBe(2);
  });
});

describe('malformed tool-call JSON becomes an error for the model, not a dropped call', () => {
  it.each<ProviderName>(['openai', 'anthropic', 'triton'])('%s', async provider => {
    model = await startScriptedModel([
      {
        toolCalls: [
          { name: 'read_file', arguments: '{"path": "a.ts",' },
          { name: 'read_file', arguments: { path: 'b.ts' } }
        ]
      }
    ]);
    const answer = await client(provider, model.url).complete(request());
    expect(answer.toolCalls).toHaveLength(2);
    const [bad, fine] = answer.toolCalls;
    expect(bad?.name).toBe('read_file');
    expect(bad?.arguments).toBeNull();
    expect(bad?.argumentsError).toMatch(/JSON|closed/);
    expect(bad?.rawArguments).toContain('"path": "a.ts",');
    expect(fine?.arguments).toEqual({ path: 'b.ts' });
  });
});
