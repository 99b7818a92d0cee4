import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  asStep,
  mcpReportLines,
  statusOf,
  validationText
} from "./chunk-MEXGLWBU.js";
import {
  FAILED_CONCLUSIONS,
  KUBRICK_MARKER_PREFIX,
  branchNameProblem,
  cleanTitle,
  isForkPull,
  isListedWorkflow,
  slugify,
  workflowName
} from "./chunk-JGB3M4PH.js";
import {
  GitError
} from "./chunk-COFS5CHV.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";

// src/run/errors.ts
var RunFailed = class extends Error {
}, RunRefused = class extends Error {
};

// src/trigger/decision.ts
function hasThread(target) {
  return target.kind === "issue" || target.kind === "pull_request";
}
function threadNumber(target) {
  return target && hasThread(target) ? target.number : void 0;
}

// src/github/markers.ts
var KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
function marker(kind, key) {
  if (!KEY_PATTERN.test(key))
    throw new Error(
      `Invalid Kubrick ${kind} marker key "${key}": use letters, digits, '.', '_' and '-' only.`
    );
  return `${KUBRICK_MARKER_PREFIX}${kind}:${key} -->`;
}
function runMarker(key) {
  return marker("run", key);
}
function planMarker(id) {
  return marker("plan", id);
}
function reviewMarker(headSha) {
  return marker("review", headSha);
}
function followUpMarker(threadId, headSha) {
  return marker("followup", `${threadId}-${headSha}`);
}
function findMarker(body, kind) {
  if (!body) return;
  let start = `${KUBRICK_MARKER_PREFIX}${kind}:`, from = body.indexOf(start);
  for (; from !== -1; ) {
    let end = body.indexOf(" -->", from + start.length);
    if (end === -1) return;
    let key = body.slice(from + start.length, end);
    if (KEY_PATTERN.test(key)) return key;
    from = body.indexOf(start, from + 1);
  }
}
function stripMarkers(body) {
  return body.split(`
`).map((line) => {
    let out = line, at = out.indexOf(KUBRICK_MARKER_PREFIX);
    for (; at !== -1; ) {
      let end = out.indexOf("-->", at);
      out = end === -1 ? out.slice(0, at) : out.slice(0, at) + out.slice(end + 3), at = out.indexOf(KUBRICK_MARKER_PREFIX);
    }
    return out;
  }).join(`
`).replace(/^\s*\n/, "").trimEnd();
}

// src/github/body-limit.ts
function fitBody(body, limit = 65536) {
  if (body.length <= limit) return body;
  let keep = limit - 160;
  return `${body.slice(0, keep)}

\u2026 (${body.length - keep} characters cut: GitHub accepts at most ${limit} per body)`;
}

// src/github/create-once.ts
async function createOnce(gh, options) {
  for (let attempt = 1; ; attempt++)
    try {
      return (await options.create()).data;
    } catch (error) {
      let status = statusOf(error);
      if (!(status === void 0 || status >= 500) || attempt >= options.attempts) throw error;
      gh.log.warn(
        `${options.action} failed (${options.describe(error)}); checking whether it landed anyway.`
      );
      let landed = await options.landed();
      if (landed) return landed;
    }
}

// src/github/comments.ts
var systemClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    let handle = setTimeout(fn, ms);
    return handle.unref(), handle;
  },
  clearTimeout: (handle) => clearTimeout(handle)
};
function isTrustedAuthor(user, trustedAuthors = []) {
  return user ? user.type === "Bot" ? !0 : !!user.login && trustedAuthors.some((login) => login.toLowerCase() === user.login.toLowerCase()) : !1;
}
var ProgressComment = class _ProgressComment {
  constructor(gh, target, marker2, clock, minIntervalMs, trustedAuthors, id, htmlUrl, authorLogin) {
    this.gh = gh;
    this.target = target;
    this.marker = marker2;
    this.clock = clock;
    this.minIntervalMs = minIntervalMs;
    this.trustedAuthors = trustedAuthors;
    this.id = id;
    this.htmlUrl = htmlUrl;
    this.authorLogin = authorLogin;
  }
  gh;
  target;
  marker;
  clock;
  minIntervalMs;
  trustedAuthors;
  id;
  htmlUrl;
  authorLogin;
  lastWriteAt = Number.NEGATIVE_INFINITY;
  pending;
  timer;
  writes = Promise.resolve();
  recreated = !1;
  finalized = !1;
  static async start(gh, opts) {
    let { owner, repo, issueNumber, marker: marker2 } = opts, clock = opts.clock ?? systemClock, body = withMarker(marker2, opts.body), existing = await findMarkedComment(gh, { owner, repo, issueNumber, marker: marker2 }, opts.trustedAuthors), found = existing ?? await createMarkedComment(gh, { owner, repo, issueNumber, marker: marker2 }, body, opts.trustedAuthors), comment = new _ProgressComment(
      gh,
      { owner, repo, issueNumber },
      marker2,
      clock,
      opts.minIntervalMs ?? 3e3,
      opts.trustedAuthors,
      found.id,
      found.html_url,
      found.user?.login ?? void 0
    );
    return existing ? await comment.write(body) : comment.lastWriteAt = clock.now(), comment;
  }
  /** A progress edit: written now when the last write is old enough (or `force`), else a bit later. */
  async update(body, options = {}) {
    if (this.finalized) return;
    this.pending = this.withMarker(body);
    let wait = this.lastWriteAt + this.minIntervalMs - this.clock.now();
    if (options.force || wait <= 0) return this.flush();
    this.timer ??= this.clock.setTimeout(() => {
      this.timer = void 0, this.enqueuePendingWrite();
    }, wait);
  }
  /** Writes a waiting progress edit now and waits for every write in flight. */
  async flush() {
    this.cancelTimer(), await this.enqueuePendingWrite();
  }
  /**
   * The final report. Always written after any progress edit, retried by the client; a comment deleted
   * meanwhile is created again (once). Throws when GitHub still refuses, so the caller can say so.
   */
  async finalize(body) {
    this.finalized = !0, this.cancelTimer(), this.pending = void 0, await this.writes;
    try {
      await this.write(this.withMarker(body));
    } catch (error) {
      throw new Error(`Could not write the final Kubrick comment ${this.htmlUrl}: ${describe(error)}`, {
        cause: error
      });
    }
  }
  enqueuePendingWrite() {
    return this.writes = this.writes.then(async () => {
      let body = this.pending;
      if (body !== void 0) {
        this.pending = void 0;
        try {
          await this.write(body);
        } catch (error) {
          this.gh.log.warn(`Progress comment edit failed: ${describe(error)}`);
        }
      }
    }), this.writes;
  }
  async write(body) {
    let { owner, repo, issueNumber } = this.target;
    this.lastWriteAt = this.clock.now();
    try {
      let { data } = await this.gh.rest.issues.updateComment({
        owner,
        repo,
        comment_id: this.id,
        body: fitBody(body)
      });
      this.htmlUrl = data.html_url;
    } catch (error) {
      if (statusOf(error) !== 404 || this.recreated) throw error;
      this.recreated = !0, this.gh.log.warn(`Progress comment ${this.id} was deleted; creating it again.`);
      let created = await createMarkedComment(
        this.gh,
        { owner, repo, issueNumber, marker: this.marker },
        body,
        this.trustedAuthors
      );
      this.id = created.id, this.htmlUrl = created.html_url;
    }
  }
  withMarker(body) {
    return withMarker(this.marker, body);
  }
  cancelTimer() {
    this.timer !== void 0 && this.clock.clearTimeout(this.timer), this.timer = void 0;
  }
};
function withMarker(marker2, body) {
  return body.includes(marker2) ? body : `${marker2}
${body}`;
}
function describe(error) {
  let status = statusOf(error), message = errorMessage(error);
  return status ? `GitHub answered ${status}: ${message}` : message;
}
async function newestCommentsFirst(gh, where) {
  return (await gh.paginate(gh.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100
  })).reverse();
}
async function findMarkedComment(gh, where, trustedAuthors = []) {
  for (let comment of await newestCommentsFirst(gh, where))
    if (comment.body?.includes(where.marker) && isTrustedAuthor(comment.user, trustedAuthors))
      return { id: comment.id, html_url: comment.html_url, body: comment.body, user: comment.user };
}
function createMarkedComment(gh, where, body, trustedAuthors) {
  return createOnce(gh, {
    action: "Creating the comment",
    attempts: 3,
    create: () => gh.rest.issues.createComment({
      owner: where.owner,
      repo: where.repo,
      issue_number: where.issueNumber,
      body: fitBody(body),
      request: { retries: 0 }
    }),
    landed: () => findMarkedComment(gh, where, trustedAuthors),
    describe
  });
}
async function addReaction(gh, opts) {
  let { owner, repo, content } = opts;
  try {
    return opts.kind === "issue" ? await gh.rest.reactions.createForIssue({ owner, repo, issue_number: opts.issueNumber, content }) : opts.kind === "issue_comment" ? await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: opts.commentId, content }) : await gh.rest.reactions.createForPullRequestReviewComment({
      owner,
      repo,
      comment_id: opts.commentId,
      content
    }), !0;
  } catch (error) {
    return gh.log.warn(`Could not add the ${content} reaction: ${describe(error)}`), !1;
  }
}

// src/ci/attempts.ts
var ATTEMPT_TRAILER = "Kubrick-CI-Attempt", ATTEMPT_MARKER = `${KUBRICK_MARKER_PREFIX}ci-attempt:`, CAP_MARKER = `${KUBRICK_MARKER_PREFIX}ci-cap:`;
function fixRunIdOf(runId) {
  return runId.replace(/\D/g, "").slice(0, 20) || "0";
}
function attemptKey(run, fixRunId) {
  return `${run.workflowId}.${run.id}.${run.attempt}.${fixRunIdOf(fixRunId)}`;
}
function attemptMarker(run, fixRunId) {
  return `${ATTEMPT_MARKER}${attemptKey(run, fixRunId)} -->`;
}
function capMarker(workflowId) {
  return `${CAP_MARKER}${workflowId} -->`;
}
function attemptTrailer(runs, fixRunId) {
  return runs.map((run) => `${ATTEMPT_TRAILER}: ${attemptKey(run, fixRunId)}`).join(`
`);
}
var KEY = /^(\d{1,15})\.(\d{1,20})\.(\d{1,6})\.(\d{1,20})$/;
function add(attempts, key) {
  let match = KEY.exec(key);
  if (!match) return;
  let workflowId = Number(match[1]), keys = attempts.get(workflowId) ?? /* @__PURE__ */ new Set();
  keys.add(key), attempts.set(workflowId, keys);
}
function keysAfter(text, prefix, end) {
  let keys = [];
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + prefix.length)) {
    let close = text.indexOf(end, at + prefix.length);
    if (close === -1) break;
    keys.push(text.slice(at + prefix.length, close));
  }
  return keys;
}
async function readCiHistory(gh, where, pullNumber, trustedAuthors) {
  let attempts = /* @__PURE__ */ new Map(), capAnnounced = /* @__PURE__ */ new Set(), comments = await newestCommentsFirst(gh, { ...where, issueNumber: pullNumber });
  for (let comment of comments) {
    let body = comment.body ?? "";
    if (!(!body.includes(KUBRICK_MARKER_PREFIX) || !isTrustedAuthor(comment.user, trustedAuthors))) {
      for (let key of keysAfter(body, ATTEMPT_MARKER, " -->")) add(attempts, key);
      for (let id of keysAfter(body, CAP_MARKER, " -->"))
        /^\d{1,15}$/.test(id) && capAnnounced.add(Number(id));
    }
  }
  let commits = await gh.paginate(gh.rest.pulls.listCommits, {
    ...where,
    pull_number: pullNumber,
    per_page: 100
  }), trailer = new RegExp(`^${ATTEMPT_TRAILER}: *(\\S+) *$`, "gm");
  for (let commit of commits)
    for (let match of (commit.commit.message ?? "").matchAll(trailer)) add(attempts, match[1]);
  return { attempts, capAnnounced };
}
function earlierAttempts(history, run, fixRunId) {
  let keys = history.attempts.get(run.workflowId);
  if (!keys) return 0;
  let own = `.${fixRunIdOf(fixRunId)}`, count = 0;
  for (let key of keys) key.endsWith(own) || count++;
  return count;
}

// src/ci/runs.ts
var CiApiError = class extends Error {
}, NAME_LIMIT = 120;
function shortName(value) {
  let name = cleanTitle(value) ?? "";
  return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT - 1)}\u2026` : name;
}
async function actionsCall(what, call) {
  try {
    return await call();
  } catch (error) {
    let status = statusOf(error);
    throw status === 403 || status === 401 ? new CiApiError(
      `GitHub refused to list ${what} (${status}): the token needs \`actions: read\`. Add \`actions: read\` to the \`permissions:\` of the workflow that runs Kubrick.`,
      { cause: error }
    ) : new CiApiError(`Could not list ${what}: ${errorMessage(error)}`, { cause: error });
  }
}
async function listRunJobs(gh, where, runId) {
  let jobs = await actionsCall(
    `the jobs of workflow run ${runId}`,
    () => gh.paginate(gh.rest.actions.listJobsForWorkflowRun, {
      ...where,
      run_id: runId,
      filter: "latest",
      per_page: 100
    })
  ), failed = [], others = [];
  for (let job of jobs) {
    let name = shortName(job.name) || `job ${job.id}`;
    if (job.conclusion && FAILED_CONCLUSIONS.includes(job.conclusion)) {
      let failedSteps = (job.steps ?? []).filter((step) => step.conclusion && FAILED_CONCLUSIONS.includes(step.conclusion)).map((step) => shortName(step.name)).filter((step) => step !== "");
      failed.push({ id: job.id, name, conclusion: job.conclusion, failedSteps });
    } else
      others.push(name);
  }
  return { failed, others };
}
function failedRunOf(run) {
  return {
    id: run.id,
    attempt: run.run_attempt ?? 1,
    workflowId: run.workflow_id,
    workflowName: workflowName(run.name),
    headSha: run.head_sha,
    headBranch: run.head_branch ?? "",
    conclusion: run.conclusion ?? ""
  };
}
async function newestFailedRuns(gh, where, options) {
  let runs = await actionsCall(
    `the workflow runs of commit ${options.headSha.slice(0, 7)}`,
    () => gh.paginate(gh.rest.actions.listWorkflowRunsForRepo, {
      ...where,
      head_sha: options.headSha,
      per_page: 100
    })
  ), newest = /* @__PURE__ */ new Map();
  for (let run of runs) {
    if (run.head_sha !== options.headSha || String(run.id) === options.exclude) continue;
    let known = newest.get(run.workflow_id);
    (!known || run.run_number > known.run_number || run.run_number === known.run_number && run.created_at > known.created_at) && newest.set(run.workflow_id, run);
  }
  return [...newest.values()].filter((run) => run.status === "completed" && FAILED_CONCLUSIONS.includes(run.conclusion ?? "")).map(failedRunOf).filter((run) => options.workflows.length === 0 || isListedWorkflow(run.workflowName, options.workflows)).sort((a, b) => a.workflowName.localeCompare(b.workflowName) || a.id - b.id);
}
function runUrl(serverUrl, where, runId, jobId) {
  let run = `${serverUrl}/${where.owner}/${where.repo}/actions/runs/${runId}`;
  return jobId === void 0 ? run : `${run}/job/${jobId}`;
}

// src/ci/report.ts
function openingCiOutcome(decision, runner) {
  let { ci } = decision;
  if (!ci) return null;
  let where = { owner: runner.owner, repo: runner.repo }, capped = ci.capped ?? [], refusedAtCap = decision.action === "refuse" && capped.length > 0;
  return {
    runs: (refusedAtCap ? capped : ci.runs).map((run) => ({
      run,
      url: runUrl(runner.serverUrl, where, run.id),
      failedJobs: [],
      otherJobs: []
    })),
    capped,
    explain: ci.explain === !0,
    attempted: !1,
    capRefusal: refusedAtCap,
    fixRunId: runner.runId
  };
}
function codeName(name) {
  return `\`${name.replace(/`/g, "'").replace(/\s+/g, " ").trim() || "?"}\``;
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function jobsLine(run) {
  if (run.failedJobs.length === 0) return "no job failed (the workflow itself may not have started)";
  let shown = run.failedJobs.slice(0, 10).map((job) => {
    let steps = job.failedSteps.length > 0 ? ` (step ${job.failedSteps.slice(0, 3).map(codeName).join(", ")})` : "";
    return `[${codeName(job.name)}](${job.url})${steps}`;
  }), more = run.failedJobs.length - shown.length;
  return `${run.failedJobs.length === 1 ? "job" : "jobs"} ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
function failedRunLines(ci) {
  return ci.runs.map((reported) => {
    let { run } = reported, how = run.conclusion === "timed_out" ? "timed out" : "failed", jobs = ci.attempted ? `: ${jobsLine(reported)}` : "";
    return `**CI:** the workflow ${codeName(run.workflowName)} ${how} in [run ${run.id}](${reported.url}) on \`${run.headSha.slice(0, 7)}\`${jobs}.`;
  });
}
function rerunNote(ci) {
  return `**Re-run CI to check the fix:** pushes made with the workflow's \`GITHUB_TOKEN\` start no workflows (a GitHub rule), so CI has not run on this commit yet. Re-run the failed jobs of ${ci.runs.map((r) => `[run ${r.run.id}](${r.url})`).join(", ") || "the failed run"} or push any commit; to have Kubrick's pushes start CI themselves, pass a GitHub App token from \`actions/create-github-app-token\` as \`github_token\`.`;
}
function ciMarkers(ci) {
  let markers = ci.attempted ? ci.runs.map((r) => attemptMarker(r.run, ci.fixRunId)) : [], capped = ci.capRefusal || ci.attempted ? ci.capped : [];
  for (let id of new Set(capped.map((run) => run.workflowId))) markers.push(capMarker(id));
  return markers;
}
function renderCiSection(ci, pushed) {
  let lines = failedRunLines(ci);
  if (ci.capped.length > 0 && !ci.capRefusal) {
    let names = [...new Set(ci.capped.map((run) => codeName(run.workflowName)))].join(", ");
    lines.push(
      `**Not worked on:** ${names} failed too, but reached max_ci_fix_attempts on this pull request (${plural(ci.capped.length, "run")}).`
    );
  }
  return ci.explain && ci.attempted && lines.push(
    "**This pull request comes from a fork**, so Kubrick only explains the failure: it pushed nothing and ran no command."
  ), pushed && !ci.explain && lines.push(rerunNote(ci)), [...lines, ...ciMarkers(ci)].join(`

`);
}

// src/report/comment.ts
var HEADLINES = {
  success: "\u2705 Kubrick finished",
  no_changes: "\u2611\uFE0F Kubrick finished without changes",
  refused: "\u{1F6AB} Kubrick did not run",
  budget_exhausted: "\u23F1\uFE0F Kubrick stopped at a budget",
  failure: "\u274C Kubrick failed"
}, MODE_WORDS = { fix: "fix", review: "review", ask: "question", plan: "plan" };
function quoteTask(task, max = 300) {
  let flat = task.replace(/\s+/g, " ").trim(), cut = flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
  return cut ? `> ${cut}` : "";
}
function formatCost(outcome) {
  return outcome.costUsd === null ? "unknown (no price for this model)" : `$${outcome.costUsd.toFixed(4)}`;
}
function formatDuration(ms) {
  let s = Math.round(ms / 1e3);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
function statsTable(outcome) {
  let cached = outcome.tokensCached > 0 ? ` (${outcome.tokensCached.toLocaleString("en-US")} cached)` : "", tokens = `${outcome.tokensIn.toLocaleString("en-US")} in${cached} / ${outcome.tokensOut.toLocaleString("en-US")} out${outcome.tokensEstimated ? " (estimated)" : ""}`;
  return [
    "| iterations | tool calls | denied commands | tokens | cost | time |",
    "|---|---|---|---|---|---|",
    `| ${outcome.iterations} of ${outcome.maxIterations} | ${outcome.toolCalls} | ${outcome.commandsDenied} | ${tokens} | ${formatCost(outcome)} | ${formatDuration(outcome.durationMs)} |`
  ].join(`
`);
}
function whereTheWorkIs(outcome) {
  let lines = [];
  if (outcome.pr)
    lines.push(
      `**Pull request:** [#${outcome.pr.number}](${outcome.pr.url}) (${outcome.pr.created ? "opened" : "updated"}) from \`${outcome.branch}\``
    );
  else if (outcome.branch && outcome.changedFiles.length > 0) {
    let link = outcome.branchUrl ? `[\`${outcome.branch}\`](${outcome.branchUrl})` : `\`${outcome.branch}\``;
    lines.push(`**Work so far** was pushed to ${link} so nothing is lost; no pull request was opened.`);
  }
  if (lines.push(...outcome.notes.map((note) => `**Note:** ${sentence(note)}`)), outcome.review) {
    let inline = outcome.review.inline === 1 ? "1 inline comment" : `${outcome.review.inline} inline comments`;
    lines.push(`**Review:** [posted](${outcome.review.url}) with ${inline}.`);
  }
  if (outcome.changedFiles.length > 0) {
    let shown = outcome.changedFiles.slice(0, 20).map((f) => `\`${f}\``), more = outcome.changedFiles.length - shown.length;
    lines.push(`**Changed files:** ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`);
  }
  return lines.push(...mcpReportLines(outcome.mcp)), outcome.protectedSkipped.length > 0 && lines.push(
    `**Not committed (protected paths):** ${outcome.protectedSkipped.map((f) => `\`${f}\``).join(", ")}`
  ), lines;
}
function explanation(outcome) {
  switch (outcome.conclusion) {
    case "budget_exhausted":
      return `The run reached ${outcome.budgetDescription ?? "a budget"} before the model called \`finish\`.${outcome.reason && !outcome.reason.startsWith("the run reached") ? ` ${capitalize(outcome.reason)}.` : ""}`;
    case "failure":
      return `The run failed: ${sentence(outcome.reason ?? "an unexpected error occurred")}`;
    case "refused":
      return outcome.reason ? capitalize(outcome.reason) : "The request was refused.";
    case "no_changes":
      return outcome.mode === "fix" && outcome.ci ? "The agent changed no file, so nothing was pushed; its summary says what it found." : outcome.mode === "fix" ? "The agent finished without changing any file, so no pull request was opened." : "";
    case "success":
      return "";
  }
}
function sentence(text) {
  let t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
function capitalize(text) {
  let t = text.trim().replace(/\.$/, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}
function renderFinalComment(marker2, outcome) {
  let explainsCi = outcome.ci?.explain === !0, word = explainsCi ? "CI explanation" : outcome.mode ? MODE_WORDS[outcome.mode] ?? outcome.mode : "", mode = word ? ` (${word})` : "", summaryTitle = explainsCi ? "Why CI failed" : outcome.mode === "ask" ? "Answer" : outcome.mode === "plan" ? "Plan" : "Summary";
  return [
    outcome.planId ? `${marker2}
${planMarker(outcome.planId)}` : marker2,
    `### ${HEADLINES[outcome.conclusion]}${mode}`,
    quoteTask(outcome.task),
    explanation(outcome),
    outcome.planId ? "Reply `/kubrick approve` to carry out this plan." : "",
    outcome.summary.trim() ? `**${summaryTitle}**

${outcome.summary.trim()}` : "",
    outcome.ci ? renderCiSection(outcome.ci, outcome.branch !== null && outcome.changedFiles.length > 0) : "",
    whereTheWorkIs(outcome).join(`

`),
    outcome.conclusion === "refused" ? "" : statsTable(outcome),
    footer(outcome)
  ].filter((p) => p !== "").join(`

`);
}
function describeInstructions(used) {
  return `\`${used.path}\` from ${used.source}${used.cut ? " (its first 32 KB)" : ""}`;
}
function footer(outcome) {
  let bits = [];
  return outcome.sandbox && bits.push(`Commands sandbox: ${outcome.sandbox}.`), outcome.instructions && bits.push(`Instructions for agents: ${describeInstructions(outcome.instructions)}.`), outcome.runUrl && bits.push(
    `[Workflow run](${outcome.runUrl})${outcome.transcriptPath ? " (the transcript is in the run\u2019s artifacts when the workflow uploads it)" : ""}.`
  ), bits.length > 0 ? `<sub>${bits.join(" ")}</sub>` : "";
}
function renderProgressComment(marker2, state) {
  let checklist = state.steps.map((s) => `- [${s.done ? "x" : " "}] ${s.label}`).join(`
`), working = state.iteration > 0 ? `
- [ ] Working: turn ${state.iteration} of ${state.maxIterations}` : "", recent = state.recent.length > 0 ? `

<details><summary>Recent steps</summary>

${state.recent.map((r) => `- ${r}`).join(`
`)}

</details>` : "";
  return [
    marker2,
    `### \u{1F440} Kubrick is working${state.mode ? ` (${state.mode})` : ""}`,
    quoteTask(state.task),
    `${checklist}${working}${recent}`,
    state.runUrl ? `<sub>[Workflow run](${state.runUrl})</sub>` : ""
  ].filter((p) => p !== "").join(`

`);
}

// src/review/patch.ts
var HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parseHunks(patch) {
  let hunks = [], current = null, oldLine = 0, newLine = 0, oldLeft = 0, newLeft = 0;
  for (let raw of patch.split(`
`)) {
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw, header = HUNK_HEADER.exec(line);
    if (header) {
      current = { header: line, lines: [] }, hunks.push(current), oldLine = Number(header[1]), oldLeft = header[2] === void 0 ? 1 : Number(header[2]), newLine = Number(header[3]), newLeft = header[4] === void 0 ? 1 : Number(header[4]);
      continue;
    }
    if (!current) continue;
    let kind = line[0];
    if (kind === "\\") {
      current.lines.push({ kind, text: line.slice(1), oldLine: null, newLine: null });
      continue;
    }
    oldLeft <= 0 && newLeft <= 0 || (kind === "+" ? (current.lines.push({ kind, text: line.slice(1), oldLine: null, newLine: newLine++ }), newLeft--) : kind === "-" ? (current.lines.push({ kind, text: line.slice(1), oldLine: oldLine++, newLine: null }), oldLeft--) : (current.lines.push({ kind: " ", text: line.slice(1), oldLine: oldLine++, newLine: newLine++ }), oldLeft--, newLeft--));
  }
  return hunks;
}
function changeBlocks(patch) {
  let blocks = [];
  for (let hunk of parseHunks(patch)) {
    let block = null;
    for (let line of hunk.lines)
      line.kind === "-" || line.kind === "+" ? (block ??= { removed: [], added: [] }, line.kind === "-" ? block.removed.push(line.oldLine) : block.added.push(line.newLine)) : line.kind === " " && (block && blocks.push(block), block = null);
    block && blocks.push(block);
  }
  return blocks;
}

// src/github/review-lines.ts
function commentableLines(patch) {
  let right = /* @__PURE__ */ new Set(), left = /* @__PURE__ */ new Set();
  for (let hunk of parseHunks(patch))
    for (let line of hunk.lines)
      line.newLine !== null && right.add(line.newLine), line.oldLine !== null && left.add(line.oldLine);
  return { right, left };
}
function normalizeFindingPath(path) {
  return path.trim().replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "").replace(/\/{2,}/g, "/");
}
function placeFindings(findings, files) {
  let byPath = /* @__PURE__ */ new Map();
  for (let file of files) {
    if (file.patch === void 0) continue;
    let entry = { file, lines: commentableLines(file.patch) };
    byPath.set(file.path, entry), file.previousPath && !byPath.has(file.previousPath) && byPath.set(file.previousPath, entry);
  }
  let inline = [], outside = [];
  for (let finding of findings) {
    let entry = byPath.get(normalizeFindingPath(finding.path)), side = finding.side ?? "RIGHT", lines = side === "RIGHT" ? entry?.lines.right : entry?.lines.left;
    entry && lines && Number.isInteger(finding.line) && lines.has(finding.line) ? inline.push({ path: entry.file.path, line: finding.line, side, body: inlineBody(finding, side) }) : outside.push(finding);
  }
  return { inline, outside };
}
function inlineBody(finding, side) {
  let text = `**${severityLabel(finding.severity)}:** ${finding.body.trim()}`;
  if (finding.suggestion === void 0) return text;
  let suggestion = finding.suggestion.replace(/\r\n/g, `
`).replace(/\n$/, ""), fence = fenceFor(suggestion);
  return side === "RIGHT" ? `${text}

${fence}suggestion
${suggestion}
${fence}` : `${text}

Suggested replacement:
${fence}
${suggestion}
${fence}`;
}
function severityLabel(severity) {
  let s = severity.trim().toLowerCase();
  return s ? s[0].toUpperCase() + s.slice(1) : "Note";
}
function fenceFor(text) {
  let longest = 2;
  for (let run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return "`".repeat(longest + 1);
}

// src/github/pulls.ts
async function findOpenPullForBranch(gh, opts) {
  let { data } = await asStep(
    {
      doing: `looking for the open pull request of \`${opts.branch}\``,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: read"
    },
    () => gh.rest.pulls.list({
      owner: opts.owner,
      repo: opts.repo,
      state: "open",
      head: `${opts.owner}:${opts.branch}`,
      per_page: 10
    })
  ), ours = `${opts.owner}/${opts.repo}`.toLowerCase(), pull = data.find((p) => p.head.ref === opts.branch && p.head.repo?.full_name.toLowerCase() === ours);
  return pull ? { number: pull.number, htmlUrl: pull.html_url } : void 0;
}
async function createOrUpdatePull(gh, input) {
  let existing = await findOpenPullForBranch(gh, {
    owner: input.owner,
    repo: input.repo,
    branch: input.head
  });
  if (existing) return { ...await updatePull(gh, input, existing.number), created: !1 };
  try {
    let { data } = await asStep(
      {
        doing: `opening a pull request from \`${input.head}\` into \`${input.base}\``,
        repo: `${input.owner}/${input.repo}`,
        permission: "pull-requests: write",
        note: 'GitHub also refuses it when the repository (or its organization) does not let GitHub Actions create pull requests: Settings \u2192 Actions \u2192 General \u2192 "Allow GitHub Actions to create and approve pull requests".'
      },
      () => gh.rest.pulls.create({
        owner: input.owner,
        repo: input.repo,
        head: input.head,
        base: input.base,
        title: input.title,
        body: fitBody(input.body),
        draft: input.draft ?? !1
      })
    );
    return { number: data.number, htmlUrl: data.html_url, author: data.user?.login, created: !0 };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    let reason = validationText(error);
    if (/already exists/i.test(reason)) {
      let raced = await findOpenPullForBranch(gh, {
        owner: input.owner,
        repo: input.repo,
        branch: input.head
      });
      if (raced) return { ...await updatePull(gh, input, raced.number), created: !1 };
    }
    throw /no commits between/i.test(reason) ? new Error(`Cannot open a pull request: ${input.head} has no commits that ${input.base} lacks.`, {
      cause: error
    }) : new Error(
      `GitHub refused to open a pull request from ${input.head} into ${input.base}: ${reason}`,
      {
        cause: error
      }
    );
  }
}
async function updatePull(gh, input, number) {
  let { data } = await asStep(
    {
      doing: `updating pull request #${number}`,
      repo: `${input.owner}/${input.repo}`,
      permission: "pull-requests: write"
    },
    () => gh.rest.pulls.update({
      owner: input.owner,
      repo: input.repo,
      pull_number: number,
      title: input.title,
      body: fitBody(input.body)
    })
  );
  return { number: data.number, htmlUrl: data.html_url, author: data.user?.login };
}
async function addPullLabels(gh, opts) {
  await asStep(
    {
      doing: `adding labels to pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: write"
    },
    () => gh.rest.issues.addLabels({
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.number,
      labels: opts.labels
    })
  );
}
async function requestPullReviewers(gh, opts) {
  await asStep(
    {
      doing: `requesting reviews on pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: write"
    },
    () => gh.rest.pulls.requestReviewers({
      owner: opts.owner,
      repo: opts.repo,
      pull_number: opts.number,
      reviewers: opts.reviewers,
      team_reviewers: opts.teams
    })
  );
}
async function getPull(gh, opts) {
  let { data } = await asStep(
    {
      doing: `reading pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: read"
    },
    () => gh.rest.pulls.get({ owner: opts.owner, repo: opts.repo, pull_number: opts.number })
  ), headRepo = data.head.repo;
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    state: data.state,
    draft: !!data.draft,
    htmlUrl: data.html_url,
    headRef: data.head.ref,
    headSha: data.head.sha,
    headRepoFullName: headRepo?.full_name ?? null,
    baseRef: data.base.ref,
    baseRepoFullName: data.base.repo.full_name,
    isFork: isForkPull(data)
  };
}
async function getPullDiff(gh, opts) {
  return (await asStep(
    {
      doing: `reading the changed files of pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: read"
    },
    () => gh.paginate(gh.rest.pulls.listFiles, {
      owner: opts.owner,
      repo: opts.repo,
      pull_number: opts.number,
      per_page: 100
    })
  )).map(pullFileOf);
}
function pullFileOf(f) {
  return {
    path: f.filename,
    status: f.status,
    ...f.patch !== void 0 ? { patch: f.patch } : {},
    additions: f.additions,
    deletions: f.deletions,
    ...f.previous_filename ? { previousPath: f.previous_filename } : {}
  };
}
function renderDiffForPrompt(files, capChars) {
  let parts = [], used = 0, omitted = [];
  for (let file of files) {
    let section = renderFile(file);
    omitted.length === 0 && used + section.length <= capChars ? (parts.push(section), used += section.length) : omitted.push(file.path);
  }
  return omitted.length > 0 && parts.push(
    `(${omitted.length} more changed file(s) not shown to stay within ${capChars} characters; read them with read_file: ${omitted.join(", ")})`
  ), parts.join(`

`);
}
function renderFile(file) {
  let renamed = file.previousPath ? ` (renamed from ${file.previousPath})` : "", header = `### ${file.path}${renamed} \u2014 ${file.status}, +${file.additions} \u2212${file.deletions}`;
  if (file.patch === void 0) return `${header}
(no textual diff: binary file or diff too large)`;
  let lines = [], newLine = 0;
  for (let raw of file.patch.split(`
`)) {
    let hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    hunk ? (newLine = Number(hunk[1]), lines.push(raw)) : raw.startsWith("-") ? lines.push(`      ${raw}`) : raw.startsWith("\\") ? lines.push(`      ${raw}`) : (lines.push(`${String(newLine).padStart(5)} ${raw}`), newLine++);
  }
  let fence = fenceFor(file.patch);
  return `${header}
${fence}diff
${lines.join(`
`)}
${fence}`;
}

// src/ci/branch.ts
function ciBranch(prefix, run) {
  let slug = slugify(run.workflowName, 30) || `workflow-${run.workflowId}`, branch = `${prefix}ci-${slug}-${run.headSha.slice(0, 7)}`, problem = branchNameProblem(branch);
  if (problem)
    throw new GitError(
      `The branch name "${branch}" is not valid in git (${problem}). Change the branch_prefix input ("${prefix}").`
    );
  return branch;
}

export {
  fitBody,
  createOnce,
  isTrustedAuthor,
  ProgressComment,
  newestCommentsFirst,
  addReaction,
  runMarker,
  reviewMarker,
  followUpMarker,
  findMarker,
  stripMarkers,
  attemptTrailer,
  readCiHistory,
  earlierAttempts,
  CiApiError,
  listRunJobs,
  newestFailedRuns,
  runUrl,
  openingCiOutcome,
  codeName,
  failedRunLines,
  rerunNote,
  quoteTask,
  statsTable,
  renderFinalComment,
  describeInstructions,
  renderProgressComment,
  RunFailed,
  RunRefused,
  parseHunks,
  changeBlocks,
  normalizeFindingPath,
  placeFindings,
  severityLabel,
  fenceFor,
  findOpenPullForBranch,
  createOrUpdatePull,
  addPullLabels,
  requestPullReviewers,
  getPull,
  getPullDiff,
  pullFileOf,
  renderDiffForPrompt,
  ciBranch,
  threadNumber
};
