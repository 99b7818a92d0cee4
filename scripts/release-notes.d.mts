// Types of scripts/release-notes.mjs for the TypeScript tests that call it.
export interface ReleaseTag {
  /** The version without the `v`: `1.2.3`, `1.3.0-rc.1`. */
  version: string;
  /** The major tag the release workflow moves: `v1`. */
  major: string;
  prerelease: boolean;
}

export function parseReleaseTag(tag: string): ReleaseTag;
export function changelogSection(changelog: string, version: string): string;
export function prepareRelease(input: {
  tag: string;
  packageVersion: string;
  changelog: string;
}): ReleaseTag & { notes: string };
