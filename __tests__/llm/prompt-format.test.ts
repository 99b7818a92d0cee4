import { describe, expect, it } from '@jest/globals';
import { flattenForTextProtocol } from '../../src/llm/conversation.js';
import { renderPrompt } from '../../src/llm/prompt-format.js';
import type { Message } from '../../src/llm/types.js';

const messages: Message[] = [
  { role: 'user', content: 'Fix it.' },
  {
    role: 'assistant',
    content: 'Reading.',
    toolCalls: [{ id: 'c1', name: 'read_file', arguments: { path: 'a' }, rawArguments: '{"path":"a"}' }]
  },
  { role: 'tool', toolCallId: 'c1', name: 'read_file', content: 'line 1', isError: false },
  { role: 'user', content: 'Also check b.' }
];

describe('prompt formats for Triton', () => {
  it('chatml renders every turn and leaves the assistant turn open', () => {
    const { text, stop } = renderPrompt('chatml', 'SYS', flattenForTextProtocol(messages));
    expect(text).toBe(
      '<|im_start|>system\nSYS<|im_end|>\n' +
        '<|im_start|>user\nFix it.<|im_end|>\n' +
        '<|im_start|>assistant\nReading.\n\n```tool_call\n{"tool":"read_file","parameters":{"path":"a"}}\n```<|im_end|>\n' +
        '<|im_start|>user\nResult of tool call c1 (read_file):\nline 1\n\nAlso check b.<|im_end|>\n' +
        '<|im_start|>assistant\n'
    );
    expect(stop).toBe('<|im_end|>');
  });

  it('llama3 uses header ids and eot markers', () => {
    const { text, stop } = renderPrompt('llama3', 'SYS', [{ role: 'user', content: 'hi' }]);
    expect(text).toBe(
      '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nSYS<|eot_id|>' +
        '<|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n'
    );
    expect(stop).toBe('<|eot_id|>');
  });

  it('json-messages is a JSON list of role/content messages', () => {
    const { text, stop } = renderPrompt('json-messages', 'SYS', [{ role: 'user', content: 'hi' }]);
    expect(JSON.parse(text)).toEqual([
      { role: 'system', content: 'SYS' },
      { role: 'user', content: 'hi' }
    ]);
    expect(stop).toBeUndefined();
  });
});
