import type { ToolSpec } from '../llm/types.js';
import { editFileTool } from './edit-file.js';
import { finishTool, reviewFinishTool } from './finish.js';
import { listFilesTool } from './list-files.js';
import { pullRequestDiffTool } from './pull-request-diff.js';
import { readFileTool } from './read-file.js';
import { runCommandTool } from './run-command.js';
import { searchFilesTool } from './search-files.js';
import type { Tool } from './types.js';
import type { Mode } from '../mode.js';
import { writeFileTool } from './write-file.js';

/**
 * Which tools a mode offers. This list is the enforcement: a read-only mode never receives a tool
 * that writes or runs commands, whatever the prompt or the model says. `pullRequestDiff`: a review of
 * a pull request also gets its whole diff to read.
 */
export function toolsForMode(
  mode: Mode,
  opts: { commands: boolean; pullRequestDiff?: boolean } = { commands: true }
): Tool[] {
  switch (mode) {
    case 'fix':
      return [
        readFileTool,
        writeFileTool,
        editFileTool,
        listFilesTool,
        searchFilesTool,
        ...(opts.commands ? [runCommandTool] : []),
        finishTool
      ];
    case 'review':
      return [
        readFileTool,
        listFilesTool,
        searchFilesTool,
        ...(opts.pullRequestDiff ? [pullRequestDiffTool] : []),
        reviewFinishTool
      ];
    case 'ask':
    case 'plan':
      return [readFileTool, listFilesTool, searchFilesTool, finishTool];
    default:
      throw new Error(`Unknown agent mode "${String(mode satisfies never)}"`);
  }
}

/**
 * The mode's tools with tools from outside Kubrick (MCP servers) before `finish`, which stays last.
 * A read-only mode takes only extra tools marked read-only, whatever the caller passes.
 */
export function withExtraTools(tools: readonly Tool[], extra: readonly Tool[], mode: Mode): Tool[] {
  const joining = mode === 'fix' ? extra : extra.filter(tool => tool.readOnly);
  const finish = tools.filter(tool => tool.name === 'finish');
  return [...tools.filter(tool => tool.name !== 'finish'), ...joining, ...finish];
}

/** What the model is told about the tools. */
export function toolSpecs(tools: readonly Tool[]): ToolSpec[] {
  return tools.map(tool => ({ name: tool.name, description: tool.description, parameters: tool.parameters }));
}

export function findTool(tools: readonly Tool[], name: string): Tool | undefined {
  return tools.find(tool => tool.name === name);
}
