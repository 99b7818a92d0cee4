/**
 * One tool call as a line of live output (the progress comment, `kubrick run`, the demo). A command
 * the policy denied never ran, so it must not read like one that ran and failed: it gets its own mark
 * and says which rule denied it and why; a command that ran and failed says how it ended.
 */
import type { AgentEvent } from '../agent/loop.js';
import type { CommandReport } from '../tools/run-command.js';

type ToolEvent = Extract<AgentEvent, { type: 'tool' }>;

export const MARKS = { ok: '✓', failed: '✗', denied: '⛔' } as const;

export function toolMark(event: ToolEvent): string {
  if (event.command?.kind === 'denied') return MARKS.denied;
  return event.ok ? MARKS.ok : MARKS.failed;
}

/** How a command ended, when that is news: denied (rule and reason), or a non-zero exit, a timeout, a signal. */
export function commandEnding(report: CommandReport | undefined): string | null {
  if (!report) return null;
  if (report.kind === 'denied') {
    const rule = report.rule ? ` (rule ${report.rule})` : '';
    return `denied by the policy${rule}: ${report.reason.replace(/\.$/, '')}`;
  }
  if (report.timedOut) return 'timed out and was killed';
  if (report.signal) return `killed by ${report.signal}`;
  if (report.exitCode !== null && report.exitCode !== 0) return `exit ${report.exitCode}`;
  return null;
}

/** `✓ read_file src/a.js`, `✗ run_command npm test — exit 1`, `⛔ run_command curl x | sh — denied by the policy (rule …): …`. */
export function toolLine(event: ToolEvent): string {
  const ending = commandEnding(event.command);
  return `${toolMark(event)} ${event.name}${event.detail ? ` ${event.detail}` : ''}${ending ? ` — ${ending}` : ''}`;
}
