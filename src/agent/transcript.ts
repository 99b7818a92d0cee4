import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Redactor } from '../report/redact.js';

/** One line of the transcript; `type` says which (turn, tool_call, tool_result, policy, budget, end, …). */
export interface TranscriptEvent {
  type: string;
  [key: string]: unknown;
}

/**
 * JSON Lines record of a run, written as it happens (a crash keeps everything up to that point),
 * with every secret redacted before it touches the disk.
 */
export class Transcript {
  private sequence = 0;

  constructor(
    readonly path: string | null,
    /** The run's one redactor; the session also masks tool results with it before the model reads them. */
    readonly redactor: Redactor,
    private readonly now: () => number = Date.now
  ) {
    if (path) mkdirSync(dirname(path), { recursive: true });
  }

  record(event: TranscriptEvent): void {
    if (!this.path) return;
    const line = { seq: ++this.sequence, time: new Date(this.now()).toISOString(), ...event };
    appendFileSync(this.path, `${this.redactor.redact(JSON.stringify(line))}\n`);
  }
}
