/**
 * startGitHubEmulator: one node:http server on 127.0.0.1 that answers GitHub's REST API at its root (what
 * GITHUB_API_URL points to) and git smart HTTP under /{owner}/{repo}.git (what GITHUB_SERVER_URL serves).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorContext } from './context.js';
import { FaultInjector, faultResponse } from './faults.js';
import { BareRepo, isolatedGitEnv } from './git.js';
import type { ApiRequest, ApiResponse, Route } from './http.js';
import { HttpError, headerValue, matchRoute } from './http.js';
import { compareRoutes } from './routes/compare.js';
import { startLogStorage, type LogStorage } from './log-storage.js';
import {
  actionRoutes,
  rerunWorkflowRun,
  seedWorkflowRun,
  storedLog,
  workflowJson,
  workflowRunJson,
  type SeedJob,
  type SeedWorkflowRun
} from './routes/actions.js';
import { commitRoutes } from './routes/commits.js';
import { issueRoutes } from './routes/issues.js';
import { openPullRequest, pullRoutes } from './routes/pulls.js';
import { repoRoutes } from './routes/repos.js';
import { reviewRoutes, submitReview } from './routes/reviews.js';
import {
  commentJson,
  issueJson,
  pullJson,
  repoJson,
  reviewCommentJson,
  reviewJson,
  userJson
} from './serialize.js';
import { carriesToken, gitPathRest, serveGit } from './smart-http.js';
import { EmulatorState } from './state.js';
import type { EmulatorOptions, FaultSpec, RecordedRequest, RepoRole, Side } from './types.js';

type Json = Record<string, unknown>;

export interface SeedIssue {
  title: string;
  body?: string | null;
  user: string;
  state?: 'open' | 'closed';
  locked?: boolean;
  labels?: string[];
  assignees?: string[];
}

export interface SeedPullRequest {
  /** Branch in the bare repository (`owner:branch` accepted). */
  head: string;
  /** Default: the default branch. */
  base?: string;
  title: string;
  body?: string | null;
  user: string;
  draft?: boolean;
  /** Marks the PR as coming from `<forkOwner>/<repo>` (head.repo.fork true); default fork owner: `user`. */
  fromFork?: boolean;
  forkOwner?: string;
}

export interface SeedReviewComment {
  pullNumber: number;
  path: string;
  line: number;
  side?: Side;
  body: string;
  user: string;
}

/** Compact, synchronous view of a PR for assertions (`getPull` returns the full REST JSON). */
export interface PullSnapshot {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  user: string;
  html_url: string;
  head: { ref: string; sha: string; label: string; fork: boolean };
  base: { ref: string };
  labels: string[];
  requested_reviewers: string[];
  requested_teams: string[];
}

export interface EmulatorStateView {
  readonly issues: Json[];
  /** Every issue comment, oldest first. */
  readonly comments: Json[];
  commentsOn(issueNumber: number): Json[];
  readonly pulls: PullSnapshot[];
  /** Reviews with their inline comments attached as `comments`. */
  readonly reviews: Array<Json & { comments: Json[] }>;
  readonly reactions: Array<{
    content: string;
    user: string;
    subject: { type: string; id?: number; number?: number };
  }>;
  readonly requests: RecordedRequest[];
  /** Requests no route answered: a test should normally see none. */
  readonly unhandled: RecordedRequest[];
  /** Workflow runs, as `GET /actions/runs/{id}` returns them. */
  readonly workflowRuns: Json[];
}

export interface GitHubEmulator {
  /** GITHUB_API_URL: routes sit at the root (no /api/v3). */
  readonly apiUrl: string;
  /** GITHUB_SERVER_URL: same origin. */
  readonly serverUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly bareRepoPath: string;
  /** The login the token acts as (author of API-made comments, PRs, reviews). */
  readonly tokenLogin: string;
  /** Clone URL, as `${serverUrl}/${owner}/${repo}.git`. */
  gitUrl(owner?: string, repo?: string): string;
  readonly state: EmulatorStateView;
  failNext(fault: FaultSpec): void;
  clearFaults(): void;
  /** Injected failures not yet consumed. */
  pendingFaults(): number;
  /** Simulates someone deleting a comment while the action runs. */
  deleteComment(id: number): void;
  setPermission(login: string, role: RepoRole): void;
  createIssue(issue: SeedIssue): Json;
  createComment(comment: { issueNumber: number; body: string; user: string }): Json;
  createPullRequest(pull: SeedPullRequest): Promise<Json>;
  /** A submitted COMMENT review by `user` with one inline comment; returns that comment's JSON. */
  createReviewComment(comment: SeedReviewComment): Promise<Json>;
  addLabel(issueNumber: number, label: string): Json;
  addAssignee(issueNumber: number, login: string): Json;
  getIssue(issueNumber: number): Json;
  /** The repository as `GET /repos/{owner}/{repo}` returns it (without recording a request). */
  repository(): Json;
  /** A user object as GitHub embeds it in issues, comments and payloads. */
  user(login: string): Json;
  getPull(pullNumber: number): Promise<Json>;
  /** Records a finished workflow run with its jobs and logs; returns the run's JSON. */
  createWorkflowRun(run: SeedWorkflowRun): Promise<Json>;
  /** The next attempt of a run ("Re-run jobs"), with new jobs; returns the run's JSON. */
  rerunWorkflowRun(
    runId: number,
    rerun: { conclusion: SeedWorkflowRun['conclusion']; jobs: SeedJob[]; triggeringActor?: string }
  ): Json;
  /** The run's JSON and its workflow's, as a `workflow_run` payload embeds them. */
  workflowRun(runId: number): { run: Json; workflow: Json };
  /** Where job logs are stored: another origin, which records every request it gets. */
  readonly logStorage: Pick<LogStorage, 'url' | 'requests'>;
  close(): Promise<void>;
}

export async function startGitHubEmulator(options: EmulatorOptions): Promise<GitHubEmulator> {
  const clock = options.now ?? (() => new Date());
  const state = new EmulatorState(clock);
  const gitHome = mkdtempSync(join(tmpdir(), 'gh-emulator-home-'));
  const gitEnv = isolatedGitEnv(gitHome);
  const isPrivate = options.private ?? false;
  const defaultRole = options.defaultPermission ?? (isPrivate ? 'none' : 'read');
  state.permissions.set(options.owner, 'admin');
  for (const [login, role] of Object.entries(options.permissions ?? {})) state.permissions.set(login, role);

  const ctx: EmulatorContext = {
    owner: options.owner,
    repo: options.repo,
    defaultBranch: options.defaultBranch ?? 'main',
    isPrivate,
    tokenLogin: options.tokenLogin ?? 'github-actions[bot]',
    apiUrl: '',
    serverUrl: '',
    state,
    git: new BareRepo(options.bareRepoPath, gitEnv),
    roleOf: login => state.permissions.get(login) ?? (defaultRole === 'not-found' ? null : defaultRole),
    teams: options.teams ?? []
  };
  const storage = await startLogStorage(jobId => storedLog(ctx, jobId));
  const routes: Route[] = [
    ...repoRoutes(ctx),
    ...issueRoutes(ctx),
    ...pullRoutes(ctx),
    ...reviewRoutes(ctx),
    ...compareRoutes(ctx),
    ...actionRoutes(ctx, storage),
    ...commitRoutes(ctx)
  ];
  const faults = new FaultInjector();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Reaching here is an emulator bug; answer 500 so the test fails loudly rather than hangs.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `emulator error: ${String(error)}` }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', ctx.apiUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const receivedAt = Date.now();
    const raw = await readBody(req);
    const record: RecordedRequest = {
      receivedAt,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      body: undefined,
      status: 0
    };
    state.requests.push(record);

    const gitRest = gitPathRest(ctx, url.pathname);
    if (gitRest !== null) {
      record.status = await serveGit(
        ctx,
        { token: options.token, env: gitEnv },
        req,
        res,
        gitRest,
        url.searchParams,
        raw
      );
      return;
    }

    record.body = parseBody(raw, headerValue(req.headers, 'content-type'));
    const response = await answer(method, url, req, record);
    record.status = response.status;
    send(res, response);
  }

  async function answer(
    method: string,
    url: URL,
    req: IncomingMessage,
    record: RecordedRequest
  ): Promise<ApiResponse> {
    if (!carriesToken(headerValue(req.headers, 'authorization'), options.token)) {
      return new HttpError(401, 'Bad credentials').toResponse();
    }
    const fault = faults.take(method, url.pathname, record.body);
    if (fault) record.injected = true;
    if (fault && !fault.afterEffect) return faultResponse(fault);

    const match = matchRoute(routes, method, url.pathname);
    if (!match) {
      record.unhandled = true;
      return {
        status: 404,
        body: {
          message: `Not Found (emulator: ${method} ${url.pathname} not implemented)`,
          documentation_url: ''
        }
      };
    }
    const apiRequest: ApiRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: record.body,
      params: match.params
    };
    let response: ApiResponse;
    try {
      response = await match.route.handler(apiRequest);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = error.toResponse();
    }
    return fault ? faultResponse(fault) : response;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.apiUrl = `http://127.0.0.1:${port}`;
  ctx.serverUrl = ctx.apiUrl;

  const issueOrThrow = (n: number) => {
    const issue = state.issues.get(n);
    if (!issue) throw new Error(`the emulator has no issue or PR #${n}; create it first`);
    return issue;
  };
  const seeded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof HttpError) {
        throw new Error(
          `seeding rejected like GitHub would: ${error.status} ${JSON.stringify(error.toResponse().body)}`,
          { cause: error }
        );
      }
      throw error;
    }
  };

  const view: EmulatorStateView = {
    get issues() {
      return [...state.issues.values()].map(i => issueJson(ctx, i));
    },
    get comments() {
      return [...state.comments.values()].sort((a, b) => a.id - b.id).map(c => commentJson(ctx, c));
    },
    commentsOn: n => state.commentsOf(n).map(c => commentJson(ctx, c)),
    get pulls() {
      return [...state.pulls.values()].map(p => {
        const issue = issueOrThrow(p.number);
        return {
          number: p.number,
          title: issue.title,
          body: issue.body,
          state: issue.state,
          draft: p.draft,
          user: issue.user,
          html_url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/pull/${p.number}`,
          head: { ref: p.headRef, sha: p.headSha, label: `${p.headOwner}:${p.headRef}`, fork: p.fromFork },
          base: { ref: p.baseRef },
          labels: [...issue.labels],
          requested_reviewers: [...p.requestedReviewers],
          requested_teams: [...p.requestedTeams]
        };
      });
    },
    get reviews() {
      return [...state.reviews.values()]
        .sort((a, b) => a.id - b.id)
        .map(r => ({
          ...reviewJson(ctx, r),
          comments: state.reviewCommentsOf({ reviewId: r.id }).map(c => reviewCommentJson(ctx, c))
        }));
    },
    get reactions() {
      return state.reactions.map(r => ({ content: r.content, user: r.user, subject: { ...r.subject } }));
    },
    get requests() {
      return state.requests;
    },
    get unhandled() {
      return state.requests.filter(r => r.unhandled);
    },
    get workflowRuns() {
      return [...state.workflowRuns.values()].map(r => workflowRunJson(ctx, r));
    }
  };
  const runOrThrow = (id: number) => {
    const run = state.workflowRuns.get(id);
    if (!run) throw new Error(`the emulator has no workflow run ${id}`);
    return run;
  };

  return {
    apiUrl: ctx.apiUrl,
    serverUrl: ctx.serverUrl,
    owner: ctx.owner,
    repo: ctx.repo,
    token: options.token,
    bareRepoPath: options.bareRepoPath,
    tokenLogin: ctx.tokenLogin,
    gitUrl: (owner = ctx.owner, repo = ctx.repo) => `${ctx.serverUrl}/${owner}/${repo}.git`,
    state: view,
    failNext: fault => faults.add(fault),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    deleteComment: id => {
      if (!state.comments.delete(id)) throw new Error(`the emulator has no issue comment ${id}`);
    },
    setPermission: (login, role) => {
      state.permissions.set(login, role);
    },
    createIssue: issue =>
      issueJson(
        ctx,
        state.addIssue({
          title: issue.title,
          body: issue.body ?? null,
          user: issue.user,
          state: issue.state ?? 'open',
          locked: issue.locked ?? false,
          labels: issue.labels ?? [],
          assignees: issue.assignees ?? []
        })
      ),
    createComment: ({ issueNumber, body, user }) =>
      commentJson(ctx, state.addComment(issueOrThrow(issueNumber).number, user, body)),
    createPullRequest: pull =>
      seeded(async () => {
        const record = await openPullRequest(ctx, {
          head: pull.head,
          base: pull.base ?? ctx.defaultBranch,
          title: pull.title,
          body: pull.body ?? null,
          user: pull.user,
          draft: pull.draft,
          fromFork: pull.fromFork,
          headOwner: pull.fromFork ? (pull.forkOwner ?? pull.user) : undefined
        });
        return pullJson(ctx, record, true);
      }),
    createReviewComment: comment =>
      seeded(async () => {
        const pull = state.pulls.get(comment.pullNumber);
        if (!pull) throw new Error(`the emulator has no PR #${comment.pullNumber}; create it first`);
        const review = await submitReview(ctx, pull, comment.user, {
          event: 'COMMENT',
          body: '',
          comments: [
            { path: comment.path, line: comment.line, side: comment.side ?? 'RIGHT', body: comment.body }
          ]
        });
        const [created] = state.reviewCommentsOf({ reviewId: review.id });
        if (!created) throw new Error('review comment was not stored');
        return reviewCommentJson(ctx, created);
      }),
    addLabel: (n, label) => {
      const issue = issueOrThrow(n);
      if (!issue.labels.includes(label)) issue.labels.push(label);
      return issueJson(ctx, issue);
    },
    addAssignee: (n, login) => {
      const issue = issueOrThrow(n);
      if (!issue.assignees.includes(login)) issue.assignees.push(login);
      return issueJson(ctx, issue);
    },
    getIssue: n => issueJson(ctx, issueOrThrow(n)),
    user: login => userJson(ctx, login),
    repository: () => repoJson(ctx),
    getPull: async n => {
      const pull = state.pulls.get(n);
      if (!pull) throw new Error(`the emulator has no PR #${n}`);
      return pullJson(ctx, pull, true);
    },
    createWorkflowRun: async run => workflowRunJson(ctx, await seedWorkflowRun(ctx, run)),
    rerunWorkflowRun: (runId, rerun) => workflowRunJson(ctx, rerunWorkflowRun(ctx, runId, rerun)),
    workflowRun: runId => {
      const run = runOrThrow(runId);
      return { run: workflowRunJson(ctx, run), workflow: workflowJson(ctx, run) };
    },
    logStorage: storage,
    close: async () => {
      await storage.close();
      await new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(gitHome, { recursive: true, force: true });
          resolve();
        });
      });
    }
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(req.headers)) headers[name] = headerValue(req.headers, name);
  return headers;
}

let requestCounter = 0;

function send(res: ServerResponse, response: ApiResponse): void {
  const isText = typeof response.body === 'string';
  const payload =
    response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `EMU:${(++requestCounter).toString(16).toUpperCase()}`,
    // Plenty of quota left, so Octokit's throttling treats a 403 as a secondary limit, not a primary one.
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
    ...(response.headers ?? {})
  });
  res.end(payload);
}
