import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  mcpReportLines
} from "./chunk-QLPD7WVL.js";
import {
  attemptMarker,
  capMarker,
  planMarker,
  runUrl
} from "./chunk-JVAR6PGU.js";

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
function renderFinalComment(marker, outcome) {
  let explainsCi = outcome.ci?.explain === !0, word = explainsCi ? "CI explanation" : outcome.mode ? MODE_WORDS[outcome.mode] ?? outcome.mode : "", mode = word ? ` (${word})` : "", summaryTitle = explainsCi ? "Why CI failed" : outcome.mode === "ask" ? "Answer" : outcome.mode === "plan" ? "Plan" : "Summary";
  return [
    outcome.planId ? `${marker}
${planMarker(outcome.planId)}` : marker,
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
function renderProgressComment(marker, state) {
  let checklist = state.steps.map((s) => `- [${s.done ? "x" : " "}] ${s.label}`).join(`
`), working = state.iteration > 0 ? `
- [ ] Working: turn ${state.iteration} of ${state.maxIterations}` : "", recent = state.recent.length > 0 ? `

<details><summary>Recent steps</summary>

${state.recent.map((r) => `- ${r}`).join(`
`)}

</details>` : "";
  return [
    marker,
    `### \u{1F440} Kubrick is working${state.mode ? ` (${state.mode})` : ""}`,
    quoteTask(state.task),
    `${checklist}${working}${recent}`,
    state.runUrl ? `<sub>[Workflow run](${state.runUrl})</sub>` : ""
  ].filter((p) => p !== "").join(`

`);
}

export {
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
  threadNumber
};
