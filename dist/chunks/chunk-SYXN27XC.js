import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  sanitizeUntrusted
} from "./chunk-2GDFMM4B.js";

// src/trigger/markers.ts
var KUBRICK_MARKER_PREFIX = "<!-- kubrick:";
function hasKubrickMarker(body) {
  return body.includes(KUBRICK_MARKER_PREFIX);
}

// src/trigger/payload.ts
function asObject(value) {
  return value !== null && typeof value == "object" && !Array.isArray(value) ? value : void 0;
}
function field(value, key) {
  let object = asObject(value);
  return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : void 0;
}
function stringField(value, key) {
  let found = field(value, key);
  return typeof found == "string" ? found : void 0;
}
function numberField(value, key) {
  let found = field(value, key);
  return typeof found == "number" && Number.isFinite(found) ? found : void 0;
}
function objectField(value, key) {
  return asObject(field(value, key));
}

// src/trigger/pull.ts
var TITLE_LIMIT = 300, FORK_FIX_REASON = "`fix` cannot run on a pull request from a fork: Kubrick can only push to branches of this repository. Use `review` or `ask` here, or push the branch to this repository and ask again.";
function cleanTitle(value) {
  if (typeof value != "string") return;
  let title = sanitizeUntrusted(value).replace(/\s+/g, " ").trim();
  return title.length > TITLE_LIMIT ? `${title.slice(0, TITLE_LIMIT - 1)}\u2026` : title;
}
function isForkPull(pull) {
  let headRepo = asObject(field(objectField(pull, "head"), "repo"));
  if (headRepo === void 0 || field(headRepo, "fork") === !0) return !0;
  let headName = stringField(headRepo, "full_name"), baseName = stringField(objectField(objectField(pull, "base"), "repo"), "full_name");
  return headName === void 0 || baseName === void 0 || headName.toLowerCase() !== baseName.toLowerCase();
}
function pullTarget(pull, number) {
  let head = objectField(pull, "head"), base = objectField(pull, "base"), target = { kind: "pull_request", number, isFork: isForkPull(pull) }, title = cleanTitle(field(pull, "title")), headRef = stringField(head, "ref"), headSha = stringField(head, "sha"), baseRef = stringField(base, "ref");
  return title !== void 0 && (target.title = title), headRef !== void 0 && (target.headRef = headRef), headSha !== void 0 && (target.headSha = headSha), baseRef !== void 0 && (target.baseRef = baseRef), target;
}

export {
  KUBRICK_MARKER_PREFIX,
  hasKubrickMarker,
  asObject,
  field,
  stringField,
  numberField,
  objectField,
  FORK_FIX_REASON,
  cleanTitle,
  isForkPull,
  pullTarget
};
