import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  mcpReportLines,
  statusOf
} from "./chunk-MWGJFZ3G.js";
import {
  KUBRICK_MARKER_PREFIX
} from "./chunk-SYXN27XC.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";

// src/run/errors.ts
var RunFailed = class extends Error {
}, RunRefused = class extends Error {
};

// src/trigger/decision.ts
function hasThread(target) {
  return target.kind !== "repository";
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
      return outcome.mode === "fix" ? "The agent finished without changing any file, so no pull request was opened." : "";
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
  let mode = outcome.mode ? ` (${MODE_WORDS[outcome.mode] ?? outcome.mode})` : "", summaryTitle = outcome.mode === "ask" ? "Answer" : outcome.mode === "plan" ? "Plan" : "Summary";
  return [
    outcome.planId ? `${marker2}
${planMarker(outcome.planId)}` : marker2,
    `### ${HEADLINES[outcome.conclusion]}${mode}`,
    quoteTask(outcome.task),
    explanation(outcome),
    outcome.planId ? "Reply `/kubrick approve` to carry out this plan." : "",
    outcome.summary.trim() ? `**${summaryTitle}**

${outcome.summary.trim()}` : "",
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

export {
  runMarker,
  reviewMarker,
  followUpMarker,
  findMarker,
  stripMarkers,
  fitBody,
  createOnce,
  isTrustedAuthor,
  ProgressComment,
  newestCommentsFirst,
  addReaction,
  quoteTask,
  statsTable,
  renderFinalComment,
  describeInstructions,
  renderProgressComment,
  RunFailed,
  RunRefused,
  threadNumber
};
