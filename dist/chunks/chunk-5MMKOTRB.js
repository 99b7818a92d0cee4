import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  isErrorLike
} from "./chunk-FJ64FDQQ.js";

// src/report/redact.ts
var SECRET_NAME = /(^|_)(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)($|_)|^INPUT_(GITHUB_TOKEN|API_KEY)$/i, TOKEN_SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{30,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,255}\b/g,
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g
], REDACTED = "[REDACTED]";
function jsonEscaped(value) {
  return JSON.stringify(value).slice(1, -1);
}
function base64Forms(value) {
  let bytes = Buffer.from(value), forms = [bytes.toString("base64")];
  for (let offset of [1, 2]) {
    let encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64"), first = Math.ceil(offset * 8 / 6), end = Math.floor((offset + bytes.length) * 8 / 6);
    forms.push(encoded.slice(first, end));
  }
  return forms.push(bytes.toString("base64").slice(0, Math.floor(bytes.length * 8 / 6))), forms;
}
var Redactor = class _Redactor {
  needles;
  constructor(secrets) {
    let forms = /* @__PURE__ */ new Set();
    for (let secret of secrets) {
      let value = secret.trim();
      if (value.length < 6) continue;
      let escaped = jsonEscaped(value);
      forms.add(value), forms.add(escaped), forms.add(jsonEscaped(escaped));
      for (let form of base64Forms(value)) forms.add(form);
      forms.add(Buffer.from(`x-access-token:${value}`).toString("base64")), forms.add(encodeURIComponent(value));
    }
    this.needles = [...forms].filter((f) => f.length >= 6).sort((a, b) => b.length - a.length);
  }
  /** The secrets of a process environment: every variable whose name says it holds one. */
  static fromEnvironment(env, extra = []) {
    let values = Object.entries(env).filter(([name, value]) => value !== void 0 && SECRET_NAME.test(name)).map(([, value]) => value);
    return new _Redactor([...values, ...extra]);
  }
  /** `marker` replaces each secret: `[REDACTED]` for people; the model reads `***`, as in Actions logs. */
  redact(text, marker = REDACTED) {
    let out = text;
    for (let needle of this.needles)
      out.includes(needle) && (out = out.split(needle).join(marker));
    for (let shape of TOKEN_SHAPES) out = out.replace(shape, marker);
    return out;
  }
  /** Redacts every string inside a JSON-like value. */
  redactValue(value) {
    if (typeof value == "string") return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item));
    if (value !== null && typeof value == "object") {
      let out = {};
      for (let [key, item] of Object.entries(value)) out[key] = this.redactValue(item);
      return out;
    }
    return value;
  }
};

// src/github/errors.ts
function statusOf(error) {
  if (typeof error == "object" && error !== null && "status" in error) {
    let status = error.status;
    return typeof status == "number" ? status : void 0;
  }
}
function validationText(error) {
  if (typeof error != "object" || error === null) return String(error);
  let parts = [];
  isErrorLike(error) && parts.push(error.message);
  let data = error.response?.data;
  if (data && typeof data.message == "string" && parts.push(data.message), data && Array.isArray(data.errors))
    for (let item of data.errors)
      typeof item == "string" ? parts.push(item) : item && typeof item == "object" && "message" in item && parts.push(String(item.message));
  return parts.join(" | ");
}

// src/github/contents.ts
async function getDefaultBranch(gh, opts) {
  let { data } = await gh.rest.repos.get(opts);
  return data.default_branch;
}
async function readDefaultBranchFile(gh, opts) {
  let path = opts.path.replace(/^\.?\/+/, ""), where = `${path}${opts.ref ? ` on ${opts.ref}` : ""} in ${opts.owner}/${opts.repo}`, data;
  try {
    ({ data } = await gh.rest.repos.getContent({ owner: opts.owner, repo: opts.repo, path, ref: opts.ref }));
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  if (Array.isArray(data))
    throw new Error(`${where} is a directory, not a file: point the setting at a file.`);
  let file = data;
  if (file.type !== "file")
    throw new Error(
      `${where} is a ${file.type ?? "non-file entry"}, not a regular file: point the setting at a file.`
    );
  if (file.encoding !== "base64" || typeof file.content != "string")
    throw new Error(
      `${where} is too large to read through the contents API (${file.size ?? "?"} bytes; limit 1 MB).`
    );
  return Buffer.from(file.content, "base64").toString("utf8");
}

// src/llm/usage.ts
var counter;
function loadCounter() {
  return counter ??= import("./o200k_base-DGTU7ZUL.js").then((module) => (text) => {
    try {
      return module.encode(text, { disallowedSpecial: /* @__PURE__ */ new Set() }).length;
    } catch {
      return Math.ceil(text.length / 4);
    }
  }), counter;
}
async function estimateTokens(text) {
  return text === "" ? 0 : (await loadCounter())(text);
}
function count(value) {
  return typeof value == "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
async function resolveUsage(reported, estimateFrom) {
  let input = count(reported.input), output = count(reported.output), cachedTokens = input === null ? 0 : Math.min(input, count(reported.cached) ?? 0), cacheWriteTokens = input === null ? 0 : Math.min(input - cachedTokens, count(reported.cacheWrite) ?? 0);
  return input !== null && output !== null ? { inputTokens: input, outputTokens: output, cachedTokens, cacheWriteTokens, estimated: !1 } : {
    inputTokens: input ?? await estimateTokens(estimateFrom.input()),
    outputTokens: output ?? await estimateTokens(estimateFrom.output()),
    cachedTokens,
    cacheWriteTokens,
    estimated: !0
  };
}

export {
  statusOf,
  validationText,
  Redactor,
  getDefaultBranch,
  readDefaultBranchFile,
  estimateTokens,
  resolveUsage
};
