import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parse, type Word } from 'unbash';
import { resolveWord } from '../../src/policy/words.js';

/** The fields bash makes of one word, with pathname expansion off (`set -f`). */
function bashFields(words: string[]): string[][] {
  const script = words
    .map(word => `set -f; for a in ${word}; do printf '%s\\0' "$a"; done; printf '\\n'`)
    .join('\n');
  const out = execFileSync('bash', ['--noprofile', '--norc', '-c', script], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(0, words.length)
    .map(line => (line === '' ? [] : line.slice(0, -1).split('\0')));
}

function ourFields(word: string): string[] | undefined {
  const parsed = parse(`echo ${word}`);
  const node = parsed.commands[0]?.command;
  if ((parsed.errors ?? []).length > 0 || node?.type !== 'Command' || node.suffix.length !== 1)
    return undefined;
  const resolved = resolveWord(node.suffix[0] as Word, `echo ${word}`);
  return resolved.ok ? resolved.word.fields.map(f => f.value) : undefined;
}

describe('brace expansion matches bash', () => {
  const FIXED = [
    '{a..Z..2}',
    '.github/{a..Z..2}k{a..Z..2}ubrick-policy.yml',
    '{1..10..3}',
    '{10..1..-3}',
    '{01..3}',
    '{-2..2}',
    '{a..e..-2}',
    '{a,b}{1..2}',
    '{a,{b,c}d}e',
    '{a}',
    '{,}x',
    'x{,}',
    "{a,'b c'}",
    '{"a,b",c}',
    'a\\{b,c\\}',
    '{a..c..0}',
    '{Z..a}',
    '{1..3}{a,b}{,.}',
    '{a,b',
    '{}',
    '{a,b}}',
    '{{a,b}'
  ];
  it.each(FIXED)('%s', word => {
    const ours = ourFields(word);
    expect(ours).toEqual(bashFields([word])[0]);
  });

  it('random brace words expand to the same fields as in bash', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      ',',
      '..',
      'a',
      'b',
      'Z',
      '1',
      '3',
      '0',
      '-',
      '2',
      '.',
      'x',
      "'q'",
      '\\,'
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { minLength: 1, maxLength: 10 }).map(parts => parts.join('')),
          { minLength: 20, maxLength: 20 }
        ),
        words => {
          const candidates = words.filter(word => ourFields(word) !== undefined);
          const expected = bashFields(candidates);
          candidates.forEach((word, index) => {
            expect({ word, fields: ourFields(word) }).toEqual({ word, fields: expected[index] });
          });
        }
      ),
      { numRuns: 25 }
    );
  });
});
