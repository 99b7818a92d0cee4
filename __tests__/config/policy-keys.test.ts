/** The policy file's key mistakes, reported like the repo config's: key, line, and the key meant. */
import { describe, expect, it } from '@jest/globals';
import { loadPolicy } from '../../src/policy/load.js';
import { PolicyError } from '../../src/policy/types.js';

function loadError(text: string): PolicyError {
  try {
    loadPolicy(text, '.github/kubrick-policy.yml');
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected the policy to be refused');
}

describe('unknown keys in the policy file', () => {
  it('a misspelt allow is named (with the key meant) even though allow is then missing', () => {
    const error = loadError('version: 1\nallwo:\n  - npm test\n');
    expect(error.message).toBe(
      '.github/kubrick-policy.yml line 2: unknown key "allwo" — did you mean "allow"?'
    );
    expect(error.details).toEqual({ key: 'allwo', line: 2 });
  });

  it('an unknown key with no value still has its own line', () => {
    expect(loadError('version: 1\nallow: [ls]\n\ndney:\n').details).toEqual({ key: 'dney', line: 4 });
  });

  it('nested keys are suggested with their path', () => {
    const error = loadError('version: 1\nallow: [ls]\ntests:\n  alow: [ls]\n');
    expect(error.message).toContain('line 4: unknown key "tests.alow" — did you mean "tests.allow"?');
  });

  it('a key like nothing known lists the known keys', () => {
    expect(loadError('version: 1\nallow: [ls]\ncolour: red\n').message).toContain(
      'unknown key "colour"; known keys: version, allow, deny, mcp, tests'
    );
  });

  it('a YAML syntax error names its line once', () => {
    const { message } = loadError('version: 1\nallow: [npm test\n');
    expect(message.match(/line \d+/g)).toHaveLength(1);
  });
});
