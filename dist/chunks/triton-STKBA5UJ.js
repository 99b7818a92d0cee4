import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  describeCause,
  flattenForTextProtocol
} from "./chunk-BZCQCC4W.js";
import {
  ConnectionFailure,
  HttpStatusError,
  StreamCut
} from "./chunk-QLYFVEQJ.js";
import "./chunk-MT3GVHK4.js";
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

// src/llm/sse.ts
async function* readServerSentEvents(response) {
  if (!response.body) return;
  let decoder = new TextDecoder(), buffer = "";
  for await (let chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: !0 }), buffer = buffer.replace(/\r\n?/g, `
`);
    let boundary;
    for (; (boundary = buffer.indexOf(`

`)) !== -1; ) {
      let data = eventData(buffer.slice(0, boundary));
      buffer = buffer.slice(boundary + 2), data !== void 0 && (yield data);
    }
  }
  buffer += decoder.decode();
  let tail = eventData(buffer.replace(/\r\n?/g, `
`));
  tail !== void 0 && (yield tail);
}
function eventData(raw) {
  let lines = raw.split(`
`).filter((line) => line.startsWith("data:"));
  if (lines.length !== 0)
    return lines.map((line) => line.slice(line[5] === " " ? 6 : 5)).join(`
`);
}

// src/llm/triton.ts
var DEFAULT_MAX_OUTPUT_TOKENS = 4096, TEMPERATURE = 0.2;
function createTritonProvider(settings) {
  let url = `${settings.root}/v2/models/${encodeURIComponent(settings.model)}/generate_stream`, doFetch = settings.fetch ?? fetch;
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
        });
      } catch (error) {
        throw signal?.aborted ? error : combined.aborted ? new ConnectionFailure("request timed out", !0) : new ConnectionFailure(describeCause(error) ?? String(error));
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
