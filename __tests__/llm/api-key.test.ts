/** No API key: said before the first request where one is needed, never in the way of a keyless local server. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { missingKeyProblem, needsKey } from '../../src/llm/api-key.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';
import { client, request, failureOf } from './helpers.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

/** A fetch that records being called and never reaches a network. */
function countingFetch() {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    calls.push(String(input instanceof Request ? input.url : input));
    throw new Error('no network here');
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('no API key against an API that needs one', () => {
  it.each([
    ['openai', '', 'secrets.OPENAI_API_KEY', "OpenAI's public API"],
    ['anthropic', '', 'secrets.ANTHROPIC_API_KEY', "Anthropic's public API"],
    ['openai', 'https://api.openai.com/v1', 'secrets.OPENAI_API_KEY', 'https://api.openai.com/v1'],
    ['openai', 'https://my-res.openai.azure.com/openai/v1', 'OPENAI_API_KEY', 'my-res.openai.azure.com'],
    ['openai', 'https://openrouter.ai/api/v1', 'OPENAI_API_KEY', 'openrouter.ai'],
    ['anthropic', 'https://api.anthropic.com', 'ANTHROPIC_API_KEY', 'api.anthropic.com']
  ] as const)(
    '%s with base_url %j: refused before any request, saying what to set',
    async (provider, baseUrl, secret, where) => {
      const net = countingFetch();
      const error = await failureOf(
        client(provider, 'unused', { baseUrl, apiKey: '', fetch: net.fetch }).complete(request())
      );
      expect(net.calls).toEqual([]);
      expect(error.kind).toBe('auth');
      expect(error.options.attempts).toBe(0);
      expect(error.message).toMatch(/^no API key: set the `api_key` input/);
      expect(error.message).toContain(secret);
      expect(error.message).toContain(where);
      expect(error.message).toContain('Leave it empty only for servers without auth');
      expect(error.message).toContain('`base_url`');
      // The usual reason in a workflow: the secret is missing or not passed (fork PRs).
      expect(error.message).toContain('forks');
    }
  );

  it('a key of only whitespace (a pasted newline) is no key', async () => {
    const net = countingFetch();
    const error = await failureOf(
      client('openai', '', { baseUrl: '', apiKey: ' \n', fetch: net.fetch }).complete(request())
    );
    expect(net.calls).toEqual([]);
    expect(error.message).toContain('no API key');
  });

  it('speaks of environment variables and flags for `kubrick run`', () => {
    const problem = missingKeyProblem(
      { provider: 'openai', baseUrl: '', apiKey: '' },
      { key: 'KUBRICK_API_KEY (or OPENAI_API_KEY)', baseUrl: '--base-url (or KUBRICK_BASE_URL)' }
    );
    expect(problem).toBe(
      "no API key: set KUBRICK_API_KEY (or OPENAI_API_KEY); OpenAI's public API (--base-url (or KUBRICK_BASE_URL) is empty) does not answer without one. Leave it empty only for servers without auth (a local vLLM, Ollama or LM Studio), named with --base-url (or KUBRICK_BASE_URL)."
    );
    expect(problem).not.toMatch(/input|runner|workflow|secrets/);
  });
});

describe('a keyless server named deliberately', () => {
  it.each(['openai', 'anthropic', 'triton'] as const)(
    '%s: an explicit base_url without a key works and sends no key',
    async provider => {
      model = await startScriptedModel([{ text: 'local answer' }]);
      const answer = await client(provider, model.url, { apiKey: '' }).complete(request());
      expect(answer.text).toBe('local answer');
      expect(model.requests[0]?.headers.authorization).toBeUndefined();
      expect(model.requests[0]?.headers['x-api-key']).toBeUndefined();
    }
  );

  it.each([
    'http://localhost:11434',
    'http://127.0.0.1:8000/v1',
    'http://vllm.internal:8000',
    'https://llm.corp.example.com/v1',
    'http://[::1]:1234/v1'
  ])('%s may be keyless', baseUrl => {
    expect(needsKey(baseUrl)).toBe(false);
  });

  it('a keyless server that does want a key: one request, and the 401 says no key was sent', async () => {
    model = await startScriptedModel([{ fault: { status: 401 } }, { text: 'never' }]);
    const error = await failureOf(client('openai', model.url, { apiKey: '' }).complete(request()));
    expect(model.requests).toHaveLength(1);
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('No API key was sent');
    expect(error.message).toContain('set the `api_key` input');
  });

  it('with a key, a 401 points at the key instead', async () => {
    model = await startScriptedModel([{ fault: { status: 401 } }]);
    const error = await failureOf(client('openai', model.url, { apiKey: 'sk-wrong' }).complete(request()));
    expect(error.message).toContain('Check api_key: the key is wrong');
    expect(error.message).not.toContain('sk-wrong');
  });
});
