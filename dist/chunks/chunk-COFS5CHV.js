import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/git/errors.ts
var GitError = class extends Error {
  constructor(message, details = {}) {
    super(message);
    this.details = details;
    this.name = "GitError";
  }
  details;
};
function summarizeStderr(stderr, maxLines = 6) {
  return stderr.split(`
`).map((l) => l.trimEnd()).filter((l) => l.length > 0).slice(-maxLines).join(`
`);
}

export {
  GitError,
  summarizeStderr
};
