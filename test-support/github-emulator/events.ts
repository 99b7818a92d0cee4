/**
 * Webhook payloads (what GITHUB_EVENT_PATH holds) that agree with the emulator's state: the issue, comment
 * and pull request in a payload are the emulator's own REST JSON, so ids, numbers, bodies and URLs match
 * what the action later reads through the API. The top-level shape (which keys an event carries) comes
 * from `@octokit/webhooks-examples`; nested objects come from the emulator rather than from the examples'
 * Codertocat data, which would contradict the seeded state.
 *
 * Builders that describe something happening (a comment created, a label added) also make it happen in
 * the emulator, as GitHub records the change before it sends the event.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GitHubEmulator } from './server.js';

type Json = Record<string, unknown>;

interface ExampleDefinition {
  name: string;
  examples: Json[];
}

let definitions: ExampleDefinition[] | null = null;

function examplesOf(event: string): Json[] {
  if (!definitions) {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@octokit/webhooks-examples');
    definitions = JSON.parse(readFileSync(path, 'utf8')) as ExampleDefinition[];
  }
  return definitions.find(d => d.name === event)?.examples ?? [];
}

/**
 * The example's top-level keys in their order, each filled from `fields`. Keys the emulator cannot
 * back (organization, installation, enterprise) are left out: the emulated owner is a user account.
 */
function shapedLike(event: string, action: string | undefined, fields: Json): Json {
  const example = examplesOf(event).find(e => e.action === action);
  if (!example)
    throw new Error(`@octokit/webhooks-examples has no ${event}${action ? `.${action}` : ''} example`);
  const payload: Json = {};
  for (const key of Object.keys(example)) {
    if (key in fields) payload[key] = fields[key];
  }
  for (const [key, value] of Object.entries(fields)) if (!(key in payload)) payload[key] = value;
  return payload;
}

export interface IssueCommentEventInput {
  issueNumber: number;
  body: string;
  login: string;
}

/** `issue_comment.created` on an issue or a PR (the issue then carries `pull_request`); seeds the comment. */
export async function issueCommentCreated(gh: GitHubEmulator, input: IssueCommentEventInput): Promise<Json> {
  const comment = gh.createComment({ issueNumber: input.issueNumber, body: input.body, user: input.login });
  return shapedLike('issue_comment', 'created', {
    action: 'created',
    issue: gh.getIssue(input.issueNumber),
    comment,
    repository: gh.repository(),
    sender: comment.user
  });
}

/** `issues.labeled`; adds the label in the emulator. */
export async function issuesLabeled(
  gh: GitHubEmulator,
  input: { issueNumber: number; label: string; login: string }
): Promise<Json> {
  const issue = gh.addLabel(input.issueNumber, input.label);
  const label = (issue.labels as Json[]).find(l => l.name === input.label);
  return shapedLike('issues', 'labeled', {
    action: 'labeled',
    issue,
    label,
    repository: gh.repository(),
    sender: userFor(gh, input.login)
  });
}

/** `issues.assigned`; adds the assignee in the emulator. */
export async function issuesAssigned(
  gh: GitHubEmulator,
  input: { issueNumber: number; assignee: string; login: string }
): Promise<Json> {
  const issue = gh.addAssignee(input.issueNumber, input.assignee);
  const assignee = (issue.assignees as Json[]).find(a => a.login === input.assignee);
  return shapedLike('issues', 'assigned', {
    action: 'assigned',
    issue,
    assignee,
    repository: gh.repository(),
    sender: userFor(gh, input.login)
  });
}

/** `pull_request.opened|synchronize|ready_for_review` for an existing PR; `before` is for synchronize. */
export async function pullRequestEvent(
  gh: GitHubEmulator,
  input: {
    pullNumber: number;
    action: 'opened' | 'synchronize' | 'ready_for_review';
    login: string;
    before?: string;
  }
): Promise<Json> {
  const pull = await gh.getPull(input.pullNumber);
  const head = pull.head as Json;
  return shapedLike('pull_request', input.action, {
    action: input.action,
    number: input.pullNumber,
    pull_request: pull,
    ...(input.action === 'synchronize' ? { before: input.before ?? null, after: head.sha } : {}),
    repository: gh.repository(),
    sender: userFor(gh, input.login)
  });
}

/** `pull_request_review_comment.created`; seeds the inline comment (validated against the PR's diff). */
export async function pullRequestReviewCommentCreated(
  gh: GitHubEmulator,
  input: {
    pullNumber: number;
    path: string;
    line: number;
    side?: 'LEFT' | 'RIGHT';
    body: string;
    login: string;
  }
): Promise<Json> {
  const comment = await gh.createReviewComment({
    pullNumber: input.pullNumber,
    path: input.path,
    line: input.line,
    side: input.side,
    body: input.body,
    user: input.login
  });
  const pull = await gh.getPull(input.pullNumber);
  return shapedLike('pull_request_review_comment', 'created', {
    action: 'created',
    comment,
    pull_request: pull,
    repository: gh.repository(),
    sender: comment.user
  });
}

/**
 * `schedule`. GitHub's payload for it is thin; `minimal` gives only `{schedule}`, the thinnest a
 * runner may see, which the action must handle.
 */
export async function scheduleEvent(
  gh: GitHubEmulator,
  input: { cron: string; workflow?: string; minimal?: boolean }
): Promise<Json> {
  if (input.minimal) return { schedule: input.cron };
  return {
    schedule: input.cron,
    workflow: input.workflow ?? '.github/workflows/kubrick.yml',
    repository: gh.repository()
  };
}

/** `workflow_dispatch` with its `inputs` (strings, as GitHub sends them). */
export async function workflowDispatchEvent(
  gh: GitHubEmulator,
  input: { inputs: Record<string, string> | null; login: string; ref?: string; workflow?: string }
): Promise<Json> {
  const repo = gh.repository();
  return shapedLike('workflow_dispatch', undefined, {
    inputs: input.inputs,
    ref: input.ref ?? `refs/heads/${String(repo.default_branch)}`,
    repository: repo,
    sender: userFor(gh, input.login),
    workflow: input.workflow ?? '.github/workflows/kubrick.yml'
  });
}

/** The sender as GitHub embeds it: the same id the emulator gives that login everywhere. */
function userFor(gh: GitHubEmulator, login: string): Json {
  return gh.user(login);
}

/**
 * `workflow_run.completed` for a run seeded with `createWorkflowRun` (or re-run): the run and its
 * workflow as the API serves them; the sender is who triggered the run.
 */
export async function workflowRunCompleted(gh: GitHubEmulator, input: { runId: number }): Promise<Json> {
  const { run, workflow } = gh.workflowRun(input.runId);
  return shapedLike('workflow_run', 'completed', {
    action: 'completed',
    repository: gh.repository(),
    sender: run.triggering_actor,
    workflow,
    workflow_run: run
  });
}
