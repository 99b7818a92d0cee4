/**
 * Answers that no retry can fix: a page where the API should be, a path or server that is not the
 * API, an account out of quota. Each costs exactly one request and a message that names the cause.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderName } from '../../src/llm/types.js';
import { FAULTS } from '../../test-support/scripted-model/faults.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';
import { FakeClock, client, request, failureOf } from './helpers.js';

const PROVIDERS: ProviderName[] = ['openai', 'anthropic', 'triton'];
let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

/** One faulted turn, then answers that would succeed: a retry would be visible as a second request. */
async function oneFault(provider: ProviderName, fault: (typeof FAULTS)[keyof typeof FAULTS]) {
  const clock = new FakeClock();
  model = await startScriptedModel([{ fault }, { text: 'a retry got through' }, { text: 'again' }]);
  const error = await failureOf(
    client(provider, model.url, { now: clock.now, sleep: clock.sleep }).complete(request())
  );
  return { error, requests: model.requests.length, waits: clock.waits };
}

describe.each(PROVIDERS)('%s', provider => {
  it('an HTML page with 200: one request; names base_url and shows the start of the page', async () => {
    const { error, requests, waits } = await oneFault(provider, FAULTS.htmlSignInPage);
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('answered 200 with an HTML page');
    expect(error.message).toContain('base_url');
    expect(error.message).toContain('the answer began: "<!DOCTYPE html> <html lang="en"> <head>');
    expect(error.message).toContain('Sign in · Corporate Gateway');
    expect(error.message).toContain(model!.url);
  });

  it('an HTML page without a content type is recognised by its body', async () => {
    const { error, requests } = await oneFault(provider, FAULTS.untypedHtml);
    expect(requests).toBe(1);
    expect(error.message).toContain('an HTML page');
  });

  it('JSON where a stream was asked for: one request, the server message quoted', async () => {
    const { error, requests } = await oneFault(provider, FAULTS.jsonInsteadOfStream);
    expect(requests).toBe(1);
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('a JSON document');
    expect(error.message).toContain('streaming is disabled on this deployment');
  });

  it.each([
    ['404', FAULTS.notFoundPage, /404: there is no model API at this path/],
    ['405', FAULTS.methodNotAllowed, /405 \(method not allowed\): this URL is not the model API/],
    ['501', FAULTS.notImplemented, /501 \(not implemented\): this server does not offer this API/]
  ])('%s: one request; says wrong path or wrong server', async (_status, fault, says) => {
    const { error, requests, waits } = await oneFault(provider, fault);
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
    expect(error.kind).toBe('wrong_endpoint');
    expect(error.message).toMatch(says);
    expect(error.message).toContain('Check base_url and provider');
  });

  it.each([
    ['429 insufficient_quota', FAULTS.openAiInsufficientQuota],
    ['400 credit balance too low', FAULTS.anthropicCreditBalance],
    ['402 payment required', FAULTS.paymentRequired]
  ])('%s: one request; says quota/billing, not rate limit', async (_name, fault) => {
    const { error, requests, waits } = await oneFault(provider, fault);
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
    expect(error.kind).toBe('quota');
    expect(error.message).toContain('out of quota or credit');
    expect(error.message).toContain('billing');
  });
});

describe('what stays retryable', () => {
  it('a 429 rate limit (no billing words) is still retried', async () => {
    const clock = new FakeClock();
    model = await startScriptedModel([{ fault: { status: 429 } }, { text: 'ok' }]);
    const answer = await client('openai', model.url, { now: clock.now, sleep: clock.sleep }).complete(
      request()
    );
    expect(answer.attempts).toBe(2);
  });

  it('a quota-worded 429 that says when to come back is a rate limit, and is waited for', async () => {
    const clock = new FakeClock();
    const body = JSON.stringify({
      error: {
        message:
          'You exceeded your current quota, please check your plan and billing details. Please retry in 3s.'
      }
    });
    model = await startScriptedModel([{ fault: { status: 429, body, retryAfter: 3 } }, { text: 'ok' }]);
    const answer = await client('openai', model.url, { now: clock.now, sleep: clock.sleep }).complete(
      request()
    );
    expect(answer.attempts).toBe(2);
    expect(clock.waits).toEqual([3000]);
  });

  it('a 404 about the model still names the model', async () => {
    model = await startScriptedModel([
      { fault: { status: 404, body: '{"error":{"message":"The model `gpt-typo` does not exist"}}' } }
    ]);
    const error = await failureOf(client('openai', model.url, { model: 'gpt-typo' }).complete(request()));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('"gpt-typo"');
  });

  it('an empty 200 body is a stream cut short, and is retried', async () => {
    const clock = new FakeClock();
    model = await startScriptedModel([{ fault: { status: 200, body: '' } }, { text: 'second' }]);
    const answer = await client('openai', model.url, { now: clock.now, sleep: clock.sleep }).complete(
      request()
    );
    expect(answer.text).toBe('second');
    expect(answer.attempts).toBe(2);
  });
});

describe('a stream is recognised however its first bytes arrive', () => {
  it.each(PROVIDERS)(
    '%s: a stream opening with a comment and split field names still works',
    async provider => {
      // A real stream, replayed one byte at a time after a keep-alive comment: the check must wait
      // for enough of the first line instead of judging "d" or ":".
      const source = await startScriptedModel([{ text: 'streamed fine' }]);
      const upstream = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          void (async () => {
            const answer = await fetch(`${source.url}${req.url}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: Buffer.concat(chunks)
            });
            const text = `: keep-alive\n\n${await answer.text()}`;
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            res.socket?.setNoDelay(true);
            for (const ch of text.slice(0, 40)) {
              res.write(ch);
              await new Promise(resolve => setTimeout(resolve, 2));
            }
            res.end(text.slice(40));
          })();
        });
      });
      await new Promise<void>(resolve => upstream.listen(0, '127.0.0.1', resolve));
      try {
        const port = (upstream.address() as AddressInfo).port;
        const answer = await client(provider, `http://127.0.0.1:${port}`).complete(request());
        expect(answer.text).toBe('streamed fine');
      } finally {
        upstream.closeAllConnections();
        await new Promise(resolve => upstream.close(resolve));
        await source.close();
      }
    }
  );
});
