/**
 * The runner parses `::name::value` lines (and the legacy `##[name]` form) on stdout as workflow
 * commands. Anything we print that came from a model, a file or a comment must not form one.
 */

/** Escapes a message for use as the data of a workflow command (same rules as @actions/core). */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Makes untrusted text safe to log: a zero-width space is put inside a leading `::` or `##[` of
 * every line, which the runner then no longer recognises, while a reader sees the same text.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text.replace(/^([^\S\n]*)(::|##\[)/gm, (_m, space: string, start: string) =>
    start === '::' ? `${space}:\u200B:` : `${space}#\u200B#[`
  );
}

/** The run's log on stdout, where the runner reads annotations. */
export interface WorkflowLog {
  /** A plain line, written as given (callers neutralize untrusted text). */
  log(line: string): void;
  /** An error annotation. */
  fail(message: string): void;
  /** A warning annotation. */
  warn(message: string): void;
}

export function workflowLog(write: (line: string) => void): WorkflowLog {
  return {
    log: write,
    fail: message => write(`::error::${escapeCommandData(message)}`),
    warn: message => write(`::warning::${escapeCommandData(message)}`)
  };
}
