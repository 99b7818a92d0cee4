import { afterAll, describe, expect, it } from '@jest/globals';
import { ARGUMENT_RULES } from '../../src/policy/argument-rules.js';
import { decide } from '../../src/policy/decide.js';
import { loadPolicy } from '../../src/policy/load.js';
import { makeWorkspace } from './workspace.js';

const { ctx, cleanup } = makeWorkspace();
afterAll(cleanup);

/** A policy that allows each rule's programs by bare name except the interpreters row, whose point is the opposite. */
function policyAllowing(programs: readonly string[], bare: boolean) {
  const allow = programs.map(p => (bare ? p : `${p} -c`));
  return loadPolicy(`version: 1\nallow: ${JSON.stringify([...allow, 'python -c', 'python'])}\n`, 'test');
}

describe('built-in argument rules', () => {
  it.each(ARGUMENT_RULES.map(rule => [rule.example, rule] as const))(
    '%s is denied with its reason',
    (example, rule) => {
      const interpreterRow = rule.reason.startsWith('inline code');
      const policy = interpreterRow
        ? loadPolicy('version: 1\nallow: ["python -c"]\n', 'test')
        : policyAllowing(rule.programs, true);
      const decision = decide(example, policy, ctx);
      expect(decision.decision).toBe('deny');
      expect(decision.reason).toBe(rule.reason);
    }
  );

  it('every row has a one-line reason and an example', () => {
    for (const rule of ARGUMENT_RULES) {
      expect(rule.reason).not.toContain('\n');
      expect(rule.reason.length).toBeGreaterThan(20);
      expect(rule.example.length).toBeGreaterThan(0);
    }
  });

  it('the same programs without the escape are allowed', () => {
    const policy = loadPolicy(
      'version: 1\nallow: [git, npm, find, rm, rg, sort, tar, sed, awk, printf, mv]\n',
      'test'
    );
    for (const command of [
      'git diff --stat',
      'git commit -c HEAD',
      'npm test --silent',
      'find . -name "*.ts" -print',
      'rm -rf build',
      'rg --pre-glob "*.gz" foo',
      'sort -o out.txt a.txt',
      'tar -xzf a.tgz',
      "sed -n 's/a/b/gp' a.txt",
      "sed '/^#/d;s/x/y/2' a.txt",
      'awk \'NR > 1 || $2 == "x" { print $1 }\' a.txt',
      'printf "%s\\n" x',
      'mv src/a.ts src/b.ts'
    ]) {
      expect({ command, ...decide(command, policy, ctx) }).toEqual(
        expect.objectContaining({ decision: 'allow' })
      );
    }
  });

  it('an interpreter allowed by its bare name may run inline code', () => {
    const policy = loadPolicy('version: 1\nallow: [python]\n', 'test');
    expect(decide("python -c 'print(1)'", policy, ctx).decision).toBe('allow');
    expect(decide("python3 -c 'print(1)'", policy, ctx).decision).toBe('deny');
  });
});
