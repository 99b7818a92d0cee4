import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";

// src/llm/provider.ts
function nativeToolCall(id, name, raw) {
  let trimmed = raw.trim();
  if (trimmed === "") return { id, name, arguments: {}, rawArguments: raw };
  try {
    let parsed = JSON.parse(trimmed);
    return typeof parsed == "object" && parsed !== null && !Array.isArray(parsed) ? { id, name, arguments: parsed, rawArguments: raw } : {
      id,
      name,
      arguments: null,
      rawArguments: raw,
      argumentsError: "the arguments must be a JSON object"
    };
  } catch (error) {
    return {
      id,
      name,
      arguments: null,
      rawArguments: raw,
      argumentsError: `the arguments are not valid JSON (${errorMessage(error)}); call the tool again with a JSON object`
    };
  }
}

export {
  nativeToolCall
};
