import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cutMiddle, failedRanges, fairShares, JOB_LOG_CHARS, viewJobLog } from '../../src/ci/log-excerpt.js';
import { cleanJobLog } from '../../src/ci/log-text.js';
import { jobLog } from '../../test-support/job-logs.js';

const view = (raw: string, steps: string[] = []) => viewJobLog(cleanJobLog(raw), steps);

describe('viewJobLog', () => {
  const log = jobLog([
    {
      title: 'Run actions/checkout@v4',
      output: Array.from({ length: 200 }, (_, i) => `checkout noise ${i}`)
    },
    { title: 'Run npm ci', output: Array.from({ length: 200 }, (_, i) => `install noise ${i}`) },
    {
      title: 'Run npm test',
      command: ['npm test'],
      output: ['> node test.js', 'AssertionError: 12 !== 8'],
      error: 'Process completed with exit code 1.'
    },
    { title: 'Post job cleanup.', output: ['cleanup'] }
  ]);

  it('keeps the failed step and the lines before its error, and says what it left out', () => {
    const { excerpt } = view(log);
    expect(excerpt).toContain('▸ Run npm test');
    expect(excerpt).toContain('AssertionError: 12 !== 8');
    expect(excerpt).toContain('Error: Process completed with exit code 1.');
    expect(excerpt).not.toContain('checkout noise 0');
    expect(excerpt).toContain('install noise 199'); // just above the error
    expect(excerpt).toMatch(/\[… \d+ log lines not shown here; ci_log shows the whole log …\]/);
  });

  it('keeps a failed step found by its name even when its error is elsewhere', () => {
    const named = jobLog([
      { title: 'Run npm run lint', output: ['src/a.js: 3 problems'] },
      { title: 'Run other', output: Array.from({ length: 100 }, (_, i) => `other ${i}`) },
      { title: 'Run report', output: [], error: 'Lint failed' }
    ]);
    expect(view(named, ['Run npm run lint']).excerpt).toContain('src/a.js: 3 problems');
    expect(view(named, []).excerpt).not.toContain('src/a.js: 3 problems');
  });

  it('falls back to the end of the log when nothing marks the failure', () => {
    const plain = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const { excerpt } = view(plain);
    expect(excerpt).toContain('line 999');
    expect(excerpt).not.toContain('line 10\n');
  });

  it('shows a huge failed step by its start, its failures and its end', () => {
    const huge = jobLog([
      {
        title: 'Run npm test',
        command: ['npm test'],
        output: [
          ...Array.from({ length: 20_000 }, (_, i) => `ok ${i} passing`),
          'not ok 20001 adds numbers',
          '  expected: 5',
          '  actual: -1',
          ...Array.from({ length: 20_000 }, (_, i) => `ok ${i + 20_002} passing`)
        ],
        error: 'Process completed with exit code 1.'
      }
    ]);
    const { excerpt, text } = view(huge, ['Run npm test']);
    expect(text.length).toBeGreaterThan(500_000);
    expect(excerpt.length).toBeLessThan(JOB_LOG_CHARS);
    expect(excerpt).toContain('▸ Run npm test');
    expect(excerpt).toContain('not ok 20001 adds numbers');
    expect(excerpt).toContain('actual: -1');
    expect(excerpt).toContain('Error: Process completed with exit code 1.');
  });

  it('cuts a giant line, so one line cannot take a job’s share', () => {
    const giant = jobLog([{ title: 'Run build', output: ['x'.repeat(500_000)], error: 'boom' }]);
    const { excerpt } = view(giant);
    expect(excerpt.length).toBeLessThan(3000);
    expect(excerpt).toContain('[line cut: 500,000 characters; ci_log shows it whole]');
  });

  it('gives ci_log the whole log with the offsets of its errors', () => {
    const { text, errorOffsets } = view(log);
    expect(errorOffsets).toHaveLength(1);
    expect(text.slice(errorOffsets[0])).toMatch(/^Error: Process completed/);
    expect(text).toContain('checkout noise 0');
  });
});

describe('failedRanges', () => {
  it('stays quick on a log where every line is an error or a group', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `##[error]e${i}` : `##[group]g${i}`));
    const started = Date.now();
    const ranges = failedRanges(lines, []);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ranges.length).toBeGreaterThan(0);
  });
});

describe('cutMiddle', () => {
  it('keeps head and tail with a note of what was cut', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const cut = cutMiddle(text, 2000);
    expect(cut.length).toBeLessThanOrEqual(2000);
    expect(cut.startsWith('line 0\n')).toBe(true);
    expect(cut.endsWith('line 999')).toBe(true);
    expect(cut).toMatch(
      /\[… [\d,]+ characters \([\d,]+ lines\) cut here to stay within 2,000; ci_log shows them …\]/
    );
  });

  it('never exceeds the cap and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.integer({ min: 0, max: 2500 }),
        (text, cap) => {
          const cut = cutMiddle(text, cap);
          expect(cut.length).toBeLessThanOrEqual(Math.max(cap, 0));
          if (text.length <= cap) expect(cut).toBe(text);
          expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        }
      )
    );
  });
});

describe('fairShares', () => {
  it('gives short excerpts what they need and the rest to the long ones', () => {
    expect(fairShares([1000, 50_000, 50_000], 40_000, 20_000)).toEqual([1000, 19_500, 19_500]);
    expect(fairShares([5000], 40_000, 20_000)).toEqual([5000]);
    expect(fairShares([30_000, 30_000, 30_000], 40_000, 20_000)).toEqual([13_333, 13_333, 13_334]);
  });

  it('never gives more than the total, a job’s cap or the excerpt’s length', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { maxLength: 12 }), lengths => {
        const shares = fairShares(lengths, 40_000, 20_000);
        expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(40_000);
        shares.forEach((share, i) => {
          expect(share).toBeLessThanOrEqual(Math.min(20_000, lengths[i]!));
          expect(share).toBeGreaterThanOrEqual(0);
        });
      })
    );
  });
});
