import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  GitError
} from "./chunk-COFS5CHV.js";
import {
  sanitizeUntrusted
} from "./chunk-JYDXIRY6.js";

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
  let headRepo = asObject(field(objectField(pull, "head"), "repo")), baseRepo = asObject(field(objectField(pull, "base"), "repo"));
  return !isSameRepository(headRepo, baseRepo);
}
function isSameRepository(head, base) {
  if (head === void 0 || base === void 0) return !1;
  let headName = stringField(head, "full_name"), baseName = stringField(base, "full_name");
  if (headName === void 0 || baseName === void 0 || headName.toLowerCase() !== baseName.toLowerCase()) return !1;
  let headId = numberField(head, "id"), baseId = numberField(base, "id");
  return headId !== void 0 && baseId !== void 0 && headId !== baseId ? !1 : field(head, "fork") === !0 == (field(base, "fork") === !0);
}
function pullTarget(pull, number) {
  let head = objectField(pull, "head"), base = objectField(pull, "base"), target = { kind: "pull_request", number, isFork: isForkPull(pull) }, title = cleanTitle(field(pull, "title")), headRef = stringField(head, "ref"), headSha = stringField(head, "sha"), baseRef = stringField(base, "ref");
  return title !== void 0 && (target.title = title), headRef !== void 0 && (target.headRef = headRef), headSha !== void 0 && (target.headSha = headSha), baseRef !== void 0 && (target.baseRef = baseRef), target;
}

// src/git/branch-name.ts
import { createHash } from "node:crypto";
var MAX_SLUG = 40;
function slugify(text, max = MAX_SLUG) {
  let words = text.normalize("NFKD").replace(new RegExp("\\p{M}", "gu"), "").toLowerCase().match(/[a-z0-9]+/g) ?? [], slug = "";
  for (let word of words) {
    let next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      slug || (slug = word.slice(0, max));
      break;
    }
    slug = next;
  }
  return slug;
}
function issueBranch(prefix, issueNumber, title) {
  if (!Number.isSafeInteger(issueNumber) || issueNumber <= 0)
    throw new GitError(
      `Cannot name a branch for issue number ${issueNumber}: it must be a positive integer.`
    );
  let slug = slugify(title);
  return checkedBranch(prefix, slug ? `issue-${issueNumber}-${slug}` : `issue-${issueNumber}`);
}
function scheduledBranch(prefix, prompt) {
  let slug = slugify(prompt) || createHash("sha256").update(prompt, "utf8").digest("hex").slice(0, 10);
  return checkedBranch(prefix, `scheduled-${slug}`);
}
function checkedBranch(prefix, name) {
  let branch = `${prefix}${name}`, problem = branchNameProblem(branch);
  if (problem)
    throw new GitError(
      `The branch name "${branch}" is not valid in git (${problem}). Change the branch_prefix input ("${prefix}").`
    );
  return branch;
}
function branchNameProblem(name) {
  if (name.length === 0) return "it is empty";
  if (name === "@") return 'it is "@"';
  if (name.startsWith("-")) return 'it starts with "-"';
  if (name.startsWith("/") || name.endsWith("/")) return 'it starts or ends with "/"';
  if (name.endsWith(".")) return 'it ends with "."';
  if (name.includes("//")) return 'it contains "//"';
  if (name.includes("..")) return 'it contains ".."';
  if (name.includes("@{")) return 'it contains "@{"';
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
    return "it contains a space, a control character or one of ~^:?*[\\";
  for (let part of name.split("/")) {
    if (part.startsWith(".")) return `the part "${part}" starts with "."`;
    if (part.endsWith(".lock")) return `the part "${part}" ends with ".lock"`;
  }
}

// src/trigger/workflow-run.ts
var FAILED_CONCLUSIONS = ["failure", "timed_out"], SHA = /^[0-9a-f]{40}$/, BRANCH_LIMIT = 255;
function workflowName(value) {
  return cleanTitle(value) ?? "";
}
function isListedWorkflow(name, listed) {
  let wanted = name.trim().toLowerCase();
  return wanted !== "" && listed.some((entry) => entry.trim().toLowerCase() === wanted);
}
function positiveInteger(value) {
  return value !== void 0 && Number.isSafeInteger(value) && value > 0 ? value : void 0;
}
function linkedPulls(run, repositoryUrl) {
  let list = field(run, "pull_requests");
  if (!Array.isArray(list)) return [];
  let pulls = [];
  for (let item of list) {
    let number = positiveInteger(numberField(item, "number"));
    if (number === void 0) continue;
    let headRepoUrl = stringField(objectField(objectField(item, "head"), "repo"), "url");
    if (headRepoUrl !== void 0 && repositoryUrl !== void 0 && headRepoUrl !== repositoryUrl) continue;
    let head = objectField(item, "head"), pull = { number }, headRef = stringField(head, "ref"), headSha = stringField(head, "sha"), baseRef = stringField(objectField(item, "base"), "ref");
    headRef !== void 0 && (pull.headRef = headRef), headSha !== void 0 && (pull.headSha = headSha), baseRef !== void 0 && (pull.baseRef = baseRef), pulls.push(pull);
  }
  return pulls;
}
function readWorkflowRun(payload) {
  let run = objectField(payload, "workflow_run");
  if (run === void 0) return "the workflow_run object is missing";
  let id = positiveInteger(numberField(run, "id")), workflowId = positiveInteger(
    numberField(run, "workflow_id") ?? numberField(objectField(payload, "workflow"), "id")
  ), headSha = stringField(run, "head_sha")?.toLowerCase(), headBranch = stringField(run, "head_branch");
  if (id === void 0 || workflowId === void 0) return "the run or its workflow has no id";
  if (headSha === void 0 || !SHA.test(headSha)) return "the run has no head commit";
  if (!headBranch || headBranch.length > BRANCH_LIMIT || branchNameProblem(headBranch) !== void 0)
    return "the run has no usable head branch";
  let name = workflowName(
    stringField(objectField(payload, "workflow"), "name") || stringField(run, "name")
  ), repository = objectField(payload, "repository") ?? objectField(run, "repository"), headRepository = asObject(field(run, "head_repository")), isFork = !isSameRepository(headRepository, repository), facts = {
    run: {
      id,
      attempt: positiveInteger(numberField(run, "run_attempt")) ?? 1,
      workflowId,
      workflowName: name,
      headSha,
      headBranch,
      conclusion: stringField(run, "conclusion") ?? ""
    },
    event: stringField(run, "event") ?? "",
    actor: field(run, "triggering_actor") ?? field(run, "actor") ?? field(payload, "sender"),
    isFork,
    pulls: isFork ? [] : linkedPulls(run, stringField(repository, "url"))
  }, forkOwner = stringField(objectField(headRepository, "owner"), "login");
  isFork && forkOwner && (facts.forkOwner = forkOwner);
  let defaultBranch = stringField(repository, "default_branch");
  return defaultBranch && (facts.defaultBranch = defaultBranch), facts;
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
  pullTarget,
  slugify,
  issueBranch,
  scheduledBranch,
  branchNameProblem,
  FAILED_CONCLUSIONS,
  workflowName,
  isListedWorkflow,
  readWorkflowRun
};
