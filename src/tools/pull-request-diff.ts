import * as z from 'zod';
import { defineTool, errorResult } from './args.js';
import type { Tool } from './types.js';

const schema = z.strictObject({
  path: z
    .string()
    .min(1)
    .optional()
    .describe("A changed file's path: shows that file's diff. Without it: the list of changed files."),
  page: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Which page of a long file diff to show (1-based). Default: 1.')
});

/**
 * Read-only, offered in reviews of a pull request only: the pull request's whole diff (base branch to
 * head), for context beyond the changes the task shows — in a follow-up review those are only the
 * changes since the last review. Long diffs come in pages of whole hunks.
 */
export const pullRequestDiffTool: Tool = defineTool({
  name: 'pull_request_diff',
  description:
    "Read the pull request's whole diff (from the base branch to the head), with new-file line numbers. " +
    'Without `path`: the changed files. With `path`: that file’s diff, a page at a time.',
  schema,
  readOnly: true,
  run: async ({ path, page }, ctx) => {
    if (!ctx.review) {
      return errorResult('pull_request_diff is only available when reviewing a pull request.', {
        error: 'no_pull_request'
      });
    }
    if (path === undefined) return { ok: true, content: ctx.review.diff.overview() };
    const shown = ctx.review.diff.file(path, page ?? 1);
    return shown.ok
      ? { ok: true, content: shown.content, data: { path, page: page ?? 1 } }
      : errorResult(shown.content, { error: 'not_shown', path });
  }
});
