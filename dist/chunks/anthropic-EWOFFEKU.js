import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  Anthropic
} from "./chunk-M6D4S6CO.js";
import {
  nativeToolCall
} from "./chunk-2FF5RX7P.js";
import {
  flattenForTextProtocol,
  fromSdkError
} from "./chunk-UQYOVMNB.js";
import {
  StreamCut,
  eventStreamFetch
} from "./chunk-NYFBYEPR.js";
import "./chunk-MT3GVHK4.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";

// src/llm/anthropic-cache.ts
var EPHEMERAL = { type: "ephemeral" };
function previousNewest(messages) {
  let i = messages.length - 2;
  for (; i >= 0 && messages[i].role !== "assistant"; ) i--;
  for (i--; i >= 0; i--) if (messages[i].role === "user") return i;
  return -1;
}
function addCacheBreakpoints(request) {
  let room = 4 - countCacheBreakpoints(request), mark = (block) => {
    !block || block.cache_control || room <= 0 || (block.cache_control = EPHEMERAL, room--);
  }, lastBlockOf = (message) => {
    if (message)
      return typeof message.content == "string" && (message.content = [{ type: "text", text: message.content }]), message.content[message.content.length - 1];
  }, { messages } = request;
  if (messages.length > 0) {
    mark(lastBlockOf(messages[messages.length - 1]));
    let previous = previousNewest(messages);
    previous >= 0 && mark(lastBlockOf(messages[previous]));
  }
  return typeof request.system == "string" && request.system !== "" ? room > 0 && (request.system = [{ type: "text", text: request.system, cache_control: EPHEMERAL }], room--) : Array.isArray(request.system) && request.system.length > 0 ? mark(request.system[request.system.length - 1]) : request.tools && request.tools.length > 0 && mark(request.tools[request.tools.length - 1]), 4 - room;
}
function countCacheBreakpoints(body) {
  if (Array.isArray(body)) return body.reduce((sum2, item) => sum2 + countCacheBreakpoints(item), 0);
  if (typeof body != "object" || body === null) return 0;
  let sum = 0;
  for (let [key, value] of Object.entries(body))
    key === "cache_control" ? sum += value == null ? 0 : 1 : sum += countCacheBreakpoints(value);
  return sum;
}

// src/llm/anthropic.ts
var SDK_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError }, DEFAULT_MAX_OUTPUT_TOKENS = 8192;
function createAnthropicProvider(settings) {
  let keyless = settings.apiKey === "", client = new Anthropic({
    // Explicit key and URL: the runner's ANTHROPIC_* variables must not change where requests go.
    apiKey: keyless ? "unused" : settings.apiKey,
    baseURL: settings.base,
    maxRetries: 0,
    timeout: settings.requestTimeoutMs,
    fetch: eventStreamFetch(settings.fetch ?? fetch),
    // SDK 1.x sends the key only as `Authorization: Bearer`; Anthropic's API and many gateways read
    // `x-api-key`. Sending both makes either kind of gateway work.
    defaultHeaders: keyless ? { Authorization: null } : { "x-api-key": settings.apiKey }
  });
  return {
    url: `${settings.base}/v1/messages`,
    async attempt(request, mode, system, signal) {
      let body = {
        model: settings.model,
        max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        messages: toAnthropicMessages(request.messages, mode),
        stream: !0
      };
      system !== "" && (body.system = system), mode === "native" && request.tools.length > 0 && (body.tools = request.tools.map((tool) => ({
        name: tool.name,
        description: tool.description,
        input_schema: tool.parameters
      }))), settings.promptCache !== !1 && addCacheBreakpoints(body);
      let stream;
      try {
        stream = await client.messages.create(body, { signal });
      } catch (error) {
        throw fromSdkError(error, SDK_ERRORS);
      }
      return { ...await readStream(stream), promptText: () => `${system}
${JSON.stringify(body.messages)}` };
    }
  };
}
async function readStream(stream) {
  let text = "", stopReason = null, stopped = !1, usage = {}, blocks = /* @__PURE__ */ new Map(), toolCalls = [];
  try {
    for await (let event of stream)
      switch (event.type) {
        case "message_start": {
          let u = event.message.usage;
          u && Object.assign(usage, usageOf(u));
          break;
        }
        case "content_block_start":
          event.content_block.type === "tool_use" ? blocks.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: "" }) : event.content_block.type === "text" && (text += event.content_block.text);
          break;
        case "content_block_delta":
          if (event.delta.type === "text_delta") text += event.delta.text;
          else if (event.delta.type === "input_json_delta") {
            let block = blocks.get(event.index);
            block && (block.json += event.delta.partial_json);
          }
          break;
        case "content_block_stop": {
          let block = blocks.get(event.index);
          block && toolCalls.push(nativeToolCall(block.id, block.name, block.json));
          break;
        }
        case "message_delta":
          stopReason = event.delta.stop_reason ?? stopReason, event.usage && Object.assign(usage, usageOf(event.usage));
          break;
        case "message_stop":
          stopped = !0;
          break;
      }
  } catch (error) {
    throw error instanceof APIUserAbortError ? error : new StreamCut(errorMessage(error) || "the connection closed mid-stream");
  }
  if (!stopped) throw new StreamCut("the connection closed before message_stop");
  return { text, toolCalls, finishReason: mapStop(stopReason, toolCalls.length > 0), usage };
}
function usageOf(u) {
  let out = {};
  if (typeof u.output_tokens == "number" && (out.output = u.output_tokens), typeof u.input_tokens == "number") {
    let read = u.cache_read_input_tokens ?? 0, write = u.cache_creation_input_tokens ?? 0;
    out.input = u.input_tokens + read + write, out.cached = read, out.cacheWrite = write;
  }
  return out;
}
function mapStop(reason, hasToolCalls) {
  return hasToolCalls ? "tool_calls" : reason === "end_turn" || reason === "stop_sequence" ? "stop" : reason === "max_tokens" ? "length" : reason === "refusal" ? "content_filter" : reason === "tool_use" ? "tool_calls" : "other";
}
function toAnthropicMessages(messages, mode) {
  if (mode === "text")
    return flattenForTextProtocol(messages).map((turn) => ({
      role: turn.role,
      content: nonEmpty(turn.content)
    }));
  let out = [], push = (role, blocks) => {
    let last = out[out.length - 1];
    last && last.role === role ? last.content.push(...blocks) : out.push({ role, content: blocks });
  };
  for (let message of messages)
    if (message.role === "user") push("user", [{ type: "text", text: nonEmpty(message.content) }]);
    else if (message.role === "tool")
      push("user", [
        {
          type: "tool_result",
          tool_use_id: message.toolCallId,
          content: message.content,
          ...message.isError ? { is_error: !0 } : {}
        }
      ]);
    else {
      let blocks = message.content === "" ? [] : [{ type: "text", text: message.content }];
      for (let call of message.toolCalls ?? [])
        blocks.push({ type: "tool_use", id: call.id, name: call.name, input: call.arguments ?? {} });
      push("assistant", blocks.length > 0 ? blocks : [{ type: "text", text: "(no answer)" }]);
    }
  return out;
}
function nonEmpty(text) {
  return text === "" ? "(empty)" : text;
}
export {
  createAnthropicProvider
};
