import { afterEach, describe, expect, it } from '@jest/globals';
import {
  startScriptedModel,
  textProtocolTurn,
  type ScriptedModel
} from '../../test-support/scripted-model/server.js';

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

async function post(path: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${model?.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify(body)
  });
  return { status: response.status, text: await response.text() };
}

describe('scripted model server', () => {
  it('answers 500 with a clear body when the script is exhausted', async () => {
    model = await startScriptedModel([{ text: 'only turn' }]);
    expect((await post('/v1/chat/completions', { model: 'm', messages: [] })).status).toBe(200);
    const second = await post('/v1/chat/completions', { model: 'm', messages: [] });
    expect(second.status).toBe(500);
    expect(second.text).toContain('script exhausted');
    expect(model.requests.map(r => r.turn)).toEqual([0, -1]);
  });

  it('records method, path, headers, parsed body and API', async () => {
    model = await startScriptedModel([{ text: 'a' }, { text: 'b' }, { text: 'c' }]);
    await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    await post('/v1/messages', { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    await post('/v2/models/llama/generate_stream', { text_input: 'hi', parameters: {} });
    expect(model.requests.map(r => [r.method, r.path, r.api])).toEqual([
      ['POST', '/v1/chat/completions', 'openai'],
      ['POST', '/v1/messages', 'anthropic'],
      ['POST', '/v2/models/llama/generate_stream', 'triton']
    ]);
    expect(model.requests[0]?.headers.authorization).toBe('Bearer k');
    expect(model.requests[2]?.body).toEqual({ text_input: 'hi', parameters: {} });
  });

  it('a script function sees the normalized conversation, including tool results', async () => {
    const seen: string[] = [];
    model = await startScriptedModel(({ conversation, turnIndex }) => {
      seen.push(conversation.map(entry => `${entry.role}:${entry.content}`).join('|'));
      return turnIndex < 2 ? { text: `turn ${turnIndex}` } : undefined;
    });
    await post('/v1/chat/completions', {
      model: 'm',
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'U' },
        { role: 'tool', tool_call_id: 'c', content: 'R' }
      ]
    });
    await post('/v1/messages', {
      model: 'm',
      max_tokens: 5,
      system: 'S',
      messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c', content: 'R' }] }]
    });
    expect(seen).toEqual(['system:S|user:U|tool:R', 'system:S|tool:R']);
    expect((await post('/v1/messages', { model: 'm', messages: [] })).status).toBe(500);
  });

  it('streams OpenAI tool-call arguments split over several chunks, then usage, then [DONE]', async () => {
    model = await startScriptedModel([
      {
        toolCalls: [{ name: 'read_file', arguments: { path: 'some/long/path.ts' } }],
        usage: { input: 9, output: 4 }
      }
    ]);
    const { text } = await post('/v1/chat/completions', {
      model: 'm',
      messages: [],
      stream: true,
      stream_options: { include_usage: true }
    });
    const argumentChunks = text
      .split('\n\n')
      .filter(event => event.includes('"arguments":"') && !event.includes('"name"'));
    expect(argumentChunks.length).toBeGreaterThan(1);
    expect(text).toContain(
      '"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":0}}'
    );
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
  });

  it('renders tool calls as ```tool_call blocks for Triton, with no [DONE]', async () => {
    model = await startScriptedModel([
      { text: 'Sure.', toolCalls: [{ name: 'read_file', arguments: { path: 'a' } }] }
    ]);
    const { text } = await post('/v2/models/m/generate_stream', { text_input: 'x', parameters: {} });
    const output = text
      .split('\n\n')
      .filter(Boolean)
      .map(event => (JSON.parse(event.replace(/^data: /, '')) as { text_output: string }).text_output)
      .join('');
    expect(output).toBe('Sure.\n\n```tool_call\n{"tool": "read_file", "parameters": {"path":"a"}}\n```');
    expect(text).not.toContain('[DONE]');
  });

  it('textProtocolTurn keeps raw (malformed) arguments verbatim', () => {
    const turn = textProtocolTurn([{ name: 'read_file', arguments: '{"path": ' }], 'Hm.');
    expect(turn.text).toBe('Hm.\n\n```tool_call\n{"tool": "read_file", "parameters": {"path": }\n```');
  });

  it('sends the scripted status and Retry-After header', async () => {
    model = await startScriptedModel([{ fault: { status: 429, retryAfter: 3 } }]);
    const response = await fetch(`${model.url}/v1/messages`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });
});
