/**
 * GitHub emulator for tests and the demo: REST API + git smart HTTP over a real bare repository.
 * See README.md in this directory for usage, fault injection and what is (not) emulated.
 */
export { startGitHubEmulator } from './server.js';
export type {
  EmulatorStateView,
  GitHubEmulator,
  PullSnapshot,
  SeedIssue,
  SeedPullRequest,
  SeedReviewComment
} from './server.js';
export type { EmulatorOptions, FaultSpec, RecordedRequest, RepoRole, Side } from './types.js';
export { SECONDARY_RATE_LIMIT_MESSAGE } from './faults.js';
export { LINE_NOT_IN_DIFF } from './routes/reviews.js';
export { isolatedGitEnv } from './git.js';
export type { SeedJob, SeedWorkflowRun } from './routes/actions.js';
