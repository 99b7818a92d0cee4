import type { AgentEvent } from '../agent/loop.js';
import { asStep, type GitHubStep } from '../github/access.js';
import type { GitHub } from '../github/client.js';
import { addReaction, ProgressComment } from '../github/comments.js';
import type { Mode } from '../mode.js';
import { renderFinalComment, renderProgressComment, type ProgressState } from './comment.js';
import type { RunOutcome } from './outcome.js';
import type { Redactor } from './redact.js';
import { commandEnding, toolMark } from './tool-lines.js';

/** What the orchestration tells the report while it works. */
export interface ProgressSink {
  /** A step of the checklist is done. */
  step(label: string): void;
  /** The agent took a turn or called a tool. */
  agent(event: AgentEvent): void;
}

export interface RunProgressOptions {
  gh: GitHub;
  owner: string;
  repo: string;
  /** The issue or PR the run reports on; none for scheduled runs. */
  issueNumber: number | undefined;
  /** From runMarker(): the same trigger finds and edits the same comment. */
  marker: string;
  /** Accounts whose marked comments count as the action's own (allowed_bots). */
  trustedAuthors: readonly string[];
  redactor: Redactor;
  mode: Mode | null;
  task: string;
  maxIterations: number;
  runUrl: string | null;
}

/** The comment that triggered the run, which gets a 👀 once the progress comment is up. */
export interface TriggerComment {
  kind: 'issue_comment' | 'review_comment';
  id: number;
}

/** Writing the run's comment, as a step GitHub may refuse for want of a permission. */
function commentStep(options: RunProgressOptions, doing: string): GitHubStep {
  return {
    doing: `${doing} on #${options.issueNumber ?? '?'}`,
    repo: `${options.owner}/${options.repo}`,
    permission: 'issues: write',
    note: 'On a pull request, `pull-requests: write` does as well.'
  };
}

/** The newest tool calls the live comment lists. */
const RECENT_STEPS = 5;

/** A tool call as a line of the live comment; a denied command reads differently from a failed one. */
function describeEvent(event: AgentEvent): string | null {
  if (event.type !== 'tool') return null;
  const ending = commandEnding(event.command);
  const detail = `${event.detail}${ending ? ` — ${ending}` : ''}`.replace(/`/g, "'").trim();
  return `${toolMark(event)} \`${event.name}\`${detail ? ` ${detail}` : ''}`;
}

/**
 * The run's one comment on its issue or PR: opened as a checklist once the requester is known to be
 * authorized, kept current while the run works, and finally turned into the report. Every body is
 * redacted. Without an issue or PR (a scheduled run) there is no comment, and this only keeps state.
 */
export class RunProgress implements ProgressSink {
  private comment: ProgressComment | null = null;
  private reaction: Promise<boolean> | null = null;
  private readonly state: ProgressState;

  constructor(private readonly options: RunProgressOptions) {
    this.state = {
      mode: options.mode,
      task: options.task,
      steps: [{ label: 'Checked the requester’s permission', done: true }],
      iteration: 0,
      maxIterations: options.maxIterations,
      recent: [],
      runUrl: options.runUrl
    };
  }

  /** The comment's id once it exists (an output of the run). */
  get commentId(): number | null {
    return this.comment?.id ?? null;
  }

  /** The account the action posts as, learned from its own comment. */
  get ownLogin(): string | undefined {
    return this.comment?.authorLogin;
  }

  /**
   * Creates (or, on a re-run, adopts) the comment. The 👀 on the trigger goes out behind it without
   * holding up the run (GitHub spaces writes a second apart); it is awaited before the report.
   */
  async open(trigger: TriggerComment | null): Promise<void> {
    const { gh, owner, repo, issueNumber, marker } = this.options;
    if (issueNumber === undefined) return;
    this.comment = await asStep(commentStep(this.options, 'writing its progress comment'), () =>
      ProgressComment.start(gh, {
        owner,
        repo,
        issueNumber,
        marker,
        body: this.render(),
        trustedAuthors: this.options.trustedAuthors
      })
    );
    if (trigger) {
      this.reaction = addReaction(gh, {
        owner,
        repo,
        content: 'eyes',
        kind: trigger.kind,
        commentId: trigger.id
      });
    }
  }

  step(label: string): void {
    this.state.steps.push({ label, done: true });
    this.show();
  }

  agent(event: AgentEvent): void {
    if (event.type === 'turn') {
      this.state.iteration = event.iteration;
      this.show();
    }
    const line = describeEvent(event);
    if (line) {
      this.state.recent = [...this.state.recent, line].slice(-RECENT_STEPS);
      this.show();
    }
  }

  /** Waits for the 👀, then writes the final report into the comment; throws when GitHub refuses it. */
  async finalize(outcome: RunOutcome): Promise<void> {
    await this.reaction;
    const comment = this.comment;
    if (!comment) return;
    await asStep(commentStep(this.options, 'writing its final comment'), () =>
      comment.finalize(this.options.redactor.redact(renderFinalComment(this.options.marker, outcome)))
    );
  }

  private render(): string {
    return this.options.redactor.redact(renderProgressComment(this.options.marker, this.state));
  }

  private show(): void {
    if (this.comment) void this.comment.update(this.render());
  }
}
