import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  describeCause,
  flattenForTextProtocol
} from "./chunk-UQYOVMNB.js";
import {
  ConnectionFailure,
  HttpStatusError,
  NotAnEventStream,
  StreamCut,
  requireEventStream
} from "./chunk-NYFBYEPR.js";
import "./chunk-MT3GVHK4.js";
import "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";

// src/llm/prompt-format.ts
function renderPrompt(format, system, turns) {
  let all = [
    ...system === "" ? [] : [{ role: "system", content: system }],
    ...turns
  ];
  switch (format) {
    case "chatml":
      return {
        text: all.map((m) => `<|im_start|>${m.role}
${m.content}<|im_end|>
`).join("") + `<|im_start|>assistant
`,
        stop: "<|im_end|>"
      };
    case "llama3":
      return {
        text: "<|begin_of_text|>" + all.map((m) => `<|start_header_id|>${m.role}<|end_header_id|>

${m.content}<|eot_id|>`).join("") + `<|start_header_id|>assistant<|end_header_id|>

`,
        stop: "<|eot_id|>"
      };
    case "json-messages":
      return { text: JSON.stringify(all) };
  }
}

// node_modules/eventsource-parser/dist/errors.js
var ParseError = class extends Error {
  constructor(message, options) {
    super(message), this.name = "ParseError", this.type = options.type, this.field = options.field, this.value = options.value, this.line = options.line;
  }
};

// node_modules/eventsource-parser/dist/parse.js
var LF = 10, CR = 13, SPACE = 32, MAX_FIELD_PREFIX_LENGTH = 6;
function createParser(config) {
  if (typeof config == "function")
    throw new TypeError("`config` must be an object, got a function instead. Did you mean `createParser({onEvent: fn})`?");
  let { maxBufferSize, onComment, onError, onEvent, onId, onRetry } = config, pendingFragments = [], pendingFragmentsLength = 0, bomPrefix = "", id, data = "", dataLines = 0, eventType, terminated = !1, skippingLine = !1, skipNextLineFeed = !1;
  function feed(chunk) {
    if (terminated)
      throw new Error("Cannot feed parser: it was terminated after exceeding the configured max buffer size. Call `reset()` to resume parsing.");
    if (bomPrefix !== void 0) {
      if (chunk = bomPrefix + chunk, chunk === "" || chunk === "\xEF" || chunk === "\xEF\xBB") {
        bomPrefix = chunk;
        return;
      }
      bomPrefix = void 0, chunk = chunk.replace(/^(?:\uFEFF|\xEF\xBB\xBF)/, "");
    }
    if ((skippingLine || skipNextLineFeed) && (chunk = resumeAfterSkip(chunk), !chunk))
      return;
    if (!pendingFragments.length) {
      let trailing = processLines(chunk);
      trailing !== "" && storeTrailing(trailing), checkForBufferOverflow();
      return;
    }
    if (chunk.indexOf(`
`) === -1 && chunk.indexOf("\r") === -1) {
      if (pendingFragmentsLength < MAX_FIELD_PREFIX_LENGTH) {
        let head = pendingFragments.join("") + chunk.slice(0, MAX_FIELD_PREFIX_LENGTH - pendingFragmentsLength);
        if (!shouldBufferTrailing(head)) {
          pendingFragments.length = 0, pendingFragmentsLength = 0, skippingLine = !0;
          return;
        }
      }
      pendingFragments.push(chunk), pendingFragmentsLength += chunk.length, checkForBufferOverflow();
      return;
    }
    pendingFragments.push(chunk);
    let input = pendingFragments.join("");
    pendingFragments.length = 0, pendingFragmentsLength = 0, storeTrailing(processLines(input)), checkForBufferOverflow();
  }
  function resumeAfterSkip(chunk) {
    if (chunk.length === 0)
      return chunk;
    if (skipNextLineFeed)
      return skipNextLineFeed = !1, chunk.charCodeAt(0) === LF ? chunk.slice(1) : chunk;
    let crIndex = chunk.indexOf("\r"), lfIndex = chunk.indexOf(`
`), lineEnd = crIndex === -1 ? lfIndex : lfIndex === -1 || crIndex < lfIndex ? crIndex : lfIndex;
    return lineEnd === -1 ? "" : lineEnd === chunk.length - 1 && chunk.charCodeAt(lineEnd) === CR ? (skippingLine = !1, skipNextLineFeed = !0, "") : (skippingLine = !1, chunk.slice(lineEnd + (chunk.charCodeAt(lineEnd) === CR && chunk.charCodeAt(lineEnd + 1) === LF ? 2 : 1)));
  }
  function storeTrailing(trailing) {
    if (trailing) {
      if (trailing.charCodeAt(trailing.length - 1) === CR) {
        if (parseLine(trailing, 0, trailing.length - 1), checkForBufferOverflow())
          return;
        skipNextLineFeed = !0;
        return;
      }
      if (shouldBufferTrailing(trailing)) {
        pendingFragments.push(trailing), pendingFragmentsLength = trailing.length;
        return;
      }
      skippingLine = !0;
    }
  }
  function shouldBufferTrailing(trailing) {
    let firstCharCode = trailing.charCodeAt(0);
    return firstCharCode === 58 && !!onComment || firstCharCode === 100 && isPotentialField(trailing, "data") || firstCharCode === 101 && isPotentialField(trailing, "event") || firstCharCode === 105 && isPotentialField(trailing, "id") || firstCharCode === 114 && isPotentialField(trailing, "retry");
  }
  function checkForBufferOverflow() {
    return terminated ? !0 : maxBufferSize === void 0 || pendingFragmentsLength + data.length <= maxBufferSize ? !1 : (terminated = !0, pendingFragments.length = 0, pendingFragmentsLength = 0, id = void 0, data = "", dataLines = 0, eventType = void 0, skippingLine = !1, skipNextLineFeed = !1, onError?.(new ParseError(`Buffered data exceeded max buffer size of ${maxBufferSize} characters`, {
      type: "max-buffer-size-exceeded"
    })), !0);
  }
  function processLines(chunk) {
    let searchIndex = 0;
    if (chunk.indexOf("\r") === -1) {
      let lfIndex2 = chunk.indexOf(`
`, searchIndex);
      for (; lfIndex2 !== -1; ) {
        if (searchIndex === lfIndex2) {
          id !== void 0 && onId?.(id), dataLines > 0 && onEvent?.({ id, event: eventType, data }), id = void 0, data = "", dataLines = 0, eventType = void 0, searchIndex = lfIndex2 + 1, lfIndex2 = chunk.indexOf(`
`, searchIndex);
          continue;
        }
        let firstCharCode = chunk.charCodeAt(searchIndex);
        if (isDataPrefix(chunk, searchIndex, firstCharCode)) {
          let valueStart = chunk.charCodeAt(searchIndex + 5) === SPACE ? searchIndex + 6 : searchIndex + 5, value = chunk.slice(valueStart, lfIndex2);
          if (dataLines === 0 && chunk.charCodeAt(lfIndex2 + 1) === LF) {
            id !== void 0 && onId?.(id), onEvent?.({ id, event: eventType, data: value }), id = void 0, data = "", eventType = void 0, searchIndex = lfIndex2 + 2, lfIndex2 = chunk.indexOf(`
`, searchIndex);
            continue;
          }
          data = dataLines === 0 ? value : `${data}
${value}`, dataLines++;
        } else isEventPrefix(chunk, searchIndex, firstCharCode) ? eventType = chunk.slice(chunk.charCodeAt(searchIndex + 6) === SPACE ? searchIndex + 7 : searchIndex + 6, lfIndex2) || void 0 : parseLine(chunk, searchIndex, lfIndex2);
        if (checkForBufferOverflow())
          return "";
        searchIndex = lfIndex2 + 1, lfIndex2 = chunk.indexOf(`
`, searchIndex);
      }
      return chunk.slice(searchIndex);
    }
    let crIndex = chunk.indexOf("\r", searchIndex), lfIndex = chunk.indexOf(`
`, searchIndex);
    for (; searchIndex < chunk.length; ) {
      let lineEnd = -1;
      if (crIndex !== -1 && lfIndex !== -1 ? lineEnd = crIndex < lfIndex ? crIndex : lfIndex : crIndex !== -1 ? crIndex === chunk.length - 1 ? lineEnd = -1 : lineEnd = crIndex : lfIndex !== -1 && (lineEnd = lfIndex), lineEnd === -1)
        break;
      if (parseLine(chunk, searchIndex, lineEnd), checkForBufferOverflow())
        return "";
      searchIndex = lineEnd + 1, chunk.charCodeAt(searchIndex - 1) === CR && chunk.charCodeAt(searchIndex) === LF && searchIndex++, crIndex !== -1 && crIndex < searchIndex && (crIndex = chunk.indexOf("\r", searchIndex)), lfIndex !== -1 && lfIndex < searchIndex && (lfIndex = chunk.indexOf(`
`, searchIndex));
    }
    return chunk.slice(searchIndex);
  }
  function parseLine(chunk, start, end) {
    if (start === end) {
      dispatchEvent();
      return;
    }
    let firstCharCode = chunk.charCodeAt(start);
    if (isDataPrefix(chunk, start, firstCharCode)) {
      let valueStart = chunk.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, value2 = chunk.slice(valueStart, end);
      data = dataLines === 0 ? value2 : `${data}
${value2}`, dataLines++;
      return;
    }
    if (isEventPrefix(chunk, start, firstCharCode)) {
      eventType = chunk.slice(chunk.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end) || void 0;
      return;
    }
    if (firstCharCode === 105 && chunk.charCodeAt(start + 1) === 100 && chunk.charCodeAt(start + 2) === 58) {
      let value2 = chunk.slice(chunk.charCodeAt(start + 3) === SPACE ? start + 4 : start + 3, end);
      value2.includes("\0") || (id = value2);
      return;
    }
    if (firstCharCode === 58) {
      if (onComment) {
        let line2 = chunk.slice(start, end);
        onComment(line2.slice(chunk.charCodeAt(start + 1) === SPACE ? 2 : 1));
      }
      return;
    }
    let line = chunk.slice(start, end), fieldSeparatorIndex = line.indexOf(":");
    if (fieldSeparatorIndex === -1) {
      processField(line, "", line);
      return;
    }
    let field = line.slice(0, fieldSeparatorIndex), offset = line.charCodeAt(fieldSeparatorIndex + 1) === SPACE ? 2 : 1, value = line.slice(fieldSeparatorIndex + offset);
    processField(field, value, line);
  }
  function processField(field, value, line) {
    switch (field) {
      case "event":
        eventType = value || void 0;
        break;
      case "data":
        data = dataLines === 0 ? value : `${data}
${value}`, dataLines++;
        break;
      case "id":
        value.includes("\0") || (id = value);
        break;
      case "retry":
        /^\d+$/.test(value) ? onRetry?.(parseInt(value, 10)) : onError?.(new ParseError(`Invalid \`retry\` value: "${value}"`, {
          type: "invalid-retry",
          value,
          line
        }));
        break;
      default:
        onError?.(new ParseError(`Unknown field "${field.length > 20 ? `${field.slice(0, 20)}\u2026` : field}"`, { type: "unknown-field", field, value, line }));
        break;
    }
  }
  function dispatchEvent() {
    id !== void 0 && onId?.(id), dataLines > 0 && onEvent?.({
      id,
      event: eventType,
      data
    }), id = void 0, data = "", dataLines = 0, eventType = void 0;
  }
  function reset(options = {}) {
    if (options.consume && pendingFragments.length > 0) {
      let incompleteLine = pendingFragments.join("");
      parseLine(incompleteLine, 0, incompleteLine.length);
    }
    bomPrefix = "", id = void 0, data = "", dataLines = 0, eventType = void 0, pendingFragments.length = 0, pendingFragmentsLength = 0, terminated = !1, skippingLine = !1, skipNextLineFeed = !1;
  }
  return { feed, reset };
}
function isDataPrefix(chunk, i, firstCharCode) {
  return firstCharCode === 100 && chunk.charCodeAt(i + 1) === 97 && chunk.charCodeAt(i + 2) === 116 && chunk.charCodeAt(i + 3) === 97 && chunk.charCodeAt(i + 4) === 58;
}
function isEventPrefix(chunk, i, firstCharCode) {
  return firstCharCode === 101 && chunk.charCodeAt(i + 1) === 118 && chunk.charCodeAt(i + 2) === 101 && chunk.charCodeAt(i + 3) === 110 && chunk.charCodeAt(i + 4) === 116 && chunk.charCodeAt(i + 5) === 58;
}
function isPotentialField(line, field) {
  let i = 1;
  for (; i < line.length && i < field.length; ) {
    if (line.charCodeAt(i) !== field.charCodeAt(i))
      return !1;
    i++;
  }
  return line.length <= field.length || line.charCodeAt(field.length) === 58;
}

// src/llm/sse.ts
async function* readServerSentEvents(response) {
  if (!response.body) return;
  let ready = [], parser = createParser({ onEvent: (event) => ready.push(event) }), decoder = new TextDecoder();
  for await (let chunk of response.body)
    parser.feed(decoder.decode(chunk, { stream: !0 })), yield* drain(ready);
  parser.feed(`${decoder.decode()}

`), yield* drain(ready);
}
function* drain(ready) {
  for (let event of ready.splice(0)) yield event.data;
}

// src/llm/triton.ts
var DEFAULT_MAX_OUTPUT_TOKENS = 4096, TEMPERATURE = 0.2;
function createTritonProvider(settings) {
  let url = `${settings.base}/v2/models/${encodeURIComponent(settings.model)}/generate_stream`, doFetch = settings.fetch ?? fetch;
  return {
    url,
    async attempt(request, _mode, system, signal) {
      let prompt = renderPrompt(settings.promptFormat, system, flattenForTextProtocol(request.messages)), parameters = {
        max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
        temperature: TEMPERATURE,
        exclude_input_in_output: !0
      };
      prompt.stop !== void 0 && (parameters.stop = prompt.stop);
      let headers = {
        "content-type": "application/json",
        accept: "text/event-stream"
      };
      settings.apiKey !== "" && (headers.authorization = `Bearer ${settings.apiKey}`);
      let timeout = new AbortController(), timer = settings.requestTimeoutMs ? setTimeout(() => timeout.abort(), settings.requestTimeoutMs) : void 0, combined = AbortSignal.any(signal ? [signal, timeout.signal] : [timeout.signal]), response;
      try {
        response = await doFetch(url, {
          method: "POST",
          headers,
          body: JSON.stringify({ text_input: prompt.text, parameters }),
          signal: combined
        }), response = await requireEventStream(response);
      } catch (error) {
        throw signal?.aborted || error instanceof NotAnEventStream ? error : combined.aborted ? new ConnectionFailure("request timed out", !0) : new ConnectionFailure(describeCause(error) ?? String(error));
      } finally {
        clearTimeout(timer);
      }
      if (!response.ok)
        throw new HttpStatusError(response.status, response.headers, await response.text().catch(() => ""));
      let text = await readTextOutput(response, signal);
      return {
        text: prompt.stop !== void 0 && text.endsWith(prompt.stop) ? text.slice(0, -prompt.stop.length) : text,
        toolCalls: [],
        finishReason: "stop",
        usage: {},
        promptText: () => prompt.text
      };
    }
  };
}
async function readTextOutput(response, signal) {
  let text = "";
  try {
    for await (let data of readServerSentEvents(response)) {
      let event;
      try {
        event = JSON.parse(data);
      } catch {
        throw new StreamCut(`the server sent an event that is not JSON: ${data.slice(0, 200)}`);
      }
      if (event.error !== void 0)
        throw new StreamCut(
          `the server sent an error event: ${String(typeof event.error == "string" ? event.error : JSON.stringify(event.error)).slice(0, 300)}`
        );
      typeof event.text_output == "string" && (text += event.text_output);
    }
  } catch (error) {
    throw error instanceof StreamCut || signal?.aborted ? error : new StreamCut(`the connection closed mid-stream (${describeCause(error) ?? String(error)})`);
  }
  return text;
}
export {
  createTritonProvider
};
