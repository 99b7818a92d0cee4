/** The git side of a run: branch names, checkout of the starting point, commit and push. */
export { GitCommandManager } from './git-command.js';
export type { GitExecOptions, GitResult } from './git-command.js';
export { GitError } from './errors.js';
export { pushAuthConfig, redact, secretsOf } from './auth.js';
export { issueBranch, scheduledBranch, slugify, branchNameProblem } from './branch-name.js';
export { workspaceChanges, diffStats, protectedMatcher, ALWAYS_PROTECTED } from './changes.js';
export type { FileChange, ChangeStatus, WorkspaceChanges, DiffStats } from './changes.js';
export { checkoutPrHead, checkoutRemoteBranch } from './checkout.js';
export type { CheckedOut } from './checkout.js';
export { commitAndPush, commitMessage } from './create-or-update-branch.js';
export type { CommitAndPushOptions, CommitAndPushResult, CommitIdentity } from './create-or-update-branch.js';
