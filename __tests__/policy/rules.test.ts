import { afterAll, describe, expect, it } from '@jest/globals';
import { decide, NO_POLICY_REASON } from '../../src/policy/decide.js';
import { loadPolicy } from '../../src/policy/load.js';
import { RULE_IDS, RULES, type RuleId } from '../../src/policy/rules.js';
import { makeAttackWorld } from './attack-world.js';

const world = makeAttackWorld();
afterAll(world.cleanup);

/** Commands the examples cannot spell out in a line. */
const GENERATED: Partial<Record<RuleId, string>> = {
  'command-too-long': `ls ${'a'.repeat(100_001)}`
};

/** Each example runs under a policy that allows its program by bare name, so only its own rule can refuse it. */
function policyFor(rule: RuleId, example: string) {
  if (rule === 'no-policy') return null;
  if (rule === 'interpreter-inline') return loadPolicy('version: 1\nallow: ["python -c"]\n', 'inline');
  if (rule === 'prefix-not-allowed') return loadPolicy('version: 1\nallow: [ls]\n', 'narrow');
  const first = example.trim().split(/[\s;&|]+/)[0] ?? 'ls';
  const keyword = ['for', 'time', 'if', 'while', 'case', 'coproc', 'function'].includes(first);
  const safe =
    /^[A-Za-z[][\w.-]*$/.test(first) && !keyword && !['python', 'node', 'curl'].includes(first)
      ? first
      : 'ls';
  return loadPolicy(
    `version: 1\nallow: ${JSON.stringify([safe, 'ls', 'cd', 'cat'])}\ndeny: ["git push origin main"]\n`,
    'bare'
  );
}

describe('every rule id has an example that is denied with exactly that id', () => {
  it.each(RULE_IDS.map(rule => [rule, RULES[rule].example] as const))('%s: %j', (rule, example) => {
    const command = GENERATED[rule] ?? example;
    const decision = decide(command, policyFor(rule, command), world.ctx);
    expect({
      command: command.slice(0, 80),
      decision: decision.decision,
      rule: decision.rule,
      reason: decision.reason
    }).toEqual(expect.objectContaining({ decision: 'deny', rule }));
  });

  it('every rule has a one-line summary', () => {
    for (const rule of RULE_IDS) {
      expect(RULES[rule].summary).not.toContain('\n');
      expect(RULES[rule].summary.length).toBeGreaterThan(10);
    }
  });

  it('no policy at all is the no-policy rule with the message that says how to add one', () => {
    expect(decide('ls', null, world.ctx)).toEqual(
      expect.objectContaining({ rule: 'no-policy', reason: NO_POLICY_REASON })
    );
  });
});
