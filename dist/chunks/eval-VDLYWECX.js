import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  apiKeyFor,
  localInstructions,
  sessionChanges,
  settingsFromFlags,
  trustedLocalGit
} from "./chunk-PSXFWY5D.js";
import {
  NO_USAGE
} from "./chunk-YHE7CIF2.js";
import {
  Transcript,
  agentConclusion,
  cliKeyWording,
  createLlmClient,
  missingKeyProblem
} from "./chunk-YKIS4CWJ.js";
import {
  EXIT,
  UsageError
} from "./chunk-H6C3COZ7.js";
import {
  ConfigError,
  resolveSettings
} from "./chunk-J4KUIEG5.js";
import {
  VERSION
} from "./chunk-KHDHNSJS.js";
import {
  GitCommandManager,
  costBudgetProblem,
  knownPrices,
  llmOptionsFrom,
  runAgentSession,
  sandboxFromSettings,
  usageOf
} from "./chunk-QSHTLRY7.js";
import {
  PolicyError,
  loadPolicy
} from "./chunk-VBCSLYBZ.js";
import "./chunk-QLPD7WVL.js";
import {
  neutralizeWorkflowCommands
} from "./chunk-BRVQXLGQ.js";
import "./chunk-DJHR2ASC.js";
import "./chunk-COFS5CHV.js";
import "./chunk-LMCTYMUF.js";
import "./chunk-PIKDBYOK.js";
import {
  Redactor
} from "./chunk-H4MY3GRQ.js";
import "./chunk-4IT6WIMZ.js";
import {
  array,
  boolean,
  int,
  number,
  object,
  require_dist,
  strictObject,
  string,
  tuple
} from "./chunk-QV4DZ7X2.js";
import "./chunk-JYDXIRY6.js";
import "./chunk-NYFBYEPR.js";
import "./chunk-MT3GVHK4.js";
import {
  errorMessage
} from "./chunk-FJ64FDQQ.js";
import {
  __toESM
} from "./chunk-3E3X5MMN.js";

// src/cli/eval.ts
import { existsSync as existsSync3, mkdirSync as mkdirSync3, mkdtempSync as mkdtempSync3, readFileSync as readFileSync2, rmSync as rmSync3, statSync as statSync2, writeFileSync } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname3, join as join6, resolve as resolve2 } from "node:path";
import { parseArgs } from "node:util";

// src/eval/builtin.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findBuiltinSuite(from = dirname(fileURLToPath(import.meta.url))) {
  for (let dir = from; ; dir = dirname(dir)) {
    let suite = join(dir, "eval", "suite");
    if (existsSync(join(suite, "policy.yml")) && existsSync(join(dir, "package.json"))) return suite;
    if (dirname(dir) === dir) return null;
  }
}

// src/eval/report.ts
var round = (value, digits) => {
  let factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
function wilsonInterval(successes, n, z = 1.959964) {
  if (n <= 0) return [0, 1];
  let p = successes / n, z2 = z * z, denominator = 1 + z2 / n, centre = (p + z2 / (2 * n)) / denominator, half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
function sumCost(costs) {
  return costs.some((cost) => cost === null) ? null : round(
    costs.reduce((total, cost) => total + (cost ?? 0), 0),
    6
  );
}
function buildReport(input) {
  let tasks = input.results.map((result) => ({
    name: result.name,
    run: result.run,
    solved: result.solved,
    conclusion: result.conclusion,
    iterations: result.iterations,
    tool_calls: result.toolCalls,
    commands_denied: result.commandsDenied,
    tokens_in: result.tokensIn,
    tokens_out: result.tokensOut,
    tokens_cached: result.tokensCached,
    cost_usd: result.costUsd === null ? null : round(result.costUsd, 6),
    seconds: round(result.seconds, 2)
  })), solved = tasks.filter((task) => task.solved).length, total = tasks.length, [lo, hi] = wilsonInterval(solved, total);
  return {
    model: input.model,
    provider: input.provider,
    runs: input.runs,
    solved,
    total,
    solve_rate: total === 0 ? 0 : round(solved / total, 4),
    ci95: [round(lo, 4), round(hi, 4)],
    cost_usd: sumCost(tasks.map((task) => task.cost_usd)),
    seconds: round(input.seconds, 2),
    tasks
  };
}
var reportSchema = object({
  model: string(),
  provider: string(),
  runs: int().positive(),
  solved: int().nonnegative(),
  total: int().nonnegative(),
  solve_rate: number().min(0).max(1),
  ci95: tuple([number(), number()]),
  cost_usd: number().nullable(),
  seconds: number().nonnegative(),
  tasks: array(
    object({
      name: string(),
      run: int().positive(),
      solved: boolean(),
      conclusion: string(),
      iterations: int().nonnegative(),
      tool_calls: int().nonnegative(),
      commands_denied: int().nonnegative(),
      tokens_in: int().nonnegative(),
      tokens_out: int().nonnegative(),
      tokens_cached: int().nonnegative(),
      cost_usd: number().nullable(),
      seconds: number().nonnegative()
    })
  )
});
function cell(text2, max = 200) {
  let flat = text2.replace(/[\r\n\t]+/g, " ").trim();
  return (flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat).replace(/[\\`*_[\]<>|#!~]/g, (character) => `\\${character}`);
}
function percent(rate) {
  return `${(rate * 100).toFixed(1)} %`;
}
function money(cost) {
  return cost === null ? "unknown" : cost >= 0.01 || cost === 0 ? `$${cost.toFixed(2)}` : `$${cost.toFixed(4)}`;
}
function duration(seconds2) {
  if (seconds2 < 60) return `${seconds2.toFixed(1)} s`;
  let minutes = Math.floor(seconds2 / 60);
  return `${minutes} min ${Math.round(seconds2 - minutes * 60)} s`;
}
function headline(report) {
  return `${report.solved}/${report.total} solved (${percent(report.solve_rate)}, 95 % CI ${percent(report.ci95[0])} \u2013 ${percent(report.ci95[1])})`;
}
function renderMarkdown(report, context, notes = /* @__PURE__ */ new Map()) {
  let date = context.date.toISOString().replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC"), lines = [
    `## Kubrick eval: ${headline(report)}`,
    "",
    `Model ${cell(report.model, 120)} via ${cell(report.provider)} \xB7 Kubrick ${cell(context.version)} \xB7 ${date} \xB7 ${report.runs} run${report.runs === 1 ? "" : "s"} per task \xB7 cost ${money(report.cost_usd)} \xB7 ${duration(report.seconds)} \xB7 sandbox: ${cell(context.sandbox.split(/[(:]/)[0] ?? "", 60)}`,
    "",
    "| task | run | solved | conclusion | iterations | tool calls | commands denied | tokens in | tokens out | tokens cached | cost | seconds |",
    "|---|---:|:---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  ];
  for (let task of report.tasks)
    lines.push(
      `| ${cell(task.name)} | ${task.run} | ${task.solved ? "\u2705" : "\u274C"} | ${cell(task.conclusion)} | ${task.iterations} | ${task.tool_calls} | ${task.commands_denied} | ${task.tokens_in} | ${task.tokens_out} | ${task.tokens_cached} | ${money(task.cost_usd)} | ${task.seconds.toFixed(1)} |`
    );
  let noted = report.tasks.filter((task) => notes.has(`${task.name}#${task.run}`));
  if (noted.length > 0) {
    lines.push("", "Runs that ended early or failed:", "");
    for (let task of noted)
      lines.push(
        `- ${cell(task.name)} (run ${task.run}): ${cell(notes.get(`${task.name}#${task.run}`), 300)}`
      );
  }
  return lines.push(""), lines.join(`
`);
}

// src/eval/compare.ts
var CompareError = class extends Error {
  constructor(message) {
    super(message), this.name = "CompareError";
  }
};
function parseReport(text2, source) {
  let data;
  try {
    data = JSON.parse(text2);
  } catch (error) {
    throw new CompareError(
      `${source} is not JSON (${error.message}); pass files written by \`kubrick eval --json\` or \`--out\``
    );
  }
  let parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    let issue = parsed.error.issues[0], where = issue?.path.length ? issue.path.join(".") : "the top level";
    throw new CompareError(
      `${source} is not a kubrick eval report: ${where}: ${issue?.message ?? "invalid"}; pass files written by \`kubrick eval --json\` or \`--out\``
    );
  }
  return parsed.data;
}
function mean(values) {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
function summarizeTasks(report) {
  let byName = /* @__PURE__ */ new Map();
  for (let entry of report.tasks) byName.set(entry.name, [...byName.get(entry.name) ?? [], entry]);
  let summaries = /* @__PURE__ */ new Map();
  for (let [name, entries] of byName) {
    let costs = entries.map((entry) => entry.cost_usd);
    summaries.set(name, {
      solved: entries.filter((entry) => entry.solved).length,
      runs: entries.length,
      costUsd: costs.some((cost) => cost === null) ? null : mean(costs),
      seconds: mean(entries.map((entry) => entry.seconds)),
      tokens: mean(entries.map((entry) => entry.tokens_in + entry.tokens_out))
    });
  }
  return summaries;
}
function changeOf(a, b) {
  if (!a) return "only in B";
  if (!b) return "only in A";
  let rateA = a.solved / a.runs, rateB = b.solved / b.runs;
  return rateB > rateA ? "improved" : rateB < rateA ? "regressed" : "same";
}
function compareReports(a, b) {
  let summariesA = summarizeTasks(a), summariesB = summarizeTasks(b), tasks = [.../* @__PURE__ */ new Set([...summariesA.keys(), ...summariesB.keys()])].sort().map((name) => {
    let sa = summariesA.get(name) ?? null, sb = summariesB.get(name) ?? null;
    return { name, a: sa, b: sb, change: changeOf(sa, sb) };
  });
  return { a, b, tasks, overlapping: a.ci95[0] <= b.ci95[1] && b.ci95[0] <= a.ci95[1] };
}
var MARKS = {
  improved: "\u25B2 improved",
  regressed: "\u25BC regressed",
  same: "same",
  "only in A": "only in A",
  "only in B": "only in B"
};
function solvedCell(summary) {
  return summary ? `${summary.solved}/${summary.runs}` : "\u2014";
}
function side(report) {
  return `${cell(report.model, 80)} via ${cell(report.provider)}`;
}
function renderComparison(comparison, labels) {
  let { a, b } = comparison, points = (b.solve_rate - a.solve_rate) * 100, counts = (change) => comparison.tasks.filter((task) => task.change === change).length, lines = [
    `## Kubrick eval comparison: ${points >= 0 ? "+" : ""}${points.toFixed(1)} points`,
    "",
    `| | A: ${cell(labels.a, 80)} | B: ${cell(labels.b, 80)} |`,
    "|---|---|---|",
    `| model | ${side(a)} | ${side(b)} |`,
    `| solved | ${headline(a)} | ${headline(b)} |`,
    `| runs per task | ${a.runs} | ${b.runs} |`,
    `| cost | ${money(a.cost_usd)} | ${money(b.cost_usd)} |`,
    `| time | ${duration(a.seconds)} | ${duration(b.seconds)} |`,
    "",
    `${counts("improved")} improved, ${counts("regressed")} regressed, ${counts("same")} unchanged` + (counts("only in A") + counts("only in B") > 0 ? `, ${counts("only in A")} only in A, ${counts("only in B")} only in B.` : ".") + (comparison.overlapping ? " The 95 % intervals overlap, so the difference in solve rate may be noise: more tasks or `--runs` narrow them." : " The 95 % intervals do not overlap."),
    "",
    "| task | A solved | B solved | change | A cost | B cost | A seconds | B seconds | A tokens | B tokens |",
    "|---|:---:|:---:|---|---:|---:|---:|---:|---:|---:|"
  ];
  for (let task of comparison.tasks) {
    let number2 = (summary, pick) => summary ? pick(summary) : "\u2014";
    lines.push(
      `| ${cell(task.name)} | ${solvedCell(task.a)} | ${solvedCell(task.b)} | ${MARKS[task.change]} | ${number2(task.a, (s) => money(s.costUsd))} | ${number2(task.b, (s) => money(s.costUsd))} | ${number2(task.a, (s) => s.seconds.toFixed(1))} | ${number2(task.b, (s) => s.seconds.toFixed(1))} | ${number2(task.a, (s) => String(Math.round(s.tokens)))} | ${number2(task.b, (s) => String(Math.round(s.tokens)))} |`
    );
  }
  return lines.push(""), lines.join(`
`);
}
function comparisonJson(comparison) {
  let overall = (report) => ({
    model: report.model,
    provider: report.provider,
    runs: report.runs,
    solved: report.solved,
    total: report.total,
    solve_rate: report.solve_rate,
    ci95: report.ci95,
    cost_usd: report.cost_usd,
    seconds: report.seconds
  }), summary = (s) => s && { solved: s.solved, runs: s.runs, cost_usd: s.costUsd, seconds: s.seconds, tokens: s.tokens };
  return {
    a: overall(comparison.a),
    b: overall(comparison.b),
    solve_rate_change: Math.round((comparison.b.solve_rate - comparison.a.solve_rate) * 1e4) / 1e4,
    intervals_overlap: comparison.overlapping,
    tasks: comparison.tasks.map((task) => ({
      name: task.name,
      change: task.change,
      a: summary(task.a),
      b: summary(task.b)
    }))
  };
}

// src/eval/progress.ts
var CLEAR_LINE = "\r\x1B[2K", Progress = class {
  constructor(options) {
    this.options = options;
    this.now = options.now ?? Date.now, this.started = this.now(), options.terminal && (this.timer = setInterval(() => this.redraw(), 1e3), this.timer.unref());
  }
  options;
  done = 0;
  solved = 0;
  running = /* @__PURE__ */ new Map();
  started;
  now;
  timer;
  statusShown = !1;
  jobStarted(job) {
    this.running.set(job, "starting"), this.redraw();
  }
  agentEvent(job, event) {
    event.type !== "tool" || !this.running.has(job) || (this.running.set(job, `[${event.iteration}] ${event.name}`), this.redraw());
  }
  jobFinished(result, job) {
    this.running.delete(job), this.done++, result.solved && this.solved++, this.print(this.finishedLine(result));
  }
  /** Removes the status line; the finished lines stay. */
  stop() {
    this.timer && clearInterval(this.timer), this.timer = void 0, this.statusShown && this.options.write(CLEAR_LINE), this.statusShown = !1;
  }
  finishedLine(result) {
    let width = String(this.options.total).length, run = this.options.runsPerTask > 1 ? ` run ${result.run}/${this.options.runsPerTask}` : "", parts = [
      result.solved ? "solved" : "not solved",
      result.conclusion,
      `${result.iterations} iteration${result.iterations === 1 ? "" : "s"}`,
      `${result.toolCalls} tool call${result.toolCalls === 1 ? "" : "s"}`,
      duration(result.seconds),
      money(result.costUsd)
    ];
    return result.reason && parts.push(this.options.clean(result.reason.replace(/\s+/g, " ").slice(0, 200))), `kubrick eval: [${String(this.done).padStart(width)}/${this.options.total}] ${result.name}${run}: ${parts.join(" \xB7 ")}`;
  }
  print(line) {
    this.statusShown && this.options.write(CLEAR_LINE), this.statusShown = !1, this.options.write(`${line}
`), this.redraw();
  }
  redraw() {
    let terminal = this.options.terminal;
    if (!terminal || this.running.size === 0) return;
    let running = [...this.running].map(([job, what]) => `${job.task.name} ${what}`).join(", "), elapsed = duration((this.now() - this.started) / 1e3), line = `  ${this.done}/${this.options.total} done, ${this.solved} solved \xB7 ${elapsed} \xB7 running: ${running}`, max = Math.max(20, terminal.columns - 1);
    line.length > max && (line = `${line.slice(0, max - 1)}\u2026`), this.options.write(`${CLEAR_LINE}${line}`), this.statusShown = !0;
  }
};

// src/eval/run-task.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync2 } from "node:fs";
import { join as join4 } from "node:path";

// src/eval/check.ts
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname as dirname2, join as join2 } from "node:path";
var MAX_OUTPUT_BYTES = 64 * 1024, SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
function checkEnv(scratch) {
  return {
    PATH: `${dirname2(process.execPath)}:${SYSTEM_PATH}`,
    HOME: join2(scratch, "home"),
    TMPDIR: join2(scratch, "tmp"),
    LANG: "C.UTF-8",
    CI: "true",
    TERM: "dumb",
    PYTHONDONTWRITEBYTECODE: "1"
  };
}
async function runCheck(options) {
  let scratch = mkdtempSync(join2(tmpdir(), "kubrick-check-"));
  try {
    let env = checkEnv(scratch);
    mkdirSync(env.HOME, { mode: 448 }), mkdirSync(env.TMPDIR, { mode: 448 });
    let result = await options.sandbox.run({
      argv: ["bash", "--noprofile", "--norc", "-c", options.command],
      cwd: options.workspace,
      env,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: MAX_OUTPUT_BYTES
    });
    return {
      solved: result.exitCode === 0 && !result.timedOut && !result.aborted,
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      durationMs: result.durationMs,
      stdout: result.stdout,
      stderr: result.stderr
    };
  } finally {
    rmSync(scratch, { recursive: !0, force: !0 });
  }
}

// src/eval/checkout.ts
import { cpSync, mkdirSync as mkdirSync2, realpathSync } from "node:fs";
import { basename, join as join3 } from "node:path";
var COMMIT_ENV = {
  GIT_AUTHOR_NAME: "kubrick eval",
  GIT_AUTHOR_EMAIL: "eval@kubrick.invalid",
  GIT_COMMITTER_NAME: "kubrick eval",
  GIT_COMMITTER_EMAIL: "eval@kubrick.invalid",
  GIT_AUTHOR_DATE: "2000-01-01T00:00:00Z",
  GIT_COMMITTER_DATE: "2000-01-01T00:00:00Z"
};
async function checkoutTask(repoDir, into, env) {
  let workspace = join3(into, "repo");
  mkdirSync2(workspace, { recursive: !0 }), cpSync(repoDir, workspace, {
    recursive: !0,
    verbatimSymlinks: !0,
    filter: (source) => basename(source) !== ".git"
  });
  let git = new GitCommandManager({
    cwd: workspace,
    env: { PATH: env.PATH ?? "/usr/bin:/bin", HOME: into, GIT_CONFIG_NOSYSTEM: "1" }
  });
  return await git.exec(["init", "-q", "-b", "main", "--template="]), await git.exec(["add", "-A"]), await git.exec(["commit", "-q", "--allow-empty", "--no-verify", "-m", "Task starting point"], {
    env: COMMIT_ENV
  }), realpathSync(workspace);
}

// src/eval/run-task.ts
var CHECK_OUTPUT_TAIL = 4e3;
async function runTask(job, deps) {
  let now = deps.now ?? Date.now, { task, settings } = job, transcript = deps.transcriptFor(job), dir = mkdtempSync2(join4(deps.tempRoot, `${task.name}-${job.run}-`)), outcome = null, seconds2 = 0, check = null, reason = null;
  try {
    let workspace = await checkoutTask(task.repoDir, dir, deps.env), sandbox = await deps.createSandbox(settings, workspace), started = now();
    try {
      outcome = await deps.runSession({
        settings,
        task: task.prompt,
        workspace,
        policy: task.policy,
        sandbox,
        transcript,
        onEvent: (event) => deps.onEvent?.(job, event)
      });
    } finally {
      seconds2 = (now() - started) / 1e3, await sandbox.close?.();
    }
    if (outcome.tampered)
      transcript.record({ type: "eval_check", solved: !1, skipped: "the run changed git control files" });
    else {
      let checkSandbox = await deps.createSandbox(settings, workspace);
      try {
        check = await runCheck({
          command: task.check,
          workspace,
          sandbox: checkSandbox,
          timeoutMs: task.checkTimeout * 1e3
        });
      } finally {
        await checkSandbox.close?.();
      }
      transcript.record({
        type: "eval_check",
        solved: check.solved,
        exitCode: check.exitCode,
        timedOut: check.timedOut,
        durationMs: check.durationMs,
        stdout: check.stdout.slice(-CHECK_OUTPUT_TAIL),
        stderr: check.stderr.slice(-CHECK_OUTPUT_TAIL)
      });
    }
  } catch (error) {
    reason = `the eval could not complete this run: ${errorMessage(error)}`, transcript.record({ type: "eval_error", reason });
  } finally {
    rmSync2(dir, { recursive: !0, force: !0 });
  }
  let { tokensEstimated: _estimated, ...usage } = usageOf(outcome?.result ?? NO_USAGE);
  return {
    name: task.name,
    run: job.run,
    solved: check?.solved ?? !1,
    conclusion: reason !== null ? "failure" : outcome?.conclusion ?? "failure",
    reason: reason ?? outcome?.result.reason ?? null,
    ...usage,
    seconds: seconds2,
    check
  };
}
async function runJobs(jobs, concurrency, runOne, onFinished = () => {
}) {
  let results = new Array(jobs.length), next = 0, worker = async () => {
    for (; next < jobs.length; ) {
      let index = next++, job = jobs[index];
      results[index] = await runOne(job), onFinished(results[index], job);
    }
  };
  return await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker)), results;
}

// src/eval/settings.ts
function taskSettings(task, flags, flagNames = {}) {
  let fromTask = {};
  task.maxIterations !== void 0 && (fromTask.max_iterations = String(task.maxIterations)), task.totalTimeout !== void 0 && (fromTask.total_timeout = String(task.totalTimeout));
  let origins = {
    given: (name, problem) => `${flagNames[name] ?? `${name} (task.yml)`}: ${problem}`,
    repoConfig: (name, problem) => `${name}: ${problem}`
  };
  return resolveSettings({ ...fromTask, ...flags, mode: "fix" }, {}, origins).settings;
}

// src/eval/suite.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2, readdirSync, readFileSync, statSync } from "node:fs";
import { join as join5, resolve } from "node:path";
var DEFAULT_CHECK_TIMEOUT_S = 120, SuiteError = class extends Error {
  constructor(problems) {
    super(problems.join(`
`));
    this.problems = problems;
    this.name = "SuiteError";
  }
  problems;
}, TASK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/, FIELDS = {
  prompt: "the task text, a non-empty string",
  check: "a shell command (run with bash; exit 0 = solved), a non-empty string",
  policy: 'a list of allowed command prefixes such as ["node --test"]',
  max_iterations: "a positive integer",
  total_timeout: "a positive number of seconds, at most 86400",
  check_timeout: "a positive number of seconds, at most 86400"
}, FIELD_NAMES = Object.keys(FIELDS), text = string().trim().min(1), seconds = number().positive().max(86400), taskSchema = strictObject({
  prompt: text,
  check: text,
  policy: array(text).optional(),
  max_iterations: int().positive().optional(),
  total_timeout: seconds.optional(),
  check_timeout: seconds.optional()
});
function describe(value) {
  if (value === void 0) return "nothing";
  let json = JSON.stringify(value);
  return json === void 0 ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
function lineOf(document, lines, key) {
  if (!(0, import_yaml.isMap)(document.contents)) return;
  let pair = document.contents.items.find((item) => (0, import_yaml.isScalar)(item.key) && String(item.key.value) === key), offset = pair && (0, import_yaml.isScalar)(pair.key) ? pair.key.range?.[0] : void 0;
  return offset === void 0 ? void 0 : lines.linePos(offset).line;
}
function parseTaskFile(name, path) {
  let where = (line) => `task "${name}": task.yml${line ? ` line ${line}` : ""}`, lines = new import_yaml.LineCounter(), source;
  try {
    source = readFileSync(path, "utf8");
  } catch (error) {
    return {
      problems: [`${where()}: cannot be read (${error.code ?? String(error)})`]
    };
  }
  let document = (0, import_yaml.parseDocument)(source, { lineCounter: lines, uniqueKeys: !0 });
  if (document.errors.length > 0)
    return {
      problems: document.errors.map((error) => {
        let line = error.linePos?.[0]?.line;
        return `${where(line)}: invalid YAML: ${(error.message.split(`
`)[0] ?? "").replace(/:\s*$/, "")}`;
      })
    };
  let raw;
  try {
    raw = document.toJS();
  } catch (error) {
    return { problems: [`${where()}: invalid YAML: ${error.message}`] };
  }
  if (raw === null || typeof raw != "object" || Array.isArray(raw))
    return {
      problems: [`${where()}: must be a mapping with at least the fields "prompt" and "check"`]
    };
  let parsed = taskSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  let problems = [];
  for (let issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (let key of issue.keys)
        problems.push(
          `${where(lineOf(document, lines, key))}: unknown field "${key}"; the fields are ${FIELD_NAMES.join(", ")}`
        );
      continue;
    }
    let field = String(issue.path[0] ?? ""), value = raw[field], expected = FIELDS[field] ?? "valid", entry = issue.path.length > 1 ? ` (entry ${Number(issue.path[1]) + 1})` : "";
    problems.push(
      value === void 0 ? `${where()}: field "${field}" is missing; it must be ${expected}` : `${where(lineOf(document, lines, field))}: field "${field}"${entry} must be ${expected}, not ${describe(value)}`
    );
  }
  return { problems: [...new Set(problems)] };
}
function policyFromList(name, allow) {
  return loadPolicy((0, import_yaml.stringify)({ version: 1, allow }), `task "${name}": task.yml field "policy"`);
}
function isDirectory(path) {
  return existsSync2(path) && statSync(path).isDirectory();
}
function loadSuite(suiteDir) {
  let dir = resolve(suiteDir);
  if (!isDirectory(dir)) throw new SuiteError([`suite ${dir} is not a directory`]);
  let problems = [], suitePolicy = null, suitePolicyPath = join5(dir, "policy.yml");
  if (existsSync2(suitePolicyPath))
    try {
      suitePolicy = loadPolicy(readFileSync(suitePolicyPath, "utf8"), "suite policy.yml");
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push(error.message);
    }
  let tasks = [], folders = readdirSync(dir, { withFileTypes: !0 }).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name).sort();
  for (let name of folders) {
    if (!TASK_NAME.test(name)) {
      problems.push(
        `task "${name}": the folder name must start with a letter or digit and hold only letters, digits, ".", "_" and "-"`
      );
      continue;
    }
    let taskDir = join5(dir, name), taskFile = join5(taskDir, "task.yml"), repoDir = join5(taskDir, "repo");
    if (!existsSync2(taskFile)) {
      problems.push(`task "${name}": task.yml is missing (every folder of a suite is a task)`);
      continue;
    }
    if (!statSync(taskFile).isFile()) {
      problems.push(`task "${name}": task.yml must be a file`);
      continue;
    }
    isDirectory(repoDir) || problems.push(`task "${name}": repo/ is missing; it holds the starting files`);
    let parsed = parseTaskFile(name, taskFile);
    if ("problems" in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    let data = parsed.data, policy = suitePolicy, policySource = suitePolicy ? "policy.yml" : "none";
    if (data.policy !== void 0)
      try {
        policy = policyFromList(name, data.policy), policySource = "task.yml";
      } catch (error) {
        if (!(error instanceof PolicyError)) throw error;
        problems.push(error.message);
        continue;
      }
    tasks.push({
      name,
      repoDir,
      prompt: data.prompt,
      check: data.check,
      policy,
      policySource,
      checkTimeout: data.check_timeout ?? DEFAULT_CHECK_TIMEOUT_S,
      ...data.max_iterations !== void 0 ? { maxIterations: data.max_iterations } : {},
      ...data.total_timeout !== void 0 ? { totalTimeout: data.total_timeout } : {}
    });
  }
  if (problems.length > 0) throw new SuiteError(problems);
  if (tasks.length === 0)
    throw new SuiteError([
      `suite ${dir} has no tasks: add one folder per task, each with task.yml and repo/`
    ]);
  return { dir, tasks };
}
function selectTasks(suite, names) {
  if (names === null) return suite.tasks;
  let known = new Set(suite.tasks.map((task) => task.name)), unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new SuiteError([
      `--tasks: no task named ${unknown.map((n) => `"${n}"`).join(", ")} in ${suite.dir}; the tasks are ${[...known].join(", ")}`
    ]);
  let wanted = new Set(names);
  return suite.tasks.filter((task) => wanted.has(task.name));
}

// src/cli/eval.ts
var USAGE = `Usage: kubrick eval [--suite DIR] --model NAME [options]
       kubrick eval --compare A.json B.json [--json]

Measures how well a model, behind a policy and in the sandbox, solves real tasks. Every task of the
suite runs with the same loop as \`kubrick run\` (fix mode, the task's policy, the sandbox) in a fresh
temporary git checkout of its files; then the task's check runs in the final workspace, in the
sandbox, and decides solved or not. The model never sees the check. Prints a Markdown table (or JSON)
on stdout and one progress line per finished task on stderr.

Options:
  --suite DIR              the suite (default: the built-in suite, eval/suite); see docs/eval.md
  --tasks A,B              only these tasks
  --runs N                 runs of each task (default 1); more runs narrow the 95 % interval
  --concurrency K          task runs at the same time (default 1)
  --provider NAME          openai (default), anthropic or triton
  --base-url URL           model server root (or KUBRICK_BASE_URL)
  --model NAME             model name (or KUBRICK_MODEL)
  --max-iterations N       model calls per run, for every task (default: the task's, else 15)
  --total-timeout S        seconds per run, for every task (default: the task's, else 600)
  --context-window TOKENS  context window of the model (default 128000)
  --price-per-mtok-in USD  price of a million input tokens, for models not in the built-in table
  --price-per-mtok-out USD price of a million output tokens
  --sandbox MODE           auto (default), namespaces or none
  --transcripts DIR        write each run's JSON Lines transcript (and its check's output) there
  --json                   print the report as JSON instead of a Markdown table
  --out FILE               also write the JSON report to FILE (for --compare)
  --compare A B            compare two JSON reports task by task (A the baseline, B the candidate)

The API key comes from KUBRICK_API_KEY, else OPENAI_API_KEY or ANTHROPIC_API_KEY by provider.
Exit codes: 0 the report was made (whatever the solve rate), 1 failure, 2 usage error or invalid suite.
`, FLAG_TO_SETTING = {
  provider: "provider",
  "base-url": "base_url",
  model: "model",
  "max-iterations": "max_iterations",
  "total-timeout": "total_timeout",
  "context-window": "context_window",
  "price-per-mtok-in": "price_per_mtok_in",
  "price-per-mtok-out": "price_per_mtok_out",
  sandbox: "sandbox"
}, MAX_CONCURRENCY = 32, MAX_RUNS = 100;
function positiveInt(flag, value, fallback, max) {
  if (value === void 0) return fallback;
  let text2 = String(value).trim(), number2 = /^\d+$/.test(text2) ? Number(text2) : NaN;
  if (!Number.isSafeInteger(number2) || number2 < 1 || number2 > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not "${text2}"`);
  return number2;
}
function outputPath(flag, cwd, value, kind) {
  if (typeof value != "string") return null;
  let path = resolve2(cwd, value);
  if (existsSync3(path) && statSync2(path).isDirectory() !== (kind === "directory"))
    throw new UsageError(
      `--${flag} ${path} must be a ${kind}, and a ${kind === "file" ? "directory" : "file"} is there`
    );
  return path;
}
function parse(args) {
  try {
    return parseArgs({
      args,
      options: {
        suite: { type: "string" },
        tasks: { type: "string" },
        runs: { type: "string" },
        concurrency: { type: "string" },
        transcripts: { type: "string" },
        json: { type: "boolean" },
        out: { type: "string" },
        compare: { type: "boolean" },
        help: { type: "boolean" },
        ...Object.fromEntries(Object.keys(FLAG_TO_SETTING).map((k) => [k, { type: "string" }]))
      },
      strict: !0,
      allowPositionals: !0
    });
  } catch (error) {
    throw new UsageError(`${error.message}

${USAGE}`);
  }
}
function compareCommand({ values, positionals }, io) {
  if (positionals.length !== 2)
    throw new UsageError(`--compare takes two report files (A, the baseline, and B)

${USAGE}`);
  let others = Object.keys(values).filter((key) => !["compare", "json"].includes(key));
  if (others.length > 0)
    throw new UsageError(`--compare only takes --json, not ${others.map((key) => `--${key}`).join(", ")}`);
  let [pathA, pathB] = positionals, read = (path) => {
    let full = resolve2(io.cwd, path), text2;
    try {
      text2 = readFileSync2(full, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read ${path}: ${error.code ?? error.message}`
      );
    }
    try {
      return parseReport(text2, path);
    } catch (error) {
      throw error instanceof CompareError ? new UsageError(error.message) : error;
    }
  }, comparison = compareReports(read(pathA), read(pathB));
  return io.stdout(
    values.json ? `${JSON.stringify(comparisonJson(comparison))}
` : neutralizeWorkflowCommands(renderComparison(comparison, { a: pathA, b: pathB }))
  ), EXIT.ok;
}
function suiteProblems(error, suite) {
  let lines = error.problems.map((problem) => `  ${problem}`).join(`
`);
  return new UsageError(`the suite ${suite} cannot run:
${lines}
See docs/eval.md for the suite format.`);
}
function planJobs(suiteDir, names, flags, runs) {
  try {
    let planned = selectTasks(loadSuite(suiteDir), names).map((task) => ({ task, settings: taskSettings(task, flags.inputs, flags.origin) })), problems = planned.flatMap(({ task, settings }) => {
      let problem = costBudgetProblem(settings, knownPrices);
      return problem ? [`task "${task.name}": ${problem}`] : [];
    });
    if (problems.length > 0) throw new SuiteError(problems);
    return planned.flatMap(
      ({ task, settings }) => Array.from({ length: runs }, (_, i) => ({ task, settings, run: i + 1 }))
    );
  } catch (error) {
    throw error instanceof SuiteError || error instanceof ConfigError ? suiteProblems(error, suiteDir) : error;
  }
}
function cleanUpOnSignal(tempRoot) {
  let handler = (signal) => {
    rmSync3(tempRoot, { recursive: !0, force: !0 }), process.exit(signal === "SIGINT" ? 130 : 143);
  };
  return process.once("SIGINT", handler), process.once("SIGTERM", handler), () => {
    process.off("SIGINT", handler), process.off("SIGTERM", handler);
  };
}
function suiteDirFrom(values, cwd) {
  if (typeof values.suite == "string") return resolve2(cwd, values.suite);
  let builtin = findBuiltinSuite();
  if (!builtin)
    throw new UsageError("the built-in suite (eval/suite) is not next to this kubrick; pass --suite DIR");
  return builtin;
}
function taskNamesFrom(values) {
  if (typeof values.tasks != "string") return null;
  let names = values.tasks.split(",").map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length === 0) throw new UsageError("--tasks needs at least one task name");
  return names;
}
function planEval({ values, positionals }, io) {
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}" (did you mean --suite ${positionals[0]}?)`);
  let runs = positiveInt("runs", values.runs, 1, MAX_RUNS), concurrency = positiveInt("concurrency", values.concurrency, 1, MAX_CONCURRENCY), flags = settingsFromFlags(values, FLAG_TO_SETTING, io.env), base;
  try {
    base = taskSettings({}, flags.inputs, flags.origin);
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
  if (!base.model) throw new UsageError("--model (or KUBRICK_MODEL) is required");
  let jobs = planJobs(suiteDirFrom(values, io.cwd), taskNamesFrom(values), flags, runs), transcriptsDir = outputPath("transcripts", io.cwd, values.transcripts, "directory"), outPath = outputPath("out", io.cwd, values.out, "file");
  return { runs, concurrency, base, jobs, transcriptsDir, outPath, json: values.json === !0 };
}
function sessionRunner(apiKey, io) {
  return async (request) => {
    let git = await trustedLocalGit(request.workspace, io.env), instructions = await localInstructions(request.settings, request.workspace), result = await runAgentSession({
      settings: request.settings,
      mode: "fix",
      task: request.task,
      workspaceRoot: request.workspace,
      policy: request.policy,
      sandbox: request.sandbox,
      llm: createLlmClient(
        llmOptionsFrom(request.settings, apiKey, cliKeyWording(request.settings.provider))
      ),
      env: io.env,
      transcript: request.transcript,
      instructions,
      onEvent: request.onEvent
    }), { tampered, files } = await sessionChanges(git, request.settings, "fix", result);
    return tampered ? { result: { ...result, reason: tampered }, conclusion: "failure", tampered: !0 } : { result, conclusion: agentConclusion(result, files.length === 0) };
  };
}
function printReport(io, plan, report, results, header) {
  let { redactor } = header;
  if (plan.outPath && writeFileSync(plan.outPath, `${JSON.stringify(report, null, 2)}
`), plan.json) io.stdout(`${JSON.stringify(report)}
`);
  else {
    let notes = new Map(
      results.filter((r) => r.reason !== null).map((r) => [`${r.name}#${r.run}`, redactor.redact(r.reason)])
    ), meta = { version: VERSION, date: new Date(header.started), sandbox: header.sandbox };
    io.stdout(neutralizeWorkflowCommands(redactor.redact(renderMarkdown(report, meta, notes))));
  }
  io.stderr(
    `kubrick eval: ${headline(report)} \xB7 cost ${money(report.cost_usd)} \xB7 ${duration(report.seconds)}` + (plan.outPath ? ` \xB7 report written to ${plan.outPath}` : "") + `
`
  );
}
async function evalCommand(args, io) {
  let parsed = parse(args);
  if (parsed.values.help)
    return io.stdout(USAGE), EXIT.ok;
  if (parsed.values.compare) return compareCommand(parsed, io);
  let plan = planEval(parsed, io), { base, jobs, runs, concurrency, transcriptsDir, outPath } = plan, apiKey = apiKeyFor(base, io.env), keyProblem = missingKeyProblem(
    { provider: base.provider, baseUrl: base.base_url, apiKey },
    cliKeyWording(base.provider)
  );
  if (keyProblem) throw new UsageError(keyProblem);
  let redactor = Redactor.fromEnvironment(io.env, [apiKey]), clean = (text2) => neutralizeWorkflowCommands(redactor.redact(text2));
  outPath && mkdirSync3(dirname3(outPath), { recursive: !0 });
  let makeSandbox = (settings, workspace) => sandboxFromSettings(settings, workspace, io.env, "local"), runSession = sessionRunner(apiKey, io), tempRoot = mkdtempSync3(join6(tmpdir2(), "kubrick-eval-")), undoSignals = cleanUpOnSignal(tempRoot), started = Date.now(), progress;
  try {
    let probe = await makeSandbox(base, mkdtempSync3(join6(tempRoot, "probe-")));
    await probe.close?.();
    let taskCount = new Set(jobs.map((job) => job.task.name)).size;
    io.stderr(
      clean(
        `kubrick eval: ${taskCount} task${taskCount === 1 ? "" : "s"} \xD7 ${runs} run${runs === 1 ? "" : "s"} with ${base.provider}/${base.model}, concurrency ${Math.min(concurrency, jobs.length)}; sandbox: ${probe.description}
`
      )
    );
    let live = new Progress({
      write: io.stderr,
      ...io.terminal ? { terminal: io.terminal } : {},
      total: jobs.length,
      runsPerTask: runs,
      clean
    });
    progress = live;
    let transcriptFor = ({ task, run }) => {
      let path = transcriptsDir ? join6(transcriptsDir, `${task.name}-run${run}.jsonl`) : null;
      return path && rmSync3(path, { force: !0 }), new Transcript(path, redactor);
    }, results = await runJobs(
      jobs,
      concurrency,
      (job) => (live.jobStarted(job), runTask(job, {
        tempRoot,
        env: io.env,
        createSandbox: makeSandbox,
        runSession,
        transcriptFor,
        onEvent: (running, event) => live.agentEvent(running, event)
      })),
      (result, job) => live.jobFinished(result, job)
    );
    live.stop();
    let seconds2 = (Date.now() - started) / 1e3, report = buildReport({ model: base.model, provider: base.provider, runs, seconds: seconds2, results });
    return printReport(io, plan, report, results, { started, sandbox: probe.description, redactor }), EXIT.ok;
  } finally {
    progress?.stop(), undoSignals(), rmSync3(tempRoot, { recursive: !0, force: !0 });
  }
}
export {
  evalCommand
};
