/** Where requests go: base_url with a path is used as given; only a bare server root gets /v1. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { apiBase } from '../../src/llm/base-url.js';
import type { ProviderName } from '../../src/llm/types.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';
import { client, request } from './helpers.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('apiBase', () => {
  it.each<[ProviderName, string, string]>([
    ['openai', '', 'https://api.openai.com/v1'],
    ['openai', 'http://vllm.internal:8000', 'http://vllm.internal:8000/v1'],
    ['openai', 'http://vllm.internal:8000/', 'http://vllm.internal:8000/v1'],
    ['openai', 'http://vllm.internal:8000/v1', 'http://vllm.internal:8000/v1'],
    ['openai', 'http://lmstudio:1234/v1/', 'http://lmstudio:1234/v1'],
    [
      'openai',
      'https://generativelanguage.googleapis.com/v1beta/openai',
      'https://generativelanguage.googleapis.com/v1beta/openai'
    ],
    ['openai', 'https://host/openai/v1beta/openai', 'https://host/openai/v1beta/openai'],
    [
      'openai',
      'https://adb-123.azuredatabricks.net/serving-endpoints',
      'https://adb-123.azuredatabricks.net/serving-endpoints'
    ],
    [
      'openai',
      'https://my-resource.openai.azure.com/openai/v1/',
      'https://my-resource.openai.azure.com/openai/v1'
    ],
    ['openai', 'https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1'],
    ['anthropic', '', 'https://api.anthropic.com'],
    ['anthropic', 'https://gateway.example.com', 'https://gateway.example.com'],
    ['anthropic', 'https://gateway.example.com/v1', 'https://gateway.example.com'],
    ['anthropic', 'https://api.deepseek.com/anthropic', 'https://api.deepseek.com/anthropic'],
    ['triton', 'http://triton.internal:8000', 'http://triton.internal:8000'],
    ['triton', 'http://triton.internal:8000/v2', 'http://triton.internal:8000'],
    ['triton', 'https://proxy.example.com/triton/', 'https://proxy.example.com/triton']
  ])('%s with base_url %j sends to %s', (provider, baseUrl, expected) => {
    expect(apiBase(provider, baseUrl)).toBe(expected);
  });

  it.each([
    ['localhost:8000', /not a URL|must start with http/],
    ['ftp://host', /must start with http/],
    ['https://user:secret@host/v1', /user name or password.*api_key/],
    ['https://host/openai/deployments/x?api-version=2024-02-01', /query or fragment/],
    ['https://host/v1#frag', /query or fragment/]
  ])('refuses %j with a message that says what to give', (baseUrl, message) => {
    expect(() => apiBase('openai', baseUrl)).toThrow(message);
  });

  it('never repeats a password from base_url in its message', () => {
    expect(() => apiBase('openai', 'https://user:hunter2@host/v1')).toThrow(/^(?!.*hunter2)/s);
  });

  it('triton has no public endpoint', () => {
    expect(() => apiBase('triton', '')).toThrow(/set base_url to your server/);
  });
});

describe('over HTTP, the path the server sees', () => {
  it('openai: a base_url with a path is used as given: /openai/v1beta/chat/completions', async () => {
    model = await startScriptedModel([{ text: 'hi' }], { pathPrefix: '/openai/v1beta' });
    const answer = await client('openai', `${model.url}/openai/v1beta`).complete(request());
    expect(answer.text).toBe('hi');
    expect(model.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /openai/v1beta/chat/completions'
    ]);
  });

  it('openai: a bare server root gets /v1: /v1/chat/completions', async () => {
    model = await startScriptedModel([{ text: 'hi' }]);
    await client('openai', model.url).complete(request());
    expect(model.requests.map(r => r.path)).toEqual(['/v1/chat/completions']);
  });

  it('anthropic: a gateway path keeps /v1/messages under it', async () => {
    model = await startScriptedModel([{ text: 'hi' }], { pathPrefix: '/anthropic' });
    await client('anthropic', `${model.url}/anthropic`).complete(request());
    expect(model.requests.map(r => r.path)).toEqual(['/anthropic/v1/messages']);
  });

  it('triton: a proxy path keeps /v2/models/… under it', async () => {
    model = await startScriptedModel([{ text: 'hi' }], { pathPrefix: '/triton' });
    await client('triton', `${model.url}/triton/`).complete(request());
    expect(model.requests.map(r => r.path)).toEqual(['/triton/v2/models/scripted-model/generate_stream']);
  });

  it('a base_url whose path is wrong gets one request and a message about the path', async () => {
    model = await startScriptedModel([{ text: 'never' }], { pathPrefix: '/openai/v1beta' });
    const failure = client('openai', `${model.url}/openai/v1`).complete(request());
    await expect(failure).rejects.toMatchObject({ kind: 'wrong_endpoint' });
    await expect(failure).rejects.toThrow(`${model.url}/openai/v1/chat/completions`);
    await expect(failure).rejects.toThrow(/base_url/);
    expect(model.misses).toEqual([{ method: 'POST', path: '/openai/v1/chat/completions' }]);
  });
});
