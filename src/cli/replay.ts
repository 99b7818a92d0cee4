import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { neutralizeWorkflowCommands } from '../report/workflow-commands.js';
import { EXIT, type CliIo, UsageError } from './io.js';

const USAGE = `Usage: kubrick replay TRANSCRIPT

Prints a recorded run (the JSON Lines transcript, e.g. the workflow's artifact) as a timeline:
model turns, tool calls and results, policy decisions, budget ticks and the end.
`;

type Event = Record<string, unknown> & { type?: unknown; seq?: unknown; time?: unknown };

function oneLine(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function clock(time: unknown, start: number | null): string {
  if (typeof time !== 'string' || start === null) return '      ';
  const seconds = (Date.parse(time) - start) / 1000;
  return `+${seconds.toFixed(1).padStart(5)}s`;
}

/** " (900 cached, 120 written to the cache)" for the input figure; nothing when there were none. */
function cacheNote(cached: unknown, written?: unknown): string {
  const parts: string[] = [];
  if (typeof cached === 'number' && cached > 0) parts.push(`${cached} cached`);
  if (typeof written === 'number' && written > 0) parts.push(`${written} written to the cache`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** One event as one or two readable lines; unknown kinds are still shown, never dropped. */
export function describeTranscriptEvent(event: Event): string {
  switch (event.type) {
    case 'start':
      return `start    ${event.mode} with ${event.provider}/${event.model}; tools: ${oneLine(event.tools)}; sandbox: ${oneLine(event.sandbox)}`;
    case 'trigger':
      return `trigger  ${event.event}: ${oneLine(event.task)}`;
    case 'turn': {
      const calls = Array.isArray(event.toolCalls) ? event.toolCalls.length : 0;
      const usage = event.usage as
        | { inputTokens?: number; outputTokens?: number; cachedTokens?: number; cacheWriteTokens?: number }
        | undefined;
      const text = oneLine(event.text, 200);
      return `turn ${String(event.iteration).padEnd(3)} ${calls} tool call(s), ${usage?.inputTokens ?? '?'} in${cacheNote(usage?.cachedTokens, usage?.cacheWriteTokens)} / ${usage?.outputTokens ?? '?'} out tokens${text ? `\n           “${text}”` : ''}`;
    }
    case 'tool_call':
      return `  → ${event.name} ${oneLine(event.arguments, 140)}`;
    case 'tool_result':
      return `  ${event.ok ? '✓' : '✗'} ${event.name}: ${oneLine(event.content, 140)}`;
    case 'policy_decision':
      return `  policy ${event.decision}: ${oneLine(event.command ?? '', 100)}${event.decision === 'deny' && event.reason ? ` (${event.rule ? `${event.rule}: ` : ''}${oneLine(event.reason, 120)})` : ''}`;
    case 'command_result':
      return `  command exited ${event.exitCode ?? event.signal}${event.timedOut ? ' (timed out)' : ''} after ${event.durationMs} ms in sandbox ${event.sandbox}`;
    case 'mcp_server':
      return `mcp      server ${event.server} ${event.state}${event.reason ? `: ${oneLine(event.reason, 160)}` : ''}${Array.isArray(event.tools) ? `; tools: ${oneLine(event.tools.join(', '), 120)}` : ''}`;
    case 'mcp_tools':
      return `mcp      offered: ${Array.isArray(event.offered) && event.offered.length > 0 ? oneLine(event.offered.join(', '), 200) : 'none'}${Array.isArray(event.left_out) && event.left_out.length > 0 ? `; left out: ${oneLine(event.left_out.join('; '), 200)}` : ''}`;
    case 'mcp_decision':
      return `  mcp ${event.decision}: ${event.tool}${event.decision === 'deny' && event.reason ? ` (${event.rule ? `${event.rule}: ` : ''}${oneLine(event.reason, 120)})` : ''}`;
    case 'mcp_call':
      return `  mcp call ${event.tool} ${event.ok ? 'answered' : `failed${event.error ? ` (${event.error})` : ''}`}${typeof event.durationMs === 'number' ? ` after ${event.durationMs} ms` : ''}${event.reason ? `: ${oneLine(event.reason, 120)}` : ''}`;
    case 'budget':
      return `  budget after turn ${event.iteration}: ${event.tokensIn} in${cacheNote(event.tokensCached)} / ${event.tokensOut} out, ${event.costUsd ?? 'unknown'} USD, ${Math.round(Number(event.secondsLeft ?? 0))} s left`;
    case 'context':
      return `context  ${event.action}`;
    case 'summary':
      return `summary  ${oneLine(event.text)}`;
    case 'end':
      return `end      ${event.conclusion}${event.budget ? ` (${event.budget})` : ''}${event.reason ? `: ${oneLine(event.reason)}` : ''}; ${event.iterations} turns, ${event.toolCalls} tool calls, ${event.commandsDenied} denied\n           ${oneLine(event.summary, 300)}`;
    default:
      return `${String(event.type ?? 'event').padEnd(8)} ${oneLine(event)}`;
  }
}

export async function replayCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (args.length !== 1) throw new UsageError(`expected one transcript file\n\n${USAGE}`);
  const path = resolve(io.cwd, args[0]!);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let start: number | null = null;
  let shown = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let event: Event;
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not an object');
      event = parsed as Event;
    } catch {
      io.stdout(`line ${index + 1}: not a transcript event (skipped)\n`);
      continue;
    }
    if (start === null && typeof event.time === 'string') start = Date.parse(event.time);
    // A transcript holds model output: never let it form a workflow command when printed in CI.
    io.stdout(`${clock(event.time, start)} ${neutralizeWorkflowCommands(describeTranscriptEvent(event))}\n`);
    shown++;
  }
  if (shown === 0) throw new UsageError(`${path} holds no transcript events`);
  return EXIT.ok;
}
