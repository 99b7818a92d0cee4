/**
 * The steps end-to-end scenarios repeat before they run the world: open an issue, comment on an issue
 * or a pull request, open a pull request, commit on the remote, find the review a run posted. They
 * seed state and build payloads only; every assertion stays in the test.
 */
import type { ActionRun, World } from './action-runner.js';
import { issueCommentCreated, pullRequestEvent } from './github-emulator/events.js';
import { commitFiles } from './repo-fixtures.js';

type Json = Record<string, unknown>;

export interface NewIssue {
  title: string;
  /** Default: empty. */
  body?: string | null;
  /** Who opens it (default: maintainer). */
  user?: string;
}

/** Opens an issue in the emulator and returns its number. */
export function openIssue(world: World, issue: NewIssue): number {
  const created = world.gh.createIssue({ body: '', user: 'maintainer', ...issue });
  return created.number as number;
}

/** Comments `body` on issue or pull request `issueNumber` as `login`; the `issue_comment` payload. */
export function commentOn(
  world: World,
  issueNumber: number,
  body: string,
  login = 'maintainer'
): Promise<Json> {
  return issueCommentCreated(world.gh, { issueNumber, body, login });
}

/** Opens an issue, then comments `comment` on it as `login`: its number and the `issue_comment` payload. */
export async function commentOnNewIssue(
  world: World,
  issue: NewIssue,
  comment: string,
  login = 'maintainer'
): Promise<{ number: number; payload: Json }> {
  const number = openIssue(world, issue);
  return { number, payload: await commentOn(world, number, comment, login) };
}

/**
 * Opens a pull request with `seedPull`, then comments `comment` on it as `login`: its number and the
 * `issue_comment` payload.
 */
export async function commentOnNewPull(
  world: World,
  pull: { branch: string; files: Record<string, string>; options?: Parameters<World['seedPull']>[2] },
  comment: string,
  login = 'maintainer'
): Promise<{ number: number; payload: Json }> {
  const seeded = await world.seedPull(pull.branch, pull.files, pull.options);
  const number = seeded.number as number;
  return { number, payload: await commentOn(world, number, comment, login) };
}

/** The `pull_request.opened` payload of pull request `pullNumber`, sent for @maintainer. */
export function pullOpened(world: World, pullNumber: number): Promise<Json> {
  return pullRequestEvent(world.gh, { pullNumber, action: 'opened', login: 'maintainer' });
}

/** Commits `files` on `branch` of the world's bare remote (a new branch starts at `from`). */
export async function commitOnRemote(
  world: World,
  branch: string,
  files: Record<string, string>,
  message: string,
  options: { from?: string } = {}
): Promise<void> {
  await commitFiles(world.repo.bareRepoPath, branch, files, message, { env: world.repo.env, ...options });
}

/** The review a run posted (the one its `review_id` output names), or undefined. */
export function postedReview(world: World, run: ActionRun) {
  return world.gh.state.reviews.find(r => String(r.id) === run.outputs.review_id);
}
