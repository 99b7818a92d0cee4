import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  GitCommandManager,
  GitError,
  budgetsFrom,
  costBudgetProblem,
  describeBudget,
  diffStats,
  gitDirOf,
  knownPrices,
  llmOptionsFrom,
  pushAuthConfig,
  runAgentSession,
  sandboxFromSettings,
  tamperedMessage,
  workspaceChanges
} from "./chunk-XXLLSSXW.js";
import {
  PolicyError,
  loadPolicy,
  protectedPathsFor
} from "./chunk-TA5JUVMM.js";
import {
  RunFailed,
  RunRefused,
  createOnce,
  findMarker,
  fitBody,
  isTrustedAuthor,
  newestCommentsFirst,
  quoteTask,
  readDefaultBranchFile,
  statsTable,
  statusOf,
  stripMarkers,
  threadNumber,
  validationText
} from "./chunk-VEUHEVXN.js";
import "./chunk-XIM2S6WW.js";
import {
  FORK_FIX_REASON,
  isForkPull
} from "./chunk-MQIVYHRL.js";
import {
  capTask,
  wrapUntrusted
} from "./chunk-ST3VOCUF.js";
import "./chunk-PTJS2BYF.js";
import {
  workflowLog
} from "./chunk-XTZKV72A.js";
import "./chunk-MT3GVHK4.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";
import "./chunk-3E3X5MMN.js";

// src/git/persisted-credentials.ts
import { readFileSync } from "node:fs";
import { isAbsolute, join, resolve, dirname } from "node:path";
var HEADER_KEY = /^http\.(.+\.)?extraheader$/i, INCLUDE_KEY = /^include(if\..+)?\.path$/i;
function definesExtraHeader(path) {
  try {
    return /^\s*extraheader\s*=/im.test(readFileSync(path, "utf8"));
  } catch {
    return !1;
  }
}
async function removePersistedCredentials(git) {
  let gitDir = gitDirOf(git.cwd);
  if (!gitDir) return [];
  let configFile = join(gitDir, "config"), listed = await git.exec(["config", "--file", configFile, "--null", "--list"], { allowFailure: !0 });
  if (listed.exitCode !== 0) return [];
  let removed = [], seen = /* @__PURE__ */ new Set();
  for (let record of listed.stdout.split("\0")) {
    let newline = record.indexOf(`
`);
    if (newline === -1) continue;
    let key = record.slice(0, newline), value = record.slice(newline + 1);
    if (HEADER_KEY.test(key)) {
      if (seen.has(key)) continue;
      seen.add(key), await git.exec(["config", "--file", configFile, "--unset-all", key], { rewritesConfig: !0 }), removed.push(`Removed ${key} from .git/config: the token actions/checkout stored there`);
    } else if (INCLUDE_KEY.test(key)) {
      let target = value.startsWith("~/") ? void 0 : isAbsolute(value) ? value : resolve(dirname(configFile), value);
      if (!target || !definesExtraHeader(target)) continue;
      await git.exec(["config", "--file", configFile, "--fixed-value", "--unset-all", key, value], {
        rewritesConfig: !0
      }), removed.push(
        `Removed ${key} from .git/config: it included the token actions/checkout stored in ${target}`
      );
    }
  }
  return removed.length > 0 && removed.push(
    "Kubrick pushes with its own credentials for each push; commands and the model never see the token. A later step that needs git credentials can run actions/checkout again."
  ), removed;
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

// src/git/remote.ts
async function remoteBranchSha(ctx, branch) {
  let ref = `refs/heads/${branch}`, result = await ctx.git.exec(["ls-remote", ctx.remote, ref], {
    extraConfig: ctx.auth,
    allowFailure: !0
  });
  if (result.exitCode !== 0) {
    let stderr = ctx.git.redact(result.stderr, ctx.auth).trim();
    throw new GitError(
      `Could not read branch ${branch} from ${ctx.remote}: ${stderr || `git exited with ${result.exitCode}`}. Check that the remote is reachable and that the token may read the repository.`,
      { command: `git ls-remote ${ctx.remote} ${ref}`, exitCode: result.exitCode, stderr }
    );
  }
  for (let line of result.stdout.split(`
`)) {
    let [sha, name] = line.split("	");
    if (name === ref && sha) return sha;
  }
  return null;
}
async function fetchRef(ctx, remoteRef, localRef) {
  let result = await ctx.git.exec(
    ["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", ctx.remote, `+${remoteRef}:${localRef}`],
    { extraConfig: ctx.auth, allowFailure: !0 }
  );
  if (result.exitCode !== 0) {
    if (/couldn't find remote ref/i.test(result.stderr)) return null;
    let stderr = ctx.git.redact(result.stderr, ctx.auth).trim();
    throw new GitError(`Could not fetch ${remoteRef} from ${ctx.remote}: ${stderr}`, {
      command: `git fetch ${ctx.remote} ${remoteRef}`,
      exitCode: result.exitCode,
      stderr
    });
  }
  return (await ctx.git.exec(["rev-parse", "--verify", `${localRef}^{commit}`])).stdout.trim();
}
var CONCURRENT_UPDATE = /failed to update ref|cannot lock ref|incorrect old value|failed to lock|is at [0-9a-f]+ but expected/i;
async function pushRef(ctx, sha, branch, lease) {
  let ref = `refs/heads/${branch}`, args = ["push", "--porcelain", "--no-verify"];
  lease !== void 0 && args.push(`--force-with-lease=${ref}:${lease}`), args.push(ctx.remote, `${sha}:${ref}`);
  let result = await ctx.git.exec(args, { extraConfig: ctx.auth, allowFailure: !0 });
  if (result.exitCode === 0) return { status: "pushed" };
  let detail = result.stdout.split(`
`).find((l) => l.startsWith("!") && l.includes(`:${ref}`))?.split("	")[2]?.trim() ?? "";
  if (/\[remote rejected\]/.test(detail) && CONCURRENT_UPDATE.test(detail))
    return { status: "moved", detail };
  if (/\[remote rejected\]/.test(detail)) return { status: "refused", detail };
  if (/\[rejected\]/.test(detail)) return { status: "moved", detail };
  let stderr = ctx.git.redact(result.stderr, ctx.auth).trim();
  throw new GitError(
    `Could not push to ${branch} on ${ctx.remote}: ${stderr || detail || `git exited with ${result.exitCode}`}. Check that the token may write contents (permissions: contents: write) and that the remote is reachable.`,
    { command: `git push ${ctx.remote} ${sha}:${ref}`, exitCode: result.exitCode, stderr }
  );
}

// src/git/checkout.ts
async function checkoutPrHead(git, opts) {
  let remote = opts.remote ?? "origin", problem = branchNameProblem(opts.headRef);
  if (problem)
    throw new GitError(`The pull request's head branch "${opts.headRef}" is not usable (${problem}).`);
  if (!Number.isSafeInteger(opts.prNumber) || opts.prNumber <= 0)
    throw new GitError(`Pull request number ${opts.prNumber} is not a positive integer.`);
  let ctx = { git, remote, auth: opts.auth }, sha = await fetchRef(ctx, `refs/heads/${opts.headRef}`, `refs/remotes/${remote}/${opts.headRef}`) ?? await fetchRef(ctx, `refs/pull/${opts.prNumber}/head`, `refs/remotes/${remote}/pr/${opts.prNumber}`);
  if (sha === null)
    throw new GitError(
      `Pull request #${opts.prNumber} has neither its branch ${opts.headRef} nor refs/pull/${opts.prNumber}/head on ${remote}.`
    );
  return await switchTo(git, opts.headRef, sha), { branch: opts.headRef, headSha: sha };
}
async function checkoutRemoteBranch(git, opts) {
  let remote = opts.remote ?? "origin", problem = branchNameProblem(opts.branch);
  if (problem) throw new GitError(`Cannot check out "${opts.branch}": not a valid branch name (${problem}).`);
  let sha = await fetchRef(
    { git, remote, auth: opts.auth },
    `refs/heads/${opts.branch}`,
    `refs/remotes/${remote}/${opts.branch}`
  );
  if (sha === null) {
    let head = (await git.exec(["rev-parse", "--verify", "HEAD"])).stdout.trim();
    return { branch: opts.branch, headSha: head, existed: !1 };
  }
  return await switchTo(git, opts.branch, sha), { branch: opts.branch, headSha: sha, existed: !0 };
}
async function switchTo(git, branch, sha) {
  let switched = await git.exec(["switch", "--quiet", "--no-guess", "-C", branch, sha], {
    allowFailure: !0
  });
  if (switched.exitCode !== 0)
    throw new GitError(
      `Could not check out ${branch} at ${sha.slice(0, 8)}: ${git.redact(switched.stderr).trim()} (the workspace must have no local changes before the agent runs).`
    );
}

// src/github/issues.ts
async function getIssue(gh, opts) {
  let { data } = await gh.rest.issues.get({
    owner: opts.owner,
    repo: opts.repo,
    issue_number: opts.issueNumber
  });
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    state: data.state === "closed" ? "closed" : "open",
    locked: data.locked,
    isPullRequest: !!data.pull_request,
    htmlUrl: data.html_url,
    author: data.user?.login
  };
}
async function findPlanComment(gh, opts) {
  for (let comment of await newestCommentsFirst(gh, opts)) {
    let planId = findMarker(comment.body, "plan"), byUs = opts.author ? comment.user?.login?.toLowerCase() === opts.author.toLowerCase() : isTrustedAuthor(comment.user, opts.trustedAuthors);
    if (planId && byUs)
      return {
        commentId: comment.id,
        planId,
        text: stripMarkers(comment.body ?? ""),
        htmlUrl: comment.html_url
      };
  }
}

// src/github/review-lines.ts
function commentableLines(patch) {
  let right = /* @__PURE__ */ new Set(), left = /* @__PURE__ */ new Set(), oldLine = 0, newLine = 0, oldLeft = 0, newLeft = 0;
  for (let raw of patch.split(`
`)) {
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw, hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]), oldLeft = hunk[2] === void 0 ? 1 : Number(hunk[2]), newLine = Number(hunk[3]), newLeft = hunk[4] === void 0 ? 1 : Number(hunk[4]);
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) continue;
    let kind = line[0];
    if (kind === "+")
      right.add(newLine++), newLeft--;
    else if (kind === "-")
      left.add(oldLine++), oldLeft--;
    else {
      if (kind === "\\")
        continue;
      right.add(newLine++), left.add(oldLine++), newLeft--, oldLeft--;
    }
  }
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
  let { data } = await gh.rest.pulls.list({
    owner: opts.owner,
    repo: opts.repo,
    state: "open",
    head: `${opts.owner}:${opts.branch}`,
    per_page: 10
  }), ours = `${opts.owner}/${opts.repo}`.toLowerCase(), pull = data.find((p) => p.head.ref === opts.branch && p.head.repo?.full_name.toLowerCase() === ours);
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
    let { data } = await gh.rest.pulls.create({
      owner: input.owner,
      repo: input.repo,
      head: input.head,
      base: input.base,
      title: input.title,
      body: fitBody(input.body),
      draft: input.draft ?? !1
    });
    return { number: data.number, htmlUrl: data.html_url, created: !0 };
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
  let { data } = await gh.rest.pulls.update({
    owner: input.owner,
    repo: input.repo,
    pull_number: number,
    title: input.title,
    body: fitBody(input.body)
  });
  return { number: data.number, htmlUrl: data.html_url };
}
async function getPull(gh, opts) {
  let { data } = await gh.rest.pulls.get({ owner: opts.owner, repo: opts.repo, pull_number: opts.number }), headRepo = data.head.repo;
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
  return (await gh.paginate(gh.rest.pulls.listFiles, {
    owner: opts.owner,
    repo: opts.repo,
    pull_number: opts.number,
    per_page: 100
  })).map((f) => ({
    path: f.filename,
    status: f.status,
    ...f.patch !== void 0 ? { patch: f.patch } : {},
    additions: f.additions,
    deletions: f.deletions,
    ...f.previous_filename ? { previousPath: f.previous_filename } : {}
  }));
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

// src/run/prepare-target.ts
var DIFF_PROMPT_CHARS = 6e4;
function requestText(decision) {
  let who = decision.requester?.login ? `@${decision.requester.login}` : "a maintainer", request = wrapUntrusted("request", decision.task), at = decision.commentLocation;
  if (!at) return `Request from ${who}:
${request}`;
  let line = at.line === void 0 ? "" : `line ${at.line} of `;
  return [
    `Request from ${who}, written as an inline review comment on ${line}this file (the pull request's version):`,
    wrapUntrusted("file path", at.path),
    request
  ].join(`
`);
}
function withIssue(decision, issue) {
  let kind = issue.isPullRequest ? "Pull request" : "Issue";
  return capTask(
    [
      requestText(decision),
      "",
      `${kind} #${issue.number}:`,
      wrapUntrusted(`${kind.toLowerCase()} title`, issue.title),
      wrapUntrusted(`${kind.toLowerCase()} body`, issue.body || "(empty)")
    ].join(`
`)
  );
}
async function approvedPlanTask(options, issue) {
  let { gh, runner, settings } = options, plan = await findPlanComment(gh, {
    owner: runner.owner,
    repo: runner.repo,
    issueNumber: issue.number,
    trustedAuthors: settings.allowed_bots,
    // Another bot could echo a user's text with a plan marker; only our own plans may be approved.
    author: options.ownLogin
  });
  if (!plan)
    throw new RunRefused(
      `there is no plan to approve on this ${issue.isPullRequest ? "pull request" : "issue"}: ask for one first with \`${settings.trigger_phrase} plan <task>\`.`
    );
  let kind = issue.isPullRequest ? "Pull request" : "Issue";
  return capTask(
    [
      `Carry out this plan, which a maintainer approved (it was written earlier by you for this ${kind.toLowerCase()}):`,
      wrapUntrusted("approved plan", plan.text),
      "",
      `${kind} #${issue.number}:`,
      wrapUntrusted(`${kind.toLowerCase()} title`, issue.title),
      wrapUntrusted(`${kind.toLowerCase()} body`, issue.body || "(empty)")
    ].join(`
`)
  );
}
async function prepareRepository(options) {
  let { git, auth, settings, decision } = options, branch = scheduledBranch(settings.branch_prefix, decision.task), start = decision.mode === "fix" ? await checkoutRemoteBranch(git, { branch, auth }) : void 0;
  return {
    task: capTask(`Maintenance task set by the workflow:
${decision.task}`),
    preparedLabel: start?.existed ? `Continued from the existing branch \`${branch}\`` : "Read the scheduled task",
    branch,
    branchMode: "own-branch",
    baseSha: start?.headSha
  };
}
async function preparePullFix(options, issue, pull) {
  let { git, auth, decision } = options, task = decision.approvePlan ? await approvedPlanTask(options, issue) : withIssue(decision, issue), head = await checkoutPrHead(git, { prNumber: pull.number, headRef: pull.headRef, auth });
  return {
    task,
    preparedLabel: `Checked out the pull request\u2019s branch \`${pull.headRef}\``,
    issue,
    pull,
    branch: pull.headRef,
    branchMode: "pr-head",
    baseSha: head.headSha
  };
}
async function preparePullReading(options, issue, pull) {
  let { gh, git, auth, runner, decision } = options, files = await getPullDiff(gh, { owner: runner.owner, repo: runner.repo, number: pull.number }), sha = await fetchRef(
    { git, remote: "origin", auth },
    `refs/pull/${pull.number}/head`,
    `refs/remotes/origin/pr/${pull.number}`
  );
  sha && await git.exec(["checkout", "--quiet", "--detach", sha]);
  let focus = decision.task ? `
Focus requested by the reviewer: ${wrapUntrusted("review focus", decision.task)}` : "";
  return {
    task: decision.mode === "review" ? capTask(
      [
        `Review pull request #${pull.number} (${pull.headRef} \u2192 ${pull.baseRef}).${focus}`,
        wrapUntrusted("pull request title", pull.title),
        wrapUntrusted("pull request description", pull.body || "(empty)")
      ].join(`
`)
    ) : withIssue(decision, issue),
    extraPrompt: `## The pull request's changes (line numbers are new-file lines)
${wrapUntrusted("diff", renderDiffForPrompt(files, DIFF_PROMPT_CHARS))}`,
    preparedLabel: `Read the diff of #${pull.number} (${files.length} files)`,
    issue,
    pull,
    reviewFiles: files,
    branch: null,
    branchMode: "own-branch",
    baseSha: sha ?? void 0
  };
}
async function prepareIssue(options, issue) {
  let { git, auth, settings, decision } = options, task = decision.approvePlan ? await approvedPlanTask(options, issue) : decision.commentId !== void 0 ? withIssue(decision, issue) : (
    // Without a comment (a label or an assignment), the issue itself is the request: still data.
    capTask(
      [
        `Fix issue #${issue.number}, which a maintainer handed to you:`,
        wrapUntrusted("issue title", issue.title),
        wrapUntrusted("issue body", issue.body || "(empty)")
      ].join(`
`)
    )
  ), branch = decision.mode === "fix" ? issueBranch(settings.branch_prefix, issue.number, issue.title) : null, start = branch ? await checkoutRemoteBranch(git, { branch, auth }) : void 0;
  return {
    task,
    preparedLabel: start?.existed ? `Continued from the existing branch \`${branch}\`` : `Read issue #${issue.number}`,
    issue,
    branch,
    branchMode: "own-branch",
    baseSha: start?.headSha
  };
}
async function prepareTarget(options) {
  let { gh, runner, decision } = options, { target } = decision;
  if (target.kind === "repository") return prepareRepository(options);
  let where = { owner: runner.owner, repo: runner.repo }, issue = await getIssue(gh, { ...where, issueNumber: target.number });
  if (target.kind === "issue" && !issue.isPullRequest) return prepareIssue(options, issue);
  let pull = await getPull(gh, { ...where, number: target.number });
  if (decision.mode !== "fix") return preparePullReading(options, issue, pull);
  if (pull.isFork) throw new RunRefused(FORK_FIX_REASON);
  return preparePullFix(options, issue, pull);
}

// src/git/create-or-update-branch.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function commitAndPush(opts) {
  let { git, branch } = opts, problem = branchNameProblem(branch);
  if (problem) throw new GitError(`Cannot push to "${branch}": not a valid branch name (${problem}).`);
  let ctx = { git, remote: opts.remote ?? "origin", auth: opts.auth }, startRev = opts.baseSha ?? "HEAD";
  if (startRev.startsWith("-")) throw new GitError(`baseSha "${startRev}" is not a commit.`);
  let [start = "", startTree = ""] = (await git.exec(["rev-parse", `${startRev}^{commit}`, `${startRev}^{tree}`])).stdout.split(`
`);
  await git.exec(["reset", "-q", start, "--"]);
  let changes = await workspaceChanges(git, opts.protectedPaths), base = { protectedSkipped: changes.protectedSkipped, files: changes.files, rebased: !1 };
  if (changes.files.length === 0)
    return { ...base, result: "no-changes", branch, headSha: start };
  let paths = changes.files.flatMap((f) => f.from ? [f.path, f.from] : [f.path]);
  await git.exec(["--literal-pathspecs", "add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"], {
    input: `${paths.join("\0")}\0`
  });
  let tree = (await git.exec(["write-tree"])).stdout.trim();
  if (tree === startTree)
    return { ...base, files: [], result: "no-changes", branch, headSha: start };
  let message = commitMessage(opts.message, opts.coAuthor), identity = identityEnv(opts.author), commit = (await git.exec(["commit-tree", tree, "-p", start, "-F", "-"], { input: message, env: identity })).stdout.trim();
  await git.exec(["update-ref", `refs/heads/${branch}`, commit]), await git.exec(["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
  let stats = await diffStats(git, start, commit), replay = { git, commit, start, message, identity, scratchDir: opts.scratchDir }, maxAttempts = opts.maxAttempts ?? 3, rebased = !1, lastMove = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let remoteSha = await remoteBranchSha(ctx, branch), lease = opts.mode === "own-branch" ? remoteSha ?? "" : void 0;
    if (remoteSha === null) {
      if (opts.mode === "pr-head")
        return fallback(
          ctx,
          opts,
          commit,
          { ...base, stats },
          `the pull request's branch ${branch} no longer exists`
        );
      let outcome2 = await pushRef(ctx, commit, branch, lease);
      if (outcome2.status === "pushed")
        return { ...base, stats, result: "created", branch, headSha: commit, commitSha: commit };
      if (outcome2.status === "refused")
        return fallback(ctx, opts, commit, { ...base, stats }, outcome2.detail);
      lastMove = outcome2.detail;
      continue;
    }
    let candidate = commit;
    if (remoteSha !== start) {
      let fetched = await fetchRef(ctx, `refs/heads/${branch}`, `refs/remotes/${ctx.remote}/${branch}`);
      if (fetched === null) continue;
      let replayed = await replayOnto(replay, fetched);
      if (replayed === "conflict")
        return fallback(
          ctx,
          opts,
          commit,
          { ...base, stats },
          `our change conflicts with commits pushed to ${branch} by someone else`
        );
      if (replayed === "already-there")
        return { ...base, rebased, result: "not-updated", branch, headSha: fetched };
      candidate = replayed, rebased = !0;
      let outcome2 = await pushRef(ctx, candidate, branch, opts.mode === "own-branch" ? fetched : void 0);
      if (outcome2.status === "pushed")
        return {
          ...base,
          stats,
          rebased,
          result: "updated",
          branch,
          headSha: candidate,
          commitSha: candidate
        };
      if (outcome2.status === "refused")
        return fallback(ctx, opts, commit, { ...base, stats }, outcome2.detail);
      lastMove = outcome2.detail;
      continue;
    }
    let outcome = await pushRef(ctx, candidate, branch, lease);
    if (outcome.status === "pushed")
      return { ...base, stats, rebased, result: "updated", branch, headSha: candidate, commitSha: candidate };
    if (outcome.status === "refused") return fallback(ctx, opts, commit, { ...base, stats }, outcome.detail);
    lastMove = outcome.detail;
  }
  return fallback(
    ctx,
    opts,
    commit,
    { ...base, stats },
    `${branch} kept moving while we pushed (${maxAttempts} attempts; last: ${lastMove})`
  );
}
async function fallback(ctx, opts, commit, base, reason) {
  let short = commit.slice(0, 8), runId = (opts.runId ?? short).replace(/[^A-Za-z0-9._-]/g, "") || short, names = [`${opts.branch}-${runId}`, `${opts.branch}-${runId}-${short}`];
  for (let name of names) {
    if (branchNameProblem(name)) continue;
    if ((await pushRef(ctx, commit, name, "")).status === "pushed")
      return {
        ...base,
        rebased: !1,
        result: "created",
        branch: name,
        headSha: commit,
        commitSha: commit,
        fallbackFrom: opts.branch,
        reason: `Could not push to ${opts.branch} (${reason}); the work was pushed to ${name} instead.`
      };
  }
  throw new GitError(
    `Could not push to ${opts.branch} (${reason}), nor to a fallback branch (${names.join(", ")}). The work is in the local commit ${commit}.`
  );
}
async function replayOnto(input, onto) {
  let { git } = input, dir = await mkdtemp(join2(input.scratchDir ?? tmpdir(), "kubrick-rebase-"));
  try {
    if (await git.exec(["worktree", "add", "--detach", "--force", dir, onto], {
      env: { GIT_LFS_SKIP_SMUDGE: "1" }
    }), (await git.exec(["cherry-pick", "--no-commit", input.commit], {
      cwd: dir,
      allowFailure: !0,
      env: input.identity
    })).exitCode !== 0) return "conflict";
    let tree = (await git.exec(["write-tree"], { cwd: dir })).stdout.trim();
    return tree === await revParse(git, `${onto}^{tree}`) ? "already-there" : (await git.exec(["commit-tree", tree, "-p", onto, "-F", "-"], {
      input: input.message,
      env: input.identity
    })).stdout.trim();
  } finally {
    await git.exec(["worktree", "remove", "--force", dir], { allowFailure: !0 }), await rm(dir, { recursive: !0, force: !0 });
  }
}
async function revParse(git, rev) {
  return (await git.exec(["rev-parse", "--verify", rev])).stdout.trim();
}
function identityEnv(author) {
  let name = oneLine(author.name), email = oneLine(author.email).replace(/[<>]/g, "");
  if (!name || !email)
    throw new GitError('The commit author needs a name and an email: set commit_author to "Name <email>".');
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email
  };
}
function commitMessage(message, coAuthor) {
  let body = message.replace(/\0/g, "").trim() || "Changes by Kubrick";
  if (!coAuthor) return `${body}
`;
  let login = coAuthor.login.replace(/[^A-Za-z0-9[\]_-]/g, "");
  if (!login) return `${body}
`;
  let email = coAuthor.id ? `${coAuthor.id}+${login}@users.noreply.github.com` : `${login}@users.noreply.github.com`;
  return `${body}

Co-authored-by: ${login} <${email}>
`;
}
function oneLine(text) {
  return text.replace(/[\r\n\0]/g, " ").trim();
}

// src/run/publish-fix.ts
function firstLine(text, max) {
  let line = text.split(`
`).find((l) => l.trim() !== "")?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function prTitle(target, decision) {
  return target.issue ? `Fix #${target.issue.number}: ${firstLine(target.issue.title, 80)}` : `Kubrick: ${firstLine(decision.task, 80) || "scheduled maintenance"}`;
}
function prBody(options, changed) {
  let { target, result, outcome, runner, decision } = options;
  return [
    result.summary.trim() || "Changes made by Kubrick.",
    "",
    target.issue ? `Fixes #${target.issue.number}` : quoteTask(decision.task),
    "",
    `**Changed files:** ${changed.map((f) => `\`${f}\``).join(", ")}`,
    "",
    statsTable(outcome),
    "",
    `<sub>Opened by Kubrick${decision.requester?.login ? ` for @${decision.requester.login}` : ""}${runner.runUrl ? ` in [this workflow run](${runner.runUrl})` : ""}. Review the changes before merging.</sub>`
  ].join(`
`);
}
async function publishFix(options) {
  let { gh, git, auth, runner, settings, decision, defaultBranch, target, result, outcome } = options;
  if (!target.branch) return !1;
  let sideBranch = target.branchMode === "pr-head" && target.pull && result.conclusion !== "success" ? `${settings.branch_prefix}pr-${target.pull.number}-unfinished-${runner.runId.replace(/[^A-Za-z0-9._-]/g, "") || "run"}` : null, pushed = await commitAndPush({
    git,
    branch: sideBranch ?? target.branch,
    base: defaultBranch,
    baseSha: target.baseSha,
    author: settings.commit_author,
    coAuthor: decision.requester ? { login: decision.requester.login, id: decision.requester.id } : void 0,
    message: prTitle(target, decision),
    protectedPaths: protectedPathsFor(settings.policy_path, settings.config_path),
    auth,
    mode: sideBranch ? "own-branch" : target.branchMode,
    runId: runner.runId,
    scratchDir: runner.scratchDir
  });
  outcome.changedFiles = pushed.files.map((f) => f.path), outcome.protectedSkipped = pushed.protectedSkipped;
  let where = { owner: runner.owner, repo: runner.repo };
  if (pushed.result === "no-changes") {
    if (result.conclusion !== "success") return !1;
    let open = target.pull ? void 0 : await findOpenPullForBranch(gh, { ...where, branch: target.branch });
    return open && (outcome.branch = target.branch, outcome.pr = { number: open.number, url: open.htmlUrl, created: !1 }), open !== void 0;
  }
  if (outcome.branch = pushed.branch, outcome.branchUrl = `${runner.serverUrl}/${runner.owner}/${runner.repo}/tree/${pushed.branch}`, sideBranch && target.pull && outcome.notes.push(
    `This run did not finish, so it left \`${target.pull.headRef}\` as it was; the work so far is on \`${pushed.branch}\``
  ), pushed.fallbackFrom ? outcome.notes.push(
    pushed.reason ?? `${pushed.fallbackFrom} could not take the work, so it was pushed to ${pushed.branch}`
  ) : pushed.rebased && outcome.notes.push(
    `Someone else pushed to \`${pushed.branch}\` during this run; this run's commit was put on top of their commits`
  ), result.conclusion !== "success") return !0;
  if (target.pull && !pushed.fallbackFrom)
    return outcome.pr = { number: target.pull.number, url: target.pull.htmlUrl, created: !1 }, !0;
  let pr = await createOrUpdatePull(gh, {
    ...where,
    head: pushed.branch,
    base: target.pull?.headRef ?? defaultBranch,
    title: prTitle(target, decision),
    body: prBody(options, outcome.changedFiles),
    draft: settings.draft_pr
  });
  return outcome.pr = { number: pr.number, url: pr.htmlUrl, created: pr.created }, !0;
}

// src/github/reviews.ts
async function postReview(gh, opts) {
  let event = opts.event, body = opts.body.trim() ? opts.body : "Kubrick reviewed this pull request.", comments = [...opts.comments], folded = 0;
  for (let attempt = 0; ; attempt++)
    try {
      let review = await createOnce(gh, {
        action: "Posting the review",
        attempts: 4,
        create: () => gh.rest.pulls.createReview({
          owner: opts.owner,
          repo: opts.repo,
          pull_number: opts.number,
          ...opts.commitId ? { commit_id: opts.commitId } : {},
          body: fitBody(body),
          event,
          comments: comments.map((c) => ({
            path: c.path,
            line: c.line,
            side: c.side,
            body: fitBody(c.body)
          })),
          request: { retries: 0 }
        }),
        landed: () => findSubmittedReview(gh, opts, fitBody(body)),
        describe: (error) => `GitHub answered ${statusOf(error) ?? "nothing"}`
      });
      return { id: review.id, htmlUrl: review.html_url, foldedComments: folded, event };
    } catch (error) {
      if (statusOf(error) !== 422 || attempt >= 3) throw error;
      let reason = validationText(error);
      if (event === "REQUEST_CHANGES" && /own pull request|request changes/i.test(reason))
        gh.log.warn(`GitHub refused REQUEST_CHANGES (${reason}); posting the review as COMMENT.`), event = "COMMENT";
      else if (comments.length > 0)
        gh.log.warn(
          `GitHub refused the inline review comments (${reason}); moving them into the review body.`
        ), body = foldCommentsIntoBody(body, comments), folded += comments.length, comments = [];
      else
        throw error;
    }
}
function foldCommentsIntoBody(body, comments) {
  if (comments.length === 0) return body;
  let items = comments.map((c) => {
    let where = `\`${c.path}\` line ${c.line}${c.side === "LEFT" ? " (old code)" : ""}`, text = c.body.replace(/\n/g, `
  `);
    return `- ${where}: ${text}`;
  });
  return `${body}

### Comments on specific lines

${items.join(`
`)}`;
}
async function findSubmittedReview(gh, where, body) {
  return (await gh.paginate(gh.rest.pulls.listReviews, {
    owner: where.owner,
    repo: where.repo,
    pull_number: where.number,
    per_page: 100
  })).find((r) => r.state !== "PENDING" && r.body === body);
}

// src/run/publish-review.ts
function reviewBody(result, outside, fileCount) {
  let parts = [];
  return result.findings.length === 0 && result.calledFinish && parts.push(
    `**Kubrick found no issues** in the ${fileCount} changed file${fileCount === 1 ? "" : "s"} of this pull request.`
  ), result.summary.trim() && parts.push(result.summary.trim()), outside.length > 0 && parts.push(
    "### Findings outside the changed lines",
    outside.map((f) => `- **${f.severity}** \`${f.path}\` line ${f.line}: ${f.body.replace(/\n/g, `
  `)}`).join(`
`)
  ), parts.join(`

`);
}
async function publishReview(options) {
  let { gh, runner, settings, target, result, outcome } = options;
  if (!target.pull) return;
  let files = target.reviewFiles ?? [], placed = placeFindings(result.findings, files), highSeverity = result.findings.some((f) => f.severity === "high"), review = await postReview(gh, {
    owner: runner.owner,
    repo: runner.repo,
    number: target.pull.number,
    commitId: target.pull.headSha,
    body: reviewBody(result, placed.outside, files.length),
    comments: placed.inline,
    event: settings.review_request_changes && highSeverity ? "REQUEST_CHANGES" : "COMMENT"
  });
  outcome.review = {
    id: review.id,
    url: review.htmlUrl,
    inline: placed.inline.length - review.foldedComments,
    outside: placed.outside.length + review.foldedComments
  };
}

// src/run/execute.ts
async function loadTrustedPolicy(gh, runner, settings, ref) {
  let text = await readDefaultBranchFile(gh, {
    owner: runner.owner,
    repo: runner.repo,
    path: settings.policy_path,
    ref
  });
  if (text === null) return null;
  try {
    return loadPolicy(text, `${settings.policy_path} on ${ref}`);
  } catch (error) {
    throw error instanceof PolicyError ? new RunFailed(
      `the command policy ${settings.policy_path} on ${ref} is invalid: ${error.message}`
    ) : error;
  }
}
async function sandboxFor(settings, workspace, env) {
  try {
    return await sandboxFromSettings(settings, workspace, env);
  } catch (error) {
    throw new RunFailed(errorMessage(error));
  }
}
function recordResult(outcome, result, settings) {
  let { iterations, toolCalls, commandsDenied, tokensIn, tokensOut, tokensEstimated, costUsd } = result;
  Object.assign(outcome, {
    iterations,
    toolCalls,
    commandsDenied,
    tokensIn,
    tokensOut,
    tokensEstimated,
    costUsd
  }), outcome.summary = result.summary, outcome.budget = result.budget, outcome.budgetDescription = result.budget ? describeBudget(result.budget, budgetsFrom(settings)) : null;
}
function firstRejection(steps) {
  return steps.find((step) => step.status === "rejected")?.reason;
}
async function prepareTogether(deps, context) {
  let { gh, runner, settings, defaultBranch, decision } = context, fix = decision.mode === "fix", [policy, target, sandbox] = await Promise.allSettled([
    fix ? loadTrustedPolicy(gh, runner, settings, defaultBranch) : null,
    prepareTarget(context),
    fix ? sandboxFor(settings, runner.workspace, deps.env) : null
  ]);
  if (policy.status === "rejected" || target.status === "rejected" || sandbox.status === "rejected")
    throw sandbox.status === "fulfilled" && await sandbox.value?.close?.(), firstRejection([policy, target, sandbox]);
  return { policy: policy.value, target: target.value, sandbox: sandbox.value };
}
async function executeRun(options) {
  let { deps, decision, outcome, transcript, progress } = options, { gh, runner, settings, defaultBranch } = options.started, mode = decision.mode;
  if (!settings.model)
    throw new RunFailed(
      "no model is configured: set the `model` input (and `provider`, `base_url`, `api_key`) in the workflow."
    );
  let costProblem = costBudgetProblem(settings, knownPrices);
  if (costProblem) throw new RunFailed(costProblem);
  let llm = deps.createLlm({
    ...llmOptionsFrom(settings, settings.api_key),
    now: deps.now,
    sleep: deps.sleep,
    fetch: deps.fetch
  }), git = new GitCommandManager({ cwd: runner.workspace, env: deps.env });
  for (let line of await removePersistedCredentials(git)) deps.stdout(`Kubrick: ${line}`);
  await git.trustCurrentState();
  let auth = pushAuthConfig(runner.serverUrl, settings.github_token), context = { gh, git, auth, runner, settings, decision, defaultBranch }, { policy, target, sandbox } = await prepareTogether(deps, { ...context, ownLogin: options.ownLogin });
  progress.step(target.preparedLabel), outcome.sandbox = sandbox ? sandbox.description : null, sandbox?.kind === "none" && workflowLog(deps.stdout).warn(sandbox.description), mode === "fix" && progress.step(
    policy ? `Loaded the command policy ${settings.policy_path}` : `No command policy (${settings.policy_path}) on ${defaultBranch}: no command will run`
  ), progress.step(`Started the agent (${settings.provider}/${settings.model})`);
  let result = await runAgentSession({
    settings,
    mode,
    task: target.task,
    workspaceRoot: runner.workspace,
    policy,
    sandbox,
    llm,
    env: deps.env,
    transcript,
    now: deps.now,
    extraPrompt: target.extraPrompt,
    onEvent: (event) => progress.agent(event)
  });
  recordResult(outcome, result, settings), progress.step("The agent finished");
  let tampered = await git.changedControlFiles();
  if (tampered.length > 0) throw new RunFailed(tamperedMessage(tampered));
  if (mode === "fix") {
    let changed = await publishFix({ ...context, target, result, outcome });
    return { kind: "agent", result, nothingChanged: !changed };
  }
  return mode === "review" && result.conclusion === "success" ? await publishReview({ gh, runner, settings, target, result, outcome }) : mode === "plan" && result.conclusion === "success" && (outcome.planId = `${runner.runId}-${decision.commentId ?? threadNumber(decision.target) ?? 0}`), { kind: "agent", result, nothingChanged: !1 };
}
export {
  executeRun
};
