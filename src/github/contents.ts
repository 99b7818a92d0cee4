import { asStep } from './access.js';
import type { GitHub } from './client.js';
import { statusOf } from './errors.js';

export async function getDefaultBranch(gh: GitHub, opts: { owner: string; repo: string }): Promise<string> {
  const { data } = await asStep(
    {
      doing: 'reading the repository (to learn its default branch)',
      repo: `${opts.owner}/${opts.repo}`,
      permission: null
    },
    () => gh.rest.repos.get(opts)
  );
  return data.default_branch;
}

/**
 * A file as stored on `ref` (the default branch when omitted), or null when it does not exist. Trusted
 * configuration (policy, repo config) is read this way so a PR head can never supply it.
 */
export async function readDefaultBranchFile(
  gh: GitHub,
  opts: { owner: string; repo: string; path: string; ref?: string }
): Promise<string | null> {
  const path = opts.path.replace(/^\.?\/+/, '');
  const where = `${path}${opts.ref ? ` on ${opts.ref}` : ''} in ${opts.owner}/${opts.repo}`;
  let data: unknown;
  const step = {
    doing: `reading \`${path}\` at the default branch${opts.ref ? ` (${opts.ref})` : ''}`,
    repo: `${opts.owner}/${opts.repo}`,
    permission: 'contents: read'
  };
  try {
    ({ data } = await asStep(step, () =>
      gh.rest.repos.getContent({ owner: opts.owner, repo: opts.repo, path, ref: opts.ref })
    ));
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  if (Array.isArray(data)) {
    throw new Error(`${where} is a directory, not a file: point the setting at a file.`);
  }
  const file = data as { type?: string; encoding?: string; content?: string; size?: number };
  if (file.type !== 'file') {
    throw new Error(
      `${where} is a ${file.type ?? 'non-file entry'}, not a regular file: point the setting at a file.`
    );
  }
  if (file.encoding !== 'base64' || typeof file.content !== 'string') {
    // The contents API leaves `content` empty (encoding "none") for files above 1 MB.
    throw new Error(
      `${where} is too large to read through the contents API (${file.size ?? '?'} bytes; limit 1 MB).`
    );
  }
  return Buffer.from(file.content, 'base64').toString('utf8');
}
