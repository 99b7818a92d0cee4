import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  resolveUsage
} from "./chunk-QLPD7WVL.js";
import {
  classifyFailure,
  defaultSleep,
  parseToolCalls,
  renderToolsForPrompt,
  withRetries
} from "./chunk-NYFBYEPR.js";
import {
  LlmError
} from "./chunk-MT3GVHK4.js";

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

// src/report/conclusion.ts
function conclusionOf(end) {
  switch (end.kind) {
    case "refused":
      return { conclusion: "refused", reason: end.reason };
    case "failed":
      return { conclusion: "failure", reason: end.reason };
    case "agent":
      return { conclusion: agentConclusion(end.result, end.nothingChanged), reason: end.result.reason };
  }
}
function agentConclusion(result, nothingChanged) {
  return result.conclusion === "success" && nothingChanged ? "no_changes" : result.conclusion;
}

// src/report/tool-lines.ts
var MARKS = { ok: "\u2713", failed: "\u2717", denied: "\u26D4" };
function toolMark(event) {
  return event.command?.kind === "denied" ? MARKS.denied : event.ok ? MARKS.ok : MARKS.failed;
}
function commandEnding(report) {
  return report ? report.kind === "denied" ? `denied by the policy${report.rule ? ` (rule ${report.rule})` : ""}: ${report.reason.replace(/\.$/, "")}` : report.timedOut ? "timed out and was killed" : report.signal ? `killed by ${report.signal}` : report.exitCode !== null && report.exitCode !== 0 ? `exit ${report.exitCode}` : null : null;
}
function toolLine(event) {
  let ending = commandEnding(event.command);
  return `${toolMark(event)} ${event.name}${event.detail ? ` ${event.detail}` : ""}${ending ? ` \u2014 ${ending}` : ""}`;
}

// src/llm/api-key.ts
var SECRET_NAME = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  triton: "MODEL_API_KEY"
};
function actionKeyWording(provider) {
  return {
    key: `the \`api_key\` input (e.g. \`api_key: \${{ secrets.${SECRET_NAME[provider]} }}\`)`,
    baseUrl: "`base_url`",
    note: "An empty api_key also means the secret it names is not set in this repository, or not passed to this workflow (runs for pull requests from forks get no secrets)."
  };
}
var CLI_SETTING = {
  base_url: "--base-url",
  provider: "--provider",
  model: "--model",
  context_window: "--context-window",
  tool_protocol: "tool_protocol (in .github/kubrick.yml)"
};
function cliKeyWording(provider) {
  return {
    key: provider === "triton" ? "KUBRICK_API_KEY" : `KUBRICK_API_KEY (or ${SECRET_NAME[provider]})`,
    baseUrl: "--base-url (or KUBRICK_BASE_URL)",
    setting: (name) => CLI_SETTING[name],
    host: "this machine"
  };
}
var HOSTED = [
  /^api\.openai\.com$/,
  /^api\.anthropic\.com$/,
  /\.openai\.azure\.com$/,
  /\.services\.ai\.azure\.com$/,
  /^generativelanguage\.googleapis\.com$/,
  /^openrouter\.ai$/,
  /^api\.groq\.com$/,
  /^api\.together\.(xyz|ai)$/,
  /^api\.mistral\.ai$/,
  /^api\.deepseek\.com$/,
  /^api\.fireworks\.ai$/,
  /^api\.x\.ai$/
];
function needsKey(baseUrl) {
  if (baseUrl.trim() === "") return !0;
  try {
    let host = new URL(baseUrl.trim()).hostname.toLowerCase();
    return HOSTED.some((pattern) => pattern.test(host));
  } catch {
    return !1;
  }
}
function missingKeyProblem(options, wording) {
  if (options.apiKey.trim() !== "" || options.provider === "triton" || !needsKey(options.baseUrl)) return null;
  let where = options.baseUrl.trim() === "" ? `${options.provider === "anthropic" ? "Anthropic's" : "OpenAI's"} public API (${wording.baseUrl} is empty)` : options.baseUrl.trim();
  return [
    `no API key: set ${wording.key}; ${where} does not answer without one.`,
    `Leave it empty only for servers without auth (a local vLLM, Ollama or LM Studio), named with ${wording.baseUrl}.`,
    wording.note ?? ""
  ].filter((part) => part !== "").join(" ");
}

// src/llm/base-url.ts
var ACTION_NAMES = { baseUrl: "base_url", apiKey: "api_key" }, PUBLIC_BASES = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  triton: ""
};
function apiBase(provider, baseUrl, names = ACTION_NAMES) {
  let trimmed = baseUrl.trim();
  if (trimmed === "") {
    let base = PUBLIC_BASES[provider];
    if (base === "")
      throw new Error(
        `The ${provider} provider has no public endpoint: set ${names.baseUrl} to your server, e.g. http://triton.internal:8000`
      );
    return base;
  }
  let url = parseBaseUrl(trimmed, names), path = url.pathname.replace(/\/+$/, ""), origin = `${url.protocol}//${url.host}`;
  return provider === "openai" ? path === "" ? `${origin}/v1` : `${origin}${path}` : provider === "anthropic" ? `${origin}${path.replace(/\/v1$/, "")}` : `${origin}${path.replace(/\/v2$/, "")}`;
}
function parseBaseUrl(text, names) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `${names.baseUrl} "${text}" is not a URL: give the server's address, e.g. http://localhost:8000`
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`${names.baseUrl} "${text}" must start with http:// or https://`);
  if (url.username !== "" || url.password !== "")
    throw new Error(
      `${names.baseUrl} must not contain a user name or password (${url.protocol}//\u2026@${url.host}): give the key as ${names.apiKey} instead`
    );
  if (url.search !== "" || url.hash !== "")
    throw new Error(
      `${names.baseUrl} "${url.origin}${url.pathname}${url.search}${url.hash}" has a query or fragment, which the endpoint paths cannot be appended to: give only the address and path`
    );
  return url;
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
  let mode = resolveToolMode(options.provider, options.toolProtocol), wording = options.keyWording ?? actionKeyWording(options.provider), base = wording.setting ? apiBase(options.provider, options.baseUrl, {
    baseUrl: wording.setting("base_url"),
    apiKey: wording.key
  }) : apiBase(options.provider, options.baseUrl), apiKey = options.apiKey.trim(), keyProblem = missingKeyProblem({ ...options, apiKey }, wording);
  if (keyProblem !== null) return refusingClient(options, keyProblem);
  let settings = {
    base,
    model: options.model,
    apiKey,
    requestTimeoutMs: options.requestTimeoutMs,
    fetch: options.fetch,
    promptCache: options.promptCache ?? !0
  }, loading = options.provider === "openai" ? import("./openai-LRQTHSGB.js").then((m) => m.createOpenAiProvider(settings)) : options.provider === "anthropic" ? import("./anthropic-EWOFFEKU.js").then((m) => m.createAnthropicProvider(settings)) : import("./triton-5UJXHSFP.js").then(
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
          classify: (error) => classifyFailure(
            error,
            {
              model: options.model,
              keyless: apiKey === "",
              keySetting: wording.key,
              setting: wording.setting,
              host: wording.host
            },
            now()
          ),
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
function refusingClient(options, problem) {
  return {
    provider: options.provider,
    model: options.model,
    complete: () => Promise.reject(new LlmError(problem, "auth", { attempts: 0 }))
  };
}

export {
  Transcript,
  conclusionOf,
  agentConclusion,
  toolMark,
  commandEnding,
  toolLine,
  cliKeyWording,
  missingKeyProblem,
  createLlmClient
};
