/**
 * Scripted model server: a real HTTP server on 127.0.0.1 (random port) that answers like a model,
 * following a script. Used by the tests, the demo and the benchmarks.
 *
 *   const model = await startScriptedModel([
 *     { toolCalls: [{ name: 'read_file', arguments: { path: 'README.md' } }] },
 *     { fault: { status: 429, retryAfter: 1 } },          // a faulted request consumes its turn
 *     { text: 'Done.', usage: { input: 120, output: 8 } }
 *   ]);
 *   createLlmClient({ provider: 'openai', baseUrl: model.url, apiKey: 'k', model: 'm', ... });
 *   model.requests   // every request: method, path, headers, parsed body, api, turn
 *   await model.close();
 *
 * APIs (pick one with the client's provider; base URL = model.url, with or without /v1; with the option
 * `pathPrefix: '/openai/v1beta'` every API lives under that prefix instead, and a request elsewhere
 * gets a 404, like a gateway that serves the API under its own path):
 *   openai     POST /v1/chat/completions  stream (tool_calls deltas split over chunks, usage chunk when
 *              stream_options.include_usage) and non-stream
 *   anthropic  POST /v1/messages          stream (tool_use blocks with input_json_delta) and non-stream
 *   triton     POST /v2/models/{m}/generate_stream (SSE text_output deltas, no [DONE]) and /generate;
 *              tool calls are written as ```tool_call blocks in the text
 *   GET /v1/models lists the model "scripted" (for clients that probe).
 *
 * Usage: unless a turn gives its own, input is the request's characters / 4 and the server keeps a
 * prompt cache like the real APIs (prompt-cache.ts): OpenAI answers report the prefix shared with an
 * earlier request as usage.prompt_tokens_details.cached_tokens; Anthropic answers report
 * cache_read_input_tokens / cache_creation_input_tokens at the request's cache_control breakpoints,
 * and a request with more than 4 breakpoints gets the API's 400 (no turn used). Option
 * `promptCache: {minTokens, step}` changes the thresholds (default 1024 tokens, steps of 128).
 *
 * Script: a list of turns, or a function (context: {api, request, conversation, turnIndex}) => Turn,
 * returning undefined when it has nothing more to say. A Turn is
 *   { text?, toolCalls?: [{name, arguments: object | raw string, id?}], usage?: {input, output} | 'omit',
 *     fault?: {status, retryAfter?, body?, contentType?} | {delayMs} | {cutStreamAfterChunks} | {splitCrLf: true}
 *             | {emptyChoice: true} }
 * (faults.ts has realistic ones: an HTML sign-in page with 200, an exhausted quota, …)
 * A raw-string `arguments` is sent verbatim, so malformed JSON can be scripted; unknown tool names are
 * just names. textProtocolTurn() builds a turn whose calls are ```tool_call blocks in the text (for
 * clients using tool_protocol: text against the openai or anthropic API).
 *
 * When the script is exhausted the server answers HTTP 500 with a body that says so. Clients retry
 * 5xx, so tests that can run past the script should pass a fake `sleep` or `maxAttempts: 1`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatToolCallBlock } from '../../src/llm/text-protocol.js';
import { conversationOf } from './conversation.js';
import {
  breakpointCount,
  MAX_BREAKPOINTS,
  ScriptedPromptCache,
  tooManyBreakpointsMessage,
  type PromptCacheOptions
} from './prompt-cache.js';
import type {
  ApiKind,
  RecordedRequest,
  ReportedUsage,
  Script,
  ScriptToolCall,
  Turn,
  WireOutput
} from './types.js';
import { anthropicAnswer, anthropicError, openAiAnswer, openAiError, tritonAnswer } from './wire.js';

export type * from './types.js';
export type { PromptCacheOptions } from './prompt-cache.js';

export interface ScriptedModelOptions {
  /** Serve every API under this path (e.g. '/openai/v1beta'), as a gateway does; default: the root. */
  pathPrefix?: string;
  /** The prompt cache's thresholds (see prompt-cache.ts); default: the real APIs' 1024-token minimum. */
  promptCache?: PromptCacheOptions;
}

export interface ScriptedModel {
  /** Server root, e.g. http://127.0.0.1:40123 (no trailing slash, no /v1). */
  url: string;
  requests: RecordedRequest[];
  /** Requests that reached no API (wrong method or path); each was answered 404. */
  misses: { method: string; path: string }[];
  close(): Promise<void>;
}

/** A turn for the text tool protocol: prose followed by one ```tool_call block per call. */
export function textProtocolTurn(calls: ScriptToolCall[], prose = ''): Turn {
  const blocks = calls.map(call =>
    typeof call.arguments === 'string'
      ? '```tool_call\n{"tool": ' + JSON.stringify(call.name) + ', "parameters": ' + call.arguments + '}\n```'
      : formatToolCallBlock(call.name, call.arguments)
  );
  return { text: [prose, ...blocks].filter(part => part !== '').join('\n\n') };
}

interface Route {
  api: ApiKind;
  stream: (body: Record<string, unknown>) => boolean;
  model: (body: Record<string, unknown>) => string;
}

function route(method: string, fullPath: string, prefix: string): Route | undefined {
  if (method !== 'POST' || !fullPath.startsWith(prefix)) return undefined;
  const path = fullPath.slice(prefix.length);
  if (prefix !== '' && !path.startsWith('/')) return undefined;
  if (/^(\/v1)?\/chat\/completions$/.test(path)) {
    return { api: 'openai', stream: body => body.stream === true, model: body => String(body.model ?? '') };
  }
  if (/^(\/v1)?\/messages$/.test(path)) {
    return {
      api: 'anthropic',
      stream: body => body.stream === true,
      model: body => String(body.model ?? '')
    };
  }
  const triton = /^\/v2\/models\/([^/]+)(?:\/versions\/[^/]+)?\/(generate|generate_stream)$/.exec(path);
  if (triton) {
    const model = decodeURIComponent(triton[1] ?? '');
    return { api: 'triton', stream: () => triton[2] === 'generate_stream', model: () => model };
  }
  return undefined;
}

export async function startScriptedModel(
  script: Script,
  options: ScriptedModelOptions = {}
): Promise<ScriptedModel> {
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const requests: RecordedRequest[] = [];
  const misses: ScriptedModel['misses'] = [];
  const cache = new ScriptedPromptCache(options.promptCache);
  let handled = 0;

  const nextTurn = (context: Omit<Parameters<Exclude<Script, Turn[]>>[0], 'turnIndex'>, index: number) =>
    Array.isArray(script) ? script[index] : script({ ...context, turnIndex: index });

  const server = createServer((req, res) => {
    handle(req, res).catch(error => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: `scripted model crashed: ${String(error)}` } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const raw = await readBody(req);
    if (
      req.method === 'GET' &&
      path.startsWith(prefix) &&
      /^(\/v1)?\/models$/.test(path.slice(prefix.length))
    ) {
      sendJson(res, 200, {
        object: 'list',
        data: [{ id: 'scripted', object: 'model', owned_by: 'kubrick' }]
      });
      return;
    }
    const target = route(req.method ?? '', path, prefix);
    if (!target) {
      misses.push({ method: req.method ?? '', path });
      // Worded like a web server's 404, without naming a model: a wrong path is not a wrong model.
      sendJson(res, 404, { error: { message: `scripted server: nothing at ${req.method} ${path}` } });
      return;
    }
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // keep the raw text: a test may want to see what a client sent
    }
    const record: RecordedRequest = {
      method: req.method ?? '',
      path,
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])
      ),
      body,
      api: target.api,
      turn: -1
    };
    requests.push(record);
    const breakpoints = target.api === 'anthropic' ? breakpointCount(body) : 0;
    if (breakpoints > MAX_BREAKPOINTS) {
      // Refused before the model sees it, as the API does: no turn of the script is used.
      sendJson(res, 400, anthropicError(400, tooManyBreakpointsMessage(breakpoints)));
      return;
    }
    const index = handled++;
    const turn = nextTurn(
      { api: target.api, request: record, conversation: conversationOf(target.api, body) },
      index
    );
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (turn === undefined) {
      const message = `scripted model: script exhausted: request #${index + 1} (${req.method} ${path}) has no turn left; the script has ${Array.isArray(script) ? script.length : 'no more'} turns`;
      sendJson(res, 500, errorBody(target.api, 500, message));
      return;
    }
    record.turn = index;
    const fault = turn.fault;
    if (fault && 'status' in fault) {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      const payload =
        fault.body ??
        JSON.stringify(errorBody(target.api, fault.status, `scripted fault: HTTP ${fault.status}`));
      res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json', ...headers });
      res.end(payload);
      return;
    }
    if (fault && 'delayMs' in fault) {
      await new Promise(resolve => setTimeout(resolve, fault.delayMs));
      if (res.destroyed) return;
    }
    const usage =
      turn.usage === 'omit'
        ? undefined
        : (turn.usage ?? cachedUsage(cache, target.api, fields, defaultUsage(raw, turn)));
    if (usage && target.api !== 'triton') record.usage = usage;
    const answer = { turn, turnIndex: index, model: target.model(fields), usage };
    const stream = target.stream(fields);
    const output: WireOutput =
      target.api === 'openai'
        ? openAiAnswer(
            answer,
            stream,
            (fields.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true
          )
        : target.api === 'anthropic'
          ? anthropicAnswer(answer, stream)
          : tritonAnswer(answer, stream);
    if (output.kind === 'json') {
      sendJson(res, 200, output.body);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive'
    });
    const cutAfter = fault && 'cutStreamAfterChunks' in fault ? fault.cutStreamAfterChunks : undefined;
    if (fault && 'splitCrLf' in fault) {
      await writeSplitCrLf(res, output.events);
      return;
    }
    for (const [i, event] of output.events.entries()) {
      if (cutAfter !== undefined && i >= cutAfter) {
        // Abrupt close with no final event, like a proxy dropping a long generation.
        await new Promise(resolve => setTimeout(resolve, 20));
        res.socket?.destroy();
        return;
      }
      if (!res.write(event)) await new Promise(resolve => res.once('drain', resolve));
    }
    res.end();
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    misses,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

/**
 * Each event with CR LF line endings, written in pieces that end right after a CR, so the LF that
 * completes the pair opens the next network chunk. The pauses keep the pieces from being coalesced.
 */
async function writeSplitCrLf(res: ServerResponse, events: string[]): Promise<void> {
  res.socket?.setNoDelay(true);
  const wire = events.map(event => event.replace(/\n/g, '\r\n')).join('');
  const pieces = wire.split(/(?<=\r)(?=\n)/);
  for (const piece of pieces) {
    res.write(piece);
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  res.end();
}

function defaultUsage(rawRequest: string, turn: Turn): { input: number; output: number } {
  const output =
    (turn.text ?? '') + (turn.toolCalls ?? []).map(c => c.name + JSON.stringify(c.arguments)).join('');
  return {
    input: Math.max(1, Math.ceil(rawRequest.length / 4)),
    output: Math.max(1, Math.ceil(output.length / 4))
  };
}

/** The default usage with the part the server's prompt cache served (none for Triton, which reports no usage). */
function cachedUsage(
  cache: ScriptedPromptCache,
  api: ApiKind,
  body: Record<string, unknown>,
  usage: { input: number; output: number }
): ReportedUsage {
  if (api === 'openai') return { ...cache.openAi(body, usage.input), output: usage.output };
  if (api === 'anthropic') return { ...cache.anthropic(body, usage.input), output: usage.output };
  return usage;
}

function errorBody(api: ApiKind, status: number, message: string): unknown {
  if (api === 'anthropic') return anthropicError(status, message);
  if (api === 'triton') return { error: message };
  return openAiError(status, message);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
export { FAULTS } from './faults.js';
