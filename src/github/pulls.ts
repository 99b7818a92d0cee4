import { asStep } from './access.js';
import { fitBody } from './body-limit.js';
import type { GitHub } from './client.js';
import { statusOf, validationText } from './errors.js';
import { isForkPull } from '../trigger/pull.js';

export interface PullRef {
  number: number;
  htmlUrl: string;
  /** Who opened it (the token's account, for a PR Kubrick opened). */
  author?: string;
}

/**
 * The open PR whose head is `owner:branch` (or `headOwner:branch`, a fork's, at `headSha` when given).
 * The owner is required: without it GitHub ignores the filter.
 */
export async function findOpenPullForBranch(
  gh: GitHub,
  opts: { owner: string; repo: string; branch: string; headOwner?: string; headSha?: string }
): Promise<PullRef | undefined> {
  const { data } = await asStep(
    {
      doing: `looking for the open pull request of \`${opts.branch}\``,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'pull-requests: read'
    },
    () =>
      gh.rest.pulls.list({
        owner: opts.owner,
        repo: opts.repo,
        state: 'open',
        head: `${opts.headOwner ?? opts.owner}:${opts.branch}`,
        per_page: 10
      })
  );
  // Belt and braces: a server that ignores `head` must not make us update someone else's PR.
  const ours = `${opts.owner}/${opts.repo}`.toLowerCase();
  const pull = data.find(
    p =>
      p.head.ref === opts.branch &&
      (opts.headOwner !== undefined || p.head.repo?.full_name.toLowerCase() === ours) &&
      (opts.headSha === undefined || p.head.sha === opts.headSha)
  );
  return pull ? { number: pull.number, htmlUrl: pull.html_url } : undefined;
}

export interface PullRequestInput {
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
  draft?: boolean;
}

/** Opens the PR for `head`, or refreshes the title and body of the open one (never a duplicate). */
export async function createOrUpdatePull(
  gh: GitHub,
  input: PullRequestInput
): Promise<PullRef & { created: boolean }> {
  const existing = await findOpenPullForBranch(gh, {
    owner: input.owner,
    repo: input.repo,
    branch: input.head
  });
  if (existing) return { ...(await updatePull(gh, input, existing.number)), created: false };
  try {
    const { data } = await asStep(
      {
        doing: `opening a pull request from \`${input.head}\` into \`${input.base}\``,
        repo: `${input.owner}/${input.repo}`,
        permission: 'pull-requests: write',
        note: 'GitHub also refuses it when the repository (or its organization) does not let GitHub Actions create pull requests: Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests".'
      },
      () =>
        gh.rest.pulls.create({
          owner: input.owner,
          repo: input.repo,
          head: input.head,
          base: input.base,
          title: input.title,
          body: fitBody(input.body),
          draft: input.draft ?? false
        })
    );
    return { number: data.number, htmlUrl: data.html_url, author: data.user?.login, created: true };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    const reason = validationText(error);
    if (/already exists/i.test(reason)) {
      // Another run opened it between our lookup and our create.
      const raced = await findOpenPullForBranch(gh, {
        owner: input.owner,
        repo: input.repo,
        branch: input.head
      });
      if (raced) return { ...(await updatePull(gh, input, raced.number)), created: false };
    }
    if (/no commits between/i.test(reason)) {
      throw new Error(`Cannot open a pull request: ${input.head} has no commits that ${input.base} lacks.`, {
        cause: error
      });
    }
    throw new Error(
      `GitHub refused to open a pull request from ${input.head} into ${input.base}: ${reason}`,
      {
        cause: error
      }
    );
  }
}

async function updatePull(gh: GitHub, input: PullRequestInput, number: number): Promise<PullRef> {
  const { data } = await asStep(
    {
      doing: `updating pull request #${number}`,
      repo: `${input.owner}/${input.repo}`,
      permission: 'pull-requests: write'
    },
    () =>
      gh.rest.pulls.update({
        owner: input.owner,
        repo: input.repo,
        pull_number: number,
        title: input.title,
        body: fitBody(input.body)
      })
  );
  return { number: data.number, htmlUrl: data.html_url, author: data.user?.login };
}

/** Adds labels to a pull request (GitHub creates those that do not exist); throws what GitHub answered. */
export async function addPullLabels(
  gh: GitHub,
  opts: { owner: string; repo: string; number: number; labels: string[] }
): Promise<void> {
  await asStep(
    {
      doing: `adding labels to pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'pull-requests: write'
    },
    () =>
      gh.rest.issues.addLabels({
        owner: opts.owner,
        repo: opts.repo,
        issue_number: opts.number,
        labels: opts.labels
      })
  );
}

/** Requests reviews from users and teams (slugs); throws what GitHub answered. */
export async function requestPullReviewers(
  gh: GitHub,
  opts: { owner: string; repo: string; number: number; reviewers: string[]; teams: string[] }
): Promise<void> {
  await asStep(
    {
      doing: `requesting reviews on pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'pull-requests: write'
    },
    () =>
      gh.rest.pulls.requestReviewers({
        owner: opts.owner,
        repo: opts.repo,
        pull_number: opts.number,
        reviewers: opts.reviewers,
        team_reviewers: opts.teams
      })
  );
}

export interface PullInfo {
  number: number;
  title: string;
  body: string;
  state: string;
  draft: boolean;
  htmlUrl: string;
  headRef: string;
  headSha: string;
  /** null when the fork the PR came from was deleted. */
  headRepoFullName: string | null;
  baseRef: string;
  baseRepoFullName: string;
  /** A fork PR must never get a `fix` run with our token: head repo forked, different, or gone. */
  isFork: boolean;
}

export async function getPull(
  gh: GitHub,
  opts: { owner: string; repo: string; number: number }
): Promise<PullInfo> {
  const { data } = await asStep(
    {
      doing: `reading pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'pull-requests: read'
    },
    () => gh.rest.pulls.get({ owner: opts.owner, repo: opts.repo, pull_number: opts.number })
  );
  const headRepo = data.head.repo;
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state,
    draft: !!data.draft,
    htmlUrl: data.html_url,
    headRef: data.head.ref,
    headSha: data.head.sha,
    headRepoFullName: headRepo?.full_name ?? null,
    baseRef: data.base.ref,
    baseRepoFullName: data.base.repo.full_name,
    isFork: isForkPull(data)
  };
}

export interface PullFile {
  path: string;
  status: string;
  /** Absent for binary files and for diffs GitHub considers too large. */
  patch?: string;
  additions: number;
  deletions: number;
  previousPath?: string;
}

/** The changed files of a PR with their patches (`/pulls/{n}/files`, every page). */
export async function getPullDiff(
  gh: GitHub,
  opts: { owner: string; repo: string; number: number }
): Promise<PullFile[]> {
  const files = await asStep(
    {
      doing: `reading the changed files of pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: 'pull-requests: read'
    },
    () =>
      gh.paginate(gh.rest.pulls.listFiles, {
        owner: opts.owner,
        repo: opts.repo,
        pull_number: opts.number,
        per_page: 100
      })
  );
  return files.map(pullFileOf);
}

/** A changed file as GitHub's pull request files and compare endpoints list it. */
export function pullFileOf(f: {
  filename: string;
  status: string;
  patch?: string;
  additions: number;
  deletions: number;
  previous_filename?: string;
}): PullFile {
  return {
    path: f.filename,
    status: f.status,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    additions: f.additions,
    deletions: f.deletions,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {})
  };
}
