/**
 * The `.gitattributes` files that apply to the changed files, read from the base branch: the PR's own
 * version could mark its code as generated to keep it from review. Git looks for attributes in the
 * root and in every directory above a file, so those are the files read.
 */
import type { GitHub } from '../github/client.js';
import { readDefaultBranchFile } from '../github/contents.js';
import { errorMessage } from '../error-message.js';
import { GitAttributes } from './gitattributes.js';

/** Directories looked in at the most, shallowest first (each is one read, usually a 404). */
const MAX_DIRECTORIES = 40;

export function attributeDirectories(paths: readonly string[]): string[] {
  const dirs = new Set<string>(['']);
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) dirs.add(parts.slice(0, depth).join('/'));
  }
  return [...dirs].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

export async function readBaseAttributes(
  gh: GitHub,
  where: { owner: string; repo: string; ref: string },
  paths: readonly string[]
): Promise<GitAttributes> {
  const dirs = attributeDirectories(paths)
    .filter(dir => dir === '' || !dir.split('/').includes('.git'))
    .slice(0, MAX_DIRECTORIES);
  const files = await Promise.all(
    dirs.map(async dir => {
      const path = dir === '' ? '.gitattributes' : `${dir}/.gitattributes`;
      try {
        const text = await readDefaultBranchFile(gh, {
          owner: where.owner,
          repo: where.repo,
          path,
          ref: where.ref
        });
        return text === null ? [] : [{ dir, text }];
      } catch (error) {
        // Without this file the files it marks are reviewed: more to read, nothing hidden.
        gh.log.warn(`Could not read ${path} on ${where.ref} (${errorMessage(error)}); reviewing without it.`);
        return [];
      }
    })
  );
  return new GitAttributes(files.flat());
}
