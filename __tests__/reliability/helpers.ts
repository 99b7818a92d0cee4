/**
 * Shared pieces of the fault-injection suites: a world whose scripted model can run a hook when a turn
 * is served (to inject a GitHub fault or move a branch at an exact point of the run), and readers for
 * the emulator's bare repository and comments.
 */
import { expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueBranch } from '../../src/git/branch-name.js';
import { OUTPUT_NAMES } from '../../src/report/outputs.js';
import { createWorld, OWNER, REPO, type ActionRun, type World } from '../../test-support/action-runner.js';
import { issueCommentCreated } from '../../test-support/github-emulator/events.js';
import { inProcess } from '../../test-support/in-process.js';
import { isolatedGitEnv } from '../../test-support/github-emulator/index.js';
import type { ScriptContext, Turn } from '../../test-support/scripted-model/server.js';

export const call = (name: string, args: Record<string, unknown> | string) => ({ name, arguments: args });

export const writeTurn = (path: string, content: string): Turn => ({
  toolCalls: [call('write_file', { path, content })]
});
export const finishTurn = (summary: string): Turn => ({ toolCalls: [call('finish', { summary })] });

/** A scripted turn, or a function run when the model serves it (its side effect happens mid-run). */
export type Step = Turn | ((context: ScriptContext) => Turn | undefined);

export interface FaultWorld extends World {
  /** Steps answered first in, first out; an exhausted queue answers 500 (see the scripted model). */
  steps: Step[];
  /** When each model request arrived (ms since the epoch), in order. */
  requestTimes: number[];
}

export async function createFaultWorld(files: Record<string, string>): Promise<FaultWorld> {
  const steps: Step[] = [];
  const requestTimes: number[] = [];
  const world = await createWorld({
    files,
    runner: inProcess(),
    script: context => {
      requestTimes.push(Date.now());
      const step = steps.shift();
      return typeof step === 'function' ? step(context) : step;
    }
  });
  return Object.assign(world, { steps, requestTimes });
}

export interface Request {
  issueNumber: number;
  title: string;
  payload: unknown;
  /** The comment that triggered the run. */
  commentId: number;
}

/** An issue and a `/kubrick fix …` comment on it by a maintainer, as the issue_comment payload. */
export async function fixRequest(world: World, title: string, body = '/kubrick fix it'): Promise<Request> {
  const issue = world.gh.createIssue({ title, body: 'Something is wrong.', user: 'maintainer' });
  const issueNumber = issue.number as number;
  const payload = (await issueCommentCreated(world.gh, { issueNumber, body, login: 'maintainer' })) as {
    comment: { id: number };
  };
  return { issueNumber, title, payload, commentId: payload.comment.id };
}

/** Runs the action for a request, in process (with the GitHub client's waits scaled down). */
export function runFix(
  world: World,
  request: Request,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  return world.run({ eventName: 'issue_comment', payload: request.payload, inputs, env });
}

/** Kubrick's comments on an issue (they carry the hidden marker). */
export function ourComments(world: World, issueNumber: number): { id: number; body: string }[] {
  return world.ourComments(issueNumber);
}

/** The one comment of the run, which must have become a final report (not a progress comment). */
export function finalComment(world: World, issueNumber: number): { id: number; body: string } {
  const ours = ourComments(world, issueNumber);
  expect(ours).toHaveLength(1);
  const comment = ours[0]!;
  expect(comment.body).not.toContain('Kubrick is working');
  return comment;
}

export function remoteFile(world: World, ref: string, path: string): string {
  return world.remoteFile(ref, path);
}

/** Every path committed on a remote branch. */
export function remoteTree(world: World, ref: string): string[] {
  return world.remoteGit('ls-tree', '-r', '--name-only', ref).trim().split('\n');
}

export function remoteBranches(world: World): string[] {
  return world.remoteGit('for-each-ref', '--format=%(refname:short)', 'refs/heads/').trim().split('\n');
}

/** The branch a successful fix for this request uses (what a budget-stopped run must push to). */
export function issueBranchName(request: Request): string {
  return issueBranch('kubrick/', request.issueNumber, request.title);
}

/**
 * Commits `files` on `branch` of the bare repository, as someone else's push would, synchronously, so a
 * model step can move the branch at an exact point of a run. Returns the new commit.
 */
export function pushAsSomeoneElse(
  world: World,
  branch: string,
  files: Record<string, string>,
  /** Where the commit goes; another ref only stores it for a later move (see moveBranchDuringNextPush). */
  ref = `refs/heads/${branch}`
): string {
  const home = mkdtempSync(join(tmpdir(), 'kubrick-other-pusher-'));
  const index = join(home, 'index');
  const env = {
    ...isolatedGitEnv(home),
    GIT_INDEX_FILE: index,
    GIT_AUTHOR_NAME: 'Someone Else',
    GIT_AUTHOR_EMAIL: 'someone@example.com',
    GIT_COMMITTER_NAME: 'Someone Else',
    GIT_COMMITTER_EMAIL: 'someone@example.com'
  };
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['--git-dir', world.repo.bareRepoPath, ...args], {
      encoding: 'utf8',
      env,
      input
    }).trim();
  try {
    const exists = (() => {
      try {
        return git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
      } catch {
        return '';
      }
    })();
    const parent = exists || git(['rev-parse', 'HEAD']);
    git(['read-tree', parent]);
    for (const [path, content] of Object.entries(files)) {
      const blob = git(['hash-object', '-w', '--stdin'], content);
      git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
    }
    const tree = git(['write-tree']);
    const sha = git(['commit-tree', tree, '-p', parent, '-m', 'A commit by someone else']);
    git(['update-ref', ref, sha]);
    return sha;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Every declared output was written, `conclusion` first, whatever the exit code. */
export function expectAllOutputs(run: ActionRun, conclusion: string): void {
  expect(run.outputs.conclusion).toBe(conclusion);
  expect(run.outputOrder[0]).toBe('conclusion');
  expect([...new Set(run.outputOrder)].sort()).toEqual([...OUTPUT_NAMES].sort());
  expect(run.exitCode).toBe(conclusion === 'failure' || conclusion === 'budget_exhausted' ? 1 : 0);
}

/** The transcript stays in RUNNER_TEMP: no committed path on any branch looks like one. */
export function expectNoTranscriptCommitted(world: World, ref: string): void {
  const tree = remoteTree(world, ref);
  expect(tree.filter(p => /transcript|\.jsonl$|^\.kubrick\//.test(p))).toEqual([]);
}

/** Requests the emulator could not route would hide a missing behaviour. */
export function expectNoUnhandled(world: World): void {
  expect(world.gh.state.unhandled.map(r => `${r.method} ${r.path}`)).toEqual([]);
}

export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

let moves = 0;

/**
 * Makes the next push to `branch` lose a race: a pre-receive hook in the bare repository moves the
 * branch to someone else's commit (adding `files`) after the pusher read it and before the server
 * updates it, so the server rejects the push ("failed to update ref"), as GitHub does when two pushes
 * land at once. Fires once. Returns the commit the branch is moved to.
 */
export function moveBranchDuringNextPush(
  world: World,
  branch: string,
  files: Record<string, string>
): string {
  const sha = pushAsSomeoneElse(world, branch, files, `refs/someone-else/${++moves}`);
  const hook = join(world.repo.bareRepoPath, 'hooks', 'pre-receive');
  const once = join(world.repo.bareRepoPath, `moved-${moves}`);
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      `[ -e '${once}' ] && exit 0`,
      `grep -q ' refs/heads/${branch}$' || exit 0`,
      `touch '${once}'`,
      // Ref updates are refused inside the push's object quarantine; the commit is already stored.
      `env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git update-ref 'refs/heads/${branch}' ${sha}`,
      'exit 0',
      ''
    ].join('\n'),
    { mode: 0o755 }
  );
  return sha;
}

export function remoteRev(world: World, rev: string): string {
  return world.remoteGit('rev-parse', rev).trim();
}
