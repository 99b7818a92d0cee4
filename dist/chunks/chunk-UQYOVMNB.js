import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  ConnectionFailure,
  HttpStatusError,
  NotAnEventStream,
  formatToolCallForReplay,
  formatToolResult
} from "./chunk-NYFBYEPR.js";
import {
  isErrorLike
} from "./chunk-FJ64FDQQ.js";

// src/llm/conversation.ts
function flattenForTextProtocol(messages) {
  let turns = [], push = (role, content) => {
    let last = turns[turns.length - 1];
    last && last.role === role ? last.content += `

${content}` : turns.push({ role, content });
  };
  for (let message of messages)
    if (message.role === "user") push("user", message.content);
    else if (message.role === "tool") push("user", formatToolResult(message));
    else {
      let blocks = (message.toolCalls ?? []).map(formatToolCallForReplay);
      push("assistant", [message.content, ...blocks].filter((part) => part !== "").join(`

`));
    }
  return turns;
}

// src/llm/sdk-errors.ts
function fromSdkError(error, classes) {
  if (error instanceof classes.APIUserAbortError) return error;
  let refused = causeOfType(error, NotAnEventStream);
  if (refused) return refused;
  if (error instanceof classes.APIConnectionTimeoutError)
    return new ConnectionFailure("request timed out", !0);
  if (error instanceof classes.APIConnectionError)
    return new ConnectionFailure(
      describeCause(error.cause) ?? error.message
    );
  if (error instanceof classes.APIError) {
    let apiError = error;
    if (typeof apiError.status == "number") {
      let body = apiError.error === void 0 ? apiError.message : JSON.stringify(apiError.error);
      return new HttpStatusError(apiError.status, apiError.headers ?? new Headers(), body);
    }
  }
  return error;
}
function describeCause(cause) {
  if (!isErrorLike(cause)) return;
  let code = cause.code, inner = describeCause(cause.cause);
  return typeof code == "string" ? code : inner ?? cause.message;
}
function causeOfType(error, type) {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
}

export {
  flattenForTextProtocol,
  fromSdkError,
  describeCause
};
