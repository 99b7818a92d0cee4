import { fitBody } from './body-limit.js';
import type { GitHub } from './client.js';
import { createOnce } from './create-once.js';
import { statusOf } from './errors.js';
import { errorMessage } from '../error-message.js';

/** A comment as this module keeps it; `user` tells which account the action posts as. */
export interface MarkedComment {
  id: number;
  html_url: string;
  body?: string;
  user?: { login?: string } | null;
}

/** Time source and timers; tests pass a fake one so throttling is checked without waiting. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending progress edit must not keep the process alive; the final report is written explicitly.
    handle.unref();
    return handle;
  },
  clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout)
};

export interface CommentAuthor {
  login?: string;
  type?: string;
}

/**
 * Only comments the action itself could have written are adopted or trusted: a bot's, or one of the
 * given logins (e.g. the user behind a personal access token). Anyone can paste a hidden marker.
 */
export function isTrustedAuthor(
  user: CommentAuthor | null | undefined,
  trustedAuthors: readonly string[] = []
) {
  if (!user) return false;
  if (user.type === 'Bot') return true;
  return !!user.login && trustedAuthors.some(login => login.toLowerCase() === user.login!.toLowerCase());
}

export interface ProgressCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** From runMarker(): the same trigger finds and edits the same comment. */
  marker: string;
  body: string;
  /** Minimum gap between progress edits (default 3 s); the latest body wins. */
  minIntervalMs?: number;
  clock?: Clock;
  trustedAuthors?: readonly string[];
}

/** The one comment of a run: created (or adopted on a re-run), edited live, and finally the report. */
export class ProgressComment {
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private pending: string | undefined;
  private timer: unknown;
  private writes: Promise<void> = Promise.resolve();
  private recreated = false;
  private finalized = false;

  private constructor(
    private readonly gh: GitHub,
    private readonly target: { owner: string; repo: string; issueNumber: number },
    private readonly marker: string,
    private readonly clock: Clock,
    private readonly minIntervalMs: number,
    private readonly trustedAuthors: readonly string[] | undefined,
    public id: number,
    public htmlUrl: string,
    /** The account the action posts as (learned from its own comment; GET /user is not available to app tokens). */
    public readonly authorLogin: string | undefined
  ) {}

  static async start(gh: GitHub, opts: ProgressCommentOptions): Promise<ProgressComment> {
    const { owner, repo, issueNumber, marker } = opts;
    const clock = opts.clock ?? systemClock;
    const body = withMarker(marker, opts.body);
    const existing = await findMarkedComment(gh, { owner, repo, issueNumber, marker }, opts.trustedAuthors);
    const found =
      existing ??
      (await createMarkedComment(gh, { owner, repo, issueNumber, marker }, body, opts.trustedAuthors));
    const comment = new ProgressComment(
      gh,
      { owner, repo, issueNumber },
      marker,
      clock,
      opts.minIntervalMs ?? 3000,
      opts.trustedAuthors,
      found.id,
      found.html_url,
      found.user?.login ?? undefined
    );
    // A re-run adopts the comment of the previous run and starts it over.
    if (existing) await comment.write(body);
    else comment.lastWriteAt = clock.now();
    return comment;
  }

  /** A progress edit: written now when the last write is old enough (or `force`), else a bit later. */
  async update(body: string, options: { force?: boolean } = {}): Promise<void> {
    if (this.finalized) return;
    this.pending = this.withMarker(body);
    const wait = this.lastWriteAt + this.minIntervalMs - this.clock.now();
    if (options.force || wait <= 0) return this.flush();
    this.timer ??= this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.enqueuePendingWrite();
    }, wait);
  }

  /** Writes a waiting progress edit now and waits for every write in flight. */
  async flush(): Promise<void> {
    this.cancelTimer();
    await this.enqueuePendingWrite();
  }

  /**
   * The final report. Always written after any progress edit, retried by the client; a comment deleted
   * meanwhile is created again (once). Throws when GitHub still refuses, so the caller can say so.
   */
  async finalize(body: string): Promise<void> {
    this.finalized = true;
    this.cancelTimer();
    this.pending = undefined;
    await this.writes;
    try {
      await this.write(this.withMarker(body));
    } catch (error) {
      throw new Error(`Could not write the final Kubrick comment ${this.htmlUrl}: ${describe(error)}`, {
        cause: error
      });
    }
  }

  private enqueuePendingWrite(): Promise<void> {
    this.writes = this.writes.then(async () => {
      const body = this.pending;
      if (body === undefined) return;
      this.pending = undefined;
      try {
        await this.write(body);
      } catch (error) {
        // Progress is best effort: the final report is what must land.
        this.gh.log.warn(`Progress comment edit failed: ${describe(error)}`);
      }
    });
    return this.writes;
  }

  private async write(body: string): Promise<void> {
    const { owner, repo, issueNumber } = this.target;
    this.lastWriteAt = this.clock.now();
    try {
      const { data } = await this.gh.rest.issues.updateComment({
        owner,
        repo,
        comment_id: this.id,
        body: fitBody(body)
      });
      this.htmlUrl = data.html_url;
    } catch (error) {
      if (statusOf(error) !== 404 || this.recreated) throw error;
      // Someone deleted the comment during the run: the report still needs a home, exactly once.
      this.recreated = true;
      this.gh.log.warn(`Progress comment ${this.id} was deleted; creating it again.`);
      const created = await createMarkedComment(
        this.gh,
        { owner, repo, issueNumber, marker: this.marker },
        body,
        this.trustedAuthors
      );
      this.id = created.id;
      this.htmlUrl = created.html_url;
    }
  }

  private withMarker(body: string): string {
    return withMarker(this.marker, body);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function withMarker(marker: string, body: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

function describe(error: unknown): string {
  const status = statusOf(error);
  const message = errorMessage(error);
  return status ? `GitHub answered ${status}: ${message}` : message;
}

/** Every comment on an issue or PR, newest first (the action looks for its own latest one). */
export async function newestCommentsFirst(
  gh: GitHub,
  where: { owner: string; repo: string; issueNumber: number }
) {
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100
  });
  return comments.reverse();
}

/** The newest comment on the issue that carries the marker and was written by a trusted author. */
export async function findMarkedComment(
  gh: GitHub,
  where: { owner: string; repo: string; issueNumber: number; marker: string },
  trustedAuthors: readonly string[] = []
): Promise<MarkedComment | undefined> {
  for (const comment of await newestCommentsFirst(gh, where)) {
    if (comment.body?.includes(where.marker) && isTrustedAuthor(comment.user, trustedAuthors)) {
      return { id: comment.id, html_url: comment.html_url, body: comment.body, user: comment.user };
    }
  }
  return undefined;
}

/** Creates the marked comment without ever making two: a comment that landed is found by its marker. */
function createMarkedComment(
  gh: GitHub,
  where: { owner: string; repo: string; issueNumber: number; marker: string },
  body: string,
  trustedAuthors: readonly string[] | undefined
): Promise<MarkedComment> {
  return createOnce(gh, {
    action: 'Creating the comment',
    attempts: 3,
    create: () =>
      gh.rest.issues.createComment({
        owner: where.owner,
        repo: where.repo,
        issue_number: where.issueNumber,
        body: fitBody(body),
        request: { retries: 0 }
      }),
    landed: () => findMarkedComment(gh, where, trustedAuthors),
    describe
  });
}

export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

export type ReactionSubject =
  { kind: 'issue_comment' | 'review_comment'; commentId: number } | { kind: 'issue'; issueNumber: number };

/** Best effort: a reaction that cannot be added is logged and never fails the run. */
export async function addReaction(
  gh: GitHub,
  opts: { owner: string; repo: string; content: ReactionContent } & ReactionSubject
): Promise<boolean> {
  const { owner, repo, content } = opts;
  try {
    if (opts.kind === 'issue') {
      await gh.rest.reactions.createForIssue({ owner, repo, issue_number: opts.issueNumber, content });
    } else if (opts.kind === 'issue_comment') {
      await gh.rest.reactions.createForIssueComment({ owner, repo, comment_id: opts.commentId, content });
    } else {
      await gh.rest.reactions.createForPullRequestReviewComment({
        owner,
        repo,
        comment_id: opts.commentId,
        content
      });
    }
    return true;
  } catch (error) {
    gh.log.warn(`Could not add the ${content} reaction: ${describe(error)}`);
    return false;
  }
}
