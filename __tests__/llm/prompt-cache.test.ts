/**
 * Prompt caching at the provider layer: the cached input each API reports is counted (and kept apart
 * from cache writes), Anthropic requests carry their breakpoints where the cache needs them and never
 * more than the API accepts, and `promptCache: false` sends no cache field at all.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  addCacheBreakpoints,
  countCacheBreakpoints,
  MAX_CACHE_BREAKPOINTS,
  type CacheableMessage
} from '../../src/llm/anthropic-cache.js';
import type { Message, ProviderName } from '../../src/llm/types.js';
import { startScriptedModel, type ScriptedModel } from '../../test-support/scripted-model/server.js';
import { client, request } from './helpers.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const conversation: Message[] = [
  { role: 'user', content: 'Fix the failing test.' },
  {
    role: 'assistant',
    content: '',
    toolCalls: [{ id: 't1', name: 'read_file', arguments: { path: 'a.ts' }, rawArguments: '{"path":"a.ts"}' }]
  },
  { role: 'tool', toolCallId: 't1', name: 'read_file', content: '1: export const a = 1;' },
  {
    role: 'assistant',
    content: 'Now b.',
    toolCalls: [{ id: 't2', name: 'read_file', arguments: { path: 'b.ts' }, rawArguments: '{"path":"b.ts"}' }]
  },
  { role: 'tool', toolCallId: 't2', name: 'read_file', content: '1: export const b = 2;' }
];

describe('cached input reported by the servers', () => {
  it('OpenAI: prompt_tokens_details.cached_tokens of the final streamed chunk, part of the input', async () => {
    model = await startScriptedModel([{ text: 'ok', usage: { input: 5000, output: 20, cached: 4096 } }]);
    const answer = await client('openai', model.url).complete(request());
    expect(answer.usage).toEqual({
      inputTokens: 5000,
      outputTokens: 20,
      cachedTokens: 4096,
      cacheWriteTokens: 0,
      estimated: false
    });
  });

  it('Anthropic: cache reads and writes, both counted in the input', async () => {
    model = await startScriptedModel([
      { text: 'ok', usage: { input: 5000, output: 20, cached: 3000, cacheWrite: 1500 } }
    ]);
    const answer = await client('anthropic', model.url).complete(request());
    // The wire said input_tokens 500, cache_read 3000, cache_creation 1500.
    expect(answer.usage).toEqual({
      inputTokens: 5000,
      outputTokens: 20,
      cachedTokens: 3000,
      cacheWriteTokens: 1500,
      estimated: false
    });
  });

  it('Triton reports none', async () => {
    model = await startScriptedModel([{ text: 'ok' }]);
    const answer = await client('triton', model.url).complete(request());
    expect(answer.usage.cachedTokens).toBe(0);
    expect(answer.usage.cacheWriteTokens).toBe(0);
  });

  it.each<ProviderName>(['openai', 'anthropic'])(
    '%s: the scripted server serves a repeated prefix from its cache, as the real API does',
    async provider => {
      model = await startScriptedModel(() => ({ text: 'ok' }), { promptCache: { minTokens: 16, step: 8 } });
      const llm = client(provider, model.url);
      const long = { system: `You are a careful coding agent. ${'Rules. '.repeat(200)}` };
      const first = await llm.complete(request({ ...long, messages: conversation.slice(0, 3) }));
      const second = await llm.complete(request({ ...long, messages: conversation }));
      expect(first.usage.cachedTokens).toBe(0);
      expect(second.usage.cachedTokens).toBeGreaterThan(300);
      expect(second.usage.cachedTokens).toBeLessThan(second.usage.inputTokens);
      if (provider === 'anthropic') expect(first.usage.cacheWriteTokens).toBeGreaterThan(300);
    }
  );
});

describe('Anthropic breakpoints', () => {
  const anthropicBody = (index: number) =>
    model!.requests[index]!.body as {
      system: unknown;
      tools?: { cache_control?: unknown }[];
      messages: { role: string; content: { type: string; cache_control?: unknown }[] | string }[];
    };

  it('mark the system prompt, the previous newest message and the newest message', async () => {
    model = await startScriptedModel([{ text: 'ok' }]);
    await client('anthropic', model.url).complete(request({ messages: conversation }));
    const body = anthropicBody(0);
    expect(body.system).toEqual([
      { type: 'text', text: 'You are a careful coding agent.', cache_control: { type: 'ephemeral' } }
    ]);
    const marked = body.messages.map(m =>
      Array.isArray(m.content) ? m.content.map(b => (b.cache_control ? b.type : '-')).join(',') : '-'
    );
    // user (task) | assistant | user (result t1: the previous newest) | assistant | user (result t2: newest)
    expect(marked).toEqual(['-', '-', 'tool_result', '-,-', 'tool_result']);
    expect(countCacheBreakpoints(body)).toBe(3);
  });

  it('mark the last tool when there is no system prompt', () => {
    const body = {
      tools: [
        { name: 'a', input_schema: { type: 'object' as const } },
        { name: 'b', input_schema: { type: 'object' as const } }
      ],
      messages: [{ role: 'user', content: 'hi' }] as CacheableMessage[]
    };
    expect(addCacheBreakpoints(body)).toBe(2);
    expect(body.tools[1]).toMatchObject({ cache_control: { type: 'ephemeral' } });
    expect(body.messages[0]!.content).toEqual([
      { type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }
    ]);
  });

  it('never exceed the limit, whatever the request already marks', () => {
    const system = [1, 2, 3].map(n => ({
      type: 'text' as const,
      text: `part ${n}`,
      cache_control: { type: 'ephemeral' as const }
    }));
    const body = {
      system,
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'two' },
        { role: 'user', content: 'three' }
      ] as CacheableMessage[]
    };
    addCacheBreakpoints(body);
    expect(countCacheBreakpoints(body)).toBe(MAX_CACHE_BREAKPOINTS);
    // The newest message keeps its mark: it is the one the next call reads.
    expect(JSON.stringify(body.messages[2])).toContain('cache_control');
  });

  it('are also placed with the text tool protocol', async () => {
    model = await startScriptedModel([{ text: 'ok' }]);
    await client('anthropic', model.url, { toolProtocol: 'text' }).complete(
      request({ messages: conversation })
    );
    const body = anthropicBody(0);
    expect(countCacheBreakpoints(body)).toBe(3);
    const newest = body.messages[body.messages.length - 1]!.content;
    expect(Array.isArray(newest) && newest[newest.length - 1]!.cache_control).toEqual({ type: 'ephemeral' });
  });

  it('are not sent with promptCache: false', async () => {
    model = await startScriptedModel([{ text: 'ok' }]);
    await client('anthropic', model.url, { promptCache: false }).complete(
      request({ messages: conversation })
    );
    expect(JSON.stringify(model.requests[0]!.body)).not.toContain('cache_control');
    expect(anthropicBody(0).system).toBe('You are a careful coding agent.');
  });

  it('a 5th one is refused by the scripted server with the API 400, before it uses a turn', async () => {
    model = await startScriptedModel([{ text: 'the first turn' }]);
    const mark = { cache_control: { type: 'ephemeral' } };
    const send = (marks: number) =>
      fetch(`${model!.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({
          model: 'scripted',
          max_tokens: 10,
          system: [1, 2, 3, 4].slice(0, marks - 1).map(n => ({ type: 'text', text: `s${n}`, ...mark })),
          messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', ...mark }] }]
        })
      });
    const refused = await send(5);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'A maximum of 4 blocks with cache_control may be provided. Found 5.'
      }
    });
    const accepted = await send(4);
    expect(accepted.status).toBe(200);
    expect(JSON.stringify(await accepted.json())).toContain('the first turn');
  });
});
