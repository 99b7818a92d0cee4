import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as z from 'zod';
import { closestKey, schemaKeysAt, unknownKeyMessage } from '../../src/config/yaml-problems.js';

const POLICY_KEYS = ['version', 'allow', 'deny', 'tests'];

describe('closestKey', () => {
  it.each([
    ['allwo', 'allow'],
    ['alow', 'allow'],
    ['dney', 'deny'],
    ['test', 'tests'],
    ['Version', 'version'],
    ['verison', 'version']
  ])('%j → %j', (typo, meant) => {
    expect(closestKey(typo, POLICY_KEYS)).toBe(meant);
  });

  it.each(['foo', 'mcp', 'allowlist_of_commands', '', 'x'.repeat(500)])('%j has no close key', key => {
    expect(closestKey(key, POLICY_KEYS)).toBeUndefined();
  });

  it('property: every known key is its own closest key, and one swapped pair of letters is found', () => {
    const known = ['max_iterations', 'tool_timeout', 'total_timeout', 'allowed_bots', 'base_url', 'model'];
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.nat(), (key, n) => {
        expect(closestKey(key, known)).toBe(key);
        const i = n % (key.length - 1);
        const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
        expect(closestKey(swapped, known)).toBe(key);
      })
    );
  });
});

describe('unknownKeyMessage', () => {
  it('suggests, or lists what is known', () => {
    expect(unknownKeyMessage('allwo', POLICY_KEYS)).toBe('unknown key "allwo" — did you mean "allow"?');
    expect(unknownKeyMessage('foo', POLICY_KEYS)).toBe(
      'unknown key "foo"; known keys: version, allow, deny, tests'
    );
  });
});

describe('schemaKeysAt', () => {
  const schema = z.strictObject({
    version: z.literal(1),
    tests: z.strictObject({ allow: z.array(z.string()).optional(), deny: z.array(z.string()) }).optional()
  });
  it('reads the keys of nested and optional objects', () => {
    expect(schemaKeysAt(schema, [])).toEqual(['version', 'tests']);
    expect(schemaKeysAt(schema, ['tests'])).toEqual(['allow', 'deny']);
    expect(schemaKeysAt(schema, ['version'])).toEqual([]);
    expect(schemaKeysAt(schema, ['nope'])).toEqual([]);
  });
});
