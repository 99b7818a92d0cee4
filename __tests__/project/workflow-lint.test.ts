import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'lint-workflows.mjs');

function lint(...paths: string[]) {
  const result = spawnSync(process.execPath, [script, ...paths], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function withWorkflows(files: Record<string, string>, test: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'kubrick-workflows-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    test(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const workflowCount = ['.github/workflows', 'examples/workflows']
  .map(dir => readdirSync(join(root, dir)).filter(f => /\.ya?ml$/.test(f)).length)
  .reduce((a, b) => a + b, 0);

describe('npm run lint:workflows', () => {
  it("passes the repository's own workflows and the examples, and checks every one of them", () => {
    const { status, output } = lint();
    expect(output).toContain(`actionlint: ${workflowCount} workflow files, no problems.`);
    expect(status).toBe(0);
  });

  it('fails on a deliberately broken workflow and says where each problem is', () => {
    const broken = [
      'name: Broken',
      'on:',
      '  push:',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ steps.missing.outputs.value }}"',
      '      - run: echo "${{ matrix.os }}"',
      ''
    ].join('\n');
    const good =
      'name: Good\non: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n';
    withWorkflows({ 'broken.yml': broken, 'good.yml': good }, dir => {
      const { status, output } = lint(dir);
      expect(status).toBe(1);
      expect(output).toMatch(/broken\.yml:10:\d+: property "missing" is not defined/);
      expect(output).toMatch(/broken\.yml:11:\d+: property "os" is not defined/);
      expect(output).not.toContain('good.yml:');
      expect(output).toContain('actionlint: 2 problems in 2 workflow files; fix them');
    });
  });

  it('fails on a workflow that is not valid YAML', () => {
    withWorkflows({ 'bad.yaml': 'name: x\non: push\njobs:\n  a:\n    runs-on: [\n' }, dir => {
      const { status, output } = lint(join(dir, 'bad.yaml'));
      expect(status).toBe(1);
      expect(output).toMatch(/bad\.yaml:\d+:\d+: could not parse as YAML/);
    });
  });

  it('knows the permission scopes the release workflow needs (attestations, id-token), and rejects made-up ones', () => {
    const workflow = (scope: string) =>
      `name: Attest\non: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n      ${scope}: write\n    steps:\n      - run: "true"\n`;
    withWorkflows({ 'attest.yml': workflow('attestations') }, dir => expect(lint(dir).status).toBe(0));
    withWorkflows({ 'attest.yml': workflow('attestation') }, dir => {
      const { status, output } = lint(dir);
      expect(status).toBe(1);
      expect(output).toContain('unknown permission scope "attestation"');
    });
  });

  it('refuses a path that does not exist or a directory without workflows, instead of passing on nothing', () => {
    expect(lint(join(root, 'no-such-directory'))).toMatchObject({ status: 2 });
    withWorkflows({ 'README.md': '# not a workflow\n' }, dir => {
      const { status, output } = lint(dir);
      expect(status).toBe(2);
      expect(output).toContain('holds no .yml or .yaml file');
    });
  });
});

describe('.ci/run', () => {
  const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');

  it('runs the workflow lint over all workflows and stops when it fails', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    // No paths: the script's defaults, .github/workflows and examples/workflows.
    expect(pkg.scripts['lint:workflows']).toBe('node scripts/lint-workflows.mjs');
    expect(ciRun).toMatch(/if ! npm run --silent lint:workflows; then[\s\S]*?exit 1\n\s*fi/);
    expect(ciRun.indexOf('lint:workflows')).toBeLessThan(ciRun.indexOf('npm run bundle'));
  });

  it('is valid bash', () => {
    expect(() => execFileSync('bash', ['-n', join(root, '.ci/run')])).not.toThrow();
  });

  it('does not run npm audit, whose service is not reachable from every machine', () => {
    expect(
      ciRun
        .split('\n')
        .filter(line => !line.trimStart().startsWith('#'))
        .join('\n')
    ).not.toMatch(/npm audit/);
  });
});
