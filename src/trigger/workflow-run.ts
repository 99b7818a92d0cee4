import { branchNameProblem } from '../git/branch-name.js';
import type { FailedRun } from './decision.js';
import { asObject, field, numberField, objectField, stringField } from './payload.js';
import { cleanTitle, isSameRepository } from './pull.js';

/** The conclusions of a workflow run that Kubrick tries to fix. */
export const FAILED_CONCLUSIONS = ['failure', 'timed_out'];

/** A pull request a workflow_run payload links (GitHub lists only pull requests of the same repository). */
export interface LinkedPull {
  number: number;
  headRef?: string;
  headSha?: string;
  baseRef?: string;
}

/** What a `workflow_run` payload says about the run, its repository and its pull requests. */
export interface WorkflowRunFacts {
  run: FailedRun;
  /** The event that started the failed run (push, pull_request, …). */
  event: string;
  /** Who started the failed run (`triggering_actor`, else `actor`, else the event's sender). */
  actor: unknown;
  /** The run's head repository is not this repository. */
  isFork: boolean;
  forkOwner?: string;
  pulls: LinkedPull[];
  defaultBranch?: string;
}

const SHA = /^[0-9a-f]{40}$/;
const BRANCH_LIMIT = 255;

/** A workflow name as Kubrick shows and matches it: sanitized, one line, capped. */
export function workflowName(value: unknown): string {
  return cleanTitle(value) ?? '';
}

/** `ci_workflows` names workflows as GitHub's `workflows:` filter does, but without regard to case. */
export function isListedWorkflow(name: string, listed: readonly string[]): boolean {
  const wanted = name.trim().toLowerCase();
  return wanted !== '' && listed.some(entry => entry.trim().toLowerCase() === wanted);
}

function positiveInteger(value: number | undefined): number | undefined {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * The pull requests the run lists. GitHub has listed pull requests of other repositories there (ones
 * whose branch has the same name), so one whose head repository is named and is not this one is left out.
 */
function linkedPulls(run: unknown, repositoryUrl: string | undefined): LinkedPull[] {
  const list = field(run, 'pull_requests');
  if (!Array.isArray(list)) return [];
  const pulls: LinkedPull[] = [];
  for (const item of list) {
    const number = positiveInteger(numberField(item, 'number'));
    if (number === undefined) continue;
    const headRepoUrl = stringField(objectField(objectField(item, 'head'), 'repo'), 'url');
    if (headRepoUrl !== undefined && repositoryUrl !== undefined && headRepoUrl !== repositoryUrl) continue;
    const head = objectField(item, 'head');
    const pull: LinkedPull = { number };
    const headRef = stringField(head, 'ref');
    const headSha = stringField(head, 'sha');
    const baseRef = stringField(objectField(item, 'base'), 'ref');
    if (headRef !== undefined) pull.headRef = headRef;
    if (headSha !== undefined) pull.headSha = headSha;
    if (baseRef !== undefined) pull.baseRef = baseRef;
    pulls.push(pull);
  }
  return pulls;
}

/**
 * Reads a `workflow_run` payload. Returns what is wrong with it (for an "ignored: malformed payload"
 * reason) when a field a fix needs is missing. A head repository that cannot be shown to be this
 * repository counts as a fork, so nothing is ever pushed on a guess.
 */
export function readWorkflowRun(payload: unknown): WorkflowRunFacts | string {
  const run = objectField(payload, 'workflow_run');
  if (run === undefined) return 'the workflow_run object is missing';
  const id = positiveInteger(numberField(run, 'id'));
  const workflowId = positiveInteger(
    numberField(run, 'workflow_id') ?? numberField(objectField(payload, 'workflow'), 'id')
  );
  const headSha = stringField(run, 'head_sha')?.toLowerCase();
  const headBranch = stringField(run, 'head_branch');
  if (id === undefined || workflowId === undefined) return 'the run or its workflow has no id';
  if (headSha === undefined || !SHA.test(headSha)) return 'the run has no head commit';
  if (!headBranch || headBranch.length > BRANCH_LIMIT || branchNameProblem(headBranch) !== undefined) {
    return 'the run has no usable head branch';
  }
  const name = workflowName(
    stringField(objectField(payload, 'workflow'), 'name') || stringField(run, 'name')
  );
  const repository = objectField(payload, 'repository') ?? objectField(run, 'repository');
  const headRepository = asObject(field(run, 'head_repository'));
  const isFork = !isSameRepository(headRepository, repository);
  const facts: WorkflowRunFacts = {
    run: {
      id,
      attempt: positiveInteger(numberField(run, 'run_attempt')) ?? 1,
      workflowId,
      workflowName: name,
      headSha,
      headBranch,
      conclusion: stringField(run, 'conclusion') ?? ''
    },
    event: stringField(run, 'event') ?? '',
    actor: field(run, 'triggering_actor') ?? field(run, 'actor') ?? field(payload, 'sender'),
    isFork,
    pulls: isFork ? [] : linkedPulls(run, stringField(repository, 'url'))
  };
  const forkOwner = stringField(objectField(headRepository, 'owner'), 'login');
  if (isFork && forkOwner) facts.forkOwner = forkOwner;
  const defaultBranch = stringField(repository, 'default_branch');
  if (defaultBranch) facts.defaultBranch = defaultBranch;
  return facts;
}
