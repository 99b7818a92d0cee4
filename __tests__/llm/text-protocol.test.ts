import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatToolCallBlock, parseToolCalls, renderToolsForPrompt } from '../../src/llm/text-protocol.js';
import { TOOLS } from './helpers.js';

describe('parseToolCalls', () => {
  it('keeps `x = [1,2,]` inside file content exactly as written', () => {
    const content = 'x = [1,2,]\ny = {"a": 1,}\n';
    const { toolCalls } = parseToolCalls(formatToolCallBlock('write_file', { path: 'x.py', content }));
    expect(toolCalls[0]?.arguments).toEqual({ path: 'x.py', content });
  });

  it('passes a 200 KB file body through byte for byte', () => {
    const line = 'const s = "```"; // { not a brace } \\ back\\slash \u00e9\u4e2d\t,]\n';
    const content = line.repeat(Math.ceil(200_000 / line.length));
    expect(content.length).toBeGreaterThanOrEqual(200_000);
    const text = `I will write it.\n\n${formatToolCallBlock('write_file', { path: 'big.ts', content })}\n`;
    const { toolCalls } = parseToolCalls(text);
    expect(toolCalls).toHaveLength(1);
    expect((toolCalls[0]?.arguments as { content: string }).content === content).toBe(true);
  });

  it('parses every block and keeps the prose around them', () => {
    const text = [
      'First I read the file.',
      formatToolCallBlock('read_file', { path: 'a.ts' }),
      'Then the other one.',
      formatToolCallBlock('read_file', { path: 'b.ts' })
    ].join('\n\n');
    const parsed = parseToolCalls(text, 'call_7');
    expect(parsed.toolCalls.map(call => [call.id, call.name, call.arguments])).toEqual([
      ['call_7_1', 'read_file', { path: 'a.ts' }],
      ['call_7_2', 'read_file', { path: 'b.ts' }]
    ]);
    expect(parsed.text).toBe('First I read the file.\n\nThen the other one.');
  });

  it('is not cut by a ``` fence on its own line inside pretty-printed content', () => {
    // Models often write literal newlines inside strings; the content holds a markdown fence.
    const text =
      '```tool_call\n{"tool": "write_file", "parameters": {"path": "README.md", "content": "# T\n```\nnpm test\n```\n"}}\n```\nDone.';
    const { toolCalls, text: prose } = parseToolCalls(text);
    expect(toolCalls[0]?.arguments).toEqual({ path: 'README.md', content: '# T\n```\nnpm test\n```\n' });
    expect(prose).toBe('Done.');
  });

  it('turns a malformed block into a call with argumentsError, recovering the name', () => {
    const text = 'Trying.\n```tool_call\n{"tool": "read_file", "parameters": {"path": "a.ts",}}\n```\n';
    const { toolCalls } = parseToolCalls(text);
    expect(toolCalls).toHaveLength(1);
    expect(toolCalls[0]).toMatchObject({ name: 'read_file', arguments: null });
    expect(toolCalls[0]?.argumentsError).toContain('not valid JSON');
    expect(toolCalls[0]?.rawArguments).toContain('"path": "a.ts",');
  });

  it('reports a block cut off before its JSON closes, and one that is not JSON at all', () => {
    const cut = parseToolCalls('```tool_call\n{"tool": "write_file", "parameters": {"content": "abc');
    expect(cut.toolCalls[0]).toMatchObject({ name: 'write_file', arguments: null });
    expect(cut.toolCalls[0]?.argumentsError).toContain('not closed');
    const prose = parseToolCalls('```tool_call\nread the file please\n```\nafter');
    expect(prose.toolCalls[0]).toMatchObject({ name: '', arguments: null });
    expect(prose.text).toBe('after');
  });

  it('reports a missing tool name and non-object parameters', () => {
    const noName = parseToolCalls('```tool_call\n{"parameters": {}}\n```');
    expect(noName.toolCalls[0]?.argumentsError).toContain('"tool"');
    const badParams = parseToolCalls('```tool_call\n{"tool": "read_file", "parameters": [1]}\n```');
    expect(badParams.toolCalls[0]).toMatchObject({ name: 'read_file', arguments: null });
  });

  it('ignores ordinary code fences', () => {
    const text = 'Here is code:\n```ts\nconst a = {"tool": "x"};\n```';
    expect(parseToolCalls(text)).toEqual({ text, toolCalls: [] });
  });

  it('round-trips arbitrary string content and nested parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.string(),
        (content, extra, prose) => {
          const parameters = { ...extra, path: 'f.txt', content };
          const text = `${prose.replace(/```/g, '')}\n${formatToolCallBlock('write_file', parameters)}`;
          const { toolCalls } = parseToolCalls(text);
          expect(toolCalls).toHaveLength(1);
          expect(toolCalls[0]?.arguments).toEqual(JSON.parse(JSON.stringify(parameters)));
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('renderToolsForPrompt', () => {
  it('names every tool with its schema and shows the block format', () => {
    const prompt = renderToolsForPrompt(TOOLS);
    expect(prompt).toContain('### read_file');
    expect(prompt).toContain('### write_file');
    expect(prompt).toContain('"required":["path","content"]');
    expect(prompt).toContain('```tool_call\n{"tool":"read_file","parameters":{"path":"src/index.ts"}}\n```');
  });
});
