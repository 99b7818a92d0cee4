import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  FAILED_CONCLUSIONS,
  FORK_FIX_REASON,
  asObject,
  cleanTitle,
  field,
  hasKubrickMarker,
  isListedWorkflow,
  numberField,
  objectField,
  pullTarget,
  readWorkflowRun,
  stringField
} from "./chunk-VGMXJNBG.js";
import {
  capTask,
  sanitizeUntrusted
} from "./chunk-JYDXIRY6.js";

// src/trigger/permission.ts
var PERMISSIONS = ["none", "read", "triage", "write", "maintain", "admin"];
function isPermission(value) {
  return typeof value == "string" && PERMISSIONS.includes(value);
}
function permissionRank(permission) {
  return PERMISSIONS.indexOf(permission);
}
function meetsPermission(actual, required) {
  return permissionRank(actual) >= permissionRank(required);
}
function permissionFromApi(answer) {
  if (answer === null || typeof answer != "object") return "none";
  let { permission, role_name: roleName } = answer, legacy = isPermission(permission) ? permission : "none", role = isPermission(roleName) ? roleName : "none";
  return permissionRank(role) > permissionRank(legacy) ? role : legacy;
}

// src/trigger/command.ts
var VERBS = ["fix", "review", "ask", "plan", "approve", "fix-ci"];
function isVerb(word) {
  return VERBS.includes(word);
}
function isFence(line) {
  let trimmed = line.replace(/^ {0,3}/, "");
  return trimmed.startsWith("```") || trimmed.startsWith("~~~");
}
function afterPhrase(line, phrase) {
  let i = 0;
  for (; line[i] === " " || line[i] === "	"; ) i++;
  if (!line.startsWith(phrase, i)) return null;
  let rest = line.slice(i + phrase.length);
  return rest === "" || /^\s/.test(rest) ? rest : null;
}
function splitVerb(rest) {
  let trimmed = rest.replace(/^\s+/, ""), word = /^(\S+)(\s|$)/.exec(trimmed)?.[1]?.toLowerCase() ?? "";
  return isVerb(word) ? { verb: word, text: trimmed.slice(word.length), explicitVerb: !0 } : { verb: "fix", text: trimmed, explicitVerb: !1 };
}
function parseCommand(body, phrase) {
  if (phrase === "" || !body.includes(phrase)) return null;
  let lines = body.replace(/\r\n?/g, `
`).split(`
`), inFence = !1;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index];
    if (isFence(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    let rest = afterPhrase(line, phrase);
    if (rest === null) continue;
    let { verb, text, explicitVerb } = splitVerb(rest), following = lines.slice(index + 1);
    return { verb, explicitVerb, text: [text, ...following].join(`
`).trim() };
  }
  return null;
}

// src/trigger/decide.ts
var ignore = (reason, facts = {}) => ({
  action: "ignore",
  reason,
  ...facts
}), refuse = (reason, facts) => ({
  action: "refuse",
  reason,
  ...facts
});
function sameLogin(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}
function shown(value) {
  return value === void 0 ? "(no action)" : sanitizeUntrusted(value).trim().slice(0, 60);
}
function requesterOf(user) {
  let raw = stringField(user, "login"), login = raw === void 0 ? "" : sanitizeUntrusted(raw).trim();
  if (login === "" || /\s/.test(login)) return;
  let requester = { login }, id = numberField(user, "id"), type = stringField(user, "type");
  return id !== void 0 && (requester.id = id), type !== void 0 && (requester.type = type), requester;
}
function isBot(user) {
  return user.type === "Bot" || user.login.toLowerCase().endsWith("[bot]");
}
function isAllowedBot(user, settings) {
  let login = user.login.toLowerCase(), bare = login.endsWith("[bot]") ? login.slice(0, -5) : login;
  return settings.allowed_bots.some((entry) => {
    let allowed = entry.toLowerCase();
    return allowed === login || allowed === bare;
  });
}
function actorProblem(actor, input) {
  return input.botLogin && sameLogin(actor.login, input.botLogin) ? `the event comes from the action's own account @${actor.login}` : isBot(actor) && !isAllowedBot(actor, input.settings) ? `@${actor.login} is a bot that is not listed in allowed_bots` : null;
}
function allowedActor(user, input, missing) {
  let actor = requesterOf(user);
  if (actor === void 0) return ignore(`malformed payload: ${missing}`);
  let problem = actorProblem(actor, input);
  return problem === null ? actor : ignore(problem);
}
function inactiveReason(item, noun) {
  return stringField(item, "state") === "closed" ? `the ${noun} is closed` : field(item, "locked") === !0 ? `the ${noun} is locked` : null;
}
function isPullConversation(issue) {
  return asObject(field(issue, "pull_request")) !== void 0;
}
function issueTarget(issue, number) {
  let title = cleanTitle(field(issue, "title")), kind = isPullConversation(issue) ? "pull_request" : "issue";
  return title === void 0 ? { kind, number } : { kind, number, title };
}
function cleanTask(text) {
  return capTask(sanitizeUntrusted(text).trim());
}
function effectiveMode(verb, settings) {
  return settings.mode === "auto" ? verb : settings.mode;
}
function isForkTarget(target) {
  return target.kind === "pull_request" && target.isFork === !0;
}
function decideCommand(command, target, settings, facts) {
  let base = { target, ...facts }, phrase = settings.trigger_phrase, task = cleanTask(command.text);
  if (command.verb === "fix-ci") return decideFixCi(task, target, settings, facts);
  if (command.verb === "approve")
    return settings.mode !== "auto" && settings.mode !== "fix" ? refuse(
      `\`approve\` runs the approved plan in fix mode, but this repository restricts Kubrick to ${settings.mode} mode.`,
      base
    ) : isForkTarget(target) ? refuse(FORK_FIX_REASON, base) : {
      action: "run",
      mode: "fix",
      task,
      approvePlan: !0,
      reason: "approve: run the latest Kubrick plan on this thread in fix mode",
      ...base
    };
  let mode = effectiveMode(command.verb, settings), forced = mode !== command.verb ? ` (mode ${mode} is set for this repository)` : "";
  if (mode === "review") {
    if (target.kind !== "pull_request")
      return refuse(
        `\`review\` works on pull requests and this is an issue${forced}. Use \`${phrase} ask\` to ask about it or \`${phrase} fix\` to change code.`,
        base
      );
    let full = /^full(?=\s|$)/i.test(task);
    return {
      action: "run",
      mode,
      task: full ? task.slice(4).trim() : task,
      ...full ? { fullReview: !0 } : {},
      reason: `${full ? "full " : ""}review pull request${forced}`,
      ...base
    };
  }
  return task === "" ? refuse(
    `\`${phrase} ${command.verb}\` needs a task: write what you want after it, for example \`${phrase} ${command.verb} the failing date test\`.`,
    { ...base, mode }
  ) : mode === "fix" && isForkTarget(target) ? refuse(FORK_FIX_REASON, { ...base, mode }) : { action: "run", mode, task, reason: `${mode} requested${forced}`, ...base };
}
var FORK_CI_REASON = "Kubrick cannot push a fix to a pull request from a fork. With `ci_fix_forks: explain` in the workflow or in .github/kubrick.yml, it explains the failure in a comment instead.";
function ciTask(instructions) {
  return instructions === "" ? "Fix the failing CI" : `Fix the failing CI: ${instructions}`;
}
function decideFixCi(instructions, target, settings, facts) {
  let base = { target, ...facts }, phrase = settings.trigger_phrase;
  if (target.kind !== "pull_request")
    return refuse(
      `\`fix-ci\` works on pull requests: comment \`${phrase} fix-ci\` on the pull request whose checks failed.`,
      base
    );
  if (settings.mode !== "auto" && settings.mode !== "fix")
    return refuse(
      `\`fix-ci\` changes the repository in fix mode, but this repository restricts Kubrick to ${settings.mode} mode.`,
      base
    );
  let ci = { source: "command", runs: [], instructions };
  return isForkTarget(target) ? settings.ci_fix_forks !== "explain" ? refuse(FORK_CI_REASON, { ...base, mode: "fix" }) : {
    action: "run",
    mode: "ask",
    task: ciTask(instructions),
    reason: "fix-ci on a pull request from a fork: explain the failure (ci_fix_forks: explain)",
    ...base,
    ci: { ...ci, explain: !0 }
  } : {
    action: "run",
    mode: "fix",
    task: ciTask(instructions),
    reason: "fix-ci: fix the failed checks of the pull request",
    ...base,
    ci
  };
}
function fromComment(input) {
  let { payload, settings } = input, comment = objectField(payload, "comment"), body = stringField(comment, "body") ?? "";
  if (hasKubrickMarker(body))
    return ignore("the comment is one of Kubrick's own (it carries the kubrick marker)");
  let actor = requesterOf(field(comment, "user")) ?? requesterOf(field(payload, "sender"));
  if (comment === void 0 || actor === void 0)
    return ignore("malformed payload: the comment or its author is missing");
  let problem = actorProblem(actor, input);
  if (problem !== null) return ignore(problem);
  let command = parseCommand(sanitizeUntrusted(body), settings.trigger_phrase);
  if (command === null) return ignore(`the comment has no line starting with ${settings.trigger_phrase}`);
  let isReviewComment = input.eventName === "pull_request_review_comment", item = isReviewComment ? objectField(payload, "pull_request") : objectField(payload, "issue"), noun = isReviewComment ? "pull request" : "issue", number = numberField(item, "number");
  if (item === void 0 || number === void 0)
    return ignore(`malformed payload: the ${noun} the comment belongs to is missing or has no number`);
  let inactive = inactiveReason(
    item,
    isReviewComment || isPullConversation(item) ? "pull request" : "issue"
  );
  if (inactive !== null) return ignore(inactive);
  let target = isReviewComment ? pullTarget(item, number) : issueTarget(item, number), facts = {
    requester: actor,
    commentKind: isReviewComment ? "review_comment" : "issue_comment"
  }, commentId = numberField(comment, "id");
  if (commentId !== void 0 && (facts.commentId = commentId), isReviewComment) {
    let path = sanitizeUntrusted(stringField(comment, "path") ?? "").trim(), line = numberField(comment, "line") ?? numberField(comment, "original_line");
    path !== "" && (facts.commentLocation = line === void 0 ? { path } : { path, line });
  }
  return { decision: decideCommand(command, target, settings, facts), actor };
}
function fromIssueEvent(input) {
  let { payload, settings } = input, action = stringField(payload, "action");
  if (action === "labeled") {
    let label = stringField(objectField(payload, "label"), "name") ?? "";
    if (settings.label_trigger === "")
      return ignore("the label trigger is disabled (label_trigger is empty)");
    if (!sameLogin(label, settings.label_trigger))
      return ignore(`the label is not the trigger label "${settings.label_trigger}"`);
  } else if (action === "assigned") {
    let assignee = stringField(objectField(payload, "assignee"), "login") ?? "";
    if (settings.assignee_trigger === "")
      return ignore("the assignment trigger is disabled (assignee_trigger is empty)");
    if (!sameLogin(assignee, settings.assignee_trigger))
      return ignore(`the issue was not assigned to the trigger account @${settings.assignee_trigger}`);
  } else
    return ignore(`issues ${shown(action)}: only labeled and assigned trigger Kubrick`);
  let actor = allowedActor(field(payload, "sender"), input, "the sender is missing");
  if (!("login" in actor)) return actor;
  let issue = objectField(payload, "issue"), number = numberField(issue, "number");
  if (issue === void 0 || number === void 0)
    return ignore("malformed payload: the issue is missing or has no number");
  let inactive = inactiveReason(issue, "issue");
  if (inactive !== null) return ignore(inactive);
  let title = stringField(issue, "title") ?? "", body = stringField(issue, "body") ?? "", command = { verb: "fix", explicitVerb: !1, text: `${title}

${body}` }, how = action === "labeled" ? `labeled "${settings.label_trigger}"` : `assigned to @${settings.assignee_trigger}`, decision = decideCommand(command, issueTarget(issue, number), settings, { requester: actor });
  return {
    decision: decision.action === "run" ? { ...decision, reason: `issue ${how}: ${decision.reason}` } : decision,
    actor
  };
}
var REVIEW_ACTIONS = ["opened", "synchronize", "ready_for_review"];
function fromPullRequestEvent(input) {
  let { payload, settings } = input, action = stringField(payload, "action");
  if (action === void 0 || !REVIEW_ACTIONS.includes(action))
    return ignore(
      `pull_request ${shown(action)}: only opened, synchronize and ready_for_review start a review`
    );
  if (!settings.auto_review) return ignore("auto_review is off, so pull request events do not start reviews");
  let actor = allowedActor(field(payload, "sender"), input, "the sender is missing");
  if (!("login" in actor)) return actor;
  let pull = objectField(payload, "pull_request"), number = numberField(pull, "number");
  if (pull === void 0 || number === void 0)
    return ignore("malformed payload: the pull request is missing or has no number");
  if (field(pull, "draft") === !0 && action !== "ready_for_review")
    return ignore("the pull request is a draft");
  let inactive = inactiveReason(pull, "pull request");
  return inactive !== null ? ignore(inactive) : {
    decision: {
      action: "run",
      mode: "review",
      task: "",
      target: pullTarget(pull, number),
      requester: actor,
      reason: `auto_review: pull request ${action}`
    },
    actor
  };
}
function fromWorkflowEvent(input) {
  let { payload, settings, eventName } = input, isDispatch = eventName === "workflow_dispatch", dispatchPrompt = isDispatch ? stringField(objectField(payload, "inputs"), "prompt") : void 0, prompt = dispatchPrompt !== void 0 && dispatchPrompt.trim() !== "" ? dispatchPrompt : settings.prompt, target = { kind: "repository" }, actor;
  if (isDispatch) {
    let sender = allowedActor(field(payload, "sender"), input, "the workflow_dispatch sender is missing");
    if (!("login" in sender)) return sender;
    actor = sender;
  }
  let facts = actor ? { target, requester: actor } : { target }, decision = () => {
    if (settings.mode !== "auto" && settings.mode !== "fix")
      return refuse(
        `${eventName} runs change the repository in fix mode; mode ${settings.mode} needs an issue or pull request.`,
        facts
      );
    let task = cleanTask(prompt);
    return task === "" ? refuse(
      `${eventName} has no task: set the \`prompt\` input of the action${isDispatch ? " (or a `prompt` workflow_dispatch input)" : ""}, or \`prompt\` in .github/kubrick.yml.`,
      facts
    ) : {
      action: "run",
      mode: "fix",
      task,
      reason: `${eventName}: maintenance task from prompt`,
      ...facts
    };
  };
  return actor ? { decision: decision(), actor } : { decision: decision() };
}
function fromWorkflowRun(input) {
  let { payload, settings } = input, action = stringField(payload, "action");
  if (action !== "completed")
    return ignore(`workflow_run ${shown(action)}: only completed runs are looked at`);
  if (settings.ci_workflows.length === 0)
    return ignore("ci_workflows is empty, so failed workflow runs are not fixed");
  let facts = readWorkflowRun(payload);
  if (typeof facts == "string") return ignore(`malformed payload: ${facts}`);
  let { run } = facts;
  if (!isListedWorkflow(run.workflowName, settings.ci_workflows))
    return ignore(`the workflow "${shown(run.workflowName)}" is not listed in ci_workflows`);
  if (!FAILED_CONCLUSIONS.includes(run.conclusion))
    return ignore(
      `the run of "${shown(run.workflowName)}" ended with ${shown(run.conclusion || "no conclusion")}; only failure and timed_out are fixed`
    );
  if (facts.event === "workflow_run")
    return ignore(
      "the failed run was itself started by a workflow_run event; Kubrick does not follow such chains"
    );
  let actor = allowedActor(facts.actor, input, "the actor of the workflow run is missing");
  if (!("login" in actor)) return actor;
  if (settings.mode !== "auto" && settings.mode !== "fix")
    return ignore(`mode ${settings.mode} is set for this repository, and fixing CI needs fix mode`);
  let ci = { source: "workflow_run", runs: [run], instructions: "" }, task = `Fix the failed run of the workflow "${run.workflowName}" on ${shown(run.headBranch)}`;
  if (facts.isFork) {
    if (settings.ci_fix_forks !== "explain")
      return ignore(
        "the failed run belongs to a pull request from a fork, where Kubrick never pushes (ci_fix_forks: explain posts an explanation instead)"
      );
    let target2 = { kind: "commit", branch: run.headBranch, sha: run.headSha };
    return facts.forkOwner && (target2.forkOwner = facts.forkOwner), {
      decision: {
        action: "run",
        mode: "ask",
        task: `Explain the failed run of the workflow "${run.workflowName}"`,
        target: target2,
        requester: actor,
        ci: { ...ci, explain: !0 },
        reason: `workflow_run: explain why "${run.workflowName}" failed on a fork's pull request`
      },
      actor
    };
  }
  let pull = facts.pulls[0], target;
  return pull !== void 0 ? (target = { kind: "pull_request", number: pull.number, isFork: !1 }, pull.headRef !== void 0 && (target.headRef = pull.headRef), pull.headSha !== void 0 && (target.headSha = pull.headSha), pull.baseRef !== void 0 && (target.baseRef = pull.baseRef)) : target = { kind: "commit", branch: run.headBranch, sha: run.headSha }, {
    decision: {
      action: "run",
      mode: "fix",
      task,
      target,
      requester: actor,
      ci,
      reason: `workflow_run: "${run.workflowName}" ${run.conclusion === "timed_out" ? "timed out" : "failed"}`
    },
    actor
  };
}
function unauthorized(decision, actor, actual, settings) {
  let reason = `@${actor.login} has ${actual} permission on this repository; Kubrick acts only for users with ${settings.required_permission} permission or higher.`, kept = { requester: actor, target: decision.target };
  decision.commentId !== void 0 && (kept.commentId = decision.commentId), decision.commentKind !== void 0 && (kept.commentKind = decision.commentKind);
  let asked = decision.ci?.source !== "workflow_run";
  return settings.comment_on_unauthorized && asked ? refuse(reason, kept) : ignore(reason, kept);
}
function authorize(candidate, input) {
  let { decision, actor } = candidate;
  if (actor === void 0) return decision;
  let required = input.settings.required_permission;
  return input.actorPermission === null ? {
    ...decision,
    action: "ignore",
    needsPermission: actor.login,
    reason: `needs the repository permission of @${actor.login} (at least ${required}); if granted: ${decision.action}: ${decision.reason}`
  } : meetsPermission(input.actorPermission, required) ? decision : unauthorized(decision, actor, input.actorPermission, input.settings);
}
function candidateFor(input) {
  if (asObject(input.payload) === void 0)
    return ignore("malformed payload: the event payload is not a JSON object");
  switch (input.eventName) {
    case "issue_comment":
    case "pull_request_review_comment": {
      let action = stringField(input.payload, "action");
      return action !== "created" ? ignore(`${input.eventName} ${shown(action)}: only newly created comments trigger Kubrick`) : fromComment(input);
    }
    case "issues":
      return fromIssueEvent(input);
    case "pull_request":
      return fromPullRequestEvent(input);
    case "schedule":
    case "workflow_dispatch":
      return fromWorkflowEvent(input);
    case "workflow_run":
      return fromWorkflowRun(input);
    default:
      return ignore(`Kubrick does not handle ${input.eventName || "unnamed"} events`);
  }
}
function routeEvent(input) {
  let candidate = candidateFor(input);
  return "decision" in candidate ? authorize(candidate, input) : candidate;
}

export {
  PERMISSIONS,
  isPermission,
  permissionFromApi,
  FORK_CI_REASON,
  routeEvent
};
