import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decide } from '../../src/policy/decide.js';
import { fixturePolicy, makeWorkspace } from './workspace.js';

const policy = fixturePolicy('generous.yml');
const { ctx, cleanup } = makeWorkspace();
afterAll(cleanup);

const ALLOWED = [
  'npm test',
  'ls -la',
  'git status --short',
  "grep -n 'a b' src/index.ts",
  'echo "hello world"',
  'cat src/index.ts',
  'wc -l src/*.ts',
  'npm test 2>&1',
  'echo x > out.txt',
  'git diff > patch.diff',
  'find src -name "*.ts"'
];
const DENIED = [
  'curl x',
  'rm -fr /',
  'npm publish',
  'git push origin main',
  'sh script.sh',
  'cat /etc/passwd',
  'echo x > .git/config',
  'FOO=1 npm test',
  'git -c core.pager=sh diff'
];
const OPERATORS = [' && ', ' || ', '; ', ' | ', '\n'];
const INSERTIONS = ['$HOME', '$(id)', '`id`', '${X}', '<(id)', '$((1+1))', '~/x', '"$(id)"', '"${X}"', '$1'];

const step = (pool: string[]) => fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...OPERATORS));
const join = (steps: [string, string][]): string =>
  steps.map(([command, operator], index) => (index === 0 ? command : `${operator}${command}`)).join('');

/** Positions of spaces outside quotes: where a new word can start. */
function unquotedSpaces(command: string): number[] {
  const out: number[] = [];
  let quote: string | undefined;
  for (const [index, ch] of [...command].entries()) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ' ') out.push(index);
  }
  return out;
}

describe('decide properties', () => {
  it('a sequence of simple commands is allowed if and only if every one of them is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), step(ALLOWED), step(DENIED)), { minLength: 1, maxLength: 6 }),
        picks => {
          const steps = picks.map(([good, a, d]) => (good ? a : d));
          const expected = picks.every(([good]) => good) ? 'allow' : 'deny';
          expect(decide(join(steps), policy, ctx).decision).toBe(expected);
        }
      ),
      { numRuns: 150 }
    );
  });

  it('inserting an expansion or substitution anywhere between words turns allow into deny', () => {
    fc.assert(
      fc.property(
        fc.array(step(ALLOWED), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...INSERTIONS),
        fc.nat(),
        fc.boolean(),
        (steps, insertion, where, glued) => {
          const command = join(steps);
          expect(decide(command, policy, ctx).decision).toBe('allow');
          // Insert at a word boundary, either as its own word or glued to the end of a word.
          const boundaries = unquotedSpaces(command).concat(command.length);
          const at = boundaries[where % boundaries.length] ?? command.length;
          // A tilde only expands at the start of a word, so it is never glued.
          const separator = glued && !insertion.startsWith('~') ? '' : ' ';
          const mutated = `${command.slice(0, at)}${separator}${insertion}${command.slice(at)}`;
          expect(decide(mutated, policy, ctx).decision).toBe('deny');
        }
      ),
      { numRuns: 150 }
    );
  });

  it('inserting a denied command anywhere in a sequence turns allow into deny', () => {
    fc.assert(
      fc.property(
        fc.array(step(ALLOWED), { minLength: 1, maxLength: 5 }),
        step(DENIED),
        fc.nat(),
        (steps, bad, where) => {
          const mutated = [...steps];
          mutated.splice(where % (steps.length + 1), 0, bad);
          expect(decide(join(steps), policy, ctx).decision).toBe('allow');
          expect(decide(join(mutated), policy, ctx).decision).toBe('deny');
        }
      ),
      { numRuns: 150 }
    );
  });

  it('the canonical script of an allowed command is itself allowed and runs the same commands', () => {
    fc.assert(
      fc.property(fc.array(step(ALLOWED), { minLength: 1, maxLength: 5 }), steps => {
        const first = decide(join(steps), policy, ctx);
        expect(first.decision).toBe('allow');
        const script = first.execution?.kind === 'script' ? first.execution.script : undefined;
        if (script === undefined) return;
        const again = decide(script, policy, ctx);
        expect(again.decision).toBe('allow');
        expect(again.commands).toEqual(first.commands);
      }),
      { numRuns: 100 }
    );
  });

  it('never throws and always answers allow or deny with a reason, whatever the input', () => {
    const shellish = fc
      .array(
        fc.constantFrom(
          'npm',
          'test',
          ' ',
          '$',
          '(',
          ')',
          '`',
          "'",
          '"',
          '\\',
          '\n',
          ';',
          '&',
          '|',
          '<',
          '>',
          '{',
          '}',
          '~',
          '*',
          '\0',
          '\u200b',
          'EOF',
          '<<',
          '#',
          '='
        ),
        { maxLength: 40 }
      )
      .map(parts => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), shellish),
        input => {
          const decision = decide(input, policy, ctx);
          expect(['allow', 'deny']).toContain(decision.decision);
          expect(typeof decision.reason).toBe('string');
        }
      ),
      { numRuns: 1000 }
    );
  });
});
