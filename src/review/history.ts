/**
 * What Kubrick said on this pull request before: its earlier reviews (each body carries a hidden
 * marker with the head commit it reviewed) and their inline comments, the findings a new review must
 * not repeat and may follow up. Only the action's own account counts: anyone can write a marker into
 * a review, and a forged one must not narrow what gets reviewed or silence a finding.
 */
import type { GitHub } from '../github/client.js';
import type { CommentAuthor } from '../github/comments.js';
import { findMarker, stripMarkers } from '../github/markers.js';

/** A finding Kubrick posted as an inline comment in an earlier review: a thread on the PR. */
export interface EarlierFinding {
  /** The thread's first comment, which replies go to. */
  id: number;
  path: string;
  side: 'RIGHT' | 'LEFT';
  /** Where it was last known: GitHub's current line, else the line it was made on. */
  line: number;
  /** The code line the comment was made on (from its diff hunk), when known. */
  codeLine: string | null;
  severity: string;
  /** The comment's text without its severity label. */
  body: string;
  url: string;
}

export interface ReviewHistory {
  /** The newest review Kubrick posted here, and the head commit it reviewed. */
  lastReview: { id: number; headSha: string; url: string } | null;
  findings: EarlierFinding[];
  /** Keys of the follow-up markers of Kubrick's replies already in threads (`<thread>-<head>`). */
  followedUp: Set<string>;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const SEVERITY_LABEL = /^\*\*(High|Medium|Low|Note)[^*]*:\*\*\s*/i;

/**
 * Reads the history; `isOurs` says whether an author is the action's account. A PR with hundreds of
 * comments costs a few pages of reads, once per run.
 */
export async function readReviewHistory(
  gh: GitHub,
  where: { owner: string; repo: string; number: number },
  isOurs: (author: CommentAuthor | null | undefined) => boolean
): Promise<ReviewHistory> {
  const params = { owner: where.owner, repo: where.repo, pull_number: where.number, per_page: 100 };
  const [reviews, comments] = await Promise.all([
    gh.paginate(gh.rest.pulls.listReviews, params),
    gh.paginate(gh.rest.pulls.listReviewComments, params)
  ]);
  const ours = reviews.flatMap(review => {
    const headSha = findMarker(review.body, 'review');
    return isOurs(review.user) && review.state !== 'PENDING' && headSha && SHA.test(headSha)
      ? [{ id: review.id, headSha, url: review.html_url }]
      : [];
  });
  const ourReviewIds = new Set(ours.map(review => review.id));
  const findings: EarlierFinding[] = [];
  const followedUp = new Set<string>();
  for (const comment of comments) {
    if (!isOurs(comment.user)) continue;
    if (comment.in_reply_to_id !== undefined) {
      const key = findMarker(comment.body, 'followup');
      if (key) followedUp.add(key);
      continue;
    }
    if (comment.pull_request_review_id === null || !ourReviewIds.has(comment.pull_request_review_id))
      continue;
    const line = comment.line ?? comment.original_line;
    if (typeof line !== 'number') continue; // a comment on a whole file
    const text = stripMarkers(comment.body).trim();
    const label = SEVERITY_LABEL.exec(text);
    findings.push({
      id: comment.id,
      path: comment.path,
      side: comment.side === 'LEFT' ? 'LEFT' : 'RIGHT',
      line,
      codeLine: commentedLine(comment.diff_hunk),
      severity: label ? label[1]!.toLowerCase() : 'note',
      body: label ? text.slice(label[0].length) : text,
      url: comment.html_url
    });
  }
  return { lastReview: ours.at(-1) ?? null, findings, followedUp };
}

/** A comment's diff hunk ends with the line it was made on. */
export function commentedLine(diffHunk: string | undefined): string | null {
  if (!diffHunk) return null;
  const last =
    diffHunk
      .replace(/\r?\n$/, '')
      .split('\n')
      .at(-1) ?? '';
  if (last.startsWith('@@') || last.startsWith('\\')) return null;
  return /^[ +-]/.test(last) ? last.slice(1) : last;
}
