import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The text under a `## heading` (up to the next heading of the same level). */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 4);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('SECURITY.md', () => {
  const policy = read('SECURITY.md');

  it('has a supported versions table', () => {
    const versions = section(policy, 'Supported versions');
    expect(versions).toMatch(/^\| version \|.*\|\n\|---/m);
    expect(versions).toContain('`@v0`');
  });

  it('sends reports to private vulnerability reporting, never to public issues', () => {
    const reporting = section(policy, 'Reporting a vulnerability');
    expect(reporting).toContain('Do not open a public issue');
    expect(reporting).toContain('https://github.com/kubrick-action/kubrick-action/security/advisories/new');
    expect(reporting).toContain('### What to include');
  });

  it('promises acknowledgement in 48 hours, assessment in 7 days, and fix targets by severity', () => {
    const after = section(policy, 'What happens after you report');
    expect(after).toMatch(/acknowledgement.*\| within 48 hours \|/);
    expect(after).toMatch(/assessment.*\| within 7 days \|/);
    expect(after).toMatch(/^\| critical \|.*\| 1–7 days \|$/m);
    expect(after).toMatch(/^\| high \|.*\| 7–30 days \|$/m);
    expect(after).toMatch(/^\| medium \|.*\| 30–90 days \|$/m);
    expect(after).toMatch(/^\| low \|.*\| in a regular release \|$/m);
  });

  it('says how fixes are released and announced: patch release, security advisory, changelog', () => {
    const release = section(policy, 'How fixes are released and announced');
    expect(release).toContain('**patch release**');
    expect(release).toContain('**GitHub Security Advisory**');
    expect(release).toContain('**CHANGELOG**');
  });

  it('has a disclosure policy and a hall of fame', () => {
    expect(section(policy, 'Disclosure policy')).toContain('coordinated disclosure');
    expect(section(policy, 'Hall of fame')).toMatch(/^\| date \| reporter \| advisory \|$/m);
  });
});

describe('links to the policy', () => {
  it('the README names SECURITY.md and CONTRIBUTING.md', () => {
    const readme = read('README.md');
    expect(readme).toContain('[Security policy](SECURITY.md)');
    expect(readme).toContain('[Contributing](CONTRIBUTING.md)');
  });

  it('docs/security.md links SECURITY.md', () => {
    expect(read('docs/security.md')).toContain('](../SECURITY.md)');
  });
});

describe('versions in the examples', () => {
  it('the README and every example workflow use the action as @v0', () => {
    const sources = [
      read('README.md'),
      ...readdirSync(join(root, 'examples/workflows')).map(f => read(join('examples/workflows', f)))
    ];
    for (const source of sources) {
      const refs = [...source.matchAll(/kubrick-action\/kubrick-action@(\S+)/g)].map(m => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(['v0', '<40-character']).toContain(ref);
    }
  });

  it('the README says how to pin a commit SHA instead', () => {
    const readme = read('README.md');
    expect(readme).toContain(
      'kubrick-action/kubrick-action@<40-character commit SHA of the release tag> # v0.1.0'
    );
    expect(readme).toMatch(/git ls-remote \S+ 'refs\/tags\/v\d+\.\d+\.\d+\^\{\}'/);
  });
});

describe('CONTRIBUTING.md', () => {
  const guide = read('CONTRIBUTING.md');

  it('says how to build, test, lint and bundle, with the commands package.json really has', () => {
    const scripts = Object.keys(
      (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
    );
    const named = [...guide.matchAll(/`npm run ([\w:-]+)/g)].map(m => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['lint', 'lint:workflows', 'build', 'bundle']));
    for (const name of named) expect(scripts).toContain(name);
    expect(guide).toContain('`npm test`');
  });

  it('says how to release, and what the release workflow does', () => {
    const releasing = section(guide, 'Releasing');
    expect(releasing).toContain('git push origin vX.Y.Z');
    expect(releasing).toContain('npm sbom --sbom-format cyclonedx');
    expect(releasing).toContain('actions/attest-build-provenance');
    expect(releasing).toContain('moves the major tag');
  });

  it('says how Dependabot pull requests get dist/ rebuilt', () => {
    expect(section(guide, 'Dependabot pull requests')).toContain('.github/workflows/dependabot-dist.yml');
  });
});
