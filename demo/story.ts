/**
 * The demo story (`npm run demo`): the real bundled action, `dist/index.js`, run as a process the way a
 * runner runs it, against the GitHub emulator (a real bare repository behind it) and the scripted model,
 * both on 127.0.0.1 in this process. Three events: a fix request on an issue, a review request on the
 * pull request that fix opened, and a request from someone without write access, which is ignored.
 *
 * Asked explicitly (`npm run demo -- --real`, or KUBRICK_DEMO_REAL=1), the action talks to the model that
 * KUBRICK_API_KEY / OPENAI_API_KEY / KUBRICK_BASE_URL / KUBRICK_MODEL name instead; the story is then
 * whatever the model does, printed, not checked. A key that merely happens to be set is never used.
 *
 * While a run works, what it does is printed in the order it happened (timeline.ts). Colour only on a
 * terminal, and never with NO_COLOR. The transcripts of the runs are kept: in a new temporary directory,
 * or where `--transcripts DIR` (or KUBRICK_DEMO_TRANSCRIPT=FILE, for the fix run) says.
 *
 * scripts/demo.mjs bundles this file on the fly and calls runDemo(); nothing here runs on import.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { FIXED_LINE, SAMPLE_FILES } from '../__fixtures__/sample-repo.js';
import { fixTrajectory } from '../__fixtures__/trajectories.js';
import { ACTION_ENTRY, createWorld, type ActionRun, type World } from '../test-support/action-runner.js';
import { issueCommentCreated } from '../test-support/github-emulator/events.js';
import type { Turn } from '../test-support/scripted-model/server.js';
import { palette, useColor, type Palette } from './palette.js';
import { indent, printable, readableMarkdown } from './render.js';
import { RequestReader, RunTimeline, TranscriptReader, type TimelineEntry } from './timeline.js';

const run = promisify(execFile);

export const DEFAULT_REAL_MODEL = 'gpt-4.1-mini';
const AUTHORIZED = 'maintainer';
const STRANGER = 'drive-by';
const MARKER = '<!-- kubrick:';

export type ModelChoice =
  { kind: 'scripted' } | { kind: 'real'; provider: 'openai'; model: string; baseUrl: string; apiKey: string };

/** A mistake in how the demo was started: said with what to do, exit 2. */
export class DemoUsageError extends Error {}

export const DEMO_USAGE = `Usage: npm run demo [-- [--real] [--transcripts DIR]]

  --real             use a real model (KUBRICK_API_KEY or OPENAI_API_KEY, and KUBRICK_BASE_URL /
                     KUBRICK_MODEL for another server) instead of the scripted one; also KUBRICK_DEMO_REAL=1
  --transcripts DIR  keep the runs' transcripts in DIR (default: a new temporary directory);
                     KUBRICK_DEMO_TRANSCRIPT=FILE keeps the fix run's transcript as FILE
`;

/** What the demo was asked for on its command line and in its environment. */
export interface DemoRequest {
  real: boolean;
  /** `--transcripts DIR`, resolved; null when none was given. */
  transcripts: string | null;
}

const TRUTHY = /^(1|true|yes|on)$/i;

export function parseDemoArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd()
): DemoRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { real: { type: 'boolean' }, transcripts: { type: 'string' } },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new DemoUsageError(`${error instanceof Error ? error.message : String(error)}\n\n${DEMO_USAGE}`);
  }
  const transcripts = values.transcripts?.trim();
  if (values.transcripts !== undefined && !transcripts)
    throw new DemoUsageError(`--transcripts needs a directory\n\n${DEMO_USAGE}`);
  return {
    real: values.real === true || TRUTHY.test(env.KUBRICK_DEMO_REAL?.trim() ?? ''),
    transcripts: transcripts ? resolve(cwd, transcripts) : null
  };
}

/**
 * Which model the demo's action talks to: the scripted one, unless a real one was asked for
 * explicitly (`--real`, KUBRICK_DEMO_REAL=1). A key that happens to be set is not a request to spend it.
 */
export function modelChoice(
  env: NodeJS.ProcessEnv,
  request: { real: boolean } = { real: false }
): ModelChoice {
  if (!request.real) return { kind: 'scripted' };
  const apiKey = env.KUBRICK_API_KEY?.trim() || env.OPENAI_API_KEY?.trim() || '';
  const baseUrl = env.KUBRICK_BASE_URL?.trim() ?? '';
  if (apiKey === '' && baseUrl === '') {
    throw new DemoUsageError(
      '--real needs a model to talk to: set KUBRICK_API_KEY (or OPENAI_API_KEY) for OpenAI, or KUBRICK_BASE_URL ' +
        '(and KUBRICK_MODEL) for your own server; without --real the demo uses its scripted model.'
    );
  }
  return {
    kind: 'real',
    provider: 'openai',
    model: env.KUBRICK_MODEL?.trim() || DEFAULT_REAL_MODEL,
    baseUrl,
    apiKey
  };
}

/** The review the scripted model gives of the fix: correct, with one suggestion that lands on line 3. */
function reviewOfTheFix(): Turn[] {
  return [
    { toolCalls: [{ name: 'read_file', arguments: { path: 'src/math.js' } }] },
    {
      toolCalls: [
        {
          name: 'finish',
          arguments: {
            summary: 'The fix is correct and minimal: `add` now adds, and `npm test` covers it.',
            findings: [
              {
                path: 'src/math.js',
                line: 3,
                severity: 'low',
                body: 'Correct now. `test.js` only checks positive numbers; a case such as `add(-2, 3)` would catch a sign slip next time.'
              }
            ]
          }
        }
      ]
    }
  ];
}

export interface DemoOptions {
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
  /** The command line after `npm run demo --` (default: none). */
  args?: readonly string[];
  /** Whether stdout is a terminal: colour only then (and never with NO_COLOR). */
  isTTY?: boolean;
}

interface StoryState {
  world: World | null;
  paint: Palette;
  transcripts: KeptTranscripts;
  /** Set by Ctrl-C / SIGTERM: the story stops at its next step instead of starting another run. */
  stopping: boolean;
  failures: string[];
  tokensIn: number;
  tokensOut: number;
}

class Stopped extends Error {
  constructor() {
    super('stopped by a signal');
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Every process below `pid` (children first found, then theirs), read from /proc; empty elsewhere. */
function descendants(pid: number): number[] {
  const read = (path: string): string | null => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null; // gone meanwhile, or no /proc here
    }
  };
  const list = (path: string): string[] => {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  };
  const found: number[] = [];
  for (const task of list(`/proc/${pid}/task`)) {
    const text = read(`/proc/${pid}/task/${task}/children`) ?? '';
    for (const child of text.split(/\s+/).filter(Boolean).map(Number)) {
      found.push(child, ...descendants(child));
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops what this process started (the action run in flight and anything under it). The World API
 * does not hand out its child, so the demo finds its own descendants instead of guessing by name.
 */
async function stopChildren(): Promise<void> {
  const pids = descendants(process.pid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 3000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function git(world: World, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['--git-dir', world.repo.bareRepoPath, ...args], {
    env: world.repo.env,
    maxBuffer: 16 * 1024 * 1024
  });
  return stdout;
}

/** What `npm test` says on the sample repository before the fix (it fails). */
async function failingTestLine(world: World): Promise<string> {
  try {
    await run(process.execPath, ['test.js'], { cwd: world.repo.workspace, env: { PATH: process.env.PATH } });
    return 'passes (unexpected)';
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const lines = stderr.split('\n').map(line => line.trim());
    const detail = lines.find(line => line.includes('!==')) ?? lines.find(line => line !== '');
    return `fails${detail ? `: ${detail}` : ''}`;
  }
}

function ourComment(world: World, issueNumber: number): string | null {
  const comment = world.gh.state.commentsOn(issueNumber).find(c => String(c.body).includes(MARKER));
  return comment ? String(comment.body) : null;
}

/** Where the runs' transcripts are kept: a directory given, a file given (the fix run's), or a new temporary directory. */
export type TranscriptTarget =
  { kind: 'dir'; path: string } | { kind: 'file'; path: string } | { kind: 'temp'; parent: string };

export function transcriptTarget(
  request: DemoRequest,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd()
): TranscriptTarget {
  if (request.transcripts) return { kind: 'dir', path: request.transcripts };
  const file = env.KUBRICK_DEMO_TRANSCRIPT?.trim();
  if (file) return { kind: 'file', path: resolve(cwd, file) };
  return { kind: 'temp', parent: tmpdir() };
}

/** Copies each run's transcript out of the run's scratch space (removed at the end) to where it is kept. */
export class KeptTranscripts {
  private tempDir: string | null = null;
  readonly kept: { name: string; path: string }[] = [];

  constructor(readonly target: TranscriptTarget) {}

  /** The directory holding the kept transcripts (a file target has none). */
  get dir(): string | null {
    if (this.target.kind === 'dir') return this.target.path;
    return this.tempDir;
  }

  /** Keeps `from` as `<name>.jsonl`; a file target keeps only the fix run's. Returns where it went. */
  keep(name: string, from: string): string | null {
    if (!from || !existsSync(from)) return null;
    let path: string;
    if (this.target.kind === 'file') {
      if (name !== 'fix') return null;
      path = this.target.path;
    } else {
      const dir =
        this.target.kind === 'dir'
          ? this.target.path
          : (this.tempDir ??= mkdtempSync(join(this.target.parent, 'kubrick-demo-transcripts-')));
      path = join(dir, `${name}.jsonl`);
    }
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(from, path);
    this.kept.push({ name, path });
    return path;
  }
}

const TAGS: Record<TimelineEntry['source'], string> = { github: 'github', git: 'git   ', agent: 'agent ' };

function timelineLine(paint: Palette, item: TimelineEntry): string {
  const tone =
    item.tone === 'ok'
      ? paint.green
      : item.tone === 'failed'
        ? paint.red
        : item.tone === 'denied'
          ? (text: string) => paint.bold(paint.yellow(text))
          : (text: string) => text;
  return `    ${paint.dim(TAGS[item.source])} ${tone(item.text)}\n`;
}

/**
 * Runs the action for one event while printing what it does, in the order it happens: the GitHub
 * emulator's requests (comments, reactions, pushes, the pull request) and the agent's transcript.
 */
async function playEvent(
  state: StoryState,
  world: World,
  write: (text: string) => void,
  eventName: string,
  payload: unknown,
  extra: { inputs: Record<string, string>; timeoutMs: number }
): Promise<{ result: ActionRun; transcript: string | null }> {
  if (state.stopping) throw new Stopped();
  write(`  ${state.paint.bold('▶')} the runner starts node dist/index.js (${eventName})\n`);
  // The run's scratch space, where its transcript is written as it goes: removed with the world.
  const runnerTemp = mkdtempSync(join(world.dir, 'demo-runner-temp-'));
  const transcript = new TranscriptReader(runnerTemp);
  const timeline = new RunTimeline(new RequestReader(world.gh.state.requests), transcript);
  const show = (items: TimelineEntry[]) => {
    for (const item of items) write(timelineLine(state.paint, item));
  };
  const timer = setInterval(() => show(timeline.poll()), 150);
  try {
    const result = await world.run({
      eventName,
      payload,
      inputs: extra.inputs,
      // The action's own scratch files go where the demo's do, so a leak would show.
      env: { TMPDIR: tmpdir(), RUNNER_TEMP: runnerTemp },
      timeoutMs: extra.timeoutMs
    });
    if (state.stopping) throw new Stopped();
    show(timeline.flush());
    return { result, transcript: transcript.files()[0] ?? null };
  } finally {
    clearInterval(timer);
  }
}

function reportRun(state: StoryState, write: (text: string) => void, result: ActionRun, what: string): void {
  const { paint } = state;
  const o = result.outputs;
  const exited = `■ the action exited ${result.exitCode} after ${seconds(result.durationMs)}`;
  write(`  ${result.exitCode === 0 ? paint.green(exited) : paint.red(exited)}\n`);
  if (result.exitCode !== 0) {
    state.failures.push(`${what}: the action exited ${result.exitCode}`);
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).map(printable);
    write(`  The action's last log lines:\n${indent(tail)}\n`);
  }
  const shown = [
    'conclusion',
    'pr_number',
    'branch',
    'review_id',
    'comment_id',
    'iterations',
    'tool_calls',
    'commands_denied'
  ]
    .filter(name => (o[name] ?? '') !== '')
    .map(name => `${name}=${o[name]}`);
  write(`  Outputs: ${shown.length > 0 ? shown.join(' ') : '(none)'}\n`);
  if (o.tokens_in) {
    state.tokensIn += Number(o.tokens_in);
    state.tokensOut += Number(o.tokens_out ?? 0);
    const cost = o.cost_usd ? `$${Number(o.cost_usd).toFixed(4)}` : 'no price for this model';
    write(`  Tokens: ${o.tokens_in} in / ${o.tokens_out} out · cost: ${cost}\n`);
  }
}

function expect(state: StoryState, scripted: boolean, ok: boolean, what: string): void {
  // With a real model the story is the model's: shown, never judged.
  if (scripted && !ok) state.failures.push(what);
}

function heading(state: StoryState, text: string): string {
  return `${state.paint.bold(state.paint.cyan(`━━ ${text} ━━`))}\n`;
}

/** Keeps a run's transcript and, for a file target, says where at once (as before directories were kept). */
function keepTranscript(
  state: StoryState,
  write: (text: string) => void,
  name: string,
  from: string | null
): void {
  const path = from ? state.transcripts.keep(name, from) : null;
  if (path && state.transcripts.target.kind === 'file') {
    write(`  Transcript kept at ${path}: replay it with  node dist/cli.js replay ${path}\n`);
  }
}

async function story(options: DemoOptions, state: StoryState, choice: ModelChoice): Promise<void> {
  const { write, env } = options;
  const { paint } = state;
  const started = Date.now();
  const scripted = choice.kind === 'scripted';
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run npm run bundle`);

  const world = await createWorld({
    files: SAMPLE_FILES,
    permissions: { [AUTHORIZED]: 'write', [STRANGER]: 'read' }
  });
  state.world = world;
  const inputs: Record<string, string> =
    choice.kind === 'real'
      ? { provider: choice.provider, model: choice.model, base_url: choice.baseUrl, api_key: choice.apiKey }
      : {};
  const timeoutMs = scripted ? 60_000 : 600_000;

  write(
    `${paint.bold('Kubrick demo')}: the real bundled action (dist/index.js), run as a process the way a runner runs it\n`
  );
  write(`  GitHub  an emulator at ${world.gh.apiUrl} with a real bare repository behind it\n`);
  if (choice.kind === 'real') {
    write(
      paint.yellow(
        `  Model   a REAL model: ${choice.provider}/${choice.model} at ${choice.baseUrl || "the provider's default endpoint"}\n` +
          '          (asked for with --real; what it does may differ from the scripted story)\n'
      )
    );
  } else {
    const keySet = Boolean(
      env.KUBRICK_API_KEY?.trim() || env.OPENAI_API_KEY?.trim() || env.KUBRICK_BASE_URL?.trim()
    );
    write(
      `  Model   a scripted model at ${world.model.url} (no key, no network${keySet ? '; a model is configured in your environment, but the demo uses it only with --real' : '; npm run demo -- --real uses a real one'})\n`
    );
  }
  const bugLine = SAMPLE_FILES['src/math.js']!.split('\n').findIndex(line => line.includes('a - b')) + 1;
  write(
    `  Repo    ${world.gh.owner}/${world.gh.repo}: src/math.js:${bugLine} says \`return a - b;\` in add()\n`
  );
  write(`          npm test ${await failingTestLine(world)}\n`);
  write(
    '          .github/kubrick-policy.yml lets the agent run `npm test` and a few read-only commands\n\n'
  );

  // 1. Fix on an issue.
  write(heading(state, `1. @${AUTHORIZED} (write access) asks for a fix`));
  const issue = world.gh.createIssue({
    title: 'add() returns the wrong result',
    body: 'add(2, 3) gives -1 and the test fails.',
    user: AUTHORIZED
  });
  const issueNumber = issue.number as number;
  write(`  Issue #${issueNumber} "${String(issue.title)}" by @${AUTHORIZED}\n`);
  const fixRequest = '/kubrick fix the failing test';
  write(`  @${AUTHORIZED} comments: ${fixRequest}\n`);
  const fixPayload = await issueCommentCreated(world.gh, {
    issueNumber,
    body: fixRequest,
    login: AUTHORIZED
  });
  if (scripted) world.turns.push(...fixTrajectory());
  const fixRun = await playEvent(state, world, write, 'issue_comment', fixPayload, { inputs, timeoutMs });
  const fix = fixRun.result;
  reportRun(state, write, fix, 'the fix');
  const fixComment = ourComment(world, issueNumber);
  write(`  The comment on issue #${issueNumber}, final:\n`);
  write(`${fixComment === null ? '    (none)' : indent(readableMarkdown(fixComment))}\n`);
  expect(
    state,
    scripted,
    fixComment?.includes('Kubrick finished') ?? false,
    'the fix comment was not finalized'
  );

  const branch = fix.outputs.branch ?? '';
  const pull = world.gh.state.pulls.find(p => String(p.number) === fix.outputs.pr_number);
  expect(state, scripted, pull !== undefined, 'the fix opened no pull request');
  if (pull) {
    write(
      `\n  Pull request #${pull.number} "${printable(pull.title)}": ${branch} → ${pull.base.ref} (by @${pull.user})\n`
    );
    const diff = await git(world, ['diff', `${pull.base.ref}...${branch}`]);
    write(
      `  git diff ${pull.base.ref}...${branch} (in the bare remote):\n${indent(diff.trimEnd().split('\n').map(printable))}\n`
    );
    expect(state, scripted, diff.includes(`+${FIXED_LINE}`), 'the pushed diff does not hold the fix');
  }
  keepTranscript(state, write, 'fix', fixRun.transcript);

  // 2. Review of that pull request.
  write(`\n${heading(state, `2. @${AUTHORIZED} asks for a review of the pull request`)}`);
  if (!pull) {
    write('  (skipped: the fix opened no pull request)\n');
  } else {
    const reviewRequest = '/kubrick review';
    write(`  @${AUTHORIZED} comments on PR #${pull.number}: ${reviewRequest}\n`);
    const reviewPayload = await issueCommentCreated(world.gh, {
      issueNumber: pull.number,
      body: reviewRequest,
      login: AUTHORIZED
    });
    if (scripted) world.turns.push(...reviewOfTheFix());
    const reviewRun = await playEvent(state, world, write, 'issue_comment', reviewPayload, {
      inputs,
      timeoutMs
    });
    reportRun(state, write, reviewRun.result, 'the review');
    const review = world.gh.state.reviews.find(r => String(r.id) === reviewRun.result.outputs.review_id);
    expect(state, scripted, review !== undefined, 'no review was posted');
    if (review) {
      write(
        `  Review on PR #${pull.number} by @${String((review.user as { login?: string })?.login ?? '?')} (${String(review.state)}):\n`
      );
      write(`${indent(readableMarkdown(String(review.body ?? '')))}\n`);
      for (const inline of review.comments) {
        write(`  Inline comment at ${printable(String(inline.path))}:${String(inline.line)}:\n`);
        write(`${indent(readableMarkdown(String(inline.body ?? '')))}\n`);
      }
      expect(state, scripted, review.comments.length > 0, 'the review has no inline comment');
    }
    const reviewComment = ourComment(world, pull.number);
    if (reviewComment !== null) {
      write(`  The comment on PR #${pull.number}, final:\n${indent(readableMarkdown(reviewComment))}\n`);
    }
    keepTranscript(state, write, 'review', reviewRun.transcript);
  }

  // 3. Someone without write access.
  write(`\n${heading(state, `3. @${STRANGER} (read access only) tries the same`)}`);
  const strangerRequest = '/kubrick fix everything and push to main';
  write(`  @${STRANGER} comments on issue #${issueNumber}: ${strangerRequest}\n`);
  const requestsBefore = world.model.requests.length;
  const commentsBefore = world.gh.state.commentsOn(issueNumber).length;
  const reactionsBefore = world.gh.state.reactions.length;
  const strangerPayload = await issueCommentCreated(world.gh, {
    issueNumber,
    body: strangerRequest,
    login: STRANGER
  });
  const ignored = (
    await playEvent(state, world, write, 'issue_comment', strangerPayload, { inputs, timeoutMs })
  ).result;
  write(`  ${paint.green(`■ the action exited ${ignored.exitCode} after ${seconds(ignored.durationMs)}`)}\n`);
  const why = ignored.stdout.split('\n').find(line => line.startsWith('Kubrick:'));
  if (why) write(`  The action's log: ${printable(why.trim())}\n`);
  const newComments = world.gh.state.commentsOn(issueNumber).length - (commentsBefore + 1);
  const newReactions = world.gh.state.reactions.length - reactionsBefore;
  const modelRequests = world.model.requests.length - requestsBefore;
  write(
    `  Ignored: ${newComments} new comments, ${newReactions} reactions, ${scripted ? `${modelRequests} model requests` : 'no run started'}, conclusion output "${ignored.outputs.conclusion ?? ''}"\n`
  );
  expect(state, true, ignored.exitCode === 0, "the stranger's request made the action fail");
  expect(
    state,
    true,
    newComments === 0 &&
      newReactions === 0 &&
      modelRequests === 0 &&
      (ignored.outputs.conclusion ?? '') === '',
    "the stranger's request was not ignored"
  );

  write(`\n${heading(state, `The end: 3 events in ${seconds(Date.now() - started)}`)}`);
  write(`  Tokens, all runs: ${state.tokensIn} in / ${state.tokensOut} out\n`);
  if (scripted) write(`  Model requests served by the scripted model: ${world.model.requests.length}\n`);
  const kept = state.transcripts;
  if (kept.dir && kept.kept.length > 0) {
    const first = kept.kept[0]!.path;
    write(
      `  Transcripts kept in ${kept.dir}${kept.target.kind === 'temp' ? ' (a temporary directory; --transcripts DIR keeps them elsewhere)' : ''}: ` +
        `${kept.kept.map(k => `${k.name}.jsonl`).join(', ')}; replay one with  node dist/cli.js replay ${first}\n`
    );
  }
}

/**
 * Plays the story and returns the exit code (2 for a mistake in how it was started). Ctrl-C (SIGINT)
 * or SIGTERM stops the action run in flight, the servers and the temporary directories before the
 * process exits (130 / 143); kept transcripts stay.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const paint = palette(useColor({ isTTY: options.isTTY }, options.env));
  let request: DemoRequest;
  let choice: ModelChoice;
  try {
    request = parseDemoArgs(options.args ?? [], options.env);
    choice = modelChoice(options.env, request);
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    options.write(`npm run demo: ${error.message}\n`);
    return 2;
  }
  const state: StoryState = {
    world: null,
    paint,
    transcripts: new KeptTranscripts(transcriptTarget(request, options.env)),
    stopping: false,
    failures: [],
    tokensIn: 0,
    tokensOut: 0
  };
  const cleanUp = async () => {
    const world = state.world;
    state.world = null;
    await stopChildren();
    await world?.close();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    options.write(`\n${signal}: stopping the demo and cleaning up…\n`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await story(options, state, choice);
  } catch (error) {
    // Once a signal arrived, its handler cleans up and exits: nothing to report from here.
    if (error instanceof Stopped || state.stopping) return new Promise<number>(() => {});
    state.failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    if (!state.stopping) await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (state.failures.length > 0) {
    options.write(
      paint.red(`\nThe demo did not go as expected:\n${state.failures.map(f => `  - ${f}`).join('\n')}\n`)
    );
    return 1;
  }
  options.write('  Cleaned up: servers stopped, temporary directories removed.\n');
  return 0;
}
