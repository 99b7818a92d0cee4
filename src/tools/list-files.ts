import { stat } from 'node:fs/promises';
import * as z from 'zod';
import { defineTool, errorResult } from './args.js';
import { listWorkspaceFiles } from './file-listing.js';
import { DEFAULT_RESULT_CAP } from './truncate.js';
import type { Tool, ToolContext, ToolResult } from './types.js';

const schema = z.strictObject({
  pattern: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Glob relative to directory, e.g. "*.ts" (a pattern without "/" matches file names at any depth), "src/**/*.test.ts", "*.{js,jsx}".'
    ),
  directory: z
    .string()
    .min(1)
    .optional()
    .describe('Directory to list, relative to the repository root. Default: the root.')
});

const MAX_ENTRIES = 400;

export const listFilesTool: Tool = defineTool({
  name: 'list_files',
  description:
    "List the repository's files (tracked and untracked, .gitignore respected), paths relative to the root. " +
    'Long listings are capped; narrow them with pattern or directory.',
  schema,
  readOnly: true,
  run: list
});

async function list(args: z.infer<typeof schema>, ctx: ToolContext): Promise<ToolResult> {
  const directory = await ctx.workspace.resolveForRead(args.directory ?? '.');
  if (!(await stat(directory.absolute)).isDirectory()) {
    return errorResult(`"${args.directory}" is a file, not a directory; use read_file to read it.`, {
      error: 'not_a_directory',
      path: directory.relative
    });
  }
  const listing = await listWorkspaceFiles(
    ctx.workspace,
    { directory: directory.relative, pattern: args.pattern },
    ctx.signal,
    MAX_ENTRIES
  );
  const total = listing.total;
  const where = `${args.pattern ? ` matching "${args.pattern}"` : ''}${directory.relative === '.' ? '' : ` in ${directory.relative}/`}`;
  const data = {
    directory: directory.relative,
    pattern: args.pattern ?? null,
    total,
    source: listing.source
  };
  if (total === 0) {
    return { ok: true, content: `No files${where}.`, data: { ...data, shown: 0 } };
  }

  const budget = (ctx.maxResultChars ?? DEFAULT_RESULT_CAP) - 300;
  const shown: string[] = [];
  let used = 0;
  for (const file of listing.files) {
    if (shown.length >= MAX_ENTRIES || used + file.length + 1 > budget) break;
    shown.push(file);
    used += file.length + 1;
  }
  const lines = [
    `${total.toLocaleString('en-US')} file${total === 1 ? '' : 's'}${where}${listing.incomplete ? ' (walk stopped early; more may exist)' : ''}:`,
    ...shown
  ];
  if (shown.length < total) {
    lines.push(
      `[... ${(total - shown.length).toLocaleString('en-US')} more not shown (showing ${shown.length} of ${total.toLocaleString('en-US')}). Narrow the listing with pattern or directory.]`
    );
  }
  if (listing.source === 'walk')
    lines.push('[Not a git repository: .gitignore was not applied; .git and node_modules were skipped.]');
  return {
    ok: true,
    content: lines.join('\n'),
    data: { ...data, shown: shown.length, truncated: shown.length < total }
  };
}
