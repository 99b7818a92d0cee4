import { afterAll, describe, expect, it } from '@jest/globals';
import { decide } from '../../src/policy/decide.js';
import { ARCHIVES } from '../../src/policy/grammar/archive.js';
import { COREUTILS } from '../../src/policy/grammar/coreutils.js';
import { GIT_GLOBALS, GIT_SUBCOMMAND_GRAMMARS } from '../../src/policy/grammar/git.js';
import { FIND_VALUE_PRIMARIES, SEARCH } from '../../src/policy/grammar/search.js';
import { TOOLS } from '../../src/policy/grammar/tools.js';
import { lookupLong, lookupShort } from '../../src/policy/grammar/parse.js';
import type { Grammar, OptionSpec } from '../../src/policy/grammar/types.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { RuleId } from '../../src/policy/rules.js';
import { makeAttackWorld } from './attack-world.js';

/**
 * Generated from the grammar tables themselves: every option that takes a value, in every
 * spelling its program's parser accepts (separate, attached, `=`, inside a cluster, after an
 * operand where the parser permutes), gets a value that must be judged by its role. A row added
 * to a table is tested the day it is added.
 */
const world = makeAttackWorld();
afterAll(world.cleanup);

/** How each grammar is invoked in the attack world: the words before the options, and operands that are fine. */
const INVOCATIONS: Record<string, { prefix: string[]; operands: string[] }> = {
  cat: { prefix: ['cat'], operands: ['f'] },
  head: { prefix: ['head'], operands: ['f'] },
  tail: { prefix: ['tail'], operands: ['f'] },
  wc: { prefix: ['wc'], operands: ['f'] },
  cut: { prefix: ['cut'], operands: ['f'] },
  file: { prefix: ['file'], operands: ['f'] },
  stat: { prefix: ['stat'], operands: ['f'] },
  du: { prefix: ['du'], operands: ['src'] },
  ls: { prefix: ['ls'], operands: ['src'] },
  diff: { prefix: ['diff'], operands: ['f', 'f'] },
  sort: { prefix: ['sort'], operands: ['f'] },
  uniq: { prefix: ['uniq'], operands: ['f'] },
  tee: { prefix: ['tee'], operands: ['out.txt'] },
  touch: { prefix: ['touch'], operands: ['new.txt'] },
  mkdir: { prefix: ['mkdir'], operands: ['newdir'] },
  rm: { prefix: ['rm'], operands: ['f'] },
  rmdir: { prefix: ['rmdir'], operands: ['newdir'] },
  chmod: { prefix: ['chmod'], operands: ['644', 'f'] },
  chown: { prefix: ['chown'], operands: ['me', 'f'] },
  cp: { prefix: ['cp'], operands: ['f', 'g'] },
  mv: { prefix: ['mv'], operands: ['f', 'g'] },
  ln: { prefix: ['ln'], operands: ['f', 'lnk'] },
  grep: { prefix: ['grep'], operands: ['foo', 'f'] },
  rg: { prefix: ['rg'], operands: ['foo', 'src'] },
  tar: { prefix: ['tar'], operands: ['-tf', 'x.tar'] },
  unzip: { prefix: ['unzip'], operands: ['-l', 'ok.zip'] },
  patch: { prefix: ['patch'], operands: ['--dry-run', '-i', 'patches/ok.patch'] },
  sed: { prefix: ['sed'], operands: ['p', 'f'] },
  awk: { prefix: ['awk'], operands: ['{print}', 'f'] },
  jq: { prefix: ['jq'], operands: ['.', 'data.json'] },
  node: { prefix: ['node'], operands: ['scripts/x.js'] },
  python: { prefix: ['python'], operands: ['scripts/x.py'] },
  pytest: { prefix: ['pytest'], operands: ['tests'] }
};

const GIT_OPERANDS: Record<string, string[]> = {
  grep: ['foo'],
  blame: ['f'],
  'rev-parse': ['HEAD'],
  add: ['f'],
  commit: [],
  stash: ['list'],
  checkout: ['main'],
  restore: ['f'],
  switch: ['main'],
  apply: ['--check', 'patches/ok.patch'],
  push: ['origin', 'feature'],
  fetch: ['origin'],
  pull: ['origin'],
  rebase: ['main'],
  config: ['--get', 'user.name']
};

const grammars: { label: string; grammar: Grammar; prefix: string[]; operands: string[] }[] = [];
for (const grammar of [...COREUTILS, ...SEARCH, ...ARCHIVES, ...TOOLS]) {
  const name = grammar.names[0] ?? '';
  const invocation = INVOCATIONS[name];
  if (!invocation) throw new Error(`no invocation for the grammar of ${name}: add one to this test`);
  grammars.push({ label: name, grammar, ...invocation });
}
for (const [name, grammar] of GIT_SUBCOMMAND_GRAMMARS) {
  grammars.push({ label: `git ${name}`, grammar, prefix: ['git', name], operands: GIT_OPERANDS[name] ?? [] });
}

const policy = loadPolicy(
  `version: 1\nallow: ${JSON.stringify([...new Set([...grammars.map(g => g.prefix[0] ?? ''), 'find'])])}\n`,
  'every grammar program by bare name'
);

/** The value that must be refused for a role, and the rule that refuses it. */
function badValue(spec: OptionSpec): { value: string; rule: RuleId } | undefined {
  if (spec.deny) return { value: 'sh', rule: spec.deny.rule };
  switch (spec.role) {
    case 'read':
      return { value: '/etc/passwd', rule: 'path-outside' };
    case 'base-dir':
      return { value: '/etc', rule: 'path-outside' };
    case 'module':
      return { value: '/etc/x.js', rule: 'path-outside' };
    case 'write':
    case 'write-name':
      return { value: '.git/config', rule: 'path-protected-write' };
    case 'write-tree':
      return { value: '.git', rule: 'path-protected-write' };
    default:
      return undefined;
  }
}

/** A flag of the same grammar to cluster with: takes no value, refuses nothing, switches no mode. */
function clusterFlag(grammar: Grammar): string | undefined {
  const flags = grammar.options.filter(o => o.short && (o.arg ?? 'none') === 'none' && !o.deny && !o.sets);
  return (flags.find(o => 'vqsnab'.includes(o.short ?? '')) ?? flags[0])?.short;
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** Every spelling of `spec` with `value`, as argument lists. */
function spellings(spec: OptionSpec, value: string, grammar: Grammar): string[][] {
  const out: string[][] = [];
  const kind = spec.arg ?? 'none';
  const flag = clusterFlag(grammar);
  // A letter a later row of the same table takes over (git stash -S) is spelled by that row.
  const short = spec.short && lookupShort(grammar, spec.short) === spec ? spec.short : undefined;
  for (const long of (spec.long ?? []).filter(name => lookupLong(grammar, name) === spec)) {
    if (kind === 'none') out.push([`--${long}`]);
    if (kind !== 'none') out.push([`--${long}=${value}`]);
    if (kind === 'required') out.push([`--${long}`, value]);
    // GNU and git accept unambiguous abbreviations.
    const abbreviation = long.slice(0, -1);
    if (
      grammar.abbreviations !== false &&
      long.length > 6 &&
      kind !== 'none' &&
      lookupLong(grammar, abbreviation) === spec
    ) {
      out.push([`--${abbreviation}=${value}`]);
    }
  }
  if (short) {
    if (kind === 'none') out.push([`-${short}`]);
    else {
      out.push([`-${short}${value}`]);
      if (kind === 'required') out.push([`-${short}`, value]);
    }
    if (flag && flag !== short) {
      if (kind === 'none') out.push([`-${flag}${short}`]);
      else {
        out.push([`-${flag}${short}${value}`]);
        if (kind === 'required') out.push([`-${flag}${short}`, value]);
      }
    }
  }
  return out;
}

let counted = 0;

describe('generated: every value-taking or refused option of every grammar, in every spelling', () => {
  afterAll(() => {
    // The generator really generated: hundreds of spellings across the tables.
    expect(counted).toBeGreaterThan(800);
  });

  for (const { label, grammar, prefix, operands } of grammars) {
    it(`${label}`, () => {
      const wrong: unknown[] = [];
      let count = 0;
      for (const spec of grammar.options) {
        if (spec.extraArgs) continue;
        const bad = badValue(spec);
        if (!bad) continue;
        if (!spec.deny && (spec.arg ?? 'none') === 'none') continue;
        for (const spelling of spellings(spec, bad.value, grammar)) {
          const placements = [[...prefix, ...spelling, ...operands]];
          if (grammar.permute !== false) placements.push([...prefix, ...operands, ...spelling]);
          for (const words of placements) {
            const command = words.map(quote).join(' ');
            const decision = decide(command, policy, world.ctx);
            count++;
            if (decision.decision !== 'deny' || decision.rule !== bad.rule) {
              wrong.push({
                command,
                expected: bad.rule,
                got: decision.rule ?? 'allow',
                reason: decision.reason
              });
            }
          }
        }
      }
      expect(wrong).toEqual([]);
      counted += count;
    });
  }

  it('a pattern or text value is never judged as a path', () => {
    const wrong: unknown[] = [];
    for (const { grammar, prefix, operands } of grammars) {
      for (const spec of grammar.options) {
        // Values with a mode (tar -f, awk -d) are typed by the program's judge, not by the table.
        if (
          spec.deny ||
          spec.sets ||
          spec.extraArgs ||
          (spec.arg ?? 'none') === 'none' ||
          !(spec.role === 'pattern' || spec.role === 'text')
        )
          continue;
        for (const spelling of spellings(spec, '/usr/bin/env node', grammar)) {
          const command = [...prefix, ...spelling, ...operands].map(quote).join(' ');
          const decision = decide(command, policy, world.ctx);
          if (
            decision.rule === 'path-outside' ||
            decision.rule === 'option-unknown' ||
            decision.rule === 'option-value-missing'
          ) {
            wrong.push({ command, got: decision.rule, reason: decision.reason });
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('find: every primary with a path, as a read or a written file', () => {
    for (const [primary, role] of Object.entries(FIND_VALUE_PRIMARIES)) {
      if (role !== 'read' && role !== 'write') continue;
      const value = role === 'read' ? '/etc/passwd' : '.git/config';
      const decision = decide(`find . ${primary} ${value}`, policy, world.ctx);
      expect({ primary, rule: decision.rule }).toEqual({
        primary,
        rule: role === 'read' ? 'path-outside' : 'path-protected-write'
      });
    }
  });

  it('git global options in every spelling git accepts', () => {
    for (const spec of GIT_GLOBALS.options.filter(o => o.deny)) {
      for (const spelling of spellings(spec, 'x', GIT_GLOBALS)) {
        const command = ['git', ...spelling, 'status'].map(quote).join(' ');
        expect({ command, rule: decide(command, policy, world.ctx).rule }).toEqual({
          command,
          rule: spec.deny?.rule
        });
      }
    }
  });
});

describe('generated: an operand after -- is an operand, however it starts', () => {
  const reading = [
    'cat',
    'head',
    'tail',
    'wc',
    'cut',
    'file',
    'stat',
    'du',
    'ls',
    'diff',
    'sort',
    'uniq',
    'grep',
    'rg',
    'sed',
    'jq'
  ];
  it.each(reading)('%s -- -/../../secret.txt', name => {
    const { prefix, operands } = INVOCATIONS[name] ?? { prefix: [name], operands: [] };
    const leading = ['grep', 'rg', 'sed', 'jq'].includes(name) ? operands.slice(0, 1) : [];
    const command = [...prefix, ...leading, '--', '-/../../secret.txt'].map(quote).join(' ');
    expect({ command, rule: decide(command, policy, world.ctx).rule }).toEqual({
      command,
      rule: 'path-outside'
    });
  });

  it.each(['tee', 'touch', 'mkdir', 'rm', 'cp', 'mv'])('%s -- -/../.git/x is a protected write', name => {
    const { prefix } = INVOCATIONS[name] ?? { prefix: [name] };
    const sources = name === 'cp' || name === 'mv' ? ['f'] : [];
    const command = [...prefix, '--', ...sources, '-/../.git/x'].map(quote).join(' ');
    expect({ command, rule: decide(command, policy, world.ctx).rule }).toEqual({
      command,
      rule: 'path-protected-write'
    });
  });
});

describe('generated: an option the grammar does not know is refused by name', () => {
  it.each(grammars.map(g => [g.label, g] as const))('%s', (_label, { grammar, prefix, operands }) => {
    const unknownLong = grammar.acceptLong ? [] : [['--kubrick-no-such-option']];
    for (const spelling of unknownLong) {
      const command = [...prefix, ...spelling, ...operands].map(quote).join(' ');
      const decision = decide(command, policy, world.ctx);
      expect({ command, rule: decision.rule }).toEqual({ command, rule: 'option-unknown' });
    }
  });
});
