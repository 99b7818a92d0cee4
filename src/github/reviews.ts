import { fitBody, GITHUB_BODY_LIMIT } from './body-limit.js';
import type { GitHub } from './client.js';
import { createOnce } from './create-once.js';
import { statusOf, validationText } from './errors.js';
import type { InlineComment } from './review-lines.js';

export type ReviewEvent = 'COMMENT' | 'REQUEST_CHANGES';

export interface PostedReview {
  id: number;
  htmlUrl: string;
  /** Inline comments that GitHub refused and that were moved into the body instead. */
  foldedComments: number;
  event: ReviewEvent;
}

/**
 * Posts one submitted review (the event is always given, so it is never left pending; it is never an
 * approval). If GitHub rejects the inline comments (422), it is posted again with them in the body; if it
 * refuses REQUEST_CHANGES (e.g. on the token owner's own PR), it is posted as COMMENT. A review always lands.
 */
export async function postReview(
  gh: GitHub,
  opts: {
    owner: string;
    repo: string;
    number: number;
    commitId?: string;
    body: string;
    comments: readonly InlineComment[];
    event: ReviewEvent;
    /** A hidden marker kept at the very end of the body, whatever has to be cut to fit. */
    marker?: string;
  }
): Promise<PostedReview> {
  let event = opts.event;
  let body = opts.body.trim() ? opts.body : 'Kubrick reviewed this pull request.';
  const finalBody = (text: string) =>
    opts.marker
      ? `${fitBody(text, GITHUB_BODY_LIMIT - opts.marker.length - 2)}\n\n${opts.marker}`
      : fitBody(text);
  let comments = [...opts.comments];
  let folded = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const review = await createOnce(gh, {
        action: 'Posting the review',
        attempts: 4,
        create: () =>
          gh.rest.pulls.createReview({
            owner: opts.owner,
            repo: opts.repo,
            pull_number: opts.number,
            ...(opts.commitId ? { commit_id: opts.commitId } : {}),
            body: finalBody(body),
            event,
            comments: comments.map(c => ({
              path: c.path,
              line: c.line,
              side: c.side,
              body: fitBody(c.body)
            })),
            request: { retries: 0 }
          }),
        landed: () => findSubmittedReview(gh, opts, finalBody(body)),
        describe: error => `GitHub answered ${statusOf(error) ?? 'nothing'}`
      });
      return { id: review.id, htmlUrl: review.html_url, foldedComments: folded, event };
    } catch (error) {
      if (statusOf(error) !== 422 || attempt >= 3) throw error;
      const reason = validationText(error);
      if (event === 'REQUEST_CHANGES' && /own pull request|request changes/i.test(reason)) {
        gh.log.warn(`GitHub refused REQUEST_CHANGES (${reason}); posting the review as COMMENT.`);
        event = 'COMMENT';
      } else if (comments.length > 0) {
        gh.log.warn(
          `GitHub refused the inline review comments (${reason}); moving them into the review body.`
        );
        body = foldCommentsIntoBody(body, comments);
        folded += comments.length;
        comments = [];
      } else {
        throw error;
      }
    }
  }
}

/** Inline comments rendered as a section of the review body, each with its file and line. */
export function foldCommentsIntoBody(body: string, comments: readonly InlineComment[]): string {
  if (comments.length === 0) return body;
  const items = comments.map(c => {
    const where = `\`${c.path}\` line ${c.line}${c.side === 'LEFT' ? ' (old code)' : ''}`;
    const text = c.body.replace(/\n/g, '\n  ');
    return `- ${where}: ${text}`;
  });
  return `${body}\n\n### Comments on specific lines\n\n${items.join('\n')}`;
}

/** A submitted review on the PR with exactly this body: the one an answer we never received posted. */
async function findSubmittedReview(
  gh: GitHub,
  where: { owner: string; repo: string; number: number },
  body: string
): Promise<{ id: number; html_url: string } | undefined> {
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, {
    owner: where.owner,
    repo: where.repo,
    pull_number: where.number,
    per_page: 100
  });
  return reviews.find(r => r.state !== 'PENDING' && r.body === body);
}

/**
 * Replies in a review thread (`comment_id` is the thread's first comment). Like every create, it is
 * never sent twice blindly: after a failure that may have landed, the thread is searched for it first.
 */
export async function replyInThread(
  gh: GitHub,
  opts: { owner: string; repo: string; number: number; commentId: number; body: string }
): Promise<{ id: number; htmlUrl: string }> {
  const body = fitBody(opts.body);
  const reply = await createOnce(gh, {
    action: 'Replying in a review thread',
    attempts: 4,
    create: () =>
      gh.rest.pulls.createReplyForReviewComment({
        owner: opts.owner,
        repo: opts.repo,
        pull_number: opts.number,
        comment_id: opts.commentId,
        body,
        request: { retries: 0 }
      }),
    landed: async () => {
      const comments = await gh.paginate(gh.rest.pulls.listReviewComments, {
        owner: opts.owner,
        repo: opts.repo,
        pull_number: opts.number,
        per_page: 100
      });
      return comments.find(c => c.in_reply_to_id === opts.commentId && c.body === body);
    },
    describe: error => `GitHub answered ${statusOf(error) ?? 'nothing'}`
  });
  return { id: reply.id, htmlUrl: reply.html_url };
}
