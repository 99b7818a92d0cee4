/** The three wire formats the scripted model speaks: OpenAI chat completions, Anthropic Messages, Triton generate. */
import type { ReportedUsage, ScriptToolCall, WireAnswer, WireOutput } from './types.js';

/** Splits a string into up to `parts` pieces so deltas arrive over several events. */
export function pieces(text: string, parts = 3): string[] {
  if (text === '') return [];
  const size = Math.max(1, Math.ceil(text.length / parts));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

export function argumentsText(call: ScriptToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

const sse = (data: unknown): string => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
const namedSse = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

// ---- OpenAI chat completions ------------------------------------------------------------------

export function openAiAnswer(answer: WireAnswer, stream: boolean, includeUsage: boolean): WireOutput {
  const { turn, turnIndex, model, usage } = answer;
  const id = `chatcmpl-scripted-${turnIndex}`;
  const created = 1_700_000_000 + turnIndex;
  const calls = (turn.toolCalls ?? []).map((call, i) => ({
    ...call,
    id: call.id ?? `call_${turnIndex}_${i + 1}`
  }));
  const finish = calls.length > 0 ? 'tool_calls' : 'stop';
  const empty = turn.fault !== undefined && 'emptyChoice' in turn.fault;
  // Like OpenAI's: the cached part of the prompt in prompt_tokens_details, 0 when nothing was cached.
  const usageBody = usage && {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cached ?? 0 }
  };
  if (!stream) {
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: turn.text ?? (calls.length ? null : '')
    };
    if (calls.length > 0) {
      message.tool_calls = calls.map(call => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: argumentsText(call) }
      }));
    }
    return {
      kind: 'json',
      body: {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: empty ? [] : [{ index: 0, message, finish_reason: finish, logprobs: null }],
        ...(usageBody ? { usage: usageBody } : {})
      }
    };
  }
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
    sse({ id, object: 'chat.completion.chunk', created, model, choices, ...extra });
  const delta = (d: Record<string, unknown>, finishReason: string | null = null): string =>
    chunk([{ index: 0, delta: d, finish_reason: finishReason, logprobs: null }]);
  const events: string[] = [];
  if (!empty) {
    events.push(delta({ role: 'assistant', content: '' }));
    for (const piece of pieces(turn.text ?? '')) events.push(delta({ content: piece }));
    calls.forEach((call, index) => {
      events.push(
        delta({
          tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }]
        })
      );
      for (const piece of pieces(argumentsText(call))) {
        events.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
    events.push(delta({}, finish));
  }
  if (includeUsage && usageBody) events.push(chunk([], { usage: usageBody }));
  events.push(sse('[DONE]'));
  return { kind: 'sse', events };
}

export function openAiError(status: number, message: string): unknown {
  return {
    error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'scripted_error', code: status }
  };
}

// ---- Anthropic Messages -----------------------------------------------------------------------

export function anthropicAnswer(answer: WireAnswer, stream: boolean): WireOutput {
  const { turn, turnIndex, model, usage } = answer;
  const id = `msg_scripted_${turnIndex}`;
  const empty = turn.fault !== undefined && 'emptyChoice' in turn.fault;
  const calls = empty
    ? []
    : (turn.toolCalls ?? []).map((call, i) => ({ ...call, id: call.id ?? `toolu_${turnIndex}_${i + 1}` }));
  const text = empty ? '' : (turn.text ?? '');
  const stopReason = calls.length > 0 ? 'tool_use' : 'end_turn';
  if (!stream) {
    const content: unknown[] = text === '' ? [] : [{ type: 'text', text }];
    for (const call of calls) {
      content.push({
        type: 'tool_use',
        id: call.id,
        name: call.name,
        input: parseOrRaw(argumentsText(call))
      });
    }
    return {
      kind: 'json',
      body: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content,
        stop_reason: stopReason,
        stop_sequence: null,
        ...(usage ? { usage: { ...anthropicInput(usage), output_tokens: usage.output } } : {})
      }
    };
  }
  const events: string[] = [];
  events.push(
    namedSse('message_start', {
      type: 'message_start',
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        ...(usage ? { usage: { ...anthropicInput(usage), output_tokens: 1 } } : {})
      }
    })
  );
  let index = 0;
  if (text !== '') {
    events.push(
      namedSse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '' }
      })
    );
    for (const piece of pieces(text)) {
      events.push(
        namedSse('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: piece }
        })
      );
    }
    events.push(namedSse('content_block_stop', { type: 'content_block_stop', index }));
    index++;
  }
  for (const call of calls) {
    events.push(
      namedSse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} }
      })
    );
    for (const piece of pieces(argumentsText(call))) {
      events.push(
        namedSse('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: piece }
        })
      );
    }
    events.push(namedSse('content_block_stop', { type: 'content_block_stop', index }));
    index++;
  }
  events.push(
    namedSse('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      // Cumulative, like the real API: the final output count, not an increment.
      ...(usage ? { usage: { output_tokens: usage.output } } : {})
    })
  );
  events.push(namedSse('message_stop', { type: 'message_stop' }));
  return { kind: 'sse', events };
}

/** Anthropic's input fields: `input_tokens` is only what was neither read from nor written to the cache. */
function anthropicInput(usage: ReportedUsage): Record<string, number> {
  const read = usage.cached ?? 0;
  const write = usage.cacheWrite ?? 0;
  return {
    input_tokens: Math.max(0, usage.input - read - write),
    cache_creation_input_tokens: write,
    cache_read_input_tokens: read
  };
}

export function anthropicError(status: number, message: string): unknown {
  const type =
    status === 429
      ? 'rate_limit_error'
      : status === 401
        ? 'authentication_error'
        : status === 404
          ? 'not_found_error'
          : status === 529
            ? 'overloaded_error'
            : status >= 500
              ? 'api_error'
              : 'invalid_request_error';
  return { type: 'error', error: { type, message } };
}

function parseOrRaw(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// ---- Triton generate ----------------------------------------------------------------------------

/** Tool calls become ```tool_call blocks in the text, as the text protocol expects. */
export function tritonText(answer: WireAnswer): string {
  const { turn } = answer;
  if (turn.fault !== undefined && 'emptyChoice' in turn.fault) return '';
  const blocks = (turn.toolCalls ?? []).map(
    call =>
      '```tool_call\n{"tool": ' +
      JSON.stringify(call.name) +
      ', "parameters": ' +
      argumentsText(call) +
      '}\n```'
  );
  return [turn.text ?? '', ...blocks].filter(part => part !== '').join('\n\n');
}

export function tritonAnswer(answer: WireAnswer, stream: boolean): WireOutput {
  const text = tritonText(answer);
  const base = { model_name: answer.model, model_version: '1' };
  if (!stream) return { kind: 'json', body: { ...base, text_output: text } };
  // No [DONE]: Triton simply ends the response after the last delta.
  return { kind: 'sse', events: pieces(text, 4).map(piece => sse({ ...base, text_output: piece })) };
}
