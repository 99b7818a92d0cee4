/**
 * What a run did with MCP, for the final comment, the job summary and `kubrick run --json`: which
 * servers could not be used and why, which tools were left out, and every tool called or refused.
 * Kept free of the SDK, so the report can be written without loading it.
 */

export interface McpServerStatus {
  name: string;
  /** started: its tools were listed; failed: it never answered; skipped: not started; stopped: it went away mid-run. */
  state: 'started' | 'failed' | 'skipped' | 'stopped';
  reason: string | null;
  /** Tools offered to the model from this server. */
  offered: number;
}

export interface McpToolUse {
  /** `server.tool`. */
  name: string;
  /** Calls that reached the server. */
  calls: number;
  /** Of those, calls that ended in an error (a timeout, a crash, an error the tool reported, bad arguments). */
  failed: number;
  /** Calls refused before the server: not allowed by the policy or not offered in this mode. */
  refused: number;
  /** The last failure or refusal, in words. */
  lastProblem: string | null;
}

export interface McpReport {
  servers: McpServerStatus[];
  /** Tools the model was offered, as `server.tool`, in the order it saw them. */
  offered: string[];
  /** Tools left out, each with why (an invalid schema, a name no model accepts, …). */
  leftOut: string[];
  tools: McpToolUse[];
}

const STATE_WORDS: Record<McpServerStatus['state'], string> = {
  started: 'started',
  failed: 'did not start',
  skipped: 'was not started',
  stopped: 'stopped during the run'
};

/** One server's fate as a log line. */
export function serverLine(server: McpServerStatus): string {
  return server.state === 'started'
    ? `MCP server ${server.name}: ${count(server.offered, 'tool')} offered`
    : `MCP server ${server.name} ${STATE_WORDS[server.state]}: ${server.reason ?? 'no reason given'}`;
}

/** Text a server or the model chose, safe in a comment: one line, no backticks, in a code span. */
function code(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return `\`${flat.length > max ? `${flat.slice(0, max)}…` : flat}\``;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The final comment's lines about MCP (none when no server was configured). */
export function mcpReportLines(report: McpReport | null): string[] {
  if (!report) return [];
  const lines: string[] = [];
  const used = report.tools.filter(tool => tool.calls > 0);
  if (used.length > 0) {
    const parts = used.map(tool => {
      const failed =
        tool.failed > 0 ? `, ${tool.failed} failed: ${code(tool.lastProblem ?? 'an error', 160)}` : '';
      return `${code(tool.name)} (${count(tool.calls, 'call')}${failed})`;
    });
    lines.push(`**MCP tools used:** ${parts.join(', ')}`);
  }
  const refused = report.tools.filter(tool => tool.refused > 0);
  if (refused.length > 0) {
    const parts = refused.map(
      tool =>
        `${code(tool.name)} (${count(tool.refused, 'call')}: ${code(tool.lastProblem ?? 'not allowed', 160)})`
    );
    lines.push(`**MCP calls refused** (never sent to the server): ${parts.join(', ')}`);
  }
  const unavailable = report.servers.filter(
    server => server.state === 'failed' || server.state === 'stopped'
  );
  if (unavailable.length > 0) {
    const parts = unavailable.map(
      server =>
        `${code(server.name)} ${server.state === 'failed' ? 'did not start' : 'stopped during the run'}: ${code(server.reason ?? 'unknown')}`
    );
    lines.push(`**MCP servers unavailable** (their tools were missing): ${parts.join('; ')}`);
  }
  const skipped = report.servers.filter(server => server.state === 'skipped');
  if (skipped.length > 0) {
    const parts = skipped.map(server => `${code(server.name)} (${code(server.reason ?? 'not allowed')})`);
    lines.push(`**MCP servers not started:** ${parts.join(', ')}`);
  }
  if (report.leftOut.length > 0) {
    lines.push(`**MCP tools left out:** ${report.leftOut.map(item => code(item, 200)).join(', ')}`);
  }
  return lines;
}

/** The same facts for `kubrick run --json`. */
export function mcpJson(report: McpReport | null): Record<string, unknown> | null {
  if (!report) return null;
  return {
    servers: report.servers,
    offered: report.offered,
    left_out: report.leftOut,
    tools: report.tools.map(tool => ({
      name: tool.name,
      calls: tool.calls,
      failed: tool.failed,
      refused: tool.refused,
      last_problem: tool.lastProblem
    })),
    calls: report.tools.reduce((sum, tool) => sum + tool.calls, 0),
    refused: report.tools.reduce((sum, tool) => sum + tool.refused, 0)
  };
}
