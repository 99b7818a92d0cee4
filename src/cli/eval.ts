import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { costBudgetProblem, runAgentSession } from '../agent/session.js';
import { Transcript } from '../agent/transcript.js';
import { ConfigError } from '../config/load.js';
import type { SettingName, Settings } from '../config/settings.js';
import { findBuiltinSuite } from '../eval/builtin.js';
import {
  CompareError,
  compareReports,
  comparisonJson,
  parseReport,
  renderComparison
} from '../eval/compare.js';
import { Progress } from '../eval/progress.js';
import { buildReport, type EvalReport, headline, money, duration, renderMarkdown } from '../eval/report.js';
import {
  type EvalJob,
  runJobs,
  runTask,
  type SessionRequest,
  type SessionOutcome,
  type TaskRunResult
} from '../eval/run-task.js';
import { taskSettings } from '../eval/settings.js';
import { loadSuite, selectTasks, SuiteError } from '../eval/suite.js';
import { knownPrices } from '../llm/cost.js';
import { createLlmClient } from '../llm/create.js';
import { llmOptionsFrom } from '../llm/from-settings.js';
import { Redactor } from '../report/redact.js';
import { neutralizeWorkflowCommands } from '../report/workflow-commands.js';
import { sandboxFromSettings } from '../sandbox/from-settings.js';
import { VERSION } from '../version.js';
import { EXIT, type CliIo, UsageError } from './io.js';
import { settingsFromFlags, type FlagSettings } from './flag-settings.js';
import { apiKeyFor, localInstructions, sessionChanges, trustedLocalGit } from './run.js';
import { cliKeyWording, missingKeyProblem } from '../llm/api-key.js';
import { agentConclusion } from '../report/conclusion.js';

const USAGE = `Usage: kubrick eval [--suite DIR] --model NAME [options]
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
`;

const FLAG_TO_SETTING: Record<string, SettingName> = {
  provider: 'provider',
  'base-url': 'base_url',
  model: 'model',
  'max-iterations': 'max_iterations',
  'total-timeout': 'total_timeout',
  'context-window': 'context_window',
  'price-per-mtok-in': 'price_per_mtok_in',
  'price-per-mtok-out': 'price_per_mtok_out',
  sandbox: 'sandbox'
};

/** More would mostly queue on the model server's rate limit and on the machine's cores. */
const MAX_CONCURRENCY = 32;
/** Past this the interval is already narrow; a larger number is more likely a typo than a plan. */
const MAX_RUNS = 100;

function positiveInt(flag: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const text = String(value).trim();
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not "${text}"`);
  return number;
}

/** A path the eval will write to must not be taken by the other kind of entry. */
function outputPath(flag: string, cwd: string, value: unknown, kind: 'file' | 'directory'): string | null {
  if (typeof value !== 'string') return null;
  const path = resolve(cwd, value);
  if (existsSync(path) && statSync(path).isDirectory() !== (kind === 'directory'))
    throw new UsageError(
      `--${flag} ${path} must be a ${kind}, and a ${kind === 'file' ? 'directory' : 'file'} is there`
    );
  return path;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        suite: { type: 'string' },
        tasks: { type: 'string' },
        runs: { type: 'string' },
        concurrency: { type: 'string' },
        transcripts: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        compare: { type: 'boolean' },
        help: { type: 'boolean' },
        ...Object.fromEntries(Object.keys(FLAG_TO_SETTING).map(k => [k, { type: 'string' as const }]))
      },
      strict: true,
      allowPositionals: true
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

type Parsed = ReturnType<typeof parse>;

function compareCommand({ values, positionals }: Parsed, io: CliIo): number {
  if (positionals.length !== 2)
    throw new UsageError(`--compare takes two report files (A, the baseline, and B)\n\n${USAGE}`);
  const others = Object.keys(values).filter(key => !['compare', 'json'].includes(key));
  if (others.length > 0)
    throw new UsageError(`--compare only takes --json, not ${others.map(key => `--${key}`).join(', ')}`);
  const [pathA, pathB] = positionals as [string, string];
  const read = (path: string) => {
    const full = resolve(io.cwd, path);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
      );
    }
    try {
      return parseReport(text, path);
    } catch (error) {
      if (error instanceof CompareError) throw new UsageError(error.message);
      throw error;
    }
  };
  const comparison = compareReports(read(pathA), read(pathB));
  io.stdout(
    values.json
      ? `${JSON.stringify(comparisonJson(comparison))}\n`
      : neutralizeWorkflowCommands(renderComparison(comparison, { a: pathA, b: pathB }))
  );
  return EXIT.ok;
}

function suiteProblems(error: SuiteError | ConfigError, suite: string): UsageError {
  const lines = error.problems.map(problem => `  ${problem}`).join('\n');
  return new UsageError(`the suite ${suite} cannot run:\n${lines}\nSee docs/eval.md for the suite format.`);
}

/**
 * Every task run, with its settings, checked completely before the first model call: a suite
 * problem, a bad flag or a cost ceiling without a price is a usage error that lists them all.
 */
function planJobs(suiteDir: string, names: string[] | null, flags: FlagSettings, runs: number): EvalJob[] {
  try {
    const tasks = selectTasks(loadSuite(suiteDir), names);
    const planned = tasks.map(task => ({ task, settings: taskSettings(task, flags.inputs, flags.origin) }));
    const problems = planned.flatMap(({ task, settings }) => {
      const problem = costBudgetProblem(settings, knownPrices);
      return problem ? [`task "${task.name}": ${problem}`] : [];
    });
    if (problems.length > 0) throw new SuiteError(problems);
    return planned.flatMap(({ task, settings }) =>
      Array.from({ length: runs }, (_, i) => ({ task, settings, run: i + 1 }))
    );
  } catch (error) {
    if (error instanceof SuiteError || error instanceof ConfigError) throw suiteProblems(error, suiteDir);
    throw error;
  }
}

/** Removes the eval's temporary checkouts when it is interrupted; returns the undo. */
function cleanUpOnSignal(tempRoot: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    rmSync(tempRoot, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** What the flags ask for, checked completely before anything runs. */
interface EvalPlan {
  runs: number;
  concurrency: number;
  base: Settings;
  jobs: EvalJob[];
  transcriptsDir: string | null;
  outPath: string | null;
  json: boolean;
}

function suiteDirFrom(values: Parsed['values'], cwd: string): string {
  if (typeof values.suite === 'string') return resolve(cwd, values.suite);
  const builtin = findBuiltinSuite();
  if (!builtin)
    throw new UsageError('the built-in suite (eval/suite) is not next to this kubrick; pass --suite DIR');
  return builtin;
}

function taskNamesFrom(values: Parsed['values']): string[] | null {
  if (typeof values.tasks !== 'string') return null;
  const names = values.tasks
    .split(',')
    .map(name => name.trim())
    .filter(name => name.length > 0);
  if (names.length === 0) throw new UsageError('--tasks needs at least one task name');
  return names;
}

function planEval({ values, positionals }: Parsed, io: CliIo): EvalPlan {
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}" (did you mean --suite ${positionals[0]}?)`);
  const runs = positiveInt('runs', values.runs, 1, MAX_RUNS);
  const concurrency = positiveInt('concurrency', values.concurrency, 1, MAX_CONCURRENCY);
  const flags = settingsFromFlags(values as Record<string, unknown>, FLAG_TO_SETTING, io.env);
  let base: Settings;
  try {
    base = taskSettings({}, flags.inputs, flags.origin);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (!base.model) throw new UsageError('--model (or KUBRICK_MODEL) is required');
  const jobs = planJobs(suiteDirFrom(values, io.cwd), taskNamesFrom(values), flags, runs);
  const transcriptsDir = outputPath('transcripts', io.cwd, values.transcripts, 'directory');
  const outPath = outputPath('out', io.cwd, values.out, 'file');
  return { runs, concurrency, base, jobs, transcriptsDir, outPath, json: values.json === true };
}

/** One task run's agent session: the same steps as `kubrick run`, on the task's checkout. */
function sessionRunner(apiKey: string, io: CliIo): (request: SessionRequest) => Promise<SessionOutcome> {
  return async request => {
    const git = await trustedLocalGit(request.workspace, io.env);
    const instructions = await localInstructions(request.settings, request.workspace);
    const result = await runAgentSession({
      settings: request.settings,
      mode: 'fix',
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
    });
    const { tampered, files } = await sessionChanges(git, request.settings, 'fix', result);
    if (tampered) return { result: { ...result, reason: tampered }, conclusion: 'failure', tampered: true };
    return { result, conclusion: agentConclusion(result, files.length === 0) };
  };
}

function printReport(
  io: CliIo,
  plan: EvalPlan,
  report: EvalReport,
  results: TaskRunResult[],
  header: { started: number; sandbox: string; redactor: Redactor }
): void {
  const { redactor } = header;
  if (plan.outPath) writeFileSync(plan.outPath, `${JSON.stringify(report, null, 2)}\n`);
  if (plan.json) io.stdout(`${JSON.stringify(report)}\n`);
  else {
    const notes = new Map(
      results.filter(r => r.reason !== null).map(r => [`${r.name}#${r.run}`, redactor.redact(r.reason!)])
    );
    const meta = { version: VERSION, date: new Date(header.started), sandbox: header.sandbox };
    io.stdout(neutralizeWorkflowCommands(redactor.redact(renderMarkdown(report, meta, notes))));
  }
  io.stderr(
    `kubrick eval: ${headline(report)} · cost ${money(report.cost_usd)} · ${duration(report.seconds)}` +
      (plan.outPath ? ` · report written to ${plan.outPath}` : '') +
      '\n'
  );
}

export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (parsed.values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (parsed.values.compare) return compareCommand(parsed, io);
  const plan = planEval(parsed, io);
  const { base, jobs, runs, concurrency, transcriptsDir, outPath } = plan;

  const apiKey = apiKeyFor(base, io.env);
  const keyProblem = missingKeyProblem(
    { provider: base.provider, baseUrl: base.base_url, apiKey },
    cliKeyWording(base.provider)
  );
  if (keyProblem) throw new UsageError(keyProblem);
  const redactor = Redactor.fromEnvironment(io.env, [apiKey]);
  const clean = (text: string) => neutralizeWorkflowCommands(redactor.redact(text));
  if (outPath) mkdirSync(dirname(outPath), { recursive: true });
  const makeSandbox = (settings: Settings, workspace: string) =>
    sandboxFromSettings(settings, workspace, io.env, 'local');
  const runSession = sessionRunner(apiKey, io);

  const tempRoot = mkdtempSync(join(tmpdir(), 'kubrick-eval-'));
  const undoSignals = cleanUpOnSignal(tempRoot);
  const started = Date.now();
  let progress: Progress | undefined;
  try {
    // The sandbox the runs will get, learnt once up front: `namespaces` that cannot work fails here.
    const probe = await makeSandbox(base, mkdtempSync(join(tempRoot, 'probe-')));
    await probe.close?.();
    const taskCount = new Set(jobs.map(job => job.task.name)).size;
    io.stderr(
      clean(
        `kubrick eval: ${taskCount} task${taskCount === 1 ? '' : 's'} × ${runs} run${runs === 1 ? '' : 's'} ` +
          `with ${base.provider}/${base.model}, concurrency ${Math.min(concurrency, jobs.length)}; sandbox: ${probe.description}\n`
      )
    );
    const live = new Progress({
      write: io.stderr,
      ...(io.terminal ? { terminal: io.terminal } : {}),
      total: jobs.length,
      runsPerTask: runs,
      clean
    });
    progress = live;
    const transcriptFor = ({ task, run }: EvalJob) => {
      const path = transcriptsDir ? join(transcriptsDir, `${task.name}-run${run}.jsonl`) : null;
      if (path) rmSync(path, { force: true });
      return new Transcript(path, redactor);
    };
    const results = await runJobs(
      jobs,
      concurrency,
      job => {
        live.jobStarted(job);
        return runTask(job, {
          tempRoot,
          env: io.env,
          createSandbox: makeSandbox,
          runSession,
          transcriptFor,
          onEvent: (running, event) => live.agentEvent(running, event)
        });
      },
      (result, job) => live.jobFinished(result, job)
    );
    live.stop();
    const seconds = (Date.now() - started) / 1000;
    const report = buildReport({ model: base.model, provider: base.provider, runs, seconds, results });
    printReport(io, plan, report, results, { started, sandbox: probe.description, redactor });
    return EXIT.ok;
  } finally {
    progress?.stop();
    undoSignals();
    rmSync(tempRoot, { recursive: true, force: true });
  }
}
