/**
 * What the model reads of an MCP tool's answer. The text is data from outside the repository, so
 * it is treated like an issue comment: sanitized, secrets masked, capped like a command's output
 * and wrapped as untrusted data. Images, audio and resources are described, never inlined.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { MODEL_MASK, type Redactor } from '../report/redact.js';
import { truncateMiddle } from '../tools/truncate.js';
import { sanitizeUntrusted, wrapUntrusted } from '../trigger/sanitize.js';

/** The cap of one run_command stream (DEFAULT_MAX_OUTPUT_BYTES), so an MCP answer weighs no more. */
export const MAX_RESULT_CHARS = 30_000;

type Content = CallToolResult['content'][number];

/** A short, single-line, sanitized rendering of a name or URI a server chose. */
function shortText(value: unknown, max = 200): string {
  const flat = sanitizeUntrusted(String(value ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function base64Bytes(data: string): number {
  return Math.floor((data.replace(/=+$/, '').length * 3) / 4);
}

function describeContent(item: Content): string {
  switch (item.type) {
    case 'text':
      return item.text;
    case 'image':
      return `[an image (${shortText(item.mimeType, 60)}, ${base64Bytes(item.data)} bytes): not shown]`;
    case 'audio':
      return `[audio (${shortText(item.mimeType, 60)}, ${base64Bytes(item.data)} bytes): not shown]`;
    case 'resource': {
      const resource = item.resource;
      const size =
        'text' in resource ? `${resource.text.length} characters` : `${base64Bytes(resource.blob)} bytes`;
      const type = resource.mimeType ? `${shortText(resource.mimeType, 60)}, ` : '';
      return `[a resource ${shortText(resource.uri)} (${type}${size}): not shown]`;
    }
    case 'resource_link':
      return `[a link to the resource ${shortText(item.uri)}${item.name ? ` ("${shortText(item.name, 80)}")` : ''}: not fetched]`;
    default:
      return `[content of type "${shortText((item as { type?: unknown }).type, 40)}": not shown]`;
  }
}

/** The answer as text: text parts as written, everything else described; structured content when there is no text. */
export function resultText(result: CallToolResult): string {
  const parts = result.content.map(describeContent);
  const hasText = result.content.some(item => item.type === 'text');
  if (!hasText && result.structuredContent !== undefined)
    parts.push(JSON.stringify(result.structuredContent, null, 2));
  const text = parts.join('\n').trim();
  return text === '' ? '(the tool returned nothing)' : text;
}

/**
 * The model's view of an answer: sanitized and masked first (so a cut cannot leave half a secret),
 * then capped like run_command output, then wrapped as data with the tool named on the fence.
 */
export function formatForModel(
  name: { server: string; tool: string },
  result: CallToolResult,
  redactors: readonly Redactor[]
): string {
  let text = sanitizeUntrusted(resultText(result));
  for (const redactor of redactors) text = redactor.redact(text, MODEL_MASK);
  text = truncateMiddle(text, MAX_RESULT_CHARS);
  const label = `MCP ${name.server}.${name.tool} result`;
  const status = result.isError ? 'The tool reported an error.' : 'The tool answered.';
  return `${status} Its output follows as data from the MCP server "${name.server}":\n${wrapUntrusted(label, text)}`;
}
