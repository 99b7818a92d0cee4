import * as z from 'zod';
import { errorResult, failureResult, parseArgs } from './args.js';
import { splitLines } from './read-file.js';
import type { Tool, ToolContext, ToolResult } from './types.js';
import { WorkspaceError } from './workspace.js';

export type Severity = 'low' | 'medium' | 'high';

/** One review comment; `line` is a line of the file as it is in the workspace. */
export interface Finding {
  path: string;
  line: number;
  severity: Severity;
  body: string;
  suggestion?: string;
}

export interface FinishArguments {
  summary: string;
  findings?: Finding[];
}

const findingSchema = z.strictObject({
  path: z.string().min(1),
  line: z.number().int().min(1),
  severity: z.enum(['low', 'medium', 'high']),
  body: z.string().min(1),
  suggestion: z.string().optional()
});

const schema = z.strictObject({
  summary: z.string().trim().min(1),
  findings: z.array(findingSchema).optional()
});

const summaryProperty = {
  type: 'string',
  description:
    'What you did and found, for the person who asked: changes made, tests run, anything left open.'
};

const findingsProperty = {
  type: 'array',
  description: 'Review comments on specific lines. An empty list means the change looks good.',
  items: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the repository root.' },
      line: { type: 'integer', description: 'Line number in the current version of the file.' },
      severity: { type: 'string', enum: ['low', 'medium', 'high'] },
      body: { type: 'string', description: 'The comment: what is wrong and why.' },
      suggestion: {
        type: 'string',
        description: 'Optional replacement text for that line (becomes a suggestion block).'
      }
    },
    required: ['path', 'line', 'severity', 'body'],
    additionalProperties: false
  }
};

const description =
  'End the run. Call it once, when the task is done or cannot be done, with a summary of what happened. ' +
  'Other tool calls in the same turn run first.';

/** finish as offered in fix, ask and plan modes. */
export const finishTool: Tool = {
  name: 'finish',
  description,
  parameters: {
    type: 'object',
    properties: { summary: summaryProperty },
    required: ['summary'],
    additionalProperties: false
  },
  readOnly: true,
  run: (args, ctx) => runFinish(finishTool, args, ctx)
};

/** finish as offered in review mode, with line findings. */
export const reviewFinishTool: Tool = {
  name: 'finish',
  description: `${description} In review mode, put each concrete problem in findings.`,
  parameters: {
    type: 'object',
    properties: { summary: summaryProperty, findings: findingsProperty },
    required: ['summary'],
    additionalProperties: false
  },
  readOnly: true,
  run: (args, ctx) => runFinish(reviewFinishTool, args, ctx)
};

/**
 * Validates and echoes; the loop ends the run when this succeeds. A finding must name a workspace
 * path (it may no longer exist, e.g. a deleted file) and, when the file exists, a line inside it.
 */
async function runFinish(tool: Tool, args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  const parsed = parseArgs('finish', tool.parameters, schema, args);
  if (!parsed.ok) return parsed.result;
  const { summary } = parsed.value;
  if (parsed.value.findings && ctx.mode !== 'review') {
    return errorResult(
      `finish takes findings only in review mode (this run is in ${ctx.mode} mode); call it with just a summary.`,
      {
        error: 'findings_not_allowed'
      }
    );
  }
  const findings: Finding[] = [];
  try {
    for (const [index, finding] of (parsed.value.findings ?? []).entries()) {
      const problem = await checkFinding(finding, ctx);
      if (problem) {
        return errorResult(
          `findings[${index}] (${finding.path}:${finding.line}): ${problem} Fix it and call finish again.`,
          {
            error: 'invalid_finding',
            index
          }
        );
      }
      findings.push({ ...finding, path: ctx.workspace.normalize(finding.path) });
    }
  } catch (error) {
    return failureResult(error);
  }
  const result: FinishArguments = ctx.mode === 'review' ? { summary, findings } : { summary };
  const counted =
    ctx.mode === 'review' ? ` with ${findings.length} finding${findings.length === 1 ? '' : 's'}` : '';
  return { ok: true, content: `Finished${counted}: ${summary}`, data: { ...result } };
}

async function checkFinding(finding: Finding, ctx: ToolContext): Promise<string | null> {
  try {
    ctx.workspace.normalize(finding.path);
  } catch (error) {
    if (error instanceof WorkspaceError) return error.message;
    throw error;
  }
  let text: string;
  try {
    text = await ctx.workspace.readText(finding.path);
  } catch (error) {
    // A deleted or unreadable file can still be commented on; only a line past the end is provably wrong.
    if (error instanceof WorkspaceError) return null;
    throw error;
  }
  const total = splitLines(text).length;
  return finding.line > total
    ? `line ${finding.line} is past the end of the file, which has ${total} lines.`
    : null;
}
