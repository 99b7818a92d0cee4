import * as z from 'zod';
import { defineTool, repositoryPath } from './args.js';
import { splitLines } from './read-file.js';
import { formatSize } from './workspace.js';
import type { Tool } from './types.js';

const schema = z.strictObject({
  path: repositoryPath,
  content: z.string().describe('The complete new content of the file.')
});

export const writeFileTool: Tool = defineTool({
  name: 'write_file',
  description:
    'Create a file or replace its whole content; parent directories are created. ' +
    'For a change inside an existing file prefer edit_file. Protected paths (.git, workflows, the policy) are refused.',
  schema,
  readOnly: false,
  async run({ path, content }, ctx) {
    const outcome = await ctx.workspace.writeText(path, content);
    const lines = splitLines(content).length;
    return {
      ok: true,
      content: `${outcome.created ? 'Created' : 'Overwrote'} ${outcome.relative} (${lines} line${lines === 1 ? '' : 's'}, ${formatSize(outcome.bytes)}).`,
      data: { path: outcome.relative, bytes: outcome.bytes, lines, created: outcome.created },
      changedFiles: [outcome.relative]
    };
  }
});
