import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  isErrorLike
} from "./chunk-FJ64FDQQ.js";

// src/github/errors.ts
function statusOf(error) {
  if (typeof error == "object" && error !== null && "status" in error) {
    let status = error.status;
    return typeof status == "number" ? status : void 0;
  }
}
function githubReasons(error) {
  if (typeof error != "object" || error === null) return [];
  let data = error.response?.data, parts = [];
  data && typeof data.message == "string" && parts.push(data.message);
  for (let item of data && Array.isArray(data.errors) ? data.errors : [])
    if (typeof item == "string") parts.push(item);
    else if (item && typeof item == "object") {
      let { message, field, code } = item;
      typeof message == "string" ? parts.push(message) : parts.push([field, code].filter((part) => typeof part == "string").join(" "));
    }
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}
function validationText(error) {
  return typeof error != "object" || error === null ? String(error) : [...isErrorLike(error) ? [error.message] : [], ...githubReasons(error)].join(" | ");
}

// src/github/access.ts
var GitHubAccessError = class extends Error {
  constructor(status, step, message) {
    super(message);
    this.status = status;
    this.step = step;
    this.name = "GitHubAccessError";
  }
  status;
  step;
};
function githubMessage(error) {
  let said = githubReasons(error).join(": ");
  if (said !== "") return said;
  let message = error.message;
  return typeof message == "string" ? message.replace(/ - https?:\/\/\S+$/, "").trim() : "";
}
function header(error, name) {
  let value = error.response?.headers?.[name];
  return typeof value == "string" ? value : void 0;
}
function accessStatus(error) {
  let status = statusOf(error);
  return status === 401 ? 401 : status !== 403 || header(error, "x-ratelimit-remaining") === "0" || /rate limit/i.test(githubMessage(error)) ? null : 403;
}
function permissionAdvice(step) {
  return step.permission === null ? `Every token for ${step.repo} may do this, so the token itself is wrong: one for another repository or app installation, or a fine-grained token without access to ${step.repo}.` : `This step needs \`${step.permission}\` in the workflow's \`permissions:\` (of the workflow or of the job; a job's own \`permissions:\` replaces the workflow's).`;
}
function accessError(error, step) {
  let status = accessStatus(error);
  if (status === null) return null;
  let said = githubMessage(error), lines = status === 401 ? [
    `GitHub rejected the token (401${said ? ` ${said}` : ""}) while Kubrick was ${step.doing} in ${step.repo}.`,
    "Check `github_token`: leave it at its default (`${{ github.token }}`) or pass a token secret that is valid, not expired and not revoked.",
    permissionAdvice(step)
  ] : [
    `GitHub refused (403${said ? ` ${said}` : ""}) while Kubrick was ${step.doing} in ${step.repo}.`,
    step.permission === null ? "Check `github_token`." : "The token in `github_token` is not allowed to do this.",
    permissionAdvice(step),
    ...step.permission === null ? [] : [
      "With a personal access token or an app token in `github_token`, give that token the same access."
    ]
  ];
  return step.note && lines.push(step.note), new GitHubAccessError(status, step, lines.join(" "));
}
async function asStep(step, call) {
  try {
    return await call();
  } catch (error) {
    throw accessError(error, step) ?? error;
  }
}

export {
  statusOf,
  githubReasons,
  validationText,
  GitHubAccessError,
  accessError,
  asStep
};
