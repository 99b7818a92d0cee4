import * as z from 'zod';
import { defineTool, errorResult, repositoryPath } from './args.js';
import { splitLines } from './read-file.js';
import type { FollowUpDecision, Tool, ToolContext, ToolResult } from './types.js';
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
  followUps?: FollowUpDecision[];
}

const summary = z
  .string()
  .trim()
  .min(1)
  .describe('What you did and found, for the person who asked: changes made, tests run, anything left open.');

const finding = z.strictObject({
  path: repositoryPath,
  line: z.number().int().min(1).describe('Line number in the current version of the file.'),
  severity: z.enum(['low', 'medium', 'high']),
  body: z.string().min(1).describe('The comment: what is wrong and why.'),
  suggestion: z
    .string()
    .optional()
    .describe('Optional replacement text for that line (becomes a suggestion block).')
});

const followUp = z.strictObject({
  thread: z.number().int().min(1).describe('The thread id of the earlier finding, as your task lists it.'),
  status: z
    .enum(['addressed', 'still_present'])
    .describe('addressed: the new commits fixed the problem; still_present: they did not.'),
  note: z
    .string()
    .trim()
    .min(1)
    .describe('One short line for the thread: what fixed it, or why the problem remains.')
});

const description =
  'End the run. Call it once, when the task is done or cannot be done, with a summary of what happened. ' +
  'Other tool calls in the same turn run first.';

/** finish as offered in review mode, with line findings. */
export const reviewFinishTool: Tool = defineTool({
  name: 'finish',
  description: `${description} In review mode, put each concrete problem in findings.`,
  schema: z.strictObject({
    summary,
    findings: z
      .array(finding)
      .optional()
      .describe('Review comments on specific lines. An empty list means the change looks good.'),
    follow_ups: z
      .array(followUp)
      .optional()
      .describe(
        'Only when your task lists earlier findings whose lines the new commits changed: one decision per thread.'
      )
  }),
  readOnly: true,
  run: async (args, ctx) => finishReview(args.summary, args.findings ?? [], args.follow_ups ?? [], ctx)
});

const plainFinish = defineTool({
  name: 'finish',
  description,
  schema: z.strictObject({ summary }),
  readOnly: true,
  run: async ({ summary }) => ({ ok: true, content: `Finished: ${summary}`, data: { summary } })
});

/** finish as offered in fix, ask and plan modes: a summary only. */
export const finishTool: Tool = {
  ...plainFinish,
  // Findings belong to reviews; a model that sends them elsewhere is told so, not that the name is unknown.
  run: async (args, ctx) =>
    args.findings === undefined || args.findings === null
      ? plainFinish.run(args, ctx)
      : errorResult(
          `finish takes findings only in review mode (this run is in ${ctx.mode} mode); call it with just a summary.`,
          { error: 'findings_not_allowed' }
        )
};

/**
 * Checks the findings and echoes them; the loop ends the run when this succeeds. A finding must name
 * a workspace path (it may no longer exist, e.g. a deleted file) and, when the file exists, a line
 * inside it.
 */
async function finishReview(
  summary: string,
  given: Finding[],
  followUps: FollowUpDecision[],
  ctx: ToolContext
): Promise<ToolResult> {
  const followUpProblem = ctx.review
    ? ctx.review.checkFollowUps(followUps)
    : followUps.length > 0
      ? 'there are no earlier findings to follow up in this run; leave follow_ups out.'
      : null;
  if (followUpProblem) {
    return errorResult(`follow_ups: ${followUpProblem} Fix it and call finish again.`, {
      error: 'invalid_follow_ups'
    });
  }
  const findings: Finding[] = [];
  for (const [index, finding] of given.entries()) {
    const problem = await checkFinding(finding, ctx);
    if (problem) {
      return errorResult(
        `findings[${index}] (${finding.path}:${finding.line}): ${problem} Fix it and call finish again.`,
        { error: 'invalid_finding', index }
      );
    }
    findings.push({ ...finding, path: ctx.workspace.normalize(finding.path) });
  }
  const result: FinishArguments = {
    summary,
    findings,
    ...(followUps.length > 0
      ? { followUps: followUps.map(f => ({ ...f, note: f.note.replace(/\s+/g, ' ') })) }
      : {})
  };
  const counted = ` with ${findings.length} finding${findings.length === 1 ? '' : 's'}`;
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
