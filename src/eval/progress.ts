/**
 * Progress on stderr: one line per finished task run, always; on a terminal also a status line at
 * the bottom, rewritten in place, with what is running now, how far the eval is and the time.
 */
import type { AgentEvent } from '../agent/loop.js';
import { duration, money } from './report.js';
import type { EvalJob, TaskRunResult } from './run-task.js';

export interface ProgressOptions {
  write: (text: string) => void;
  /** Set when stderr is a terminal: the status line is kept within its width. */
  terminal?: { columns: number };
  total: number;
  runsPerTask: number;
  /** Makes text from a run (a reason) safe to print: secrets redacted, no workflow commands. */
  clean: (text: string) => string;
  now?: () => number;
}

const CLEAR_LINE = '\r\x1b[2K';

export class Progress {
  private done = 0;
  private solved = 0;
  private readonly running = new Map<EvalJob, string>();
  private readonly started: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private statusShown = false;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    if (options.terminal) {
      this.timer = setInterval(() => this.redraw(), 1000);
      this.timer.unref();
    }
  }

  jobStarted(job: EvalJob): void {
    this.running.set(job, 'starting');
    this.redraw();
  }

  agentEvent(job: EvalJob, event: AgentEvent): void {
    if (event.type !== 'tool' || !this.running.has(job)) return;
    this.running.set(job, `[${event.iteration}] ${event.name}`);
    this.redraw();
  }

  jobFinished(result: TaskRunResult, job: EvalJob): void {
    this.running.delete(job);
    this.done++;
    if (result.solved) this.solved++;
    this.print(this.finishedLine(result));
  }

  /** Removes the status line; the finished lines stay. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.statusShown) this.options.write(CLEAR_LINE);
    this.statusShown = false;
  }

  finishedLine(result: TaskRunResult): string {
    const width = String(this.options.total).length;
    const run = this.options.runsPerTask > 1 ? ` run ${result.run}/${this.options.runsPerTask}` : '';
    const parts = [
      result.solved ? 'solved' : 'not solved',
      result.conclusion,
      `${result.iterations} iteration${result.iterations === 1 ? '' : 's'}`,
      `${result.toolCalls} tool call${result.toolCalls === 1 ? '' : 's'}`,
      duration(result.seconds),
      money(result.costUsd)
    ];
    if (result.reason) parts.push(this.options.clean(result.reason.replace(/\s+/g, ' ').slice(0, 200)));
    return `kubrick eval: [${String(this.done).padStart(width)}/${this.options.total}] ${result.name}${run}: ${parts.join(' · ')}`;
  }

  private print(line: string): void {
    if (this.statusShown) this.options.write(CLEAR_LINE);
    this.statusShown = false;
    this.options.write(`${line}\n`);
    this.redraw();
  }

  private redraw(): void {
    const terminal = this.options.terminal;
    if (!terminal || this.running.size === 0) return;
    const running = [...this.running].map(([job, what]) => `${job.task.name} ${what}`).join(', ');
    const elapsed = duration((this.now() - this.started) / 1000);
    let line = `  ${this.done}/${this.options.total} done, ${this.solved} solved · ${elapsed} · running: ${running}`;
    const max = Math.max(20, terminal.columns - 1);
    if (line.length > max) line = `${line.slice(0, max - 1)}…`;
    this.options.write(`${CLEAR_LINE}${line}`);
    this.statusShown = true;
  }
}
