/** The commits of a pull request (`GET /pulls/{n}/commits`), oldest first, as GitHub lists them. */
import type { EmulatorContext } from '../context.js';
import { currentHeadSha, repoApiUrl, repoHtmlUrl } from '../context.js';
import type { Route } from '../http.js';
import { paginate } from '../http.js';
import { nodeId } from '../serialize.js';
import { pullOf } from './pulls.js';

/** GitHub lists at most 250 commits of a pull request. */
const MAX_COMMITS = 250;

export function commitRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number/commits',
      handler: async req => {
        const pull = pullOf(ctx, req);
        const head = await currentHeadSha(ctx, pull);
        const baseTip = (await ctx.git.branchSha(pull.baseRef)) ?? pull.baseRef;
        const base = (await ctx.git.mergeBase(baseTip, head)) ?? baseTip;
        const shas = (await ctx.git.commitsBetween(base, head)).slice(0, MAX_COMMITS);
        const commits = await Promise.all(
          shas.map(async sha => {
            const info = await ctx.git.commitInfo(sha);
            return {
              sha,
              node_id: nodeId('Commit', parseInt(sha.slice(0, 8), 16)),
              commit: {
                author: { name: info.authorName, email: info.authorEmail, date: info.authorDate },
                committer: { name: info.committerName, email: info.committerEmail, date: info.committerDate },
                message: info.message,
                tree: { sha: info.tree, url: `${repoApiUrl(ctx)}/git/trees/${info.tree}` },
                url: `${repoApiUrl(ctx)}/git/commits/${sha}`,
                comment_count: 0
              },
              url: `${repoApiUrl(ctx)}/commits/${sha}`,
              html_url: `${repoHtmlUrl(ctx)}/commit/${sha}`,
              parents: info.parents.map(parent => ({
                sha: parent,
                url: `${repoApiUrl(ctx)}/commits/${parent}`
              }))
            };
          })
        );
        return paginate(req, ctx.apiUrl, commits);
      }
    }
  ];
}
