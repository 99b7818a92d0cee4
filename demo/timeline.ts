/**
 * What one action run does, told in the order it happened. Two records are kept while it runs, each
 * with its times: the GitHub emulator's request log (comments, reactions, pushes, the pull request,
 * the review) and the action's own transcript (the agent's turns, tool calls and policy decisions).
 * Both are read as they grow and merged by time. A progress comment alone cannot tell this: its
 * edits are spaced seconds apart and show the newest state, not the steps in between.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandReportOf } from '../src/tools/run-command.js';
import { toolLine } from '../src/report/tool-lines.js';
import type { RecordedRequest } from '../test-support/github-emulator/types.js';
import { printable, ProgressFollower } from './render.js';

export type Source = 'github' | 'git' | 'agent';
export type Tone = 'plain' | 'ok' | 'failed' | 'denied';

export interface TimelineEntry {
  /** Milliseconds since the epoch. */
  at: number;
  source: Source;
  text: string;
  tone: Tone;
}

const MARKER = '<!-- kubrick:';
const PROGRESS = 'Kubrick is working';
/** How late a record may show up after the moment it describes (a request in flight, a write being read). */
const SETTLE_MS = 400;

function entry(at: number, source: Source, text: string, tone: Tone = 'plain'): TimelineEntry {
  return { at, source, text: printable(text), tone };
}

const REACTIONS: Record<string, string> = { eyes: '👀', rocket: '🚀', '+1': '👍', confused: '😕' };

/** The GitHub emulator's log of one run, read from `start` on. */
export class RequestReader {
  private next: number;
  private readonly progress = new ProgressFollower(body => body.includes(PROGRESS), true);

  constructor(
    private readonly requests: readonly RecordedRequest[],
    start = requests.length
  ) {
    this.next = start;
  }

  /**
   * Entries for the requests answered since the last call. A request still being answered holds back
   * everything after it (its answer decides what it meant); `heldFrom` is its time.
   */
  read(): { entries: TimelineEntry[]; heldFrom: number | null } {
    const entries: TimelineEntry[] = [];
    for (; this.next < this.requests.length; this.next++) {
      const request = this.requests[this.next]!;
      if (request.status === 0) return { entries, heldFrom: request.receivedAt };
      if (request.status < 400) entries.push(...this.describe(request));
    }
    return { entries, heldFrom: null };
  }

  private describe(request: RecordedRequest): TimelineEntry[] {
    const { method, path, receivedAt: at } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = typeof body.body === 'string' ? body.body : '';
    if (method === 'POST' && path.endsWith('/git-receive-pack'))
      return [entry(at, 'git', 'pushed to origin')];
    if (method === 'POST' && /\/issues\/\d+\/comments$/.test(path) && text.includes(MARKER)) {
      const number = /\/issues\/(\d+)\/comments$/.exec(path)![1];
      return [
        entry(at, 'github', `posted its progress comment on #${number}`),
        ...this.progress
          .next(text)
          .map(item => entry(at, 'github', `the comment shows ✓ ${item.replace(/^done: /, '')}`))
      ];
    }
    if (method === 'PATCH' && /\/issues\/comments\/\d+$/.test(path) && text.includes(MARKER)) {
      if (!text.includes(PROGRESS)) return [entry(at, 'github', 'wrote its final report into that comment')];
      return this.progress
        .next(text)
        .map(item => entry(at, 'github', `the comment shows ✓ ${item.replace(/^done: /, '')}`));
    }
    if (method === 'POST' && path.endsWith('/reactions')) {
      const content = String(body.content ?? '');
      return [entry(at, 'github', `reacted ${REACTIONS[content] ?? content} to the request`)];
    }
    if (method === 'POST' && /\/pulls$/.test(path)) {
      return [entry(at, 'github', `opened a pull request: ${String(body.head)} → ${String(body.base)}`)];
    }
    if (method === 'PATCH' && /\/pulls\/\d+$/.test(path)) {
      return [entry(at, 'github', `updated pull request #${/(\d+)$/.exec(path)![1]}`)];
    }
    if (method === 'POST' && /\/issues\/\d+\/labels$/.test(path)) {
      const labels = Array.isArray(body.labels) ? body.labels.map(String).join(', ') : '';
      return [entry(at, 'github', `labelled #${/\/issues\/(\d+)\//.exec(path)![1]}: ${labels}`)];
    }
    if (method === 'POST' && /\/requested_reviewers$/.test(path)) {
      const who = [
        ...(Array.isArray(body.reviewers) ? body.reviewers.map(login => `@${String(login)}`) : []),
        ...(Array.isArray(body.team_reviewers) ? body.team_reviewers.map(String) : [])
      ];
      return [entry(at, 'github', `asked ${who.join(', ')} for a review`)];
    }
    if (method === 'POST' && /\/pulls\/\d+\/reviews$/.test(path)) {
      const inline = Array.isArray(body.comments) ? body.comments.length : 0;
      return [
        entry(
          at,
          'github',
          `posted a review (${String(body.event ?? 'COMMENT')}) with ${inline} inline comment${inline === 1 ? '' : 's'}`
        )
      ];
    }
    return [];
  }
}

type TranscriptEvent = Record<string, unknown> & { type?: unknown; time?: unknown };

/** The main argument of a tool call, as the live views show it (a path, a command, a pattern). */
function detailOf(rawArguments: unknown): string {
  try {
    const args = JSON.parse(String(rawArguments)) as Record<string, unknown>;
    const main = args.path ?? args.command ?? args.pattern ?? args.directory ?? '';
    return typeof main === 'string' ? main.replace(/\s+/g, ' ').slice(0, 120) : '';
  } catch {
    return '';
  }
}

/** The action's transcripts in a runner temp directory (`<RUNNER_TEMP>/kubrick/transcript-*.jsonl`), read as they grow. */
export class TranscriptReader {
  private readonly offsets = new Map<string, number>();
  private readonly calls = new Map<string, unknown>();
  private iteration = 0;

  constructor(private readonly runnerTemp: string) {}

  /** Files whose transcript this reader follows. */
  files(): string[] {
    const dir = join(this.runnerTemp, 'kubrick');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter(name => name.startsWith('transcript-') && name.endsWith('.jsonl'))
      .sort()
      .map(name => join(dir, name));
  }

  read(): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    for (const file of this.files()) {
      const text = readFileSync(file, 'utf8');
      const from = this.offsets.get(file) ?? 0;
      // Only whole lines: the action may be writing the next one right now.
      const end = text.lastIndexOf('\n') + 1;
      if (end <= from) continue;
      this.offsets.set(file, end);
      for (const line of text.slice(from, end).split('\n')) {
        if (line.trim() === '') continue;
        let event: TranscriptEvent;
        try {
          event = JSON.parse(line) as TranscriptEvent;
        } catch {
          continue;
        }
        const described = this.describe(event);
        if (described) entries.push(described);
      }
    }
    return entries;
  }

  private describe(event: TranscriptEvent): TimelineEntry | null {
    const at = typeof event.time === 'string' ? Date.parse(event.time) : Date.now();
    switch (event.type) {
      case 'start':
        return entry(
          at,
          'agent',
          `started: ${String(event.mode)} with ${String(event.provider)}/${String(event.model)}`
        );
      case 'turn': {
        this.iteration = Number(event.iteration) || this.iteration + 1;
        const calls = Array.isArray(event.toolCalls) ? event.toolCalls.length : 0;
        return entry(at, 'agent', `turn ${this.iteration}: ${calls} tool call${calls === 1 ? '' : 's'}`);
      }
      case 'tool_call':
        this.calls.set(String(event.id), event.arguments);
        return null;
      case 'tool_result': {
        const result = {
          ok: event.ok === true,
          content: '',
          data: (event.data ?? undefined) as Record<string, unknown> | undefined
        };
        const name = String(event.name);
        const command = name === 'run_command' ? commandReportOf(result) : undefined;
        const line = toolLine({
          type: 'tool',
          iteration: this.iteration,
          name,
          ok: result.ok,
          detail: detailOf(this.calls.get(String(event.id))),
          ...(command ? { command } : {})
        });
        const tone: Tone = command?.kind === 'denied' ? 'denied' : result.ok ? 'ok' : 'failed';
        return entry(at, 'agent', line, tone);
      }
      case 'end':
        return entry(
          at,
          'agent',
          `ended: ${String(event.conclusion)} after ${String(event.iterations)} turns, ${String(event.toolCalls)} tool calls, ${String(event.commandsDenied)} denied`,
          event.conclusion === 'success' ? 'ok' : 'failed'
        );
      default:
        return null;
    }
  }
}

/** Both records of one run, merged by time; `flush` once the run is over gives what is left. */
export class RunTimeline {
  private waiting: TimelineEntry[] = [];

  constructor(
    private readonly requests: RequestReader,
    private readonly transcript: TranscriptReader,
    private readonly now: () => number = Date.now
  ) {}

  /** The entries that are settled: old enough that nothing earlier can still turn up. */
  poll(): TimelineEntry[] {
    const { entries, heldFrom } = this.requests.read();
    this.waiting.push(...entries, ...this.transcript.read());
    const cutoff = Math.min(this.now() - SETTLE_MS, heldFrom ?? Number.POSITIVE_INFINITY);
    return this.take(at => at <= cutoff);
  }

  flush(): TimelineEntry[] {
    const { entries } = this.requests.read();
    this.waiting.push(...entries, ...this.transcript.read());
    return this.take(() => true);
  }

  private take(ready: (at: number) => boolean): TimelineEntry[] {
    // A stable sort: entries of one source keep their order when their times are equal.
    this.waiting.sort((a, b) => a.at - b.at);
    const out: TimelineEntry[] = [];
    while (this.waiting.length > 0 && ready(this.waiting[0]!.at)) out.push(this.waiting.shift()!);
    return out;
  }
}
