import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);

// src/error-message.ts
function isErrorLike(value) {
  if (value instanceof Error) return !0;
  if (typeof value != "object" || value === null) return !1;
  let { name, message } = value;
  return typeof name == "string" && typeof message == "string";
}
function errorMessage(error) {
  return isErrorLike(error) ? error.message : String(error);
}

export {
  isErrorLike,
  errorMessage
};
