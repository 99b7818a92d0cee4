import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/version.ts
var VERSION = "0.1.0";

export {
  VERSION
};
