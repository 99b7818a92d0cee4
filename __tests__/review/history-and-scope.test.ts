import { describe, expect, it } from '@jest/globals';
import type { GitHub } from '../../src/github/client.js';
import { followUpMarker, reviewMarker } from '../../src/github/markers.js';
import { commentedLine, readReviewHistory } from '../../src/review/history.js';
import { decideScope } from '../../src/review/scope.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const FORGED = 'f'.repeat(40);
const US = 'kubrick-app[bot]';

/** A client whose list calls answer with fixed pages (the calls are what history reads). */
function listing(data: { reviews: unknown[]; comments: unknown[] }): GitHub {
  const client = {
    rest: { pulls: { listReviews: 'reviews', listReviewComments: 'comments' } },
    paginate: async (route: 'reviews' | 'comments') => data[route]
  };
  return client as unknown as GitHub;
}

const user = (login: string) => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });
const isOurs = (author: { login?: string } | null | undefined) => author?.login === US;
const where = { owner: 'o', repo: 'r', number: 5 };

describe('review history', () => {
  const reviews = [
    { id: 1, user: user(US), state: 'COMMENTED', body: `Found one.\n\n${reviewMarker(A)}`, html_url: 'u1' },
    // Someone else writes our marker into their review: it must not move the starting point.
    {
      id: 2,
      user: user('mallory'),
      state: 'COMMENTED',
      body: `lgtm ${reviewMarker(FORGED)}`,
      html_url: 'u2'
    },
    // Another bot is not us either, even a trusted one.
    { id: 3, user: user('other[bot]'), state: 'COMMENTED', body: reviewMarker(FORGED), html_url: 'u3' },
    { id: 4, user: user(US), state: 'COMMENTED', body: '', html_url: 'u4' }
  ];
  const comment = (over: Record<string, unknown>) => ({
    id: 10,
    pull_request_review_id: 1,
    user: user(US),
    path: 'src/a.js',
    side: 'RIGHT',
    line: 3,
    original_line: 3,
    diff_hunk: '@@ -1,2 +1,3 @@\n x\n+y\n+  return a - b;',
    body: '**High:** `add` subtracts.\n\n```suggestion\n  return a + b;\n```',
    html_url: 'c10',
    ...over
  });

  it("starts from the newest review of Kubrick's own account, and reads its inline findings", async () => {
    const history = await readReviewHistory(
      listing({
        reviews,
        comments: [
          comment({}),
          comment({ id: 11, pull_request_review_id: 2, user: user('mallory'), body: '**High:** fake' }),
          comment({
            id: 12,
            line: null,
            original_line: 9,
            side: 'LEFT',
            body: 'plain words',
            diff_hunk: '@@ -9 +8 @@\n-gone'
          }),
          comment({
            id: 13,
            pull_request_review_id: 4,
            in_reply_to_id: 10,
            body: `**Addressed** in bbbbbbb ${followUpMarker(10, B)}`
          }),
          comment({ id: 14, pull_request_review_id: 3, user: user('other[bot]') })
        ]
      }),
      where,
      isOurs
    );
    expect(history.lastReview).toEqual({ id: 1, headSha: A, url: 'u1' });
    expect(history.findings).toEqual([
      {
        id: 10,
        path: 'src/a.js',
        side: 'RIGHT',
        line: 3,
        codeLine: '  return a - b;',
        severity: 'high',
        body: '`add` subtracts.\n\n```suggestion\n  return a + b;\n```',
        url: 'c10'
      },
      {
        id: 12,
        path: 'src/a.js',
        side: 'LEFT',
        line: 9,
        codeLine: 'gone',
        severity: 'note',
        body: 'plain words',
        url: 'c10'
      }
    ]);
    expect([...history.followedUp]).toEqual([`10-${B}`]);
  });

  it('has no starting point without a review of ours that carries a commit', async () => {
    const history = await readReviewHistory(
      listing({ reviews: reviews.slice(1), comments: [] }),
      where,
      () => false
    );
    expect(history.lastReview).toBeNull();
    expect(history.findings).toEqual([]);
  });

  it('reads the commented line from the end of a diff hunk', () => {
    expect(commentedLine('@@ -1 +1 @@\n-old\n+new\n')).toBe('new');
    expect(commentedLine('@@ -1 +1 @@')).toBeNull();
    expect(commentedLine(undefined)).toBeNull();
  });
});

describe('what a review covers', () => {
  function comparing(answer: { status?: string; error?: number; files?: number }): GitHub {
    const file = (i: number) => ({
      filename: `f${i}.js`,
      status: 'added',
      additions: 1,
      deletions: 0,
      patch: '@@ -0,0 +1 @@\n+b'
    });
    const client = {
      rest: {
        repos: {
          compareCommitsWithBasehead: async () => {
            if (answer.error)
              throw Object.assign(new Error(`HTTP ${answer.error}`), { status: answer.error });
            const files = Array.from({ length: answer.files ?? 1 }, (_, i) => file(i));
            return { data: { status: answer.status, files } };
          }
        }
      }
    };
    return client as unknown as GitHub;
  }
  const decide = (gh: GitHub, lastReviewed: string | null, fullAsked = false) =>
    decideScope(gh, { owner: 'o', repo: 'r' }, { head: B, lastReviewed, fullAsked });

  it('is the changes since the last reviewed commit when it is an ancestor of the head', async () => {
    const decision = await decide(comparing({ status: 'ahead' }), A);
    expect(decision.scope).toEqual({ kind: 'incremental', head: B, lastReviewed: A });
    expect(decision.sinceLastReview?.map(f => f.path)).toEqual(['f0.js']);
  });

  it('is the whole pull request otherwise, with the reason', async () => {
    expect((await decide(comparing({ status: 'ahead' }), null)).scope).toMatchObject({
      kind: 'full',
      reason: 'first'
    });
    expect((await decide(comparing({ status: 'ahead' }), B)).scope).toMatchObject({
      kind: 'full',
      reason: 'no-new-commits'
    });
    expect((await decide(comparing({ status: 'diverged' }), A)).scope).toMatchObject({
      kind: 'full',
      reason: 'not-ancestor'
    });
    expect((await decide(comparing({ status: 'behind' }), A)).scope).toMatchObject({
      kind: 'full',
      reason: 'not-ancestor'
    });
    expect((await decide(comparing({ error: 404 }), A)).scope).toMatchObject({
      kind: 'full',
      reason: 'not-ancestor'
    });
    // GitHub lists 300 files of a comparison at the most: that many may hide more.
    expect((await decide(comparing({ status: 'ahead', files: 300 }), A)).scope).toMatchObject({
      kind: 'full',
      reason: 'compare-failed',
      detail: "the comparison reached GitHub's limit of 300 files"
    });
    expect((await decide(comparing({ error: 500 }), A)).scope).toMatchObject({
      kind: 'full',
      reason: 'compare-failed',
      detail: 'HTTP 500'
    });
  });

  it('is the whole pull request when asked, still knowing the changes since the last review', async () => {
    const decision = await decide(comparing({ status: 'ahead' }), A, true);
    expect(decision.scope).toMatchObject({ kind: 'full', reason: 'asked', lastReviewed: A });
    expect(decision.sinceLastReview).toHaveLength(1);
  });
});
