/**
 * The runner parses `::name::value` lines (and the legacy `##[name]` form) on stdout as workflow
 * commands. Anything we print that came from a model, a file or a comment must not form one.
 */

/** Escapes a message for use as the data of a workflow command (same rules as @actions/core). */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * `::add-mask::` commands for secret values, as @actions/core's setSecret writes them. The runner
 * masks each log line on its own, so a multi-line value (a PEM key) is also masked line by line;
 * lines shorter than `minLength` are left out, since masking `-----` or `==` would wreck the log.
 */
export function addMaskCommands(values: Iterable<string>, minLength: number): string[] {
  const commands = new Set<string>();
  for (const value of values) {
    commands.add(`::add-mask::${escapeCommandData(value)}`);
    const lines = value.split(/\r\n|\r|\n/);
    if (lines.length === 1) continue;
    for (const line of lines.map(l => l.trim())) {
      if (line.length >= minLength) commands.add(`::add-mask::${escapeCommandData(line)}`);
    }
  }
  return [...commands];
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
