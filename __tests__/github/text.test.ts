import { describe, expect, it } from '@jest/globals';
import { fitBody, GITHUB_BODY_LIMIT } from '../../src/github/body-limit.js';
import { findMarker, planMarker, runMarker, stripMarkers } from '../../src/github/markers.js';
import type { PullFile } from '../../src/github/pulls.js';
import { foldCommentsIntoBody } from '../../src/github/reviews.js';
import { pullDiffPrompt } from '../../src/review/prompt.js';
import { renderFileDiff } from '../../src/review/render.js';

describe('markers', () => {
  it('makes hidden markers that findMarker reads back', () => {
    expect(runMarker('comment-123')).toBe('<!-- kubrick:run:comment-123 -->');
    const body = `Working…\n${planMarker('plan-42')}\n${runMarker('issue-5-label')}`;
    expect(findMarker(body, 'run')).toBe('issue-5-label');
    expect(findMarker(body, 'plan')).toBe('plan-42');
    expect(findMarker('no marker here', 'run')).toBeUndefined();
  });

  it('refuses keys that could close the HTML comment or span lines', () => {
    expect(() => runMarker('x --> <b>')).toThrow(/Invalid Kubrick run marker key/);
    expect(() => planMarker('a\nb')).toThrow();
  });

  it('strips markers from text handed on as a task', () => {
    expect(stripMarkers(`${planMarker('p1')}\n## Plan\n1. do it ${runMarker('c-1')}`)).toBe(
      '## Plan\n1. do it'
    );
  });
});

describe('fitBody', () => {
  it('keeps bodies GitHub accepts and cuts longer ones, saying so', () => {
    expect(fitBody('short')).toBe('short');
    const cut = fitBody('x'.repeat(100_000));
    expect(cut.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(cut).toMatch(/characters cut: GitHub accepts at most 65536 per body\)$/);
  });
});

// The diff an ask or plan run reads: the review's renderer, so both number a patch's lines alike.
describe('pullDiffPrompt', () => {
  const files: PullFile[] = [
    {
      path: 'a.ts',
      status: 'modified',
      patch: '@@ -1,2 +1,2 @@\n keep\n-old\n+new',
      additions: 1,
      deletions: 1
    },
    { path: 'logo.png', status: 'added', additions: 0, deletions: 0 },
    { path: 'b.ts', status: 'added', patch: `@@ -0,0 +1 @@\n+${'z'.repeat(500)}`, additions: 1, deletions: 0 }
  ];

  it('numbers new-file lines so findings can name them, and marks binary files', () => {
    const text = pullDiffPrompt(files.slice(0, 2), 10_000);
    expect(text).toContain('    1  keep\n      -old\n    2 +new');
    expect(text).toContain('### logo.png — added, +0 −0\n(no textual diff');
    expect(text).toContain(renderFileDiff(files[0]!));
    expect(text).toMatch(/^## The pull request's changes \(line numbers are new-file lines\)\n/);
  });

  it('lists files beyond the cap by name instead of cutting a patch in half', () => {
    const text = pullDiffPrompt(files, 300);
    expect(text).toContain('a.ts');
    expect(text).not.toContain('zzzz');
    expect(text).toMatch(/1 more changed file\(s\) not shown.*: b\.ts\)\n[^\n]*END UNTRUSTED diff$/);
  });

  it('numbers a hunk whose header counts fewer lines than follow it as a review does', () => {
    // A trailing line past the hunk's counts is no line of the file.
    const odd: PullFile = {
      path: 'c.ts',
      status: 'modified',
      patch: '@@ -3,1 +3,1 @@\n-a\n+b\n+c',
      additions: 2,
      deletions: 1
    };
    const text = pullDiffPrompt([odd]);
    expect(text).toContain(renderFileDiff(odd));
    expect(text).toContain('    3 +b');
    expect(text).not.toContain('+c');
  });
});

describe('foldCommentsIntoBody', () => {
  it('keeps every refused inline comment with its file and line', () => {
    const body = foldCommentsIntoBody('Summary', [
      { path: 'a.ts', line: 7, side: 'RIGHT', body: '**High:** bug\nmore' },
      { path: 'b.ts', line: 2, side: 'LEFT', body: 'old' }
    ]);
    expect(body).toBe(
      'Summary\n\n### Comments on specific lines\n\n- `a.ts` line 7: **High:** bug\n  more\n- `b.ts` line 2 (old code): old'
    );
  });
});
