/**
 * The repository's instructions for coding agents: AGENTS.md, else CLAUDE.md, else
 * .github/copilot-instructions.md, else GEMINI.md (or the file `instructions_file` names). The action
 * reads them from the default branch, like the policy: a pull request can rewrite them, so its head
 * and the checked-out workspace never supply them. `kubrick run` reads the local checkout, which is
 * the user's own.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { MaintainerInstructions } from '../agent/prompts.js';
import { errorMessage } from '../error-message.js';
import type { GitHub } from '../github/client.js';
import { readDefaultBranchFile } from '../github/contents.js';

/** Looked for in this order when `instructions_file` is not set; the first that exists is used. */
export const INSTRUCTION_FILES = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md', 'GEMINI.md'];

/** The model reads at most this much of the file. */
export const INSTRUCTIONS_LIMIT_BYTES = 32 * 1024;

/** A repository file's text, or null when there is no file at that path. */
export type ReadRepoFile = (path: string) => Promise<string | null>;

/** The instructions file could not be read; the message says which and what to do. */
export class InstructionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstructionsError';
  }
}

/** The files to look for: the setting's one file, none when it is '' (disabled), else the usual list. */
export function instructionCandidates(setting: string | null): string[] {
  if (setting === null) return INSTRUCTION_FILES;
  return setting === '' ? [] : [setting];
}

/** The first INSTRUCTIONS_LIMIT_BYTES bytes of the text, never cutting a character in two. */
export function cutInstructions(text: string): { text: string; cutFromBytes: number | null } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= INSTRUCTIONS_LIMIT_BYTES) return { text, cutFromBytes: null };
  let end = INSTRUCTIONS_LIMIT_BYTES;
  // Back off continuation bytes (10xxxxxx) so the cut falls on the start of a character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return { text: bytes.subarray(0, end).toString('utf8'), cutFromBytes: bytes.length };
}

/**
 * The instructions the setting asks for, read through `read`, or null when there are none. The
 * candidates are looked up together (each may be an API request) and the first in order that exists
 * wins; a file that could not be read before it is an error, not a reason to use the next one.
 */
export async function readInstructions(
  setting: string | null,
  read: ReadRepoFile,
  source: string
): Promise<MaintainerInstructions | null> {
  const candidates = instructionCandidates(setting);
  const lookups = await Promise.allSettled(candidates.map(path => read(path)));
  for (const [index, lookup] of lookups.entries()) {
    const path = candidates[index]!;
    if (lookup.status === 'rejected') {
      throw new InstructionsError(
        `the instructions file ${path} on ${source} could not be read: ${errorMessage(lookup.reason)}. Fix it, or set instructions_file to another file or to none.`
      );
    }
    if (lookup.value !== null) return { path, source, ...cutInstructions(lookup.value) };
  }
  if (setting) {
    throw new InstructionsError(
      `instructions_file is ${setting}, but there is no such file on ${source}: fix the path, or set instructions_file to none.`
    );
  }
  return null;
}

/** Reads from the default branch through the contents API: what a pull request cannot change. */
export function defaultBranchReader(
  gh: GitHub,
  repo: { owner: string; repo: string },
  defaultBranch: string
): ReadRepoFile {
  return path => readDefaultBranchFile(gh, { owner: repo.owner, repo: repo.repo, path, ref: defaultBranch });
}

/** Reads from a local checkout; a path (or link) that leads outside it counts as no file. */
export function checkoutReader(root: string): ReadRepoFile {
  return async path => {
    const full = join(root, path);
    try {
      await lstat(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(full).catch(() => null)]);
    if (realFile === null) return null;
    const inside = relative(realRoot, realFile);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
    try {
      return await readFile(realFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
        throw new Error(`${path} is a directory, not a file`, { cause: error });
      }
      throw error;
    }
  };
}
