import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/llm/types.ts
var LlmError = class extends Error {
  constructor(message, kind, options = {}) {
    super(message);
    this.kind = kind;
    this.options = options;
    this.name = "LlmError";
  }
  kind;
  options;
};

export {
  LlmError
};
