/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`: how two commits relate (ahead, behind, diverged,
 * identical) and the diff from their merge base to head, from the real commits of the bare repository.
 * A commit that a force push left behind is still found by its sha, as on GitHub.
 */
import type { EmulatorContext } from '../context.js';
import { repoApiUrl, repoHtmlUrl } from '../context.js';
import type { Route } from '../http.js';
import { HttpError, notFound } from '../http.js';
import { pullDiff } from '../pull-diff.js';
import { diffFileJson, nodeId } from '../serialize.js';
import { repoGuard } from './repos.js';

type Json = Record<string, unknown>;

export function compareRoutes(ctx: EmulatorContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/compare/*',
      handler: async req => {
        repoGuard(ctx, req);
        const basehead = req.params['*'] ?? '';
        const at = basehead.indexOf('...');
        if (at <= 0 || at + 3 >= basehead.length) throw notFound();
        const [baseName, headName] = [basehead.slice(0, at), basehead.slice(at + 3)];
        const [base, head] = await Promise.all([
          ctx.git.resolveCommit(baseName),
          ctx.git.resolveCommit(headName)
        ]);
        if (!base || !head) throw notFound();
        const mergeBase = await ctx.git.mergeBase(base, head);
        if (!mergeBase) throw new HttpError(404, `No common ancestor between ${baseName} and ${headName}.`);
        const [ahead, behind, diff] = await Promise.all([
          ctx.git.commitsBetween(base, head),
          ctx.git.commitsBetween(head, base),
          pullDiff(ctx.git, base, head)
        ]);
        const status =
          ahead.length === 0 && behind.length === 0
            ? 'identical'
            : behind.length === 0
              ? 'ahead'
              : ahead.length === 0
                ? 'behind'
                : 'diverged';
        return {
          status: 200,
          body: {
            url: `${repoApiUrl(ctx)}/compare/${basehead}`,
            html_url: `${repoHtmlUrl(ctx)}/compare/${basehead}`,
            permalink_url: `${repoHtmlUrl(ctx)}/compare/${base}...${head}`,
            diff_url: `${repoHtmlUrl(ctx)}/compare/${basehead}.diff`,
            patch_url: `${repoHtmlUrl(ctx)}/compare/${basehead}.patch`,
            base_commit: await commitJson(ctx, base),
            merge_base_commit: await commitJson(ctx, mergeBase),
            status,
            ahead_by: ahead.length,
            behind_by: behind.length,
            total_commits: ahead.length,
            commits: await Promise.all(ahead.map(sha => commitJson(ctx, sha))),
            files: diff.files.map(file => diffFileJson(ctx, file, head))
          }
        };
      }
    }
  ];
}

async function commitJson(ctx: EmulatorContext, sha: string): Promise<Json> {
  const info = await ctx.git.commitInfo(sha);
  return {
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
  };
}
