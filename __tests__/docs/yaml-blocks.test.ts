/**
 * Every YAML example in the README and docs/ is something a user can paste: it parses, a
 * `.github/kubrick.yml` example loads with the real loader, a policy example loads and passes its
 * own self-tests, and a step that uses the action passes only inputs the action declares.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { parseRepoConfig, resolveSettings } from '../../src/config/load.js';
import { loadPolicy } from '../../src/policy/load.js';

const root = resolve(import.meta.dirname, '..', '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter(f => f.endsWith('.md'))
    .map(f => `docs/${f}`)
];

interface Block {
  page: string;
  line: number;
  text: string;
}

function yamlBlocks(page: string): Block[] {
  const text = readFileSync(join(root, page), 'utf8');
  const blocks: Block[] = [];
  for (const match of text.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)) {
    blocks.push({
      page,
      line: text.slice(0, match.index).split('\n').length,
      text: match[1] ?? ''
    });
  }
  return blocks;
}

const blocks = pages.flatMap(yamlBlocks);
const named = (b: Block) => `${b.page}:${b.line}`;
const actionInputs = Object.keys(
  (parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs
);

/** Every mapping that has `uses: …kubrick-action…`, wherever it sits in the document. */
function kubrickSteps(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(kubrickSteps);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.uses === 'string' && record.uses.includes('kubrick-action') ? [record] : [];
  return [...own, ...Object.values(record).flatMap(kubrickSteps)];
}

describe('YAML examples in the README and docs', () => {
  it('there are examples to check', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });

  it.each(blocks.map(b => [named(b), b] as const))('%s parses', (_name, block) => {
    const doc = parseDocument(block.text);
    expect(doc.errors.map(e => e.message)).toEqual([]);
  });

  it.each(blocks.filter(b => /^# *\.github\/kubrick\.yml/m.test(b.text)).map(b => [named(b), b] as const))(
    '%s is a repository config the loader accepts',
    (_name, block) => {
      expect(() =>
        resolveSettings({}, parseRepoConfig({ text: block.text, path: '.github/kubrick.yml' }))
      ).not.toThrow();
    }
  );

  it.each(
    blocks.filter(b => /^# *\.github\/kubrick-policy\.yml/m.test(b.text)).map(b => [named(b), b] as const)
  )('%s is a policy that loads and passes its self-tests', (_name, block) => {
    expect(() => loadPolicy(block.text, named(block))).not.toThrow();
  });

  it.each(blocks.map(b => [named(b), b] as const))(
    '%s passes the action only inputs it declares',
    (_name, block) => {
      for (const step of kubrickSteps(parse(block.text))) {
        for (const input of Object.keys((step.with as Record<string, unknown> | undefined) ?? {})) {
          expect([named(block), input, actionInputs.includes(input)]).toEqual([named(block), input, true]);
        }
      }
    }
  );
});
