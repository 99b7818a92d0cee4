/**
 * Job logs as GitHub stores them, for the emulator's Actions routes: every line timestamped, each
 * step opened by `##[group]Run …` with its command, closed by `##[endgroup]`, then its output, and
 * `##[error]…` where it failed.
 */
export interface LogStep {
  /** As the log's group line names it, e.g. `Run npm test` or `Run actions/checkout@v4`. */
  title: string;
  /** The step's command lines, shown inside its group. */
  command?: string[];
  /** What it printed. */
  output?: string[];
  /** The runner's error line, when the step failed. */
  error?: string;
}

export function jobLog(steps: LogStep[], start = Date.UTC(2024, 4, 1, 10, 0, 0)): string {
  let tick = 0;
  const stamp = () => `${new Date(start + 137 * tick++).toISOString().replace('Z', '0000Z')} `;
  const lines: string[] = [];
  const push = (line: string) => lines.push(`${stamp()}${line}`);
  for (const step of steps) {
    push(`##[group]${step.title}`);
    for (const line of step.command ?? []) push(line);
    push('##[endgroup]');
    for (const line of step.output ?? []) push(line);
    if (step.error !== undefined) push(`##[error]${step.error}`);
  }
  return `\uFEFF${lines.join('\n')}\n`;
}

/** The log of a job whose `npm test` step failed with `assertion` among its output. */
export function failingTestLog(assertion: string[]): string {
  return jobLog([
    { title: 'Run actions/checkout@v4', output: ['Syncing repository: octo-org/widgets'] },
    {
      title: 'Run npm test',
      command: ['npm test', 'shell: /usr/bin/bash -e {0}'],
      output: ['', '> widgets@1.0.0 test', '> node test.js', '', ...assertion, '', 'Node.js v24.0.0'],
      error: 'Process completed with exit code 1.'
    },
    { title: 'Post job cleanup.', output: ['Cleaning up orphan processes'] }
  ]);
}
