import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  LlmError
} from "./chunk-MT3GVHK4.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";

// src/llm/answer-check.ts
var NotAnEventStream = class extends Error {
  constructor(status, contentType, excerpt) {
    super("the server answered with something other than an event stream");
    this.status = status;
    this.contentType = contentType;
    this.excerpt = excerpt;
    this.name = "NotAnEventStream";
  }
  status;
  contentType;
  excerpt;
}, FIELDS = ["data", "event", "id", "retry"], EXCERPT_CHARS = 2e3;
function judge(text) {
  let start = text.replace(/^\uFEFF/, "").replace(/^[ \t\r\n]+/, "");
  if (start === "") return "undecided";
  if (start.startsWith(":")) return "stream";
  for (let field of FIELDS) {
    if (field.startsWith(start)) return "undecided";
    if (start.startsWith(field) && /^[:\r\n]/.test(start.slice(field.length))) return "stream";
  }
  return "not";
}
async function requireEventStream(response) {
  if (!response.ok || response.body === null) return response;
  let reader = response.body.getReader(), decoder = new TextDecoder(), received = [], text = "", verdict = "undecided", ended = !1;
  for (; verdict === "undecided"; ) {
    let { done, value } = await reader.read();
    if (done) {
      ended = !0;
      break;
    }
    received.push(value), text.length < EXCERPT_CHARS && (text += decoder.decode(value, { stream: !0 })), verdict = judge(text);
  }
  if (verdict === "not")
    throw await reader.cancel().catch(() => {
    }), new NotAnEventStream(
      response.status,
      response.headers.get("content-type") ?? "",
      text.slice(0, EXCERPT_CHARS)
    );
  let replayed = 0, body = new ReadableStream({
    async pull(controller) {
      if (replayed < received.length) {
        controller.enqueue(received[replayed++]);
        return;
      }
      if (ended) {
        controller.close();
        return;
      }
      try {
        let { done, value } = await reader.read();
        done ? controller.close() : controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  });
}
function eventStreamFetch(inner) {
  return async (input, init) => requireEventStream(await inner(input, init));
}

// src/llm/retry.ts
var MAX_RETRY_AFTER_MS = 12e4;
async function withRetries(attempt, options) {
  let random = options.random ?? Math.random, baseDelay = options.baseDelayMs ?? 500, maxDelay = options.maxDelayMs ?? 2e4, failures = [];
  for (let n = 1; ; n++) {
    throwIfAborted(options, n - 1);
    try {
      return { value: await attempt(n), attempts: n };
    } catch (error) {
      if (error instanceof LlmError) throw error;
      throwIfAborted(options, n);
      let failure = options.classify(error);
      if (failures.push(failure), !failure.retryable)
        throw new LlmError(
          `The model server ${failure.detail} (${options.url})${quote(failure)}. ${failure.hint ?? ""}`.trim(),
          failure.kind,
          { status: failure.status, url: options.url, attempts: n }
        );
      if (n >= options.maxAttempts) throw exhausted(failures, options, n, "");
      let backoff = Math.min(maxDelay, baseDelay * 2 ** (n - 1)) * (0.5 + random() / 2), wait = failure.retryAfterMs ?? backoff;
      if (failure.retryAfterMs !== void 0 && failure.retryAfterMs > MAX_RETRY_AFTER_MS)
        throw exhausted(
          failures,
          options,
          n,
          ` It asked to retry after ${Math.round(failure.retryAfterMs / 1e3)} s, longer than this run waits.`
        );
      if (options.deadline !== void 0 && options.now() + wait > options.deadline)
        throw exhausted(
          failures,
          options,
          n,
          " Gave up because the run's time budget (total_timeout) ends before the next retry could finish.",
          "timeout"
        );
      try {
        await options.sleep(wait, options.signal);
      } catch {
        throw throwIfAborted(options, n), new LlmError(`Waiting to retry the model request failed (${options.url}).`, "aborted", {
          url: options.url,
          attempts: n
        });
      }
    }
  }
}
function throwIfAborted(options, attempts) {
  if (options.signal?.aborted)
    throw new LlmError(
      `The model request was stopped: the run's time budget (total_timeout) ran out (${options.url}).`,
      "aborted",
      { url: options.url, attempts }
    );
}
function exhausted(failures, options, attempts, suffix, kindOverride) {
  let last = failures[failures.length - 1], same = failures.every((f) => f.detail === last.detail), times = timesInWords(attempts), summary = same ? `The model server ${last.detail} ${times} (${options.url})${quote(last)}.` : `The model request failed ${times} (${options.url}); the last time the server ${last.detail}${quote(last)}.`;
  return new LlmError(`${summary}${suffix}${last.hint ? ` ${last.hint}` : ""}`, kindOverride ?? last.kind, {
    status: last.status,
    url: options.url,
    attempts
  });
}
function quote(failure) {
  return failure.began ? `; the answer began: "${failure.began}"` : failure.serverSaid ? `; it said: "${failure.serverSaid}"` : "";
}
var WORDS = [
  "zero",
  "once",
  "twice",
  "three times",
  "four times",
  "five times",
  "six times",
  "seven times"
];
function timesInWords(n) {
  return WORDS[n] ?? `${n} times`;
}
function parseRetryAfter(value, now) {
  if (value == null || value.trim() === "") return;
  let trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1e3);
  let date = Date.parse(trimmed);
  if (!Number.isNaN(date))
    return Math.max(0, date - now);
}
function defaultSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort), resolve();
    }, ms), onAbort = () => {
      clearTimeout(timer), reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: !0 });
  });
}

// src/llm/failures.ts
var HttpStatusError = class extends Error {
  constructor(status, headers, body) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.name = "HttpStatusError";
  }
  status;
  headers;
  body;
}, ConnectionFailure = class extends Error {
  constructor(reason, timedOut = !1) {
    super(reason);
    this.reason = reason;
    this.timedOut = timedOut;
    this.name = "ConnectionFailure";
  }
  reason;
  timedOut;
}, StreamCut = class extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
    this.name = "StreamCut";
  }
  reason;
}, CONTEXT_TOO_LONG = /context[ _-]?(length|window)|maximum context|too many tokens|prompt is too long|input is too long|exceeds? (the )?(model'?s? )?(maximum|max|context)|max_model_len|reduce the length/i, QUOTA = /insufficient[_ ]quota|exceeded your current quota|billing|credit balance|insufficient (credits?|funds|balance)|out of credits?|payment required/i, RETRY_LATER = /retry (in|after)|try again in/i, ABOUT_MODEL = /\bmodels?\b/i;
function named(context, name) {
  return context.setting?.(name) ?? name;
}
function classifyFailure(error, context, now) {
  if (error instanceof HttpStatusError) return classifyStatus(error, context, now);
  if (error instanceof NotAnEventStream) return notAnEventStream(error, context);
  if (error instanceof ConnectionFailure)
    return error.timedOut ? { retryable: !0, kind: "timeout", detail: `did not answer in time (${error.reason})` } : {
      retryable: !0,
      kind: "network",
      detail: `could not be reached (${error.reason})`,
      hint: `Check ${named(context, "base_url")} and that the server is running and reachable from ${context.host ?? "the runner"}.`
    };
  if (error instanceof StreamCut)
    return { retryable: !0, kind: "stream", detail: `broke off its streamed answer (${error.reason})` };
  throw error;
}
function wrongPlaceHint(context) {
  let baseUrl = named(context, "base_url");
  return `Check ${baseUrl} and ${named(context, "provider")}. A ${baseUrl} with a path is used as given (https://host/openai/v1 gets /chat/completions); only a bare server root gets /v1 added. A server that speaks another API needs its own provider (openai, anthropic or triton).`;
}
function classifyStatus(error, context, now) {
  let { status, body } = error, serverSaid = serverMessage(body), retryAfter = error.headers.get("retry-after");
  return status === 402 || (status === 429 || status === 400 || status === 403) && QUOTA.test(body) && retryAfter === null && !RETRY_LATER.test(body) ? {
    retryable: !1,
    kind: "quota",
    status,
    serverSaid,
    detail: `answered ${status}: the account is out of quota or credit`,
    hint: "This is billing, not a rate limit, so waiting does not help: add credit or raise the limit in the provider's billing settings, or use another key."
  } : status === 401 || status === 403 ? {
    retryable: !1,
    kind: "auth",
    status,
    serverSaid,
    detail: `answered ${status} (${status === 401 ? "unauthorized" : "forbidden"})`,
    hint: context.keyless ? `No API key was sent (it is empty) and this server wants one: set ${context.keySetting}.` : "Check api_key: the key is wrong, expired, or not allowed to use this model."
  } : status === 404 && ABOUT_MODEL.test(serverSaid ?? "") || status === 400 && /unknown model|model .* (is )?not found/i.test(body) ? {
    retryable: !1,
    kind: "not_found",
    status,
    serverSaid,
    detail: `answered ${status} (model not found)`,
    hint: `Check ${named(context, "model")} ("${context.model}"): the server at ${named(context, "base_url")} does not know this model name (or this key may not use it).`
  } : status === 404 || status === 405 ? {
    retryable: !1,
    kind: "wrong_endpoint",
    status,
    serverSaid,
    detail: status === 404 ? "answered 404: there is no model API at this path" : "answered 405 (method not allowed): this URL is not the model API",
    hint: wrongPlaceHint(context)
  } : status === 501 ? {
    retryable: !1,
    kind: "wrong_endpoint",
    status,
    serverSaid,
    detail: "answered 501 (not implemented): this server does not offer this API",
    hint: wrongPlaceHint(context)
  } : (status === 400 || status === 413 || status === 422) && CONTEXT_TOO_LONG.test(body) ? {
    retryable: !1,
    kind: "context_length",
    status,
    serverSaid,
    detail: `rejected the request as too long for the model (${status})`,
    hint: `Set ${named(context, "context_window")} to the model's real limit so older tool results are shortened sooner.`
  } : status === 408 || status === 409 || status === 429 || status >= 500 ? {
    retryable: !0,
    kind: status === 429 ? "rate_limit" : status === 408 ? "timeout" : "server",
    status,
    retryAfterMs: parseRetryAfter(retryAfter, now),
    serverSaid,
    detail: `answered ${status}`,
    hint: status === 429 ? "The provider is rate limiting this key: lower the request rate or raise the quota." : void 0
  } : {
    retryable: !1,
    kind: "bad_request",
    status,
    serverSaid,
    detail: `rejected the request with ${status}`,
    hint: `Check ${named(context, "model")}, ${named(context, "base_url")}, ${named(context, "provider")} and ${named(context, "tool_protocol")} (a server without function calling needs tool_protocol: text).`
  };
}
function notAnEventStream(error, context) {
  let start = error.excerpt.replace(/^\uFEFF/, "").trimStart(), html = /html/i.test(error.contentType) || start.startsWith("<"), json = !html && (/json/i.test(error.contentType) || /^[{[]/.test(start)), what = html ? "an HTML page" : json ? "a JSON document" : `${error.contentType ? `a ${error.contentType.split(";")[0]} body` : "a body"}`;
  return {
    retryable: !1,
    kind: "bad_response",
    status: error.status,
    detail: `answered ${error.status} with ${what}, not the event stream a model API sends`,
    began: excerptOf(json ? serverMessage(start) ?? start : start),
    hint: json ? `Kubrick streams every request (stream: true); check ${named(context, "base_url")} and ${named(context, "provider")}: this server, or a proxy in front of it, does not stream that API.` : `Check ${named(context, "base_url")}: it must be the address of the model API itself (e.g. https://host/v1), not a web page, a sign-in page or a proxy in front of it.`
  };
}
function excerptOf(text) {
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}
function serverMessage(body) {
  let text = body.trim();
  if (text === "") return;
  let message = text;
  try {
    let parsed = JSON.parse(text), candidate = typeof parsed.error == "string" ? parsed.error : typeof parsed.error?.message == "string" ? parsed.error.message : typeof parsed.message == "string" ? parsed.message : typeof parsed.detail == "string" ? parsed.detail : void 0;
    candidate && (message = candidate);
  } catch {
  }
  return message.replace(/\s+/g, " ").slice(0, 300);
}

// src/llm/text-protocol.ts
var OPEN_FENCE = /^[ \t]*```tool_call[^\n]*\n/gm;
function renderToolsForPrompt(tools) {
  let list = tools.map(
    (tool) => `### ${tool.name}
${tool.description}
Parameters (JSON Schema): ${JSON.stringify(tool.parameters)}`
  ).join(`

`);
  return [
    "## Tools",
    "You can call tools. To call one, write a fenced block tagged tool_call holding one JSON object",
    "with the tool name and its parameters, exactly like this:",
    "",
    formatToolCallBlock("read_file", { path: "src/index.ts" }),
    "",
    "Rules: the block must be valid JSON (escape newlines and quotes inside strings); write one block",
    "per call; you may write several blocks in one answer; the results come back in the next message,",
    "labelled with the call id. Do not invent results.",
    "",
    list
  ].join(`
`);
}
function formatToolCallBlock(name, parameters) {
  return "```tool_call\n" + JSON.stringify({ tool: name, parameters }) + "\n```";
}
function formatToolCallForReplay(call) {
  return call.arguments !== null ? formatToolCallBlock(call.name, call.arguments) : "```tool_call\n" + call.rawArguments + "\n```";
}
function formatToolResult(result) {
  let status = result.isError ? " (error)" : "";
  return `Result of tool call ${result.toolCallId} (${result.name})${status}:
${result.content}`;
}
function parseToolCalls(text, idPrefix = "call") {
  let toolCalls = [], prose = [], cursor = 0;
  for (OPEN_FENCE.lastIndex = 0; ; ) {
    OPEN_FENCE.lastIndex = cursor;
    let open = OPEN_FENCE.exec(text);
    if (!open) break;
    prose.push(text.slice(cursor, open.index));
    let bodyStart = open.index + open[0].length, id = `${idPrefix}_${toolCalls.length + 1}`, block = readBlock(text, bodyStart);
    toolCalls.push(toToolCall(id, block.raw, block.structuralError)), cursor = block.end;
  }
  return prose.push(text.slice(cursor)), {
    text: prose.join("").replace(/\n{3,}/g, `

`).trim(),
    toolCalls
  };
}
function readBlock(text, bodyStart) {
  let start = bodyStart;
  for (; start < text.length && /\s/.test(text[start] ?? ""); ) start++;
  if (text[start] === "{") {
    let close = matchBrace(text, start);
    if (close !== -1) {
      let after = closingFenceAfter(text, close + 1);
      return after !== -1 ? { raw: text.slice(start, close + 1), end: after } : {
        raw: text.slice(start, close + 1),
        end: close + 1,
        structuralError: "the tool_call block has no closing ``` fence right after its JSON object"
      };
    }
    let fallbackEnd2 = plainClosingFence(text, start);
    return {
      raw: text.slice(start, fallbackEnd2.contentEnd).trimEnd(),
      end: fallbackEnd2.end,
      structuralError: "the JSON object in the tool_call block is not closed (unbalanced braces or an unterminated string)"
    };
  }
  let fallbackEnd = plainClosingFence(text, start);
  return {
    raw: text.slice(start, fallbackEnd.contentEnd).trimEnd(),
    end: fallbackEnd.end,
    structuralError: "the tool_call block must hold one JSON object starting with {"
  };
}
function matchBrace(text, open) {
  let depth = 0, inString = !1;
  for (let i = open; i < text.length; i++) {
    let ch = text.charCodeAt(i);
    if (inString) {
      ch === 92 ? i++ : ch === 34 && (inString = !1);
      continue;
    }
    if (ch === 34) inString = !0;
    else if (ch === 123) depth++;
    else if (ch === 125 && (depth--, depth === 0))
      return i;
  }
  return -1;
}
function closingFenceAfter(text, from) {
  let match = /^\s*```[ \t]*(?:\n|$)/.exec(text.slice(from, from + 256));
  return match ? from + match[0].length : -1;
}
function plainClosingFence(text, from) {
  let re = /^[ \t]*```[ \t]*$/gm;
  re.lastIndex = from;
  let match = re.exec(text);
  return match ? { contentEnd: match.index, end: Math.min(text.length, match.index + match[0].length + 1) } : { contentEnd: text.length, end: text.length };
}
function toToolCall(id, raw, structuralError) {
  let recoveredName = /"(?:tool|name)"\s*:\s*"([^"\\]{1,200})"/.exec(raw)?.[1] ?? "";
  if (structuralError) return malformed(id, recoveredName, raw, structuralError);
  let parsed;
  try {
    parsed = parseLenientJson(raw);
  } catch (error) {
    return malformed(id, recoveredName, raw, `the tool_call block is not valid JSON: ${errorMessage(error)}`);
  }
  if (typeof parsed != "object" || parsed === null || Array.isArray(parsed))
    return malformed(id, recoveredName, raw, "the tool_call block must hold a JSON object");
  let record = parsed, name = record.tool ?? record.name;
  if (typeof name != "string" || name === "")
    return malformed(id, "", raw, 'the tool_call object needs a "tool" field with the tool name');
  let parameters = record.parameters ?? record.arguments ?? {};
  return typeof parameters != "object" || parameters === null || Array.isArray(parameters) ? malformed(id, name, raw, '"parameters" must be a JSON object') : { id, name, arguments: parameters, rawArguments: raw };
}
function malformed(id, name, raw, error) {
  return {
    id,
    name,
    arguments: null,
    argumentsError: `${error}. Write the call again as a \`\`\`tool_call block holding {"tool": "<name>", "parameters": {...}}.`,
    rawArguments: raw
  };
}
function parseLenientJson(raw) {
  try {
    return JSON.parse(raw);
  } catch (first) {
    let escaped = escapeControlCharsInStrings(raw);
    if (escaped === raw) throw first;
    try {
      return JSON.parse(escaped);
    } catch {
      throw first;
    }
  }
}
function escapeControlCharsInStrings(raw) {
  let out = "", inString = !1;
  for (let i = 0; i < raw.length; i++) {
    let ch = raw[i];
    if (inString) {
      if (ch === "\\") {
        out += ch + (raw[i + 1] ?? ""), i++;
        continue;
      }
      ch === '"' && (inString = !1);
      let code = ch.charCodeAt(0);
      if (code < 32) {
        out += ch === `
` ? "\\n" : ch === "\r" ? "\\r" : ch === "	" ? "\\t" : `\\u${code.toString(16).padStart(4, "0")}`;
        continue;
      }
      out += ch;
      continue;
    }
    ch === '"' && (inString = !0), out += ch;
  }
  return out;
}

export {
  NotAnEventStream,
  requireEventStream,
  eventStreamFetch,
  withRetries,
  defaultSleep,
  HttpStatusError,
  ConnectionFailure,
  StreamCut,
  classifyFailure,
  renderToolsForPrompt,
  formatToolCallForReplay,
  formatToolResult,
  parseToolCalls
};
