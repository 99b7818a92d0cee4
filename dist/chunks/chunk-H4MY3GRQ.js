import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

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
  /** The secret values themselves (trimmed, long enough to count), for the runner's log masking. */
  secrets;
  constructor(secrets) {
    let forms = /* @__PURE__ */ new Set(), values = /* @__PURE__ */ new Set();
    for (let secret of secrets) {
      let value = secret.trim();
      if (value.length < 6) continue;
      values.add(value);
      let escaped = jsonEscaped(value);
      forms.add(value), forms.add(escaped), forms.add(jsonEscaped(escaped));
      for (let form of base64Forms(value)) forms.add(form);
      forms.add(Buffer.from(`x-access-token:${value}`).toString("base64")), forms.add(encodeURIComponent(value));
    }
    this.secrets = [...values], this.needles = [...forms].filter((f) => f.length >= 6).sort((a, b) => b.length - a.length);
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

export {
  Redactor
};
