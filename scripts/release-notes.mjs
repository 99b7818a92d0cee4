// `node scripts/release-notes.mjs --tag vX.Y.Z [--notes FILE]`: the release workflow's first check.
// The tag, the version in package.json and a CHANGELOG.md section must agree; the section becomes the
// release notes (written to FILE), and `version=`, `major=` and `prerelease=` lines are printed for
// $GITHUB_OUTPUT. Exit 1 with what to fix when they do not agree.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

// Semantic versioning 2.0.0, with the `v` every tag of this repository carries.
const TAG =
  /^v((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)$/;

/** The version, its major tag (`v1`) and whether it is a pre-release, from a tag such as `v1.2.3`. */
export function parseReleaseTag(tag) {
  const match = TAG.exec(tag);
  if (!match)
    throw new Error(
      `${JSON.stringify(tag)} is not a release tag: use v<major>.<minor>.<patch>, e.g. v1.4.0 or v1.5.0-rc.1.`
    );
  return { version: match[1], major: `v${match[2]}`, prerelease: match[5] !== undefined };
}

const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body of the CHANGELOG.md section for a version (`## [1.2.3] - 2026-12-07`), without its heading
 * and without link definitions that follow it.
 */
export function changelogSection(changelog, version) {
  const lines = changelog.replace(/\r\n?/g, '\n').split('\n');
  const heading = new RegExp(`^## \\[?v?${escapeRegExp(version)}\\]?(\\s|$)`);
  const start = lines.findIndex(line => heading.test(line));
  if (start < 0)
    throw new Error(
      `CHANGELOG.md has no section for ${version}. Before tagging, rename "## [Unreleased]" to ` +
        `"## [${version}] - YYYY-MM-DD" (and start a new empty Unreleased section), then commit.`
    );
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .filter(line => !/^\[[^\]]+\]:\s*\S/.test(line))
    .join('\n')
    .trim();
  if (!body)
    throw new Error(`The CHANGELOG.md section for ${version} is empty: say what the release changes.`);
  return body;
}

/** Checks tag, package.json and changelog against each other; returns the tag's parts and the notes. */
export function prepareRelease({ tag, packageVersion, changelog }) {
  const release = parseReleaseTag(tag);
  if (packageVersion !== release.version)
    throw new Error(
      `The tag ${tag} says version ${release.version}, but package.json says ${packageVersion}. ` +
        `Set "version": "${release.version}" in package.json (npm version ${release.version} --no-git-tag-version), ` +
        'commit, and tag that commit.'
    );
  return { ...release, notes: changelogSection(changelog, release.version) };
}

function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { tag: { type: 'string' }, notes: { type: 'string' } } }));
    if (!values.tag) throw new Error('--tag is required');
  } catch (error) {
    console.error(
      `release-notes: ${error.message}\nusage: node scripts/release-notes.mjs --tag vX.Y.Z [--notes FILE]`
    );
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const release = prepareRelease({
      tag: values.tag,
      packageVersion: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      changelog: readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
    });
    if (values.notes) {
      mkdirSync(dirname(resolve(values.notes)), { recursive: true });
      writeFileSync(values.notes, `${release.notes}\n`);
    }
    console.log(`version=${release.version}\nmajor=${release.major}\nprerelease=${release.prerelease}`);
  } catch (error) {
    console.error(`release-notes: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
