import { asStep } from './access.js';
import type { GitHub } from './client.js';
import { isTrustedAuthor, newestCommentsFirst } from './comments.js';
import { findMarker, stripMarkers } from './markers.js';

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  locked: boolean;
  isPullRequest: boolean;
  htmlUrl: string;
  author: string | undefined;
}

export async function getIssue(
  gh: GitHub,
  opts: { owner: string; repo: string; issueNumber: number }
): Promise<IssueInfo> {
  const { data } = await asStep(
    {
      doing: `reading #${opts.issueNumber} (the issue or pull request of the request)`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'issues: read',
      note: 'On a pull request, `pull-requests: read` does as well.'
    },
    () => gh.rest.issues.get({ owner: opts.owner, repo: opts.repo, issue_number: opts.issueNumber })
  );
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    locked: data.locked,
    isPullRequest: !!data.pull_request,
    htmlUrl: data.html_url,
    author: data.user?.login
  };
}

export interface PlanComment {
  commentId: number;
  planId: string;
  /** The comment text without its hidden markers. */
  text: string;
  htmlUrl: string;
}

/**
 * The newest plan the action posted on the issue. Only comments by a trusted author count (a bot, or
 * one of `trustedAuthors`): anyone can paste a plan marker, and an approval runs the plan in fix mode.
 */
export async function findPlanComment(
  gh: GitHub,
  opts: {
    owner: string;
    repo: string;
    issueNumber: number;
    trustedAuthors?: readonly string[];
    /** The account the action posts as, when known: then only its own plans count, not any bot's. */
    author?: string;
  }
): Promise<PlanComment | undefined> {
  const comments = await asStep(
    {
      doing: `reading the comments of #${opts.issueNumber} (for the plan to approve)`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'issues: read'
    },
    () => newestCommentsFirst(gh, opts)
  );
  for (const comment of comments) {
    const planId = findMarker(comment.body, 'plan');
    const byUs = opts.author
      ? comment.user?.login?.toLowerCase() === opts.author.toLowerCase()
      : isTrustedAuthor(comment.user, opts.trustedAuthors);
    if (planId && byUs) {
      return {
        commentId: comment.id,
        planId,
        text: stripMarkers(comment.body ?? ''),
        htmlUrl: comment.html_url
      };
    }
  }
  return undefined;
}
