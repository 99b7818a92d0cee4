import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  accessError,
  statusOf
} from "./chunk-DJHR2ASC.js";
import {
  FAILED_CONCLUSIONS,
  KUBRICK_MARKER_PREFIX,
  cleanTitle,
  isListedWorkflow,
  workflowName
} from "./chunk-VGMXJNBG.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";

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
async function actionsCall(what, where, call) {
  try {
    return await call();
  } catch (error) {
    let refused = accessError(error, {
      doing: `listing ${what}`,
      repo: `${where.owner}/${where.repo}`,
      permission: "actions: read"
    });
    throw new CiApiError(refused?.message ?? `Could not list ${what}: ${errorMessage(error)}`, {
      cause: error
    });
  }
}
async function listRunJobs(gh, where, runId) {
  let jobs = await actionsCall(
    `the jobs of workflow run ${runId}`,
    where,
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
    where,
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

export {
  fitBody,
  createOnce,
  isTrustedAuthor,
  ProgressComment,
  newestCommentsFirst,
  addReaction,
  runMarker,
  planMarker,
  reviewMarker,
  followUpMarker,
  findMarker,
  stripMarkers,
  attemptMarker,
  capMarker,
  attemptTrailer,
  readCiHistory,
  earlierAttempts,
  CiApiError,
  listRunJobs,
  newestFailedRuns,
  runUrl
};
