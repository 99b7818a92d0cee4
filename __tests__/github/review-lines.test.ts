import { describe, expect, it } from '@jest/globals';
import type { PullFile } from '../../src/github/pulls.js';
import { commentableLines, placeFindings, type Finding } from '../../src/github/review-lines.js';

const patch = [
  '@@ -1,4 +1,5 @@',
  ' import a from "a";',
  '-const x = 1;',
  '+const x = 2;',
  '+const y = 3;',
  ' ',
  ' export { x };',
  '@@ -20,2 +21,2 @@ function tail() {',
  ' keep();',
  '-old();',
  '+fresh();',
  '\\ No newline at end of file'
].join('\n');

describe('commentableLines', () => {
  it('numbers added and context lines on the right, removed and context lines on the left', () => {
    const { right, left } = commentableLines(patch);
    expect([...right].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 21, 22]);
    expect([...left].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 20, 21]);
  });

  it('ignores "no newline" notes, CRLF and a trailing newline after the last hunk', () => {
    const crlf = `${patch.replace(/\n/g, '\r\n')}\n`;
    const { right } = commentableLines(crlf);
    expect(right.has(23)).toBe(false);
    expect(right.has(22)).toBe(true);
  });

  it('reads hunks without counts (single-line files)', () => {
    const { right, left } = commentableLines('@@ -0,0 +1 @@\n+only line');
    expect([...right]).toEqual([1]);
    expect([...left]).toEqual([]);
  });
});

describe('placeFindings', () => {
  const files: PullFile[] = [
    { path: 'src/a.ts', status: 'modified', patch, additions: 3, deletions: 2 },
    { path: 'img/logo.png', status: 'added', additions: 0, deletions: 0 },
    {
      path: 'src/new-name.ts',
      previousPath: 'src/old-name.ts',
      status: 'renamed',
      patch: '@@ -3,1 +3,1 @@\n-a\n+b',
      additions: 1,
      deletions: 1
    }
  ];
  const finding = (over: Partial<Finding>): Finding => ({
    path: 'src/a.ts',
    line: 3,
    severity: 'high',
    body: 'y is never used',
    ...over
  });

  it('puts a finding on a changed line inline, on the right side, with its severity', () => {
    const { inline, outside } = placeFindings([finding({ path: './src/a.ts' })], files);
    expect(outside).toEqual([]);
    expect(inline).toEqual([{ path: 'src/a.ts', line: 3, side: 'RIGHT', body: '**High:** y is never used' }]);
  });

  it('adds a suggestion block that survives backticks in the suggested code', () => {
    const { inline } = placeFindings([finding({ suggestion: 'const y = `3`;\n```\n' })], files);
    expect(inline[0]!.body).toContain('\n\n````suggestion\nconst y = `3`;\n```\n````');
  });

  it('sends findings outside the diff, on binary files and on unknown files to the review body', () => {
    const outsideFindings = [
      finding({ line: 10 }),
      finding({ path: 'img/logo.png', line: 1 }),
      finding({ path: 'nope.ts', line: 1 }),
      finding({ line: 2.5 })
    ];
    const { inline, outside } = placeFindings(outsideFindings, files);
    expect(inline).toEqual([]);
    expect(outside).toEqual(outsideFindings);
  });

  it('maps a finding naming the old path of a renamed file to the new path', () => {
    const { inline } = placeFindings([finding({ path: 'src/old-name.ts', line: 3 })], files);
    expect(inline).toMatchObject([{ path: 'src/new-name.ts', line: 3, side: 'RIGHT' }]);
  });

  it('places a LEFT finding on a removed line, showing its suggestion without a suggestion block', () => {
    const { inline } = placeFindings([finding({ line: 20, side: 'LEFT', suggestion: 'fresh();' })], files);
    expect(inline[0]).toMatchObject({ line: 20, side: 'LEFT' });
    expect(inline[0]!.body).not.toContain('```suggestion');
    expect(inline[0]!.body).toContain('fresh();');
  });
});
