import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import type { ProviderName } from '../../src/llm/types.js';
import {
  startScriptedModel,
  textProtocolTurn,
  type ScriptedModel
} from '../../test-support/scripted-model/server.js';
import { client, request } from './helpers.js';

const PROVIDERS: ProviderName[] = ['openai', 'anthropic', 'triton'];
let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe.each(PROVIDERS)('%s provider through the real client over HTTP', provider => {
  it('returns a plain answer', async () => {
    model = await startScriptedModel([{ text: 'The test is fixed.', usage: { input: 321, output: 45 } }]);
    const answer = await client(provider, model.url).complete(request());
    expect(answer.text).toBe('The test is fixed.');
    expect(answer.toolCalls).toEqual([]);
    expect(answer.finishReason).toBe('stop');
    expect(answer.attempts).toBe(1);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]?.api).toBe(provider);
  });

  it('returns one tool call with parsed arguments', async () => {
    model = await startScriptedModel([
      { toolCalls: [{ name: 'read_file', arguments: { path: 'src/a.ts' } }] }
    ]);
    const answer = await client(provider, model.url).complete(request());
    expect(answer.finishReason).toBe('tool_calls');
    expect(answer.toolCalls).toHaveLength(1);
    expect(answer.toolCalls[0]).toMatchObject({ name: 'read_file', arguments: { path: 'src/a.ts' } });
    expect(answer.toolCalls[0]?.argumentsError).toBeUndefined();
    expect(answer.toolCalls[0]?.id).not.toBe('');
  });

  it('returns several tool calls from one turn, in order, with distinct ids', async () => {
    model = await startScriptedModel([
      {
        text: 'Reading both files.',
        toolCalls: [
          { name: 'read_file', arguments: { path: 'a.ts' } },
          { name: 'read_file', arguments: { path: 'b.ts' } },
          { name: 'write_file', arguments: { path: 'c.ts', content: 'export const c = 1;\n' } }
        ]
      }
    ]);
    const answer = await client(provider, model.url).complete(request());
    expect(answer.toolCalls.map(call => [call.name, call.arguments])).toEqual([
      ['read_file', { path: 'a.ts' }],
      ['read_file', { path: 'b.ts' }],
      ['write_file', { path: 'c.ts', content: 'export const c = 1;\n' }]
    ]);
    expect(new Set(answer.toolCalls.map(call => call.id)).size).toBe(3);
    expect(answer.text).toBe('Reading both files.');
  });

  it('speaks the text tool protocol when asked to', async () => {
    model = await startScriptedModel([
      textProtocolTurn(
        [{ name: 'write_file', arguments: { path: 'x.py', content: 'x = [1,2,]\n' } }],
        'Writing it.'
      )
    ]);
    const answer = await client(provider, model.url, { toolProtocol: 'text' }).complete(request());
    expect(answer.text).toBe('Writing it.');
    expect(answer.toolCalls).toHaveLength(1);
    expect(answer.toolCalls[0]?.arguments).toEqual({ path: 'x.py', content: 'x = [1,2,]\n' });
    const sent = JSON.stringify(model.requests[0]?.body);
    // Tools are described in the prompt, not offered natively.
    expect(sent).toContain('tool_call');
    expect(sent).toContain('write_file');
    expect((model.requests[0]?.body as { tools?: unknown }).tools).toBeUndefined();
  });

  it('counts usage exactly when reported and estimates it (flagged) when omitted', async () => {
    model = await startScriptedModel([
      { text: 'one', usage: { input: 1234, output: 56 } },
      { text: 'a longer answer that the server did not count', usage: 'omit' }
    ]);
    const llm = client(provider, model.url);
    const exact = await llm.complete(request());
    const estimated = await llm.complete(request());
    if (provider === 'triton') {
      // Triton's generate endpoint never reports usage.
      expect(exact.usage.estimated).toBe(true);
    } else {
      expect(exact.usage).toEqual({
        inputTokens: 1234,
        outputTokens: 56,
        cachedTokens: 0,
        cacheWriteTokens: 0,
        estimated: false
      });
    }
    expect(estimated.usage.estimated).toBe(true);
    expect(estimated.usage.inputTokens).toBeGreaterThan(5);
    expect(estimated.usage.outputTokens).toBeGreaterThan(3);
  });

  it("sends the tool results of the previous turn back in the provider's own shape", async () => {
    model = await startScriptedModel([{ text: 'ok' }]);
    await client(provider, model.url).complete(
      request({
        messages: [
          { role: 'user', content: 'Read a.ts' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              {
                id: 'call_9',
                name: 'read_file',
                arguments: { path: 'a.ts' },
                rawArguments: '{"path":"a.ts"}'
              }
            ]
          },
          { role: 'tool', toolCallId: 'call_9', name: 'read_file', content: '1: export const a = 1;' }
        ]
      })
    );
    const body = model.requests[0]?.body as Record<string, unknown>;
    const sent = JSON.stringify(body);
    expect(sent).toContain('export const a = 1;');
    if (provider === 'openai') {
      expect(body.messages).toContainEqual({
        role: 'tool',
        tool_call_id: 'call_9',
        content: '1: export const a = 1;'
      });
    } else if (provider === 'anthropic') {
      expect(sent).toContain('"type":"tool_result","tool_use_id":"call_9"');
    } else {
      expect(String(body.text_input)).toContain('Result of tool call call_9 (read_file)');
    }
  });
});

describe('wire details', () => {
  it('anthropic: the key reaches the server both as x-api-key and as Authorization: Bearer', async () => {
    model = await startScriptedModel([{ text: 'hi' }]);
    await client('anthropic', model.url, { apiKey: 'sk-ant-secret' }).complete(request());
    expect(model.requests[0]?.headers['x-api-key']).toBe('sk-ant-secret');
    expect(model.requests[0]?.headers.authorization).toBe('Bearer sk-ant-secret');
    expect(model.requests[0]?.path).toBe('/v1/messages');
  });

  it('openai: accepts a base URL with a trailing /v1 and sends the bearer key', async () => {
    model = await startScriptedModel([{ text: 'hi' }]);
    await client('openai', `${model.url}/v1/`, { apiKey: 'sk-secret' }).complete(request());
    expect(model.requests[0]?.path).toBe('/v1/chat/completions');
    expect(model.requests[0]?.headers.authorization).toBe('Bearer sk-secret');
    expect((model.requests[0]?.body as { stream?: boolean }).stream).toBe(true);
  });

  it('openai: an empty api_key sends no Authorization header (local servers)', async () => {
    model = await startScriptedModel([{ text: 'hi' }]);
    await client('openai', model.url, { apiKey: '' }).complete(request());
    expect(model.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('runner OPENAI_* / ANTHROPIC_* variables do not change where requests go or which key is sent', async () => {
    const saved = { ...process.env };
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    process.env.OPENAI_API_KEY = 'wrong-openai';
    process.env.OPENAI_ORG_ID = 'org-stray';
    process.env.ANTHROPIC_BASE_URL = 'http://127.0.0.1:9';
    process.env.ANTHROPIC_API_KEY = 'wrong-anthropic';
    try {
      model = await startScriptedModel([{ text: 'a' }, { text: 'b' }]);
      await client('openai', model.url, { apiKey: 'right' }).complete(request());
      await client('anthropic', model.url, { apiKey: 'right' }).complete(request());
      expect(model.requests.map(r => r.headers.authorization)).toEqual(['Bearer right', 'Bearer right']);
      expect(model.requests[0]?.headers['openai-organization']).toBeUndefined();
    } finally {
      process.env = saved;
    }
  });

  it('triton: posts text_input with scalar parameters and a bearer token to generate_stream', async () => {
    model = await startScriptedModel([{ text: 'hi' }]);
    await client('triton', model.url, { apiKey: 'proxy-token', promptFormat: 'llama3' }).complete(request());
    const sent = model.requests[0];
    expect(sent?.path).toBe('/v2/models/scripted-model/generate_stream');
    expect(sent?.headers.authorization).toBe('Bearer proxy-token');
    const body = sent?.body as { text_input: string; parameters: Record<string, unknown> };
    expect(body.text_input.startsWith('<|begin_of_text|><|start_header_id|>system<|end_header_id|>')).toBe(
      true
    );
    expect(body.text_input).toContain('Fix the failing test.');
    expect(body.parameters).toMatchObject({
      max_tokens: 512,
      exclude_input_in_output: true,
      stop: '<|eot_id|>'
    });
    for (const value of Object.values(body.parameters)) expect(typeof value).not.toBe('object');
  });

  it('triton: an error event mid-stream is reported, not returned as text', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"text_output": "partial "}\n\n');
      res.end('data: {"error": "CUDA out of memory"}\n\n');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const failure = client('triton', `http://127.0.0.1:${port}`, {
        maxAttempts: 2,
        sleep: async () => {}
      }).complete(request());
      await expect(failure).rejects.toThrow(/CUDA out of memory/);
      await expect(failure).rejects.toMatchObject({ kind: 'stream' });
    } finally {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    }
  });
});

afterAll(async () => {
  await model?.close();
});

describe('text protocol over the wire', () => {
  it.each<ProviderName>(['openai', 'anthropic', 'triton'])(
    '%s: `x = [1,2,]` and a 200 KB body arrive byte for byte',
    async provider => {
      const big = 'row = [1,2,]  # ``` fence\n'.repeat(8000);
      model = await startScriptedModel([
        textProtocolTurn([
          { name: 'write_file', arguments: { path: 'x.py', content: 'x = [1,2,]' } },
          { name: 'write_file', arguments: { path: 'big.py', content: big } }
        ])
      ]);
      const answer = await client(provider, model.url, { toolProtocol: 'text' }).complete(request());
      expect(answer.toolCalls.map(call => call.arguments)).toEqual([
        { path: 'x.py', content: 'x = [1,2,]' },
        { path: 'big.py', content: big }
      ]);
    }
  );
});
