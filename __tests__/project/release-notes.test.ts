import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { changelogSection, parseReleaseTag, prepareRelease } from '../../scripts/release-notes.mjs';

const root = resolve(import.meta.dirname, '..', '..');

const changelog = `# Changelog

Intro text.

## [Unreleased]

### Added
- Something not released yet.

## [1.2.0] - 2026-12-01

### Added
- Incremental reviews.

### Security
- Fixed GHSA-xxxx-yyyy-zzzz.

## [1.1.10] - 2026-11-01

### Fixed
- A bug.

[1.1.10]: https://example.com/compare/v1.1.9...v1.1.10
`;

describe('release tags', () => {
  it('gives the version, the major tag to move, and whether it is a pre-release', () => {
    expect(parseReleaseTag('v0.1.0')).toEqual({ version: '0.1.0', major: 'v0', prerelease: false });
    expect(parseReleaseTag('v12.0.3')).toEqual({ version: '12.0.3', major: 'v12', prerelease: false });
    expect(parseReleaseTag('v1.5.0-rc.1')).toEqual({ version: '1.5.0-rc.1', major: 'v1', prerelease: true });
    expect(parseReleaseTag('v1.5.0+build.7')).toEqual({
      version: '1.5.0+build.7',
      major: 'v1',
      prerelease: false
    });
  });

  it.each([
    '1.2.3',
    'v1.2',
    'v1.2.3.4',
    'v01.2.3',
    'v1.2.3-',
    'v1.2.3-01',
    'v1.2.x',
    'v1.2.3 ',
    'v1.2.3;echo'
  ])('refuses %j, saying what a release tag looks like', tag =>
    expect(() => parseReleaseTag(tag)).toThrow(/is not a release tag: use v<major>\.<minor>\.<patch>/)
  );
});

describe('CHANGELOG sections', () => {
  it("takes the version's section, without its heading, the next section or link definitions", () => {
    expect(changelogSection(changelog, '1.2.0')).toBe(
      '### Added\n- Incremental reviews.\n\n### Security\n- Fixed GHSA-xxxx-yyyy-zzzz.'
    );
    expect(changelogSection(changelog, '1.1.10')).toBe('### Fixed\n- A bug.');
  });

  it('does not take a section whose version only starts the same way', () => {
    expect(() => changelogSection(changelog, '1.1.1')).toThrow(/no section for 1\.1\.1/);
    expect(() => changelogSection(changelog, '1.2')).toThrow(/no section for 1\.2\b/);
  });

  it('says how to add a missing section, and refuses an empty one', () => {
    expect(() => changelogSection(changelog, '2.0.0')).toThrow(
      'CHANGELOG.md has no section for 2.0.0. Before tagging, rename "## [Unreleased]" to "## [2.0.0] - YYYY-MM-DD"'
    );
    expect(() => changelogSection('## [3.0.0] - 2027-01-01\n\n## [2.0.0]\n- x\n', '3.0.0')).toThrow(
      'The CHANGELOG.md section for 3.0.0 is empty'
    );
  });

  it('reads Windows line endings', () => {
    expect(changelogSection(changelog.replace(/\n/g, '\r\n'), '1.1.10')).toBe('### Fixed\n- A bug.');
  });
});

describe('preparing a release', () => {
  it('needs the tag and package.json to name the same version', () => {
    expect(prepareRelease({ tag: 'v1.2.0', packageVersion: '1.2.0', changelog })).toMatchObject({
      major: 'v1',
      notes: expect.stringContaining('Incremental reviews.')
    });
    expect(() => prepareRelease({ tag: 'v1.2.0', packageVersion: '1.1.10', changelog })).toThrow(
      'The tag v1.2.0 says version 1.2.0, but package.json says 1.1.10. Set "version": "1.2.0" in package.json'
    );
  });

  it('as the release workflow runs it: outputs for $GITHUB_OUTPUT and the notes file, or exit 1 with the reason', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const out = mkdtempSync(join(tmpdir(), 'kubrick-release-'));
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [join(root, 'scripts', 'release-notes.mjs'), ...args], {
          cwd: out,
          encoding: 'utf8'
        });
      const ok = run('--tag', `v${pkg.version}`, '--notes', join(out, 'notes.md'));
      // Between releases the CHANGELOG has only an Unreleased section for the next version.
      if (readFileSync(join(root, 'CHANGELOG.md'), 'utf8').includes(`## [${pkg.version}]`)) {
        expect(ok.status).toBe(0);
        expect(ok.stdout).toMatch(
          new RegExp(`^version=${pkg.version.replace(/\./g, '\\.')}\nmajor=v\\d+\nprerelease=(true|false)\n$`)
        );
        expect(readFileSync(join(out, 'notes.md'), 'utf8').trim().length).toBeGreaterThan(0);
      } else {
        expect(ok.status).toBe(1);
        expect(ok.stderr).toContain(`CHANGELOG.md has no section for ${pkg.version}`);
      }
      const mismatch = run('--tag', 'v999.0.0');
      expect(mismatch.status).toBe(1);
      expect(mismatch.stderr).toContain(`but package.json says ${pkg.version}`);
      expect(run().status).toBe(2);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
