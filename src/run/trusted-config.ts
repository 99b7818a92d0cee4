import { ConfigError, parseRepoConfig, resolveSettings } from '../config/load.js';
import type { SettingName, Settings } from '../config/settings.js';
import { GitHubAccessError } from '../github/access.js';
import type { GitHub } from '../github/client.js';
import { getDefaultBranch, readDefaultBranchFile } from '../github/contents.js';
import type { RunnerContext } from './runner-context.js';

export interface TrustedSettings {
  settings: Settings;
  defaultBranch: string;
  /** A broken repository config: the run is reported as failed with this message (inputs still apply). */
  problem: string | null;
}

/** The default branch named by the event payload, else asked of the API. */
export async function defaultBranchOf(
  gh: GitHub,
  runner: RunnerContext,
  payload: Record<string, unknown>
): Promise<string> {
  const repository = payload.repository as { default_branch?: unknown } | undefined;
  if (typeof repository?.default_branch === 'string' && repository.default_branch)
    return repository.default_branch;
  return getDefaultBranch(gh, { owner: runner.owner, repo: runner.repo });
}

/**
 * Settings as the maintainers wrote them: action inputs over `.github/kubrick.yml` read from the
 * default branch (never from the checked-out tree, which a PR may control) over the defaults.
 */
export async function loadTrustedSettings(
  gh: GitHub,
  runner: RunnerContext,
  payload: Record<string, unknown>,
  inputs: Partial<Record<SettingName, string>>,
  boot: Settings
): Promise<TrustedSettings> {
  const defaultBranch = await defaultBranchOf(gh, runner, payload);
  let text: string | null;
  try {
    text = await readDefaultBranchFile(gh, {
      owner: runner.owner,
      repo: runner.repo,
      path: boot.config_path,
      ref: defaultBranch
    });
  } catch (error) {
    // A token that may not read the repository's files (403) may still check the requester and
    // comment: an authorized requester then learns from the final comment what to change. A token
    // GitHub rejects outright (401) can do neither, so that stops the run here.
    if (error instanceof GitHubAccessError && error.status === 403) {
      return { settings: boot, defaultBranch, problem: error.message };
    }
    throw error;
  }
  if (text === null) return { settings: boot, defaultBranch, problem: null };
  try {
    const repoConfig = parseRepoConfig({ text, path: boot.config_path });
    return { settings: resolveSettings(inputs, repoConfig).settings, defaultBranch, problem: null };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      settings: boot,
      defaultBranch,
      problem: `the repository config ${boot.config_path} on ${defaultBranch} is invalid:\n${error.problems.map(p => `- ${p}`).join('\n')}\nFix the file on the default branch and run again.`
    };
  }
}
