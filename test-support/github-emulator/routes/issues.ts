/** Issues, issue comments (PR conversation comments included) and reactions. */
import type { EmulatorContext } from '../context.js';
import type { ApiRequest, Route } from '../http.js';
import {
  checkBodyLength,
  jsonBody,
  notFound,
  paginate,
  positiveInt,
  requiredString,
  validationFailed
} from '../http.js';
import { commentJson, issueJson, labelJson, reactionJson, sameSubject } from '../serialize.js';
import type { ReactionContent, ReactionSubject } from '../types.js';
import { REACTION_CONTENTS } from '../types.js';
import { repoGuard } from './repos.js';

export function issueRoutes(ctx: EmulatorContext): Route[] {
  const issueOf = (req: ApiRequest) => {
    repoGuard(ctx, req);
    const issue = ctx.state.issues.get(positiveInt(req.params.number, 'issue'));
    if (!issue) throw notFound();
    return issue;
  };
  const commentOf = (req: ApiRequest) => {
    repoGuard(ctx, req);
    const comment = ctx.state.comments.get(positiveInt(req.params.id, 'comment'));
    if (!comment) throw notFound();
    return comment;
  };

  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/issues/:number',
      handler: req => ({ status: 200, body: issueJson(ctx, issueOf(req)) })
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/issues/:number/comments',
      handler: req => {
        const issue = issueOf(req);
        const list = ctx.state.commentsOf(issue.number).map(c => commentJson(ctx, c));
        return paginate(req, ctx.apiUrl, list);
      }
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/issues/:number/comments',
      handler: req => {
        const issue = issueOf(req);
        const body = requiredString(jsonBody(req), 'body');
        checkBodyLength(body, 'IssueComment');
        const comment = ctx.state.addComment(issue.number, ctx.tokenLogin, body);
        return {
          status: 201,
          body: commentJson(ctx, comment),
          headers: { location: commentUrl(ctx, comment.id) }
        };
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/issues/comments/:id',
      handler: req => ({ status: 200, body: commentJson(ctx, commentOf(req)) })
    },
    {
      method: 'PATCH',
      pattern: '/repos/:owner/:repo/issues/comments/:id',
      handler: req => {
        const comment = commentOf(req);
        const body = requiredString(jsonBody(req), 'body');
        checkBodyLength(body, 'IssueComment');
        comment.body = body;
        comment.updatedAt = ctx.state.now();
        return { status: 200, body: commentJson(ctx, comment) };
      }
    },
    {
      method: 'DELETE',
      pattern: '/repos/:owner/:repo/issues/comments/:id',
      handler: req => {
        ctx.state.comments.delete(commentOf(req).id);
        return { status: 204 };
      }
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/issues/:number/labels',
      handler: req => {
        const issue = issueOf(req);
        for (const name of labelNames(req.body)) if (!issue.labels.includes(name)) issue.labels.push(name);
        issue.updatedAt = ctx.state.now();
        return { status: 200, body: issue.labels.map(name => labelJson(ctx, name)) };
      }
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/issues/comments/:id/reactions',
      handler: req => react(ctx, req, { type: 'issue_comment', id: commentOf(req).id })
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/pulls/comments/:id/reactions',
      handler: req => {
        repoGuard(ctx, req);
        const comment = ctx.state.reviewComments.get(positiveInt(req.params.id, 'comment'));
        if (!comment) throw notFound();
        return react(ctx, req, { type: 'review_comment', id: comment.id });
      }
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/issues/:number/reactions',
      handler: req => react(ctx, req, { type: 'issue', number: issueOf(req).number })
    }
  ];
}

/**
 * `{"labels": [...]}` or a bare array, as GitHub takes them. A label that does not exist yet is created
 * (as GitHub does); a name that is empty or longer than 50 characters is refused, and nothing is added.
 */
function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : (body as { labels?: unknown } | null)?.labels;
  if (!Array.isArray(list) || list.length === 0 || !list.every(item => typeof item === 'string')) {
    throw validationFailed({ resource: 'Label', field: 'labels', code: 'invalid' });
  }
  for (const name of list as string[]) {
    if (name.trim() === '' || name.length > 50) {
      throw validationFailed({ resource: 'Label', field: 'name', code: 'invalid', value: name });
    }
  }
  return list as string[];
}

function commentUrl(ctx: EmulatorContext, id: number): string {
  return `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/issues/comments/${id}`;
}

/** Adding the same reaction twice returns the existing one with 200, as GitHub does. */
function react(ctx: EmulatorContext, req: ApiRequest, subject: ReactionSubject) {
  const content = requiredString(jsonBody(req), 'content');
  if (!(REACTION_CONTENTS as readonly string[]).includes(content)) {
    throw validationFailed({
      resource: 'Reaction',
      code: 'custom',
      field: 'content',
      message: `${content} is not a valid content`
    });
  }
  const existing = ctx.state.reactions.find(
    r => sameSubject(r.subject, subject) && r.user === ctx.tokenLogin && r.content === content
  );
  if (existing) return { status: 200, body: reactionJson(ctx, existing) };
  const reaction = {
    id: ctx.state.allocateId(),
    subject,
    content: content as ReactionContent,
    user: ctx.tokenLogin,
    createdAt: ctx.state.now()
  };
  ctx.state.reactions.push(reaction);
  return { status: 201, body: reactionJson(ctx, reaction) };
}
