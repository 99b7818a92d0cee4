/** Pull requests: create (with GitHub's validations), list with its `head` filter, get (JSON or diff), update, files. */
import type { EmulatorContext } from '../context.js';
import { currentHeadSha, fullName } from '../context.js';
import type { ParsedDiff } from '../pull-diff.js';
import { pullDiff } from '../pull-diff.js';
import type { ApiRequest, Route } from '../http.js';
import {
  checkBodyLength,
  headerValue,
  jsonBody,
  notFound,
  optionalString,
  paginate,
  positiveInt,
  requiredString,
  unprocessable,
  validationFailed
} from '../http.js';
import { diffFileJson, pullJson } from '../serialize.js';
import type { PullRecord } from '../types.js';
import { repoGuard } from './repos.js';

export interface OpenPullInput {
  head: string;
  base: string;
  title: string;
  body: string | null;
  user: string;
  draft?: boolean;
  fromFork?: boolean;
  /** Owner of the head repository; defaults to the repository owner, or `<user>` for fork PRs. */
  headOwner?: string;
  maintainerCanModify?: boolean;
}

/** Opens a PR after the checks GitHub makes; shared by the API route and test seeding. */
export async function openPullRequest(ctx: EmulatorContext, input: OpenPullInput): Promise<PullRecord> {
  const [ownerPart, branchPart] = input.head.includes(':')
    ? input.head.split(/:(.*)/s)
    : [undefined, input.head];
  const headRef = branchPart ?? input.head;
  const fromFork = input.fromFork ?? false;
  const headOwner = input.headOwner ?? ownerPart ?? (fromFork ? input.user : ctx.owner);
  if (!fromFork && headOwner.toLowerCase() !== ctx.owner.toLowerCase()) {
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  const headSha = await ctx.git.branchSha(headRef);
  if (!headSha) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  const baseSha = await ctx.git.branchSha(input.base);
  if (!baseSha) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  const duplicate = [...ctx.state.pulls.values()].find(
    p =>
      p.headRef === headRef &&
      p.headOwner.toLowerCase() === headOwner.toLowerCase() &&
      ctx.state.issues.get(p.number)?.state === 'open'
  );
  if (duplicate) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `A pull request already exists for ${headOwner}:${headRef}.`
    });
  }
  if ((await ctx.git.commitsBetween(baseSha, headSha)).length === 0) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `No commits between ${input.base} and ${headRef}`
    });
  }
  const issue = ctx.state.addIssue({
    title: input.title,
    body: input.body,
    user: input.user,
    state: 'open',
    locked: false,
    labels: [],
    assignees: []
  });
  const pull: PullRecord = {
    number: issue.number,
    id: ctx.state.allocateId(),
    headRef,
    headSha,
    baseRef: input.base,
    fromFork,
    headOwner,
    draft: input.draft ?? false,
    maintainerCanModify: input.maintainerCanModify ?? !fromFork,
    requestedReviewers: [],
    requestedTeams: []
  };
  ctx.state.pulls.set(pull.number, pull);
  await ctx.git.updateRef(`refs/pull/${pull.number}/head`, headSha);
  return pull;
}

export function pullOf(ctx: EmulatorContext, req: ApiRequest): PullRecord {
  repoGuard(ctx, req);
  const pull = ctx.state.pulls.get(positiveInt(req.params.number, 'pull request'));
  if (!pull) throw notFound();
  return pull;
}

/** The diff a PR shows: from the merge base of its base branch to its current head. */
export async function diffOfPull(
  ctx: EmulatorContext,
  pull: PullRecord,
  commitId?: string
): Promise<ParsedDiff> {
  const head = commitId ?? (await currentHeadSha(ctx, pull));
  const base = (await ctx.git.branchSha(pull.baseRef)) ?? pull.baseRef;
  return pullDiff(ctx.git, base, head);
}

export function pullRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/pulls',
      handler: async req => {
        repoGuard(ctx, req);
        const body = jsonBody(req);
        const prBody = optionalString(body, 'body') ?? null;
        checkBodyLength(prBody ?? undefined, 'PullRequest');
        const pull = await openPullRequest(ctx, {
          head: requiredString(body, 'head'),
          base: requiredString(body, 'base'),
          title: requiredString(body, 'title'),
          body: prBody,
          user: ctx.tokenLogin,
          draft: body.draft === true,
          maintainerCanModify: body.maintainer_can_modify !== false
        });
        return { status: 201, body: await pullJson(ctx, pull, true) };
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls',
      handler: async req => {
        repoGuard(ctx, req);
        const state = req.query.get('state') ?? 'open';
        const head = req.query.get('head');
        const base = req.query.get('base');
        // GitHub only filters by head when it has the `owner:` prefix; a bare branch name is ignored.
        const headFilter = head && head.includes(':') ? head.split(/:(.*)/s) : null;
        const matching = [...ctx.state.pulls.values()]
          .filter(p => state === 'all' || ctx.state.issues.get(p.number)?.state === state)
          .filter(
            p =>
              !headFilter ||
              (p.headOwner.toLowerCase() === (headFilter[0] ?? '').toLowerCase() &&
                p.headRef === headFilter[1])
          )
          .filter(p => !base || p.baseRef === base)
          .sort((a, b) => (req.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
        const list = await Promise.all(matching.map(p => pullJson(ctx, p, false)));
        return paginate(req, ctx.apiUrl, list);
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number',
      handler: async req => {
        const pull = pullOf(ctx, req);
        const format = mediaFormat(headerValue(req.headers, 'accept'));
        if (format === 'diff') {
          return { status: 200, body: (await diffOfPull(ctx, pull)).text, headers: textType('diff') };
        }
        if (format === 'patch') {
          const head = await currentHeadSha(ctx, pull);
          const base = (await ctx.git.branchSha(pull.baseRef)) ?? pull.baseRef;
          return { status: 200, body: await ctx.git.formatPatch(base, head), headers: textType('patch') };
        }
        return { status: 200, body: await pullJson(ctx, pull, true) };
      }
    },
    {
      method: 'PATCH',
      pattern: '/repos/:owner/:repo/pulls/:number',
      handler: async req => {
        const pull = pullOf(ctx, req);
        const issue = ctx.state.issues.get(pull.number);
        if (!issue) throw notFound();
        const body = jsonBody(req);
        const title = optionalString(body, 'title');
        const text = optionalString(body, 'body');
        const state = optionalString(body, 'state');
        const base = optionalString(body, 'base');
        checkBodyLength(text, 'PullRequest');
        if (state !== undefined && state !== 'open' && state !== 'closed') {
          throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
        }
        if (base !== undefined && !(await ctx.git.branchSha(base))) {
          throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
        }
        if (title !== undefined) issue.title = title;
        if (text !== undefined) issue.body = text;
        if (base !== undefined) pull.baseRef = base;
        if (state !== undefined && state !== issue.state) {
          issue.state = state;
          issue.closedAt = state === 'closed' ? ctx.state.now() : null;
        }
        issue.updatedAt = ctx.state.now();
        return { status: 200, body: await pullJson(ctx, pull, true) };
      }
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/pulls/:number/requested_reviewers',
      handler: async req => {
        const pull = pullOf(ctx, req);
        requestReviews(ctx, pull, jsonBody(req));
        return { status: 201, body: await pullJson(ctx, pull, false) };
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number/files',
      handler: async req => {
        const pull = pullOf(ctx, req);
        const diff = await diffOfPull(ctx, pull);
        const head = await currentHeadSha(ctx, pull);
        const files = diff.files.map(file => diffFileJson(ctx, file, head));
        return paginate(req, ctx.apiUrl, files);
      }
    }
  ];
}

function stringList(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(v => typeof v === 'string')) {
    throw validationFailed({ resource: 'PullRequest', field, code: 'invalid' });
  }
  return value as string[];
}

/**
 * Review requests as GitHub checks them: only collaborators (users with a role on the repository, or
 * teams with access to it), never the PR's author, and nothing is stored when any name is refused.
 */
function requestReviews(ctx: EmulatorContext, pull: PullRecord, body: Record<string, unknown>): void {
  const reviewers = stringList(body, 'reviewers');
  const teams = stringList(body, 'team_reviewers');
  if (reviewers.length === 0 && teams.length === 0) {
    throw validationFailed({ resource: 'PullRequest', field: 'reviewers', code: 'missing_field' });
  }
  const author = ctx.state.issues.get(pull.number)?.user ?? '';
  if (reviewers.some(login => login.toLowerCase() === author.toLowerCase())) {
    throw unprocessable('Review cannot be requested from pull request author.');
  }
  const collaborator = (login: string) => {
    const role = ctx.state.permissions.get(login);
    return role !== undefined && role !== 'none';
  };
  if (!reviewers.every(collaborator) || !teams.every(slug => ctx.teams.includes(slug))) {
    throw unprocessable(
      `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${fullName(ctx)} repository.`
    );
  }
  for (const login of reviewers)
    if (!pull.requestedReviewers.includes(login)) pull.requestedReviewers.push(login);
  for (const slug of teams) if (!pull.requestedTeams.includes(slug)) pull.requestedTeams.push(slug);
}

/** `application/vnd.github.v3.diff`, `application/vnd.github.diff` → diff; likewise patch. */
function mediaFormat(accept: string): 'json' | 'diff' | 'patch' {
  if (/application\/vnd\.github(?:\.v3)?\.diff/.test(accept)) return 'diff';
  if (/application\/vnd\.github(?:\.v3)?\.patch/.test(accept)) return 'patch';
  return 'json';
}

function textType(kind: 'diff' | 'patch'): Record<string, string> {
  return { 'content-type': `text/plain; charset=utf-8`, 'x-github-media-type': `github.v3; format=${kind}` };
}
