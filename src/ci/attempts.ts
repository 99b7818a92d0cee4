import type { GitHub } from '../github/client.js';
import { isTrustedAuthor, newestCommentsFirst } from '../github/comments.js';
import { KUBRICK_MARKER_PREFIX } from '../github/markers.js';
import type { FailedRun } from '../trigger/decision.js';
import type { Repo } from './runs.js';

/**
 * How Kubrick remembers its CI fixes on a pull request, without any state of its own: every fix run
 * leaves a hidden marker in its final comment and a trailer in its commit, each naming the workflow,
 * the failed run and the fix run itself (`<workflow id>.<run id>.<run attempt>.<fix run id>`). Counting
 * them bounds the fix runs per pull request and workflow, whether they came from workflow_run events
 * or from `/kubrick fix-ci` asked again and again about the same failure. A cap notice is marked too,
 * so it is posted once.
 */
export const ATTEMPT_TRAILER = 'Kubrick-CI-Attempt';

const ATTEMPT_MARKER = `${KUBRICK_MARKER_PREFIX}ci-attempt:`;
const CAP_MARKER = `${KUBRICK_MARKER_PREFIX}ci-cap:`;

/** The id a fix run goes by in markers: its workflow run id (GITHUB_RUN_ID), digits only. */
export function fixRunIdOf(runId: string): string {
  return runId.replace(/\D/g, '').slice(0, 20) || '0';
}

/** One fix run (`fixRunId`) of one failed run. */
export function attemptKey(run: FailedRun, fixRunId: string): string {
  return `${run.workflowId}.${run.id}.${run.attempt}.${fixRunIdOf(fixRunId)}`;
}

export function attemptMarker(run: FailedRun, fixRunId: string): string {
  return `${ATTEMPT_MARKER}${attemptKey(run, fixRunId)} -->`;
}

export function capMarker(workflowId: number): string {
  return `${CAP_MARKER}${workflowId} -->`;
}

export function attemptTrailer(runs: readonly FailedRun[], fixRunId: string): string {
  return runs.map(run => `${ATTEMPT_TRAILER}: ${attemptKey(run, fixRunId)}`).join('\n');
}

/** Workflow id → the attempt keys found for it. */
export type Attempts = Map<number, Set<string>>;

const KEY = /^(\d{1,15})\.(\d{1,20})\.(\d{1,6})\.(\d{1,20})$/;

function add(attempts: Attempts, key: string): void {
  const match = KEY.exec(key);
  if (!match) return;
  const workflowId = Number(match[1]);
  const keys = attempts.get(workflowId) ?? new Set<string>();
  keys.add(key);
  attempts.set(workflowId, keys);
}

function keysAfter(text: string, prefix: string, end: string): string[] {
  const keys: string[] = [];
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + prefix.length)) {
    const close = text.indexOf(end, at + prefix.length);
    if (close === -1) break;
    keys.push(text.slice(at + prefix.length, close));
  }
  return keys;
}

/** What earlier runs left on a pull request: their attempts, and the workflows whose cap was announced. */
export interface CiHistory {
  attempts: Attempts;
  capAnnounced: Set<number>;
}

/**
 * Reads the attempts from the pull request's comments (only those the action itself could have
 * written: anyone can paste a marker) and from its commits' trailers.
 */
export async function readCiHistory(
  gh: GitHub,
  where: Repo,
  pullNumber: number,
  trustedAuthors: readonly string[]
): Promise<CiHistory> {
  const attempts: Attempts = new Map();
  const capAnnounced = new Set<number>();
  const comments = await newestCommentsFirst(gh, { ...where, issueNumber: pullNumber });
  for (const comment of comments) {
    const body = comment.body ?? '';
    if (!body.includes(KUBRICK_MARKER_PREFIX) || !isTrustedAuthor(comment.user, trustedAuthors)) continue;
    for (const key of keysAfter(body, ATTEMPT_MARKER, ' -->')) add(attempts, key);
    for (const id of keysAfter(body, CAP_MARKER, ' -->'))
      if (/^\d{1,15}$/.test(id)) capAnnounced.add(Number(id));
  }
  const commits = await gh.paginate(gh.rest.pulls.listCommits, {
    ...where,
    pull_number: pullNumber,
    per_page: 100
  });
  const trailer = new RegExp(`^${ATTEMPT_TRAILER}: *(\\S+) *$`, 'gm');
  for (const commit of commits) {
    for (const match of (commit.commit.message ?? '').matchAll(trailer)) add(attempts, match[1] as string);
  }
  return { attempts, capAnnounced };
}

/**
 * Earlier fix runs for the run's workflow on this pull request. The fix run `fixRunId` itself does not
 * count: a re-run of Kubrick's own job writes into the comment it wrote before.
 */
export function earlierAttempts(history: CiHistory, run: FailedRun, fixRunId: string): number {
  const keys = history.attempts.get(run.workflowId);
  if (!keys) return 0;
  const own = `.${fixRunIdOf(fixRunId)}`;
  let count = 0;
  for (const key of keys) if (!key.endsWith(own)) count++;
  return count;
}
