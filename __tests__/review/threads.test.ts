import { describe, expect, it } from '@jest/globals';
import type { PullFile } from '../../src/github/pulls.js';
import type { EarlierFinding } from '../../src/review/history.js';
import { changeBlocks, parseHunks } from '../../src/review/patch.js';
import { changedFindings, locateLine, splitRepeats } from '../../src/review/threads.js';

const earlier = (over: Partial<EarlierFinding> = {}): EarlierFinding => ({
  id: 7,
  path: 'src/a.js',
  side: 'RIGHT',
  line: 3,
  codeLine: '  return a - b;',
  severity: 'high',
  body: 'subtracts',
  url: 'https://example.test/7',
  ...over
});

const finding = (line: number, path = 'src/a.js') => ({ path, line, severity: 'high', body: 'subtracts' });

describe('patches', () => {
  it('number their lines on both sides and group edits into blocks', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' one',
      '-two',
      '+TWO',
      ' three',
      '-four',
      '\\ No newline at end of file',
      '+FOUR',
      '+five',
      ''
    ].join('\n');
    const [hunk] = parseHunks(patch);
    expect(hunk!.lines.map(l => [l.kind, l.oldLine, l.newLine])).toEqual([
      [' ', 1, 1],
      ['-', 2, null],
      ['+', null, 2],
      [' ', 3, 3],
      ['-', 4, null],
      ['\\', null, null],
      ['+', null, 4],
      ['+', null, 5]
    ]);
    expect(changeBlocks(patch)).toEqual([
      { removed: [2], added: [2] },
      { removed: [4], added: [4, 5] }
    ]);
  });
});

describe('where an earlier finding is now', () => {
  it('is the matching line nearest to where it was', () => {
    const lines = ['}', 'x', '}', 'y', 'y', '}'];
    expect(locateLine(lines, '}', 4)).toBe(3);
    expect(locateLine(lines, '  }  ', 6)).toBe(6);
    expect(locateLine(lines, 'gone', 2)).toBeNull();
    expect(locateLine(['a', '', 'b'], '', 2)).toBe(2);
    expect(locateLine(['a', 'b'], '', 2)).toBeNull();
  });
});

describe('earlier findings the new commits changed', () => {
  const OLD = ['// math', 'export function add(a, b) {', '  return a - b;', '}', ''].join('\n');
  const modified = (patch: string): PullFile[] => [
    { path: 'src/a.js', status: 'modified', additions: 1, deletions: 1, patch }
  ];

  it('are those whose code line an edit removed or rewrote, with the lines that replaced it', async () => {
    const patch = [
      '@@ -2,3 +2,3 @@',
      ' export function add(a, b) {',
      '-  return a - b;',
      '+  return a + b;',
      ' }'
    ].join('\n');
    expect(await changedFindings([earlier()], modified(patch), async () => OLD)).toEqual([
      { finding: earlier(), replacedBy: [3] }
    ]);
  });

  it('leave alone a finding whose line only moved or whose file changed elsewhere', async () => {
    const above = ['@@ -1,2 +1,3 @@', ' // math', '+// more', ' export function add(a, b) {'].join('\n');
    expect(await changedFindings([earlier()], modified(above), async () => OLD)).toEqual([]);
    expect(await changedFindings([earlier({ path: 'src/b.js' })], modified(above), async () => OLD)).toEqual(
      []
    );
  });

  it('find the old line by its text when the line number is out of date', async () => {
    const shifted = ['// math', '// more', 'export function add(a, b) {', '  return a - b;', '}', ''].join(
      '\n'
    );
    const patch = [
      '@@ -3,3 +3,3 @@',
      ' export function add(a, b) {',
      '-  return a - b;',
      '+  return a + b;',
      ' }'
    ].join('\n');
    expect(await changedFindings([earlier()], modified(patch), async () => shifted)).toHaveLength(1);
    // Unreadable old version: no follow-up rather than a guess.
    expect(await changedFindings([earlier()], modified(patch), async () => null)).toEqual([]);
  });

  it('read the old version of a file once, however many earlier findings it has', async () => {
    const patch = [
      '@@ -1,4 +1,4 @@',
      '-// math',
      '+// maths',
      ' export function add(a, b) {',
      '-  return a - b;',
      '+  return a + b;',
      ' }'
    ].join('\n');
    const reads: string[] = [];
    const readOld = async (path: string) => {
      reads.push(path);
      return OLD;
    };
    const findings = [earlier(), earlier({ id: 8, line: 1, codeLine: '// math' })];
    expect(await changedFindings(findings, modified(patch), readOld)).toEqual([
      { finding: findings[0], replacedBy: [3] },
      { finding: findings[1], replacedBy: [1] }
    ]);
    expect(reads).toEqual(['src/a.js']);
  });

  it('count a deleted file as changed', async () => {
    const removed: PullFile[] = [
      { path: 'src/a.js', status: 'removed', additions: 0, deletions: 4, patch: '@@ -1,4 +0,0 @@' }
    ];
    expect(await changedFindings([earlier()], removed, async () => OLD)).toEqual([
      { finding: earlier(), replacedBy: [] }
    ]);
  });
});

describe('repeated findings', () => {
  const context = (
    lines: string[] | null,
    stillPresent = [] as { finding: EarlierFinding; replacedBy: number[] }[]
  ) => ({
    headLines: new Map([['src/a.js', lines]]),
    stillPresent
  });
  const HEAD = ['// math', 'export function add(a, b) {', '  return a - b;', '}'];

  it('are findings on the line an earlier one sits on now, found by its code line after edits', () => {
    expect(splitRepeats([finding(3)], [earlier()], context(HEAD)).repeats).toHaveLength(1);
    const moved = ['// math', '// added above', 'export function add(a, b) {', '  return a - b;', '}'];
    expect(splitRepeats([finding(4)], [earlier()], context(moved)).repeats).toHaveLength(1);
    expect(splitRepeats([finding(3)], [earlier()], context(moved)).fresh).toHaveLength(1);
    // The line was rewritten: a finding there is about new code.
    const rewritten = ['// math', 'export function add(a, b) {', '  return a * b;', '}'];
    expect(splitRepeats([finding(3)], [earlier()], context(rewritten)).fresh).toHaveLength(1);
  });

  it('compare paths as the finding tool normalizes them, sides, and lines when the text is unknown', () => {
    expect(
      splitRepeats([{ ...finding(3), path: './src/a.js' }], [earlier()], context(HEAD)).repeats
    ).toHaveLength(1);
    expect(
      splitRepeats([{ ...finding(3), side: 'LEFT' as const }], [earlier()], context(HEAD)).fresh
    ).toHaveLength(1);
    expect(splitRepeats([finding(3)], [earlier({ codeLine: null })], context(null)).repeats).toHaveLength(1);
    expect(splitRepeats([finding(3, 'src/b.js')], [earlier()], context(HEAD)).fresh).toHaveLength(1);
  });

  it('include a still-present finding reported again on the lines that replaced its line', () => {
    const stillPresent = [{ finding: earlier(), replacedBy: [3, 4] }];
    const split = splitRepeats([finding(4), finding(9)], [earlier()], context(HEAD, stillPresent));
    expect(split.repeats.map(r => r.finding.line)).toEqual([4]);
    expect(split.fresh.map(f => f.line)).toEqual([9]);
  });

  it('drop the same finding given twice in one answer', () => {
    expect(splitRepeats([finding(9), finding(9)], [], context(HEAD)).fresh).toHaveLength(1);
  });
});
