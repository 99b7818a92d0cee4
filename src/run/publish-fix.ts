import type { AgentResult } from '../agent/loop.js';
import { commitAndPush } from '../git/create-or-update-branch.js';
import { createOrUpdatePull, findOpenPullForBranch } from '../github/pulls.js';
import { protectedPathsFor } from '../policy/paths.js';
import { quoteTask, statsTable } from '../report/comment.js';
import type { RunOutcome } from '../report/outcome.js';
import type { RunDecision } from '../trigger/decision.js';
import type { PreparedTarget, TargetContext } from './prepare-target.js';
import { applyPullRequestSettings } from './pull-request-settings.js';

export interface PublishFixOptions extends TargetContext {
  target: PreparedTarget;
  result: AgentResult;
  outcome: RunOutcome;
}

function firstLine(text: string, max: number): string {
  const line =
    text
      .split('\n')
      .find(l => l.trim() !== '')
      ?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function prTitle(target: PreparedTarget, decision: RunDecision): string {
  if (target.pullRequest) return target.pullRequest.title;
  if (target.issue) return `Fix #${target.issue.number}: ${firstLine(target.issue.title, 80)}`;
  return `Kubrick: ${firstLine(decision.task, 80) || 'scheduled maintenance'}`;
}

function prBody(options: PublishFixOptions, changed: string[]): string {
  const { target, result, outcome, runner, decision } = options;
  const lines = [
    result.summary.trim() || 'Changes made by Kubrick.',
    '',
    target.issue
      ? `Fixes #${target.issue.number}`
      : (target.pullRequest?.context ?? quoteTask(decision.task)),
    '',
    `**Changed files:** ${changed.map(f => `\`${f}\``).join(', ')}`,
    '',
    statsTable(outcome),
    '',
    `<sub>Opened by Kubrick${decision.requester?.login ? ` for @${decision.requester.login}` : ''}${runner.runUrl ? ` in [this workflow run](${runner.runUrl})` : ''}. Review the changes before merging.</sub>`
  ];
  return lines.join('\n');
}

/**
 * Commits and pushes the agent's work, then opens or updates the pull request. Work is pushed
 * whatever the conclusion, so a run that stopped at a budget or failed loses nothing; only a
 * successful run opens a PR. Returns whether the request has something to show: new commits, or
 * (a re-run with nothing new) the open pull request of its branch.
 */
export async function publishFix(options: PublishFixOptions): Promise<boolean> {
  const { gh, git, auth, runner, settings, decision, defaultBranch, target, result, outcome } = options;
  if (!target.branch) return false;
  // Unfinished work never lands on someone's PR branch (it would change the PR under review and
  // could be merged): it goes to a side branch of ours, and the PR stays as it was.
  const sideBranch =
    target.branchMode === 'pr-head' && target.pull && result.conclusion !== 'success'
      ? `${settings.branch_prefix}pr-${target.pull.number}-unfinished-${runner.runId.replace(/[^A-Za-z0-9._-]/g, '') || 'run'}`
      : null;
  const pushed = await commitAndPush({
    git,
    branch: sideBranch ?? target.branch,
    base: defaultBranch,
    baseSha: target.baseSha,
    author: settings.commit_author,
    coAuthor: decision.requester ? { login: decision.requester.login, id: decision.requester.id } : undefined,
    message: target.commitMessage ?? prTitle(target, decision),
    protectedPaths: protectedPathsFor(settings.policy_path, settings.config_path),
    auth,
    mode: sideBranch ? 'own-branch' : target.branchMode,
    runId: runner.runId,
    scratchDir: runner.scratchDir
  });
  outcome.changedFiles = pushed.files.map(f => f.path);
  outcome.protectedSkipped = pushed.protectedSkipped;
  const where = { owner: runner.owner, repo: runner.repo };

  if (pushed.result === 'no-changes') {
    if (result.conclusion !== 'success') return false;
    // A re-run with nothing new still points at the open PR of its branch.
    const open = target.pull
      ? undefined
      : await findOpenPullForBranch(gh, { ...where, branch: target.branch });
    if (open) {
      outcome.branch = target.branch;
      outcome.pr = { number: open.number, url: open.htmlUrl, created: false };
    }
    return open !== undefined;
  }

  outcome.branch = pushed.branch;
  outcome.branchUrl = `${runner.serverUrl}/${runner.owner}/${runner.repo}/tree/${pushed.branch}`;
  // The report says when the work did not land as planned, whatever the conclusion.
  if (sideBranch && target.pull) {
    outcome.notes.push(
      `This run did not finish, so it left \`${target.pull.headRef}\` as it was; the work so far is on \`${pushed.branch}\``
    );
  }
  if (pushed.fallbackFrom) {
    outcome.notes.push(
      pushed.reason ?? `${pushed.fallbackFrom} could not take the work, so it was pushed to ${pushed.branch}`
    );
  } else if (pushed.rebased) {
    outcome.notes.push(
      `Someone else pushed to \`${pushed.branch}\` during this run; this run's commit was put on top of their commits`
    );
  }
  if (result.conclusion !== 'success') return true;

  if (target.pull && !pushed.fallbackFrom) {
    outcome.pr = { number: target.pull.number, url: target.pull.htmlUrl, created: false };
    return true;
  }
  const pr = await createOrUpdatePull(gh, {
    ...where,
    head: pushed.branch,
    // A PR's own work that could not land on its branch goes back to that branch; ours to base_branch.
    base: target.pull?.headRef ?? target.baseBranch ?? defaultBranch,
    title: prTitle(target, decision),
    body: prBody(options, outcome.changedFiles),
    draft: settings.draft_pr
  });
  outcome.pr = { number: pr.number, url: pr.htmlUrl, created: pr.created };
  // Our own pull request (not one whose branch could not take the work) gets the labels and reviewers.
  if (!target.pull) {
    outcome.notes.push(
      ...(await applyPullRequestSettings({
        gh,
        ...where,
        pull: pr,
        labels: settings.pr_labels,
        reviewers: settings.pr_reviewers,
        requester: decision.requester
      }))
    );
  }
  return true;
}
