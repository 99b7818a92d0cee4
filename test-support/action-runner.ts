/**
 * Runs the action the way a GitHub runner does: `GITHUB_EVENT_NAME` / `GITHUB_EVENT_PATH` /
 * `GITHUB_API_URL` / `GITHUB_OUTPUT` / `INPUT_*` … against a GitHub emulator backed by a real bare
 * repository and a scripted model. By default the bundled action (`dist/index.js`) runs as a separate
 * process; tests pass `runner: inProcess()` (test-support/in-process.ts) to drive `run(deps)` directly.
 * Used by the end-to-end, fault-injection and security tests and by the demo.
 *
 *   const world = await createWorld({ files: { 'a.js': '…' }, script: [...] });
 *   const run = await world.run({ eventName: 'issue_comment', payload, inputs: { model: 'scripted' } });
 *   run.outputs.conclusion; world.gh.state.pulls; world.model.requests
 *   await world.close();
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GitHubEmulator } from './github-emulator/index.js';
import type { SeedPullRequest } from './github-emulator/server.js';
import type { EmulatorOptions, RepoRole } from './github-emulator/types.js';
import { checkoutLikeActions, commitFiles, createSampleRepo, type SampleRepo } from './repo-fixtures.js';
import { startScriptedModel, type Script, type ScriptedModel, type Turn } from './scripted-model/server.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ACTION_ENTRY = join(REPO_ROOT, 'dist', 'index.js');

export const OWNER = 'octo-org';
export const REPO = 'widgets';
export const TOKEN = 'ghs_emulatortoken000000000000000000000000';
export const API_KEY = 'sk-test-emulated-model-key-0000000000';

/** One start of the action: its environment and working directory, as a runner gives them. */
export interface ActionInvocation {
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}

/** How the action is run for an invocation. */
export type ActionRunner = (
  invocation: ActionInvocation
) => Promise<{ exitCode: number | null; stdout: string; stderr: string }>;

/** The bundled action as a child process, killed when it outlives the timeout. */
export const bundledAction: ActionRunner = async ({ env, cwd, timeoutMs }) => {
  const child = spawn(process.execPath, [ACTION_ENTRY], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += String(chunk)));
  child.stderr.on('data', chunk => (stderr += String(chunk)));
  const timeout = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>(resolveExit =>
    child.on('close', code => resolveExit(code))
  );
  clearTimeout(timeout);
  return { exitCode, stdout, stderr };
};

export interface WorldOptions {
  files: Record<string, string>;
  /** Default: answer from `world.turns`, a queue each test fills before a run. */
  script?: Script;
  permissions?: Record<string, RepoRole>;
  emulator?: Partial<Omit<EmulatorOptions, 'bareRepoPath' | 'owner' | 'repo' | 'token'>>;
  /** How runs are carried out unless a run says otherwise (default: the bundle, as a process). */
  runner?: ActionRunner;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Parsed from the GITHUB_OUTPUT file (the `name<<delimiter` form). */
  outputs: Record<string, string>;
  /** Names in the order they were written. */
  outputOrder: string[];
  summary: string;
  durationMs: number;
  runnerTemp: string;
}

export interface RunOptions {
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** A fresh checkout for this run (default: true, as every workflow run checks out anew). */
  freshCheckout?: boolean;
  timeoutMs?: number;
  /** This run's runner instead of the world's. */
  runner?: ActionRunner;
}

export interface World {
  dir: string;
  repo: SampleRepo;
  gh: GitHubEmulator;
  model: ScriptedModel;
  /** Turns the default script answers with, first in first out. */
  turns: Turn[];
  run(options: RunOptions): Promise<ActionRun>;
  /** git against the bare remote (`show`, `log`, `ls-tree`, …), output trimmed of nothing. */
  remoteGit(...args: string[]): string;
  /** A file as committed on a branch (or any ref) of the bare remote. */
  remoteFile(ref: string, path: string): string;
  /** Kubrick's comments on an issue or PR: the ones carrying its hidden marker. */
  ourComments(issueNumber: number): { id: number; body: string }[];
  /** Commits `files` on a new branch off the default branch and opens a PR from it (by @contributor). */
  seedPull(
    branch: string,
    files: Record<string, string>,
    options?: Partial<SeedPullRequest>
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Reads a GITHUB_OUTPUT file written with `name<<delimiter` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): { values: Record<string, string>; order: string[] } {
  const values: Record<string, string> = {};
  const order: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!);
      values[name!] = body.join('\n');
      order.push(name!);
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      values[line.slice(0, at)] = line.slice(at + 1);
      order.push(line.slice(0, at));
    }
  }
  return { values, order };
}

export async function createWorld(options: WorldOptions): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'kubrick-e2e-'));
  const repo = await createSampleRepo(dir, options.files, {
    emulator: {
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      tokenLogin: 'github-actions[bot]',
      permissions: { maintainer: 'write', ...options.permissions },
      ...options.emulator
    }
  });
  const gh = repo.emulator!;
  const turns: Turn[] = [];
  const model = await startScriptedModel(options.script ?? (() => turns.shift()));
  let runs = 0;

  async function run(opts: RunOptions): Promise<ActionRun> {
    runs++;
    const runDir = join(dir, `run-${runs}`);
    const runnerTemp = join(runDir, 'runner-temp');
    mkdirSync(runnerTemp, { recursive: true });
    const workspace =
      opts.freshCheckout === false
        ? repo.workspace
        : await checkoutLikeActions(repo.remoteUrl, join(runDir, 'workspace'), {
            branch: repo.defaultBranch,
            env: repo.env,
            auth: { serverUrl: gh.serverUrl, token: gh.token }
          });
    const eventPath = join(runDir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(opts.payload));
    const outputPath = join(runDir, 'output.txt');
    const summaryPath = join(runDir, 'summary.md');
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs: Record<string, string> = {
      github_token: TOKEN,
      provider: 'openai',
      model: 'scripted',
      base_url: model.url,
      api_key: API_KEY,
      sandbox: 'auto',
      ...opts.inputs
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: repo.home,
      LANG: 'C.UTF-8',
      ...Object.fromEntries(
        Object.entries(repo.env).filter(([k]) => k.startsWith('GIT_CONFIG') || k === 'XDG_CONFIG_HOME')
      ),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: opts.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: gh.apiUrl,
      GITHUB_SERVER_URL: gh.serverUrl,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_RUN_ID: String(1000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: runnerTemp,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...opts.env
    };
    const started = Date.now();
    const runner = opts.runner ?? options.runner ?? bundledAction;
    const { exitCode, stdout, stderr } = await runner({
      env,
      cwd: workspace,
      timeoutMs: opts.timeoutMs ?? 120_000
    });
    const { values, order } = parseOutputFile(readFileSync(outputPath, 'utf8'));
    return {
      exitCode,
      stdout,
      stderr,
      outputs: values,
      outputOrder: order,
      summary: readFileSync(summaryPath, 'utf8'),
      durationMs: Date.now() - started,
      runnerTemp
    };
  }

  const remoteGit = (...args: string[]) =>
    execFileSync('git', ['--git-dir', repo.bareRepoPath, ...args], { encoding: 'utf8' });

  return {
    dir,
    repo,
    gh,
    model,
    turns,
    run,
    remoteGit,
    remoteFile: (ref, path) => remoteGit('show', `${ref}:${path}`),
    ourComments: issueNumber =>
      gh.state
        .commentsOn(issueNumber)
        .filter(c => String(c.body).includes('<!-- kubrick:'))
        .map(c => ({ id: c.id as number, body: String(c.body) })),
    seedPull: async (branch, files, options = {}) => {
      await commitFiles(repo.bareRepoPath, branch, files, `Change on ${branch}`, {
        env: repo.env,
        from: repo.defaultBranch
      });
      return gh.createPullRequest({
        head: branch,
        base: repo.defaultBranch,
        title: `PR from ${branch}`,
        body: 'Please review',
        user: 'contributor',
        ...options
      });
    },
    close: async () => {
      await model.close();
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
