import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { GRAMMAR_PROGRAMS } from '../../src/policy/grammar/index.js';
import { RULE_IDS } from '../../src/policy/rules.js';
import { loadPolicy } from '../../src/policy/load.js';
import { PolicyError } from '../../src/policy/types.js';
import { fixturePolicy } from './workspace.js';

function loadError(text: string): PolicyError {
  try {
    loadPolicy(text, '.github/kubrick-policy.yml');
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected the policy to be invalid');
}

describe('loadPolicy', () => {
  it('parses entries into words with quotes removed', () => {
    const policy = loadPolicy(
      `version: 1\nallow: ["npm test", "git  log", "grep 'a b'"]\ndeny: ["git push"]\n`,
      'p.yml'
    );
    expect(policy.allow.map(entry => entry.words)).toEqual([
      ['npm', 'test'],
      ['git', 'log'],
      ['grep', 'a b']
    ]);
    expect(policy.deny).toEqual([{ text: 'git push', words: ['git', 'push'] }]);
    expect(policy.source).toBe('p.yml');
  });

  it('loads the fixture policies and runs their self-tests', () => {
    expect(fixturePolicy('generous.yml').allow.length).toBeGreaterThan(10);
  });

  it('a failing self-test makes the policy invalid and names the test and the reason', () => {
    const error = loadError(
      'version: 1\nallow: ["npm test"]\ntests:\n  allow:\n    - npm test\n    - npm run lint\n'
    );
    expect(error.details).toEqual({ key: 'tests.allow[1]', line: 6 });
    expect(error.message).toContain('self-test tests.allow[1] "npm run lint" was denied');
    expect(error.message).toContain('does not start with any allowed prefix');
  });

  it('a deny self-test that is allowed fails the policy', () => {
    const error = loadError('version: 1\nallow: ["npm"]\ntests:\n  deny: ["npm publish"]\n');
    expect(error.details.key).toBe('tests.deny[0]');
    expect(error.message).toContain('was allowed');
  });

  it('names unknown keys with their line', () => {
    const error = loadError('version: 1\nallow: ["npm test"]\nallwo: ["ls"]\n');
    expect(error.details).toEqual({ key: 'allwo', line: 3 });
    expect(error.message).toContain('unknown key "allwo"');
    expect(loadError('version: 1\nallow: []\ntests:\n  alow: []\n').details.key).toBe('tests.alow');
  });

  it('requires version 1 and an allow list of strings', () => {
    expect(loadError('version: 2\nallow: []\n').details.key).toBe('version');
    expect(loadError('version: 1\n').details.key).toBe('allow');
    const error = loadError('version: 1\nallow:\n  - npm test\n  - 42\n');
    expect(error.details).toEqual({ key: 'allow[1]', line: 4 });
  });

  it('refuses entries that are not plain word lists', () => {
    for (const entry of [
      'npm test && curl x',
      'npm test; ls',
      'FOO=1 npm test',
      'cat $HOME',
      'ls > x',
      'ls *.ts',
      'echo "unterminated',
      '',
      'npm test &'
    ]) {
      const error = loadError(`version: 1\nallow:\n  - npm test\n  - ${JSON.stringify(entry)}\n`);
      expect(error.details).toEqual({ key: 'allow[1]', line: 4 });
    }
  });

  it('reports YAML syntax errors with a line', () => {
    const error = loadError('version: 1\nallow: [npm test\n');
    expect(error.message).toContain('invalid YAML');
    expect(loadError('').message).toContain('empty');
  });
});

describe('docs/policy.md', () => {
  it('every YAML recipe in the docs loads and passes its own self-tests', () => {
    const docs = fs.readFileSync(path.join(import.meta.dirname, '../../docs/policy.md'), 'utf8');
    const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => match[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const block of blocks) expect(() => loadPolicy(block, 'docs/policy.md')).not.toThrow();
  });

  it('lists every rule id in its rule table, with its example', () => {
    const docs = fs.readFileSync(path.join(import.meta.dirname, '../../docs/policy.md'), 'utf8');
    for (const rule of RULE_IDS)
      expect({ rule, listed: docs.includes(`| \`${rule}\` |`) }).toEqual({ rule, listed: true });
  });

  it('names every program that has a grammar', () => {
    const docs = fs.readFileSync(path.join(import.meta.dirname, '../../docs/policy.md'), 'utf8');
    const section = docs.slice(
      docs.indexOf('**Programs with a grammar:**'),
      docs.indexOf('**Programs without a grammar**')
    );
    for (const program of GRAMMAR_PROGRAMS)
      expect({ program, named: section.includes(`\`${program}\``) }).toEqual({ program, named: true });
  });
});
