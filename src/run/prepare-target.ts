import { prepareCiTarget } from '../ci/prepare.js';
import type { CiOutcome } from '../ci/report.js';
import type { Settings } from '../config/settings.js';
import { issueBranch, scheduledBranch } from '../git/branch-name.js';
import { checkoutPrHead, checkoutRemoteBranch } from '../git/checkout.js';
import { fetchRef } from '../git/remote.js';
import type { GitCommandManager } from '../git/git-command.js';
import type { GitHub } from '../github/client.js';
import { findPlanComment, getIssue, type IssueInfo } from '../github/issues.js';
import { getPull, getPullDiff, type PullInfo } from '../github/pulls.js';
import { prepareReview, type PreparedReview } from '../review/prepare.js';
import { pullDiffPrompt } from '../review/prompt.js';
import type { Redactor } from '../report/redact.js';
import type { Tool } from '../tools/types.js';
import type { RunDecision } from '../trigger/decision.js';
import { FORK_FIX_REASON } from '../trigger/pull.js';
import { capTask, wrapUntrusted } from '../trigger/sanitize.js';
import { RunFailed, RunRefused } from './errors.js';
import type { RunnerContext } from './runner-context.js';

export interface PreparedTarget {
  /** What the model reads as its task: the request, with the issue or PR as delimited data. */
  task: string;
  extraPrompt?: string;
  /** A line for the progress checklist. */
  preparedLabel: string;
  issue?: IssueInfo;
  pull?: PullInfo;
  /** A review: what it covers, what Kubrick said before, and the tools' view of the diff. */
  review?: PreparedReview;
  /** Where fix-mode work goes, and how: our own branch (lease) or the PR's head (fast-forward). */
  branch: string | null;
  branchMode: 'own-branch' | 'pr-head';
  /** The commit the workspace starts from, once checked out. */
  baseSha?: string;
  /** Where a pull request from our own branch goes, when not the default branch (`base_branch`). */
  baseBranch?: string;
  /** Read-only tools this request adds to its mode's (ci_log for failed CI). */
  tools?: Tool[];
  /** Failed CI the run is about: the report names its runs and jobs. */
  ci?: CiOutcome;
  /** The commit message, when the request has its own (CI fixes carry an attempt trailer). */
  commitMessage?: string;
  /** Title and the lines that say what the pull request is for, when Kubrick opens one without an issue. */
  pullRequest?: { title: string; context: string };
}

/** What preparing the target and publishing a fix both work with: the repository, its git and the request. */
export interface TargetContext {
  gh: GitHub;
  git: GitCommandManager;
  /** Environment for git commands that reach the remote (the token as an extra header). */
  auth: Record<string, string>;
  runner: RunnerContext;
  settings: Settings;
  decision: RunDecision;
  defaultBranch: string;
  /** HTTP for downloads outside the API client (CI job logs); the real fetch when absent. */
  fetch?: typeof fetch;
  /** Masks the run's secrets in text that reaches the model from outside (CI job logs). */
  redactor?: Redactor;
}

export interface PrepareOptions extends TargetContext {
  /** The account the action posts as (from its progress comment), when known. */
  ownLogin?: string;
}

function requestText(decision: RunDecision): string {
  const who = decision.requester?.login ? `@${decision.requester.login}` : 'a maintainer';
  const request = wrapUntrusted('request', decision.task);
  const at = decision.commentLocation;
  if (!at) return `Request from ${who}:\n${request}`;
  // An inline review comment's "fix this" means the line it is attached to.
  const line = at.line === undefined ? '' : `line ${at.line} of `;
  return [
    `Request from ${who}, written as an inline review comment on ${line}this file (the pull request's version):`,
    wrapUntrusted('file path', at.path),
    request
  ].join('\n');
}

function withIssue(decision: RunDecision, issue: IssueInfo): string {
  const kind = issue.isPullRequest ? 'Pull request' : 'Issue';
  return capTask(
    [
      requestText(decision),
      '',
      `${kind} #${issue.number}:`,
      wrapUntrusted(`${kind.toLowerCase()} title`, issue.title),
      wrapUntrusted(`${kind.toLowerCase()} body`, issue.body || '(empty)')
    ].join('\n')
  );
}

/**
 * The task of `/kubrick approve`: the latest plan Kubrick posted on this issue or PR, with the
 * issue or PR as data. Refused when there is no plan, so an approval never runs an empty request.
 */
async function approvedPlanTask(options: PrepareOptions, issue: IssueInfo): Promise<string> {
  const { gh, runner, settings } = options;
  const plan = await findPlanComment(gh, {
    owner: runner.owner,
    repo: runner.repo,
    issueNumber: issue.number,
    trustedAuthors: settings.allowed_bots,
    // Another bot could echo a user's text with a plan marker; only our own plans may be approved.
    author: options.ownLogin
  });
  if (!plan) {
    throw new RunRefused(
      `there is no plan to approve on this ${issue.isPullRequest ? 'pull request' : 'issue'}: ask for one first with \`${settings.trigger_phrase} plan <task>\`.`
    );
  }
  const kind = issue.isPullRequest ? 'Pull request' : 'Issue';
  return capTask(
    [
      `Carry out this plan, which a maintainer approved (it was written earlier by you for this ${kind.toLowerCase()}):`,
      wrapUntrusted('approved plan', plan.text),
      '',
      `${kind} #${issue.number}:`,
      wrapUntrusted(`${kind.toLowerCase()} title`, issue.title),
      wrapUntrusted(`${kind.toLowerCase()} body`, issue.body || '(empty)')
    ].join('\n')
  );
}

/** `base_branch` when it names another branch than the default one: new work starts there, and its PR targets it. */
function otherBaseBranch(options: PrepareOptions): string | undefined {
  const base = options.settings.base_branch;
  return base && base !== options.defaultBranch ? base : undefined;
}

/** A scheduled or dispatched task: the repository on the task's own branch (continued when it exists). */
async function prepareRepository(options: PrepareOptions): Promise<PreparedTarget> {
  const { git, auth, settings, decision } = options;
  const branch = scheduledBranch(settings.branch_prefix, decision.task);
  const baseBranch = otherBaseBranch(options);
  const start =
    decision.mode === 'fix'
      ? await checkoutRemoteBranch(git, { branch, auth, startFrom: baseBranch })
      : undefined;
  return {
    task: capTask(`Maintenance task set by the workflow:\n${decision.task}`),
    preparedLabel: start?.existed
      ? `Continued from the existing branch \`${branch}\``
      : 'Read the scheduled task',
    branch,
    branchMode: 'own-branch',
    baseSha: start?.headSha,
    baseBranch
  };
}

/** A fix on a pull request of this repository: its own branch, checked out at its head. */
async function preparePullFix(
  options: PrepareOptions,
  issue: IssueInfo,
  pull: PullInfo
): Promise<PreparedTarget> {
  const { git, auth, decision } = options;
  // An approval on a PR carries out the plan posted there, like on an issue (checked before the
  // checkout, so a refusal leaves the workspace alone).
  const task = decision.approvePlan ? await approvedPlanTask(options, issue) : withIssue(decision, issue);
  const head = await checkoutPrHead(git, { prNumber: pull.number, headRef: pull.headRef, auth });
  return {
    task,
    preparedLabel: `Checked out the pull request’s branch \`${pull.headRef}\``,
    issue,
    pull,
    branch: pull.headRef,
    branchMode: 'pr-head',
    baseSha: head.headSha
  };
}

/**
 * Review, ask or plan on a pull request: its diff for the prompt, and the PR's own version of the
 * files in the workspace; nothing runs in these modes, so a fork's code is inert.
 */
async function preparePullReading(
  options: PrepareOptions,
  issue: IssueInfo,
  pull: PullInfo
): Promise<PreparedTarget> {
  const { gh, git, auth, runner, decision } = options;
  const files = await getPullDiff(gh, { owner: runner.owner, repo: runner.repo, number: pull.number });
  const sha = await fetchRef(
    { git, remote: 'origin', auth },
    `refs/pull/${pull.number}/head`,
    `refs/remotes/origin/pr/${pull.number}`
  );
  if (sha) await git.exec(['checkout', '--quiet', '--detach', sha]);
  if (decision.mode === 'review') {
    const ownLogin = options.ownLogin?.toLowerCase();
    const review = await prepareReview({
      gh,
      owner: runner.owner,
      repo: runner.repo,
      pull,
      head: sha ?? pull.headSha,
      pullFiles: files,
      focus: decision.task,
      fullAsked: decision.fullReview === true,
      // Without our own login nothing counts as ours: a full review, and no marker anyone else wrote is believed.
      isOurs: author => ownLogin !== undefined && author?.login?.toLowerCase() === ownLogin
    });
    return {
      task: review.task,
      extraPrompt: review.extraPrompt,
      preparedLabel: review.label,
      issue,
      pull,
      review,
      branch: null,
      branchMode: 'own-branch',
      baseSha: sha ?? undefined
    };
  }
  return {
    task: withIssue(decision, issue),
    extraPrompt: pullDiffPrompt(files),
    preparedLabel: `Read the diff of #${pull.number} (${files.length} files)`,
    issue,
    pull,
    branch: null,
    branchMode: 'own-branch',
    baseSha: sha ?? undefined
  };
}

/** An issue: in fix mode on the issue's own branch (continued when an earlier run left one). */
async function prepareIssue(options: PrepareOptions, issue: IssueInfo): Promise<PreparedTarget> {
  const { git, auth, settings, decision } = options;
  const task = decision.approvePlan
    ? await approvedPlanTask(options, issue)
    : decision.commentId !== undefined
      ? withIssue(decision, issue)
      : // Without a comment (a label or an assignment), the issue itself is the request: still data.
        capTask(
          [
            `Fix issue #${issue.number}, which a maintainer handed to you:`,
            wrapUntrusted('issue title', issue.title),
            wrapUntrusted('issue body', issue.body || '(empty)')
          ].join('\n')
        );
  const branch =
    decision.mode === 'fix' ? issueBranch(settings.branch_prefix, issue.number, issue.title) : null;
  const baseBranch = branch ? otherBaseBranch(options) : undefined;
  const start = branch ? await checkoutRemoteBranch(git, { branch, auth, startFrom: baseBranch }) : undefined;
  return {
    task,
    preparedLabel: start?.existed
      ? `Continued from the existing branch \`${branch}\``
      : `Read issue #${issue.number}`,
    issue,
    branch,
    branchMode: 'own-branch',
    baseSha: start?.headSha,
    baseBranch
  };
}

/**
 * Turns a routing decision into what the agent works on: fetches the issue or PR, puts the workspace
 * on the right commit (PR head for reviews and PR fixes, an earlier run's branch to continue), and
 * writes the task with every piece of user text wrapped as untrusted data.
 */
export async function prepareTarget(options: PrepareOptions): Promise<PreparedTarget> {
  const { gh, runner, decision } = options;
  const { target, ci } = decision;
  if (ci) {
    return prepareCiTarget({
      ...options,
      decision: { ...decision, ci },
      fetch: options.fetch ?? globalThis.fetch
    });
  }
  if (target.kind === 'repository') return prepareRepository(options);
  if (target.kind === 'commit')
    throw new RunFailed('a commit without a pull request is worked on only to fix failed CI');
  const where = { owner: runner.owner, repo: runner.repo };
  const issue = await getIssue(gh, { ...where, issueNumber: target.number });
  if (target.kind === 'issue' && !issue.isPullRequest) return prepareIssue(options, issue);
  const pull = await getPull(gh, { ...where, number: target.number });
  if (decision.mode !== 'fix') return preparePullReading(options, issue, pull);
  if (pull.isFork) throw new RunRefused(FORK_FIX_REASON);
  return preparePullFix(options, issue, pull);
}
