/**
 * Pull request reviews and their inline comments, validated the way GitHub validates them: every inline
 * comment must target a line shown in the PR's diff on the side it names, or the whole review is rejected.
 */
import type { EmulatorContext } from '../context.js';
import { currentHeadSha } from '../context.js';
import type { DiffFile } from '../diff.js';
import { diffHunkUpTo, hunkIndexOf } from '../diff.js';
import type { Route } from '../http.js';
import {
  checkBodyLength,
  jsonBody,
  notFound,
  paginate,
  positiveInt,
  unprocessable,
  validationFailed
} from '../http.js';
import { reviewCommentJson, reviewJson } from '../serialize.js';
import type { PullRecord, ReviewCommentRecord, ReviewRecord, ReviewState, Side } from '../types.js';
import { diffOfPull, pullOf } from './pulls.js';

const EVENT_STATE: Record<string, ReviewState> = {
  COMMENT: 'COMMENTED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  APPROVE: 'APPROVED'
};

/** GitHub's wording when an inline comment misses the diff. */
export const LINE_NOT_IN_DIFF =
  "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank";

interface DraftComment {
  path: string;
  line: number;
  side: Side;
  startLine: number | null;
  startSide: Side | null;
  body: string;
  diffHunk: string;
}

export function reviewRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/pulls/:number/reviews',
      handler: async req => {
        const review = await submitReview(ctx, pullOf(ctx, req), ctx.tokenLogin, jsonBody(req));
        return { status: 200, body: reviewJson(ctx, review) };
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number/reviews',
      handler: req => {
        const pull = pullOf(ctx, req);
        // A pending review is visible to its author only; the token is that author when it made one.
        const list = ctx.state
          .reviewsOf(pull.number)
          .filter(r => r.state !== 'PENDING' || r.user === ctx.tokenLogin)
          .map(r => reviewJson(ctx, r));
        return paginate(req, ctx.apiUrl, list);
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number/comments',
      handler: req => {
        const pull = pullOf(ctx, req);
        const submitted = new Set(
          ctx.state
            .reviewsOf(pull.number)
            .filter(r => r.state !== 'PENDING')
            .map(r => r.id)
        );
        const list = ctx.state
          .reviewCommentsOf({ pullNumber: pull.number })
          .filter(c => submitted.has(c.reviewId))
          .map(c => reviewCommentJson(ctx, c));
        return paginate(req, ctx.apiUrl, list);
      }
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/pulls/:number/comments/:comment_id/replies',
      handler: req => {
        const reply = replyToThread(ctx, pullOf(ctx, req), req.params.comment_id, jsonBody(req));
        return { status: 201, body: reviewCommentJson(ctx, reply) };
      }
    }
  ];
}

/**
 * A reply in a review thread, as GitHub makes it: the reply copies the thread's place (path, line, hunk)
 * and comes in a review of its own (submitted, empty body), as a "single comment" does on the web.
 */
function replyToThread(
  ctx: EmulatorContext,
  pull: PullRecord,
  rawId: string | undefined,
  input: Record<string, unknown>
): ReviewCommentRecord {
  const parent = ctx.state.reviewComments.get(positiveInt(rawId, 'comment'));
  if (!parent || parent.pullNumber !== pull.number) throw notFound();
  if (parent.inReplyToId !== undefined) {
    throw unprocessable('Replies to replies are not supported: reply to the first comment of the thread');
  }
  const body = input.body;
  if (typeof body !== 'string' || body.trim() === '') {
    throw validationFailed({ resource: 'PullRequestReviewComment', field: 'body', code: 'missing_field' });
  }
  checkBodyLength(body, 'PullRequestReviewComment');
  const now = ctx.state.now();
  const review: ReviewRecord = {
    id: ctx.state.allocateId(),
    pullNumber: pull.number,
    user: ctx.tokenLogin,
    body: '',
    state: 'COMMENTED',
    commitId: parent.commitId,
    submittedAt: now
  };
  ctx.state.reviews.set(review.id, review);
  const reply: ReviewCommentRecord = {
    ...parent,
    id: ctx.state.allocateId(),
    reviewId: review.id,
    body,
    user: ctx.tokenLogin,
    createdAt: now,
    updatedAt: now,
    inReplyToId: parent.id
  };
  ctx.state.reviewComments.set(reply.id, reply);
  return reply;
}

/**
 * Validates and stores a review by `user` (the token's identity for API calls; anyone when seeding).
 * Nothing is stored when any part is invalid, as on GitHub.
 */
export async function submitReview(
  ctx: EmulatorContext,
  pull: PullRecord,
  user: string,
  input: Record<string, unknown>
): Promise<ReviewRecord> {
  const event = input.event;
  if (event !== undefined && event !== null && (typeof event !== 'string' || !(event in EVENT_STATE))) {
    throw validationFailed({ resource: 'PullRequestReview', field: 'event', code: 'invalid' });
  }
  const state: ReviewState = typeof event === 'string' ? (EVENT_STATE[event] ?? 'PENDING') : 'PENDING';
  const body = typeof input.body === 'string' ? input.body : '';
  checkBodyLength(body, 'PullRequestReview');
  const rawComments = Array.isArray(input.comments) ? (input.comments as unknown[]) : [];

  if (state === 'CHANGES_REQUESTED' && body.trim() === '') {
    throw unprocessable('Review body is required when using REQUEST_CHANGES');
  }
  if (state === 'COMMENTED' && body.trim() === '' && rawComments.length === 0) {
    throw unprocessable('Review body is required when using COMMENT without inline comments');
  }
  const author = ctx.state.issues.get(pull.number)?.user;
  if (author === user && state === 'APPROVED') throw unprocessable('Can not approve your own pull request');
  if (author === user && state === 'CHANGES_REQUESTED') {
    throw unprocessable('Can not request changes on your own pull request');
  }
  if (
    state === 'PENDING' &&
    ctx.state.reviewsOf(pull.number).some(r => r.state === 'PENDING' && r.user === user)
  ) {
    throw unprocessable('User can only have one pending review per pull request');
  }

  let commitId = await currentHeadSha(ctx, pull);
  if (typeof input.commit_id === 'string' && input.commit_id !== '') {
    const resolved = await ctx.git.resolveCommit(input.commit_id);
    if (!resolved) throw unprocessable(`No commit found for SHA: ${input.commit_id}`);
    commitId = resolved;
  }
  const diff = await diffOfPull(ctx, pull, commitId);
  const drafts = rawComments.map((raw, index) => validateComment(raw, index, diff.files));

  const now = ctx.state.now();
  const review: ReviewRecord = {
    id: ctx.state.allocateId(),
    pullNumber: pull.number,
    user,
    body,
    state,
    commitId,
    submittedAt: state === 'PENDING' ? null : now
  };
  ctx.state.reviews.set(review.id, review);
  for (const draft of drafts) {
    const comment: ReviewCommentRecord = {
      id: ctx.state.allocateId(),
      reviewId: review.id,
      pullNumber: pull.number,
      ...draft,
      commitId,
      user,
      createdAt: now,
      updatedAt: now
    };
    ctx.state.reviewComments.set(comment.id, comment);
  }
  return review;
}

function validateComment(raw: unknown, index: number, files: DiffFile[]): DraftComment {
  if (!raw || typeof raw !== 'object') throw unprocessable(`comments[${index}] must be an object`);
  const c = raw as Record<string, unknown>;
  if (typeof c.path !== 'string' || c.path === '') throw unprocessable(`comments[${index}].path is required`);
  if (typeof c.body !== 'string' || c.body === '') throw unprocessable(`comments[${index}].body is required`);
  if (c.position !== undefined && c.line === undefined) {
    throw unprocessable(`comments[${index}]: the emulator supports line/side comments only, not position`);
  }
  if (typeof c.line !== 'number' || !Number.isInteger(c.line))
    throw unprocessable(`comments[${index}].line is required`);
  const side = parseSide(c.side ?? 'RIGHT', index);
  const file = files.find(f => f.filename === c.path);
  if (!file) throw unprocessable('Path could not be resolved');
  const hunk = hunkIndexOf(file, c.line, side);
  if (hunk === -1) throw unprocessable(LINE_NOT_IN_DIFF);

  let startLine: number | null = null;
  let startSide: Side | null = null;
  if (c.start_line !== undefined && c.start_line !== null) {
    if (typeof c.start_line !== 'number' || !Number.isInteger(c.start_line)) {
      throw unprocessable(`comments[${index}].start_line must be a number`);
    }
    startLine = c.start_line;
    startSide = parseSide(c.start_side ?? side, index);
    if (hunkIndexOf(file, startLine, startSide) !== hunk) {
      throw unprocessable('Pull request review thread start line must be part of the same hunk as the line');
    }
    if (startSide === side && startLine >= c.line) {
      throw unprocessable('Pull request review thread start line must precede the end line');
    }
  }
  return {
    path: c.path,
    line: c.line,
    side,
    startLine,
    startSide,
    body: c.body,
    diffHunk: diffHunkUpTo(file, hunk, c.line, side)
  };
}

function parseSide(value: unknown, index: number): Side {
  if (value === 'LEFT' || value === 'RIGHT') return value;
  throw unprocessable(`comments[${index}].side must be LEFT or RIGHT, not ${JSON.stringify(value)}`);
}
