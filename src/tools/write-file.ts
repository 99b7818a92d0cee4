import { z } from 'zod';
import { failureResult, parseArgs } from './args.js';
import { splitLines } from './read-file.js';
import { formatSize } from './workspace.js';
import type { Tool } from './types.js';

const parameters = {
  type: 'object',
  properties: {
    path: { type: 'string', description: 'File path relative to the repository root.' },
    content: { type: 'string', description: 'The complete new content of the file.' }
  },
  required: ['path', 'content'],
  additionalProperties: false
};

const schema = z.strictObject({ path: z.string().min(1), content: z.string() });

export const writeFileTool: Tool = {
  name: 'write_file',
  description:
    'Create a file or replace its whole content; parent directories are created. ' +
    'For a change inside an existing file prefer edit_file. Protected paths (.git, workflows, the policy) are refused.',
  parameters,
  readOnly: false,
  async run(args, ctx) {
    const parsed = parseArgs('write_file', parameters, schema, args);
    if (!parsed.ok) return parsed.result;
    try {
      const outcome = await ctx.workspace.writeText(parsed.value.path, parsed.value.content);
      const lines = splitLines(parsed.value.content).length;
      return {
        ok: true,
        content: `${outcome.created ? 'Created' : 'Overwrote'} ${outcome.relative} (${lines} line${lines === 1 ? '' : 's'}, ${formatSize(outcome.bytes)}).`,
        data: { path: outcome.relative, bytes: outcome.bytes, lines, created: outcome.created },
        changedFiles: [outcome.relative]
      };
    } catch (error) {
      return failureResult(error);
    }
  }
};
