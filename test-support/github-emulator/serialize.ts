/**
 * Records → the JSON GitHub's REST API returns, with GitHub's field names and URL layout, so code tested
 * against the emulator reads the same fields it will read in production.
 */
import type { EmulatorContext } from './context.js';
import { currentHeadSha, repoApiUrl, repoHtmlUrl } from './context.js';
import type {
  CommentRecord,
  IssueRecord,
  PullRecord,
  ReactionRecord,
  ReactionSubject,
  ReviewCommentRecord,
  ReviewRecord
} from './types.js';
import { REACTION_CONTENTS } from './types.js';
import type { DiffFile } from './diff.js';

type Json = Record<string, unknown>;

/** The real id of github-actions[bot], so payloads look like the ones a GITHUB_TOKEN produces. */
const KNOWN_USER_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 };

/** Stable id per login (FNV-1a), so events built separately agree with the emulator's state. */
export function userId(login: string): number {
  const known = KNOWN_USER_IDS[login];
  if (known !== undefined) return known;
  let hash = 0x811c9dc5;
  for (const ch of login) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 100_000 + (hash % 90_000_000);
}

export function nodeId(prefix: string, id: number): string {
  return Buffer.from(`0${prefix.length}:${prefix}${id}`).toString('base64').replace(/=+$/, '');
}

export interface Urls {
  apiUrl: string;
  serverUrl: string;
}

export function userJson(urls: Urls, login: string): Json {
  const id = userId(login);
  const isBot = login.endsWith('[bot]');
  const api = `${urls.apiUrl}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId(isBot ? 'Bot' : 'User', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: isBot
      ? `${urls.serverUrl}/apps/${login.replace(/\[bot\]$/, '')}`
      : `${urls.serverUrl}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: isBot ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false
  };
}

/** Repository JSON; `owner` differs from the context's for the fork side of a fork PR. */
export function repoJson(ctx: EmulatorContext, owner = ctx.owner): Json {
  const isFork = owner !== ctx.owner;
  const name = `${owner}/${ctx.repo}`;
  const id = userId(name) + 7;
  const api = `${ctx.apiUrl}/repos/${name}`;
  return {
    id,
    node_id: nodeId('Repository', id),
    name: ctx.repo,
    full_name: name,
    private: ctx.isPrivate,
    owner: userJson(ctx, owner),
    html_url: `${ctx.serverUrl}/${name}`,
    description: null,
    fork: isFork,
    url: api,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    contents_url: `${api}/contents/{+path}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    clone_url: `${ctx.serverUrl}/${name}.git`,
    git_url: `${ctx.serverUrl.replace(/^https?/, 'git')}/${name}.git`,
    ssh_url: `git@${new URL(ctx.serverUrl).host}:${name}.git`,
    default_branch: ctx.defaultBranch,
    visibility: ctx.isPrivate ? 'private' : 'public',
    archived: false,
    disabled: false,
    has_issues: true,
    allow_forking: true,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    pushed_at: '2024-01-01T00:00:00Z'
  };
}

/** OWNER, COLLABORATOR (write access or more) or NONE, as GitHub labels authors on public repos. */
export function authorAssociation(ctx: EmulatorContext, login: string): string {
  if (login.toLowerCase() === ctx.owner.toLowerCase()) return 'OWNER';
  const role = ctx.state.permissions.get(login);
  if (role === 'admin' || role === 'maintain' || role === 'write') return 'COLLABORATOR';
  return 'NONE';
}

function teamJson(ctx: EmulatorContext, slug: string): Json {
  const id = userId(`team:${slug}`);
  return {
    id,
    node_id: nodeId('Team', id),
    url: `${ctx.apiUrl}/orgs/${ctx.owner}/teams/${slug}`,
    html_url: `${ctx.serverUrl}/orgs/${ctx.owner}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    permission: 'push',
    parent: null
  };
}

export function labelJson(ctx: EmulatorContext, name: string): Json {
  const id = userId(`label:${name}`);
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${repoApiUrl(ctx)}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null
  };
}

export function reactionsSummary(ctx: EmulatorContext, subject: ReactionSubject, url: string): Json {
  const matching = ctx.state.reactions.filter(r => sameSubject(r.subject, subject));
  const summary: Json = { url: `${url}/reactions`, total_count: matching.length };
  for (const content of REACTION_CONTENTS)
    summary[content] = matching.filter(r => r.content === content).length;
  return summary;
}

export function sameSubject(a: ReactionSubject, b: ReactionSubject): boolean {
  if (a.type === 'issue' && b.type === 'issue') return a.number === b.number;
  if (a.type !== 'issue' && b.type !== 'issue') return a.type === b.type && a.id === b.id;
  return false;
}

export function issueJson(ctx: EmulatorContext, issue: IssueRecord): Json {
  const api = `${repoApiUrl(ctx)}/issues/${issue.number}`;
  const pull = ctx.state.pulls.get(issue.number);
  const htmlKind = pull ? 'pull' : 'issues';
  const assignees = issue.assignees.map(login => userJson(ctx, login));
  return {
    url: api,
    repository_url: repoApiUrl(ctx),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoHtmlUrl(ctx)}/${htmlKind}/${issue.number}`,
    id: issue.id,
    node_id: nodeId(pull ? 'PullRequest' : 'Issue', issue.id),
    number: issue.number,
    title: issue.title,
    user: userJson(ctx, issue.user),
    labels: issue.labels.map(name => labelJson(ctx, name)),
    state: issue.state,
    state_reason: issue.state === 'closed' ? 'completed' : null,
    locked: issue.locked,
    active_lock_reason: issue.locked ? 'resolved' : null,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: ctx.state.commentsOf(issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(ctx, issue.user),
    body: issue.body,
    reactions: reactionsSummary(ctx, { type: 'issue', number: issue.number }, api),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    ...(pull
      ? {
          draft: pull.draft,
          pull_request: {
            url: `${repoApiUrl(ctx)}/pulls/${issue.number}`,
            html_url: `${repoHtmlUrl(ctx)}/pull/${issue.number}`,
            diff_url: `${repoHtmlUrl(ctx)}/pull/${issue.number}.diff`,
            patch_url: `${repoHtmlUrl(ctx)}/pull/${issue.number}.patch`,
            merged_at: null
          }
        }
      : {})
  };
}

export function commentJson(ctx: EmulatorContext, comment: CommentRecord): Json {
  const api = `${repoApiUrl(ctx)}/issues/comments/${comment.id}`;
  const kind = ctx.state.pulls.has(comment.issueNumber) ? 'pull' : 'issues';
  return {
    url: api,
    html_url: `${repoHtmlUrl(ctx)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApiUrl(ctx)}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: userJson(ctx, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(ctx, comment.user),
    body: comment.body,
    reactions: reactionsSummary(ctx, { type: 'issue_comment', id: comment.id }, api),
    performed_via_github_app: null
  };
}

export function reactionJson(ctx: EmulatorContext, reaction: ReactionRecord): Json {
  return {
    id: reaction.id,
    node_id: nodeId('Reaction', reaction.id),
    user: userJson(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt
  };
}

async function branchSide(ctx: EmulatorContext, ref: string, sha: string, owner: string): Promise<Json> {
  return { label: `${owner}:${ref}`, ref, sha, user: userJson(ctx, owner), repo: repoJson(ctx, owner) };
}

/**
 * Pull request JSON. `detailed` adds the fields only the single-PR endpoint returns (mergeable, counts),
 * as `GET /pulls` omits them on GitHub.
 */
export async function pullJson(ctx: EmulatorContext, pull: PullRecord, detailed: boolean): Promise<Json> {
  const issue = ctx.state.issues.get(pull.number);
  if (!issue) throw new Error(`PR #${pull.number} has no issue record`);
  const headSha = await currentHeadSha(ctx, pull);
  const baseSha = (await ctx.git.branchSha(pull.baseRef)) ?? '';
  const api = `${repoApiUrl(ctx)}/pulls/${pull.number}`;
  const html = `${repoHtmlUrl(ctx)}/pull/${pull.number}`;
  const assignees = issue.assignees.map(login => userJson(ctx, login));
  const json: Json = {
    url: api,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${repoApiUrl(ctx)}/issues/${pull.number}`,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApiUrl(ctx)}/pulls/comments{/number}`,
    comments_url: `${repoApiUrl(ctx)}/issues/${pull.number}/comments`,
    statuses_url: `${repoApiUrl(ctx)}/statuses/${headSha}`,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: userJson(ctx, issue.user),
    body: issue.body,
    labels: issue.labels.map(name => labelJson(ctx, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: pull.requestedReviewers.map(login => userJson(ctx, login)),
    requested_teams: pull.requestedTeams.map(slug => teamJson(ctx, slug)),
    head: await branchSide(ctx, pull.headRef, headSha, pull.headOwner),
    base: await branchSide(ctx, pull.baseRef, baseSha, ctx.owner),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: `${repoApiUrl(ctx)}/issues/${pull.number}` },
      comments: { href: `${repoApiUrl(ctx)}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/comments` },
      commits: { href: `${api}/commits` }
    },
    author_association: authorAssociation(ctx, issue.user),
    auto_merge: null,
    draft: pull.draft
  };
  if (!detailed) return json;
  const commits = baseSha ? await ctx.git.commitsBetween(baseSha, headSha) : [];
  return {
    ...json,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: ctx.state.commentsOf(pull.number).length,
    review_comments: ctx.state.reviewCommentsOf({ pullNumber: pull.number }).length,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: commits.length
  };
}

/** A changed file as `/pulls/{n}/files` and `/compare/{basehead}` list it. */
export function diffFileJson(ctx: EmulatorContext, file: DiffFile, head: string): Json {
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${head}/${file.filename}`,
    raw_url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/raw/${head}/${file.filename}`,
    contents_url: `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/contents/${file.filename}?ref=${head}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.previousFilename !== undefined ? { previous_filename: file.previousFilename } : {})
  };
}

const REVIEW_STATE_JSON: Record<ReviewRecord['state'], string> = {
  PENDING: 'PENDING',
  COMMENTED: 'COMMENTED',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  APPROVED: 'APPROVED'
};

export function reviewJson(ctx: EmulatorContext, review: ReviewRecord): Json {
  const html = `${repoHtmlUrl(ctx)}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PullRequestReview', review.id),
    user: userJson(ctx, review.user),
    body: review.body,
    state: REVIEW_STATE_JSON[review.state],
    html_url: html,
    pull_request_url: `${repoApiUrl(ctx)}/pulls/${review.pullNumber}`,
    author_association: authorAssociation(ctx, review.user),
    _links: {
      html: { href: html },
      pull_request: { href: `${repoApiUrl(ctx)}/pulls/${review.pullNumber}` }
    },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId
  };
}

export function reviewCommentJson(ctx: EmulatorContext, comment: ReviewCommentRecord): Json {
  const api = `${repoApiUrl(ctx)}/pulls/comments/${comment.id}`;
  const html = `${repoHtmlUrl(ctx)}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  return {
    url: api,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: nodeId('PullRequestReviewComment', comment.id),
    diff_hunk: comment.diffHunk,
    path: comment.path,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: userJson(ctx, comment.user),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: `${repoApiUrl(ctx)}/pulls/${comment.pullNumber}`,
    author_association: authorAssociation(ctx, comment.user),
    _links: {
      self: { href: api },
      html: { href: html },
      pull_request: { href: `${repoApiUrl(ctx)}/pulls/${comment.pullNumber}` }
    },
    reactions: reactionsSummary(ctx, { type: 'review_comment', id: comment.id }, api),
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startSide,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: 'line',
    ...(comment.inReplyToId !== undefined ? { in_reply_to_id: comment.inReplyToId } : {})
  };
}
