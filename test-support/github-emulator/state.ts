/**
 * The emulator's memory: issues (PRs included), comments, pulls, reviews, reactions and permissions.
 * Ids come from one counter, so an issue comment id is never also a review comment id (as on GitHub).
 */
import { toGitHubDate } from './git.js';
import type {
  CommentRecord,
  IssueRecord,
  JobRecord,
  PullRecord,
  ReactionRecord,
  RecordedRequest,
  RepoRole,
  ReviewCommentRecord,
  ReviewRecord,
  WorkflowRunRecord
} from './types.js';

export class EmulatorState {
  readonly issues = new Map<number, IssueRecord>();
  readonly comments = new Map<number, CommentRecord>();
  readonly pulls = new Map<number, PullRecord>();
  readonly reviews = new Map<number, ReviewRecord>();
  readonly reviewComments = new Map<number, ReviewCommentRecord>();
  readonly reactions: ReactionRecord[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly permissions = new Map<string, RepoRole>();
  readonly workflowRuns = new Map<number, WorkflowRunRecord>();
  readonly jobs = new Map<number, JobRecord>();

  private nextNumber = 1;
  private nextId = 1_000_001;

  constructor(private readonly clock: () => Date) {}

  now(): string {
    return toGitHubDate(this.clock());
  }

  allocateNumber(): number {
    return this.nextNumber++;
  }

  allocateId(): number {
    return this.nextId++;
  }

  addIssue(fields: Omit<IssueRecord, 'number' | 'id' | 'createdAt' | 'updatedAt' | 'closedAt'>): IssueRecord {
    const now = this.now();
    const issue: IssueRecord = {
      ...fields,
      number: this.allocateNumber(),
      id: this.allocateId(),
      createdAt: now,
      updatedAt: now,
      closedAt: fields.state === 'closed' ? now : null
    };
    this.issues.set(issue.number, issue);
    return issue;
  }

  addComment(issueNumber: number, user: string, body: string): CommentRecord {
    const now = this.now();
    const comment: CommentRecord = {
      id: this.allocateId(),
      issueNumber,
      user,
      body,
      createdAt: now,
      updatedAt: now
    };
    this.comments.set(comment.id, comment);
    const issue = this.issues.get(issueNumber);
    if (issue) issue.updatedAt = now;
    return comment;
  }

  commentsOf(issueNumber: number): CommentRecord[] {
    return [...this.comments.values()].filter(c => c.issueNumber === issueNumber).sort((a, b) => a.id - b.id);
  }

  reviewsOf(pullNumber: number): ReviewRecord[] {
    return [...this.reviews.values()].filter(r => r.pullNumber === pullNumber).sort((a, b) => a.id - b.id);
  }

  reviewCommentsOf(filter: { pullNumber?: number; reviewId?: number }): ReviewCommentRecord[] {
    return [...this.reviewComments.values()]
      .filter(c => filter.pullNumber === undefined || c.pullNumber === filter.pullNumber)
      .filter(c => filter.reviewId === undefined || c.reviewId === filter.reviewId)
      .sort((a, b) => a.id - b.id);
  }
}
