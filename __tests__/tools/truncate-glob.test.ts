import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileGlob, expandBraces } from '../../src/tools/glob.js';
import { truncateMiddle } from '../../src/tools/truncate.js';

describe('truncateMiddle', () => {
  it('leaves short text alone', () => {
    expect(truncateMiddle('short', 100)).toBe('short');
  });

  it('keeps about 70 % head and 30 % tail and says how much was cut', () => {
    const text = Array.from({ length: 2000 }, (_, index) => `line ${index}`).join('\n');
    const cut = truncateMiddle(text, 10_000);
    expect(cut.length).toBeLessThanOrEqual(10_000);
    expect(cut.startsWith('line 0\nline 1\n')).toBe(true);
    expect(cut.endsWith('line 1998\nline 1999')).toBe(true);
    const [head, tail] = cut.split(/\n\[\.\.\. truncated: [^\]]+\]\n/);
    expect(head!.length / (head!.length + tail!.length)).toBeCloseTo(0.7, 1);
    const note =
      /\[\.\.\. truncated: ([\d,]+) of ([\d,]+) characters \(([\d,]+) lines\) cut from the middle \.\.\.\]/.exec(
        cut
      );
    expect(note).not.toBeNull();
    expect(Number(note![2]!.replace(/,/g, ''))).toBe(text.length);
    expect(Number(note![1]!.replace(/,/g, ''))).toBe(text.length - head!.length - tail!.length);
  });

  it('never exceeds the cap and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.integer({ min: 200, max: 2000 }),
        (text, cap) => {
          const cut = truncateMiddle(text, cap);
          expect(cut.length).toBeLessThanOrEqual(Math.max(cap, text.length <= cap ? text.length : cap));
          expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(cut)).toBe(
            false
          );
        }
      )
    );
  });
});

describe('globs', () => {
  it('expand braces and match like git pathspec globs', () => {
    expect(expandBraces('*.{ts,tsx}')).toEqual(['*.ts', '*.tsx']);
    expect(expandBraces('{a,b{c,d}}/x')).toEqual(['a/x', 'bc/x', 'bd/x']);
    expect(expandBraces('{single}')).toEqual(['{single}']);
    const tests = compileGlob('src/**/*.test.ts');
    expect(['src/a.test.ts', 'src/x/y/a.test.ts'].every(tests)).toBe(true);
    expect(['lib/a.test.ts', 'src/a.ts'].some(tests)).toBe(false);
    const star = compileGlob('*.md');
    expect(star('README.md')).toBe(false === star('docs/README.md'));
    expect(compileGlob('.git/**', { caseInsensitive: true })('.GIT')).toBe(true);
    expect(compileGlob('.git/**', { caseInsensitive: true })('.github/x')).toBe(false);
    expect(compileGlob('file[0-9].txt')('file7.txt')).toBe(true);
    expect(compileGlob('a\\*b')('a*b')).toBe(true);
    expect(compileGlob('a\\*b')('axb')).toBe(false);
  });
});
