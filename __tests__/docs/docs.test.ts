import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES, REPO_CONFIG_KEYS, SETTINGS } from '../../src/config/settings.js';
import { OUTPUT_NAMES } from '../../src/report/outputs.js';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
}
const action = parse(read('action.yml')) as ActionYaml;

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith(ext))
    .map(f => join(dir, f));
}

describe('action.yml', () => {
  it('runs the bundled entry point on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('describes every input and output', () => {
    for (const [name, input] of Object.entries(action.inputs))
      expect([name, (input.description ?? '').length > 10]).toEqual([name, true]);
    for (const [name, output] of Object.entries(action.outputs))
      expect([name, (output.description ?? '').length > 5]).toEqual([name, true]);
  });

  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    const sources = filesUnder('src', '.ts').map(read).join('\n');
    // Any input read by name elsewhere (e.g. `env.INPUT_FOO`) must be declared too.
    const literal = [...sources.matchAll(/(?:env\.|['"`])INPUT_([A-Z0-9_]+)\b/g)].map(m =>
      m[1]!.toLowerCase()
    );
    for (const name of literal) expect(Object.keys(action.inputs)).toContain(name);
  });

  it('gives no default to inputs the repository config can set, so that config can apply', () => {
    for (const name of REPO_CONFIG_KEYS) {
      if (!(name in action.inputs)) continue;
      expect([name, action.inputs[name]!.default]).toEqual([name, undefined]);
    }
  });

  it('declares exactly the outputs the code writes', () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES]);
  });
});

describe('docs/configuration.md', () => {
  const text = read('docs/configuration.md');
  const settingsTable = text.slice(text.indexOf('## Settings'), text.indexOf('## Outputs'));
  const rows = [...settingsTable.matchAll(/^\| `([a-z_]+)` \| (input|both|repo) \|/gm)].map(m => ({
    name: m[1]!,
    where: m[2]!
  }));

  it('documents every setting exactly once, and nothing else', () => {
    expect(rows.map(r => r.name).sort()).toEqual(Object.keys(SETTINGS).sort());
  });

  it('says correctly where each setting can be given', () => {
    for (const { name, where } of rows) {
      const def = SETTINGS[name as keyof typeof SETTINGS];
      const expected = def.repoOnly ? 'repo' : def.repoConfigurable ? 'both' : 'input';
      expect([name, where]).toEqual([name, expected]);
    }
  });

  it('documents every output', () => {
    const outputsTable = text.slice(text.indexOf('## Outputs'));
    for (const name of OUTPUT_NAMES) expect(outputsTable).toContain(`\`${name}\``);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const set = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    set.add(
      match[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-')
    );
  }
  return set;
}

describe('links in the README and docs', () => {
  const pages = ['README.md', 'CHANGELOG.md', 'SECURITY.md', 'CONTRIBUTING.md', ...filesUnder('docs', '.md')];
  it.each(pages)('every relative link in %s points at an existing file and heading', page => {
    const text = read(page);
    const withoutCode = text.replace(/```[\s\S]*?```/g, '');
    for (const match of withoutCode.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/i.test(target)) continue;
      const [file, anchor] = target.split('#');
      const path = file ? join(dirname(page), file) : page;
      expect([page, target, existsSync(join(root, path))]).toEqual([page, target, true]);
      if (anchor && path.endsWith('.md'))
        expect([page, target, anchors(read(path)).has(anchor)]).toEqual([page, target, true]);
    }
  });
});

describe('examples/workflows', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
  }
  interface Workflow {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  }
  const minimal: Record<string, Record<string, string>> = {
    'issue-comment.yml': { actions: 'read', contents: 'write', issues: 'write', 'pull-requests': 'write' },
    'pr-review.yml': { contents: 'read', 'pull-requests': 'write' },
    'scheduled-maintenance.yml': { contents: 'write', 'pull-requests': 'write' },
    'ci-autofix.yml': { actions: 'read', contents: 'write', issues: 'write', 'pull-requests': 'write' }
  };

  it.each(Object.keys(minimal))(
    '%s uses only declared inputs, minimal permissions, safe checkout and the transcript artifact',
    file => {
      const workflow = parse(read(join('examples/workflows', file))) as Workflow;
      expect(workflow.permissions).toEqual(minimal[file]);
      const steps = Object.values(workflow.jobs).flatMap(job => job.steps);
      const checkout = steps.find(s => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['persist-credentials']).toBe(false);
      const kubrick = steps.filter(s => s.uses?.includes('kubrick-action'));
      expect(kubrick).toHaveLength(1);
      for (const key of Object.keys(kubrick[0]!.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(key);
      const upload = steps.find(s => s.uses?.startsWith('actions/upload-artifact@'));
      expect(String(upload?.with?.path)).toContain('transcript_path');
    }
  );

  // Fix mode runs the commands the policy allows, without network: the dependencies a test command
  // needs are installed by steps before Kubrick. Only the pull_request review runs no command.
  const fixes = Object.keys(minimal).filter(file => {
    const workflow = parse(read(join('examples/workflows', file))) as Workflow;
    return Object.keys(workflow.on).some(event => event !== 'pull_request');
  });

  it('has examples that can run commands', () => {
    expect(fixes.sort()).toEqual(['ci-autofix.yml', 'issue-comment.yml', 'scheduled-maintenance.yml']);
  });

  it.each(fixes)('%s sets up Node and installs the dependencies before the Kubrick step', file => {
    const workflow = parse(read(join('examples/workflows', file))) as Workflow;
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps);
    const at = (found: (s: Step) => boolean) => steps.findIndex(found);
    const kubrick = at(s => s.uses?.includes('kubrick-action') === true);
    const checkout = at(s => s.uses?.startsWith('actions/checkout@') === true);
    const setup = at(s => s.uses?.startsWith('actions/setup-node@') === true);
    const install = at(s => /^npm (ci|install)\b/.test(s.run?.trim() ?? ''));
    expect([
      file,
      checkout < setup,
      setup >= 0 && setup < install,
      install >= 0 && install < kubrick
    ]).toEqual([file, true, true, true]);
    expect(steps[setup]!.with?.['node-version']).toBeDefined();
  });
});
