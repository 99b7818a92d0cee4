/**
 * Repository-level routes: the repository, collaborator permissions, contents, refs and branches, and
 * the identity endpoints an installation token cannot use.
 */
import type { EmulatorContext } from '../context.js';
import { isThisRepo, repoApiUrl, repoHtmlUrl } from '../context.js';
import type { ApiRequest, Route } from '../http.js';
import { HttpError, notFound } from '../http.js';
import { nodeId, repoJson, userJson } from '../serialize.js';
import type { RepoRole } from '../types.js';

/** The legacy `permission` field folds maintain into write and triage into read; `role_name` keeps them. */
const LEGACY_PERMISSION: Record<RepoRole, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
};

const ROLE_RANK: RepoRole[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];

export function repoGuard(ctx: EmulatorContext, req: ApiRequest): void {
  if (!isThisRepo(ctx, req.params.owner, req.params.repo)) throw notFound();
}

export function repoRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo',
      handler: req => {
        repoGuard(ctx, req);
        return { status: 200, body: repoJson(ctx) };
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/collaborators/:username/permission',
      handler: req => {
        repoGuard(ctx, req);
        const login = req.params.username ?? '';
        const role = ctx.roleOf(login);
        if (role === null) throw new HttpError(404, `${login} is not a user`);
        const rank = ROLE_RANK.indexOf(role);
        const user = {
          ...userJson(ctx, login),
          permissions: {
            admin: rank >= ROLE_RANK.indexOf('admin'),
            maintain: rank >= ROLE_RANK.indexOf('maintain'),
            push: rank >= ROLE_RANK.indexOf('write'),
            triage: rank >= ROLE_RANK.indexOf('triage'),
            pull: rank >= ROLE_RANK.indexOf('read')
          },
          role_name: role
        };
        return { status: 200, body: { permission: LEGACY_PERMISSION[role], role_name: role, user } };
      }
    },
    {
      // An installation token (GITHUB_TOKEN) is not a user.
      method: 'GET',
      pattern: '/user',
      handler: () => {
        throw new HttpError(403, 'Resource not accessible by integration');
      }
    },
    {
      // Only a JWT signed by the app's key may call /app; a token gets 401.
      method: 'GET',
      pattern: '/app',
      handler: () => {
        throw new HttpError(401, 'A JSON web token could not be decoded');
      }
    },
    { method: 'GET', pattern: '/repos/:owner/:repo/contents', handler: req => contents(ctx, req, '') },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/contents/*',
      handler: req => contents(ctx, req, req.params['*'] ?? '')
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/git/ref/heads/*',
      handler: async req => {
        repoGuard(ctx, req);
        const branch = req.params['*'] ?? '';
        const sha = await ctx.git.branchSha(branch);
        if (!sha) throw notFound();
        return { status: 200, body: refJson(ctx, `refs/heads/${branch}`, sha) };
      }
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/branches/*',
      handler: async req => {
        repoGuard(ctx, req);
        const branch = req.params['*'] ?? '';
        const sha = await ctx.git.branchSha(branch);
        if (!sha) throw new HttpError(404, 'Branch not found');
        return { status: 200, body: await branchJson(ctx, branch, sha) };
      }
    }
  ];
}

function refJson(ctx: EmulatorContext, ref: string, sha: string): Record<string, unknown> {
  return {
    ref,
    node_id: nodeId('Ref', sha.length),
    url: `${repoApiUrl(ctx)}/git/${ref}`,
    object: { sha, type: 'commit', url: `${repoApiUrl(ctx)}/git/commits/${sha}` }
  };
}

async function branchJson(
  ctx: EmulatorContext,
  branch: string,
  sha: string
): Promise<Record<string, unknown>> {
  const info = await ctx.git.commitInfo(sha);
  return {
    name: branch,
    commit: {
      sha,
      node_id: nodeId('Commit', parseInt(sha.slice(0, 8), 16)),
      commit: {
        author: { name: info.authorName, email: info.authorEmail, date: info.authorDate },
        committer: { name: info.committerName, email: info.committerEmail, date: info.committerDate },
        message: info.message,
        tree: { sha: info.tree, url: `${repoApiUrl(ctx)}/git/trees/${info.tree}` },
        url: `${repoApiUrl(ctx)}/git/commits/${sha}`
      },
      url: `${repoApiUrl(ctx)}/commits/${sha}`,
      html_url: `${repoHtmlUrl(ctx)}/commit/${sha}`,
      parents: info.parents.map(parent => ({ sha: parent, url: `${repoApiUrl(ctx)}/commits/${parent}` }))
    },
    _links: { self: `${repoApiUrl(ctx)}/branches/${branch}`, html: `${repoHtmlUrl(ctx)}/tree/${branch}` },
    protected: false
  };
}

/** GitHub wraps base64 content at 60 characters per line. */
function wrapBase64(data: Buffer): string {
  const encoded = data.toString('base64');
  return (encoded.match(/.{1,60}/g) ?? []).map(line => `${line}\n`).join('');
}

async function contents(ctx: EmulatorContext, req: ApiRequest, rawPath: string) {
  repoGuard(ctx, req);
  const path = rawPath.replace(/^\/+|\/+$/g, '');
  const ref = req.query.get('ref') || ctx.defaultBranch;
  const commit = await ctx.git.resolveCommit(ref.replace(/^refs\/heads\//, ''));
  if (!commit) throw new HttpError(404, `No commit found for the ref ${ref}`);
  const object = await ctx.git.objectType(commit, path);
  if (!object) throw notFound();
  const entryJson = (entryPath: string, type: string, sha: string, size: number) => {
    const api = `${repoApiUrl(ctx)}/contents/${entryPath}?ref=${encodeURIComponent(ref)}`;
    const html = `${repoHtmlUrl(ctx)}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${entryPath}`;
    const gitUrl = `${repoApiUrl(ctx)}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
    return {
      name: entryPath.split('/').pop() ?? entryPath,
      path: entryPath,
      sha,
      size,
      url: api,
      html_url: html,
      git_url: gitUrl,
      download_url:
        type === 'file' ? `${ctx.serverUrl}/raw/${ctx.owner}/${ctx.repo}/${ref}/${entryPath}` : null,
      type,
      _links: { self: api, git: gitUrl, html }
    };
  };
  if (object.type === 'tree') {
    const entries = await ctx.git.listTree(commit, path);
    const body = entries.map(entry =>
      entryJson(
        path ? `${path}/${entry.name}` : entry.name,
        entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : 'file',
        entry.sha,
        entry.size
      )
    );
    return { status: 200, body };
  }
  const data = await ctx.git.readBlob(object.sha);
  return {
    status: 200,
    body: {
      ...entryJson(path, 'file', object.sha, data.length),
      content: wrapBase64(data),
      encoding: 'base64'
    }
  };
}
