import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { execa } from 'execa';
import { branchNameProblem, issueBranch, scheduledBranch, slugify } from '../../src/git/branch-name.js';
import { GitError } from '../../src/git/errors.js';

async function gitAcceptsBranch(name: string): Promise<boolean> {
  const out = await execa('git', ['check-ref-format', '--branch', name], { reject: false });
  return out.exitCode === 0;
}

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }));

describe('branch names', () => {
  it('names issue and scheduled branches the way the design card shows', () => {
    expect(issueBranch('kubrick/', 42, 'Fix the flaky date test!')).toBe(
      'kubrick/issue-42-fix-the-flaky-date-test'
    );
    expect(scheduledBranch('kubrick/', 'Update  dependencies -- weekly')).toBe(
      'kubrick/scheduled-update-dependencies-weekly'
    );
    expect(issueBranch('kubrick/', 7, 'Café crème: ça marche?')).toBe('kubrick/issue-7-cafe-creme-ca-marche');
    expect(issueBranch('kubrick/', 7, '日本語のタイトル')).toBe('kubrick/issue-7');
  });

  it('cuts long titles at a word boundary, within 40 characters', () => {
    const slug = slugify('refactor the configuration loader so that precedence is explicit and tested');
    expect(slug).toBe('refactor-the-configuration-loader-so');
    expect(slugify('a'.repeat(60))).toBe('a'.repeat(40));
  });

  it('gives a prompt with no ASCII words a short stable hash instead of an empty slug', () => {
    const a = scheduledBranch('kubrick/', '依存関係を更新する');
    expect(a).toMatch(/^kubrick\/scheduled-[0-9a-f]{10}$/);
    expect(scheduledBranch('kubrick/', '依存関係を更新する')).toBe(a);
    expect(scheduledBranch('kubrick/', '別のプロンプト')).not.toBe(a);
  });

  it('rejects a branch_prefix that makes an invalid ref, saying which input to change', () => {
    expect(() => issueBranch('bots/.hidden/', 1, 'x')).toThrow(GitError);
    expect(() => issueBranch('a..b/', 1, 'x')).toThrow(/branch_prefix/);
    expect(() => issueBranch('kubrick/', 0, 'x')).toThrow(/positive integer/);
  });

  it('always produces deterministic, bounded, lowercase slugs that git accepts as branches', async () => {
    const samples: string[] = [];
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 10_000_000 }), (text, n) => {
        const scheduled = scheduledBranch('kubrick/', text);
        const issue = issueBranch('kubrick/', n, text);
        expect(scheduledBranch('kubrick/', text)).toBe(scheduled);
        const slug = scheduled.slice('kubrick/scheduled-'.length);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(40);
        expect(branchNameProblem(scheduled)).toBeUndefined();
        expect(branchNameProblem(issue)).toBeUndefined();
        if (samples.length < 12) samples.push(scheduled, issue);
      }),
      { numRuns: 300 }
    );
    for (const name of samples) expect(await gitAcceptsBranch(name)).toBe(true);
  });

  it('agrees with git check-ref-format --branch on hostile names', async () => {
    const names = fc
      .sample(
        fc.stringMatching(/^[a-z./@{}~^:*? \\-]{1,12}$/).map(s => s.replace(/^-+/, 'x')),
        { numRuns: 30, seed: 7 }
      )
      .filter(n => n !== '@'); // `--branch @` means the current branch to git; we refuse it outright
    names.push('a/.b', 'a.lock', 'a/b.lock/c', 'a@{b', 'a//b', '/a', 'a/', 'a.', 'x~1', 'ok/name-1.2');
    for (const name of names) {
      expect({ name, valid: branchNameProblem(name) === undefined }).toEqual({
        name,
        valid: await gitAcceptsBranch(name)
      });
    }
  });
});
