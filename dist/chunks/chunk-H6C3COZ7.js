import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/cli/io.ts
var EXIT = { ok: 0, failure: 1, usage: 2, budget: 3 }, UsageError = class extends Error {
  constructor(message) {
    super(message), this.name = "UsageError";
  }
};

export {
  EXIT,
  UsageError
};
