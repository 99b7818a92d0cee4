import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  FORK_CI_REASON
} from "./chunk-NOBH63WV.js";
import {
  ciBranch,
  findOpenPullForBranch,
  getPull
} from "./chunk-5O4WIHLP.js";
import {
  CiApiError,
  earlierAttempts,
  newestFailedRuns,
  readCiHistory
} from "./chunk-JVAR6PGU.js";
import "./chunk-DJHR2ASC.js";
import "./chunk-VGMXJNBG.js";
import "./chunk-COFS5CHV.js";
import "./chunk-JYDXIRY6.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";

// src/ci/resolve.ts
var short = (sha) => sha.slice(0, 7);
function ignored(decision, reason) {
  return { action: "ignore", reason, target: decision.target, mode: decision.mode, ci: decision.ci };
}
function refused(decision, reason, ci = decision.ci) {
  let { action: _run, task: _task, approvePlan: _plan, reason: _reason, ...facts } = decision;
  return { ...facts, action: "refuse", reason, ci };
}
function pullTargetOf(pull) {
  return {
    kind: "pull_request",
    number: pull.number,
    title: pull.title,
    isFork: pull.isFork,
    headRef: pull.headRef,
    headSha: pull.headSha,
    baseRef: pull.baseRef
  };
}
async function forkPull(gh, where, owner, branch, sha) {
  let open = await findOpenPullForBranch(gh, { ...where, branch, headOwner: owner, headSha: sha });
  return open ? getPull(gh, { ...where, number: open.number }) : void 0;
}
async function locate(options, decision) {
  let { gh, where, defaultBranch } = options, { target } = decision;
  if (target.kind === "pull_request") return { pull: await getPull(gh, { ...where, number: target.number }) };
  if (target.kind !== "commit") return { ignore: "the request names no pull request or commit" };
  if (target.forkOwner !== void 0) {
    let pull = await forkPull(gh, where, target.forkOwner, target.branch, target.sha);
    return pull ? { pull } : {
      ignore: `no open pull request from ${target.forkOwner}:${target.branch} is at ${short(target.sha)}`
    };
  }
  if (decision.ci.explain) return { ignore: "the fork the failed run came from is unknown" };
  if (target.branch === defaultBranch) return { defaultBranch: !0 };
  let open = await findOpenPullForBranch(gh, { ...where, branch: target.branch });
  return open ? { pull: await getPull(gh, { ...where, number: open.number }) } : { ignore: `no open pull request has the branch ${target.branch}, where the run failed` };
}
function listed(names) {
  return names.map((name) => `"${name}"`).join(", ");
}
function capReason(capped, settings, onPull) {
  let names = listed([...new Set(capped.map((run) => run.workflowName))]);
  return [
    `Kubrick already made ${settings.max_ci_fix_attempts} fix attempt${settings.max_ci_fix_attempts === 1 ? "" : "s"} for ${names} on this ${onPull ? "pull request" : "commit"} (max_ci_fix_attempts = ${settings.max_ci_fix_attempts}), so it stops here.`,
    "Look at the failure yourself, or raise max_ci_fix_attempts and ask again with `/kubrick fix-ci`."
  ].join(" ");
}
async function resolveCiDecision(options, decision) {
  let { gh, where, settings } = options, fromEvent = decision.ci.source === "workflow_run", place = await locate(options, decision);
  if ("ignore" in place) return ignored(decision, place.ignore);
  let resolved = decision, history = { attempts: /* @__PURE__ */ new Map(), capAnnounced: /* @__PURE__ */ new Set() }, headSha;
  if ("pull" in place) {
    let { pull } = place;
    if (resolved = { ...resolved, target: pullTargetOf(pull) }, pull.state !== "open") return ignored(resolved, `pull request #${pull.number} is closed`);
    let run = decision.ci.runs[0];
    if (fromEvent && run && (pull.isFork !== !!decision.ci.explain || pull.headRef !== run.headBranch))
      return ignored(
        resolved,
        `pull request #${pull.number} is not the one the run's branch ${run.headBranch} belongs to`
      );
    if (fromEvent && run && pull.headSha !== run.headSha)
      return ignored(
        resolved,
        `pull request #${pull.number} has new commits since the failed run (${short(run.headSha)} \u2192 ${short(pull.headSha)}); CI runs again on them`
      );
    if (pull.isFork && !decision.ci.explain) {
      if (settings.ci_fix_forks !== "explain")
        return fromEvent ? ignored(resolved, "the pull request comes from a fork") : refused(resolved, FORK_CI_REASON);
      resolved = { ...resolved, mode: "ask", ci: { ...resolved.ci, explain: !0 } };
    }
    headSha = pull.headSha, history = await readCiHistory(gh, where, pull.number, settings.allowed_bots);
  } else {
    let run = decision.ci.runs[0];
    headSha = run.headSha;
    let branch = ciBranch(settings.branch_prefix, run), open = await findOpenPullForBranch(gh, { ...where, branch });
    open && (history = await readCiHistory(gh, where, open.number, settings.allowed_bots));
  }
  let runs = fromEvent ? decision.ci.runs : await newestFailedRuns(gh, where, {
    headSha,
    workflows: settings.ci_workflows,
    exclude: options.ownRunId
  });
  if (runs.length === 0) {
    let among = settings.ci_workflows.length > 0 ? ` among the workflows in ci_workflows (${listed(settings.ci_workflows)})` : "";
    return refused(
      resolved,
      `There is no failed workflow run for the head commit ${short(headSha)} of this pull request${among}: the newest run of each workflow passed or is still running, so there is nothing for \`fix-ci\` to fix.`
    );
  }
  let allowed = runs.filter(
    (run) => earlierAttempts(history, run, options.ownRunId) < settings.max_ci_fix_attempts
  ), capped = runs.filter((run) => !allowed.includes(run));
  if (allowed.length === 0)
    return fromEvent && capped.every((run) => history.capAnnounced.has(run.workflowId)) ? ignored(
      resolved,
      `max_ci_fix_attempts (${settings.max_ci_fix_attempts}) is reached, as Kubrick already said`
    ) : refused(resolved, capReason(capped, settings, "pull" in place), { ...resolved.ci, runs, capped });
  let ci = { ...resolved.ci, runs: allowed };
  return capped.length > 0 && (ci.capped = capped), { ...resolved, ci };
}
async function resolveCiRequest(options, decision) {
  try {
    return { decision: await resolveCiDecision(options, decision), problem: null };
  } catch (error) {
    let detail = error instanceof CiApiError ? error.message : `GitHub answered: ${errorMessage(error)}`;
    return { decision, problem: `Kubrick could not look up the failed CI. ${detail}` };
  }
}
export {
  resolveCiDecision,
  resolveCiRequest
};
