import { createRequire as __kubrickCreateRequire } from 'node:module';
const require = __kubrickCreateRequire(import.meta.url);
import {
  fitBody
} from "./chunk-JVAR6PGU.js";
import {
  asStep,
  statusOf,
  validationText
} from "./chunk-DJHR2ASC.js";
import {
  branchNameProblem,
  isForkPull,
  slugify
} from "./chunk-VGMXJNBG.js";
import {
  GitError
} from "./chunk-COFS5CHV.js";

// src/github/pulls.ts
async function findOpenPullForBranch(gh, opts) {
  let { data } = await asStep(
    {
      doing: `looking for the open pull request of \`${opts.branch}\``,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: read"
    },
    () => gh.rest.pulls.list({
      owner: opts.owner,
      repo: opts.repo,
      state: "open",
      head: `${opts.headOwner ?? opts.owner}:${opts.branch}`,
      per_page: 10
    })
  ), ours = `${opts.owner}/${opts.repo}`.toLowerCase(), pull = data.find(
    (p) => p.head.ref === opts.branch && (opts.headOwner !== void 0 || p.head.repo?.full_name.toLowerCase() === ours) && (opts.headSha === void 0 || p.head.sha === opts.headSha)
  );
  return pull ? { number: pull.number, htmlUrl: pull.html_url } : void 0;
}
async function createOrUpdatePull(gh, input) {
  let existing = await findOpenPullForBranch(gh, {
    owner: input.owner,
    repo: input.repo,
    branch: input.head
  });
  if (existing) return { ...await updatePull(gh, input, existing.number), created: !1 };
  try {
    let { data } = await asStep(
      {
        doing: `opening a pull request from \`${input.head}\` into \`${input.base}\``,
        repo: `${input.owner}/${input.repo}`,
        permission: "pull-requests: write",
        note: 'GitHub also refuses it when the repository (or its organization) does not let GitHub Actions create pull requests: Settings \u2192 Actions \u2192 General \u2192 "Allow GitHub Actions to create and approve pull requests".'
      },
      () => gh.rest.pulls.create({
        owner: input.owner,
        repo: input.repo,
        head: input.head,
        base: input.base,
        title: input.title,
        body: fitBody(input.body),
        draft: input.draft ?? !1
      })
    );
    return { number: data.number, htmlUrl: data.html_url, author: data.user?.login, created: !0 };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    let reason = validationText(error);
    if (/already exists/i.test(reason)) {
      let raced = await findOpenPullForBranch(gh, {
        owner: input.owner,
        repo: input.repo,
        branch: input.head
      });
      if (raced) return { ...await updatePull(gh, input, raced.number), created: !1 };
    }
    throw /no commits between/i.test(reason) ? new Error(`Cannot open a pull request: ${input.head} has no commits that ${input.base} lacks.`, {
      cause: error
    }) : new Error(
      `GitHub refused to open a pull request from ${input.head} into ${input.base}: ${reason}`,
      {
        cause: error
      }
    );
  }
}
async function updatePull(gh, input, number) {
  let { data } = await asStep(
    {
      doing: `updating pull request #${number}`,
      repo: `${input.owner}/${input.repo}`,
      permission: "pull-requests: write"
    },
    () => gh.rest.pulls.update({
      owner: input.owner,
      repo: input.repo,
      pull_number: number,
      title: input.title,
      body: fitBody(input.body)
    })
  );
  return { number: data.number, htmlUrl: data.html_url, author: data.user?.login };
}
async function addPullLabels(gh, opts) {
  await asStep(
    {
      doing: `adding labels to pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: write"
    },
    () => gh.rest.issues.addLabels({
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.number,
      labels: opts.labels
    })
  );
}
async function requestPullReviewers(gh, opts) {
  await asStep(
    {
      doing: `requesting reviews on pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: write"
    },
    () => gh.rest.pulls.requestReviewers({
      owner: opts.owner,
      repo: opts.repo,
      pull_number: opts.number,
      reviewers: opts.reviewers,
      team_reviewers: opts.teams
    })
  );
}
async function getPull(gh, opts) {
  let { data } = await asStep(
    {
      doing: `reading pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: read"
    },
    () => gh.rest.pulls.get({ owner: opts.owner, repo: opts.repo, pull_number: opts.number })
  ), headRepo = data.head.repo;
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
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
async function getPullDiff(gh, opts) {
  return (await asStep(
    {
      doing: `reading the changed files of pull request #${opts.number}`,
      repo: `${opts.owner}/${opts.repo}`,
      permission: "pull-requests: read"
    },
    () => gh.paginate(gh.rest.pulls.listFiles, {
      owner: opts.owner,
      repo: opts.repo,
      pull_number: opts.number,
      per_page: 100
    })
  )).map(pullFileOf);
}
function pullFileOf(f) {
  return {
    path: f.filename,
    status: f.status,
    ...f.patch !== void 0 ? { patch: f.patch } : {},
    additions: f.additions,
    deletions: f.deletions,
    ...f.previous_filename ? { previousPath: f.previous_filename } : {}
  };
}

// src/ci/branch.ts
function ciBranch(prefix, run) {
  let slug = slugify(run.workflowName, 30) || `workflow-${run.workflowId}`, branch = `${prefix}ci-${slug}-${run.headSha.slice(0, 7)}`, problem = branchNameProblem(branch);
  if (problem)
    throw new GitError(
      `The branch name "${branch}" is not valid in git (${problem}). Change the branch_prefix input ("${prefix}").`
    );
  return branch;
}

export {
  findOpenPullForBranch,
  createOrUpdatePull,
  addPullLabels,
  requestPullReviewers,
  getPull,
  getPullDiff,
  pullFileOf,
  ciBranch
};
