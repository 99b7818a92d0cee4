import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  resolveUsage
} from "./chunk-XUDOS7BA.js";
import {
  classifyFailure,
  defaultSleep,
  parseToolCalls,
  renderToolsForPrompt,
  withRetries
} from "./chunk-QLYFVEQJ.js";

// src/agent/transcript.ts
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
var Transcript = class {
  constructor(path, redactor, now = Date.now) {
    this.path = path;
    this.redactor = redactor;
    this.now = now;
    path && mkdirSync(dirname(path), { recursive: !0 });
  }
  path;
  redactor;
  now;
  sequence = 0;
  record(event) {
    if (!this.path) return;
    let line = { seq: ++this.sequence, time: new Date(this.now()).toISOString(), ...event };
    appendFileSync(this.path, `${this.redactor.redact(JSON.stringify(line))}
`);
  }
};

// src/llm/base-url.ts
var PUBLIC_ENDPOINTS = {
  openai: "https://api.openai.com",
  anthropic: "https://api.anthropic.com",
  triton: ""
};
function serverRoot(provider, baseUrl) {
  let trimmed = baseUrl.trim();
  if (trimmed === "") {
    let endpoint = PUBLIC_ENDPOINTS[provider];
    if (endpoint === "")
      throw new Error(
        `The ${provider} provider has no public endpoint: set base_url to your server, e.g. http://triton.internal:8000`
      );
    return endpoint;
  }
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`base_url "${trimmed}" is not a URL: use the server root, e.g. http://localhost:8000`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`base_url "${trimmed}" must start with http:// or https://`);
  return trimmed.replace(/\/+$/, "").replace(/\/v1$/, "");
}

// src/llm/create.ts
function resolveToolMode(provider, toolProtocol) {
  if (toolProtocol === "text") return "text";
  if (toolProtocol === "native") {
    if (provider === "triton")
      throw new Error(
        "tool_protocol: native does not work with provider: triton (its generate endpoint has no function calling). Use tool_protocol: text or auto, or provider: openai with Triton's OpenAI-compatible frontend."
      );
    return "native";
  }
  return provider === "triton" ? "text" : "native";
}
function createLlmClient(options) {
  if (options.model.trim() === "")
    throw new Error(
      "model is empty: set the model input to the model name your server serves (e.g. gpt-4.1)."
    );
  let mode = resolveToolMode(options.provider, options.toolProtocol), settings = {
    root: serverRoot(options.provider, options.baseUrl),
    model: options.model,
    apiKey: options.apiKey,
    requestTimeoutMs: options.requestTimeoutMs,
    fetch: options.fetch
  }, loading = options.provider === "openai" ? import("./openai-T6EEC326.js").then((m) => m.createOpenAiProvider(settings)) : options.provider === "anthropic" ? import("./anthropic-PVM2HC2M.js").then((m) => m.createAnthropicProvider(settings)) : import("./triton-STKBA5UJ.js").then(
    (m) => m.createTritonProvider({ ...settings, promptFormat: options.promptFormat })
  );
  loading.catch(() => {
  });
  let now = options.now ?? Date.now, completions = 0;
  return {
    provider: options.provider,
    model: options.model,
    async complete(request) {
      completions++;
      let provider = await loading, textTools = mode === "text" && request.tools.length > 0, system = textTools ? [request.system, renderToolsForPrompt(request.tools)].filter((part) => part !== "").join(`

`) : request.system, { value: raw, attempts } = await withRetries(
        () => provider.attempt(request, mode, system, request.signal),
        {
          url: provider.url,
          classify: (error) => classifyFailure(error, options.model, now()),
          now,
          sleep: options.sleep ?? defaultSleep,
          maxAttempts: options.maxAttempts ?? 5,
          deadline: request.deadline,
          signal: request.signal
        }
      ), { text, toolCalls, finishReason } = raw;
      if (textTools) {
        let parsed = parseToolCalls(raw.text, `call_${completions}`);
        text = parsed.text, toolCalls = parsed.toolCalls, toolCalls.length > 0 && (finishReason = "tool_calls");
      }
      let usage = await resolveUsage(raw.usage, {
        input: raw.promptText,
        output: () => raw.text + raw.toolCalls.map((call) => call.name + call.rawArguments).join("")
      });
      return { text, toolCalls, usage, finishReason, attempts };
    }
  };
}

export {
  Transcript,
  createLlmClient
};
