import { branchNameProblem, slugify } from '../git/branch-name.js';
import { GitError } from '../git/errors.js';
import type { FailedRun } from '../trigger/decision.js';

/**
 * `kubrick/ci-<workflow slug>-<short sha>`: where a fix for a failed run on the default branch goes,
 * one branch (and pull request) per workflow and commit, so a re-run continues it. A workflow name
 * without ASCII words is named by its id.
 */
export function ciBranch(prefix: string, run: FailedRun): string {
  const slug = slugify(run.workflowName, 30) || `workflow-${run.workflowId}`;
  const branch = `${prefix}ci-${slug}-${run.headSha.slice(0, 7)}`;
  const problem = branchNameProblem(branch);
  if (problem) {
    throw new GitError(
      `The branch name "${branch}" is not valid in git (${problem}). Change the branch_prefix input ("${prefix}").`
    );
  }
  return branch;
}
