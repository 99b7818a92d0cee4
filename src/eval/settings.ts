/**
 * The settings of one task's run. The sources are those of `kubrick run`, with the task in the
 * middle: the command's flags (and KUBRICK_BASE_URL / KUBRICK_MODEL), then the task's budgets from
 * task.yml, then the defaults. A task repository's own `.github/kubrick.yml` is not read: a file
 * among the starting files must not change the model, the provider or the sandbox under test.
 */
import { resolveSettings, type SettingOrigins } from '../config/load.js';
import type { SettingName, Settings } from '../config/settings.js';
import type { EvalTask } from './suite.js';

export type SettingInputs = Partial<Record<SettingName, string>>;

/**
 * Throws ConfigError when a flag has a bad value; `flagNames` names where each flag value came from
 * (`--max-iterations`, `KUBRICK_MODEL`), so a message speaks of it rather than of an action input.
 */
export function taskSettings(
  task: Pick<EvalTask, 'maxIterations' | 'totalTimeout'>,
  flags: SettingInputs,
  flagNames: Partial<Record<SettingName, string>> = {}
): Settings {
  const fromTask: SettingInputs = {};
  if (task.maxIterations !== undefined) fromTask.max_iterations = String(task.maxIterations);
  if (task.totalTimeout !== undefined) fromTask.total_timeout = String(task.totalTimeout);
  const origins: SettingOrigins = {
    given: (name, problem) => `${flagNames[name] ?? `${name} (task.yml)`}: ${problem}`,
    repoConfig: (name, problem) => `${name}: ${problem}`
  };
  return resolveSettings({ ...fromTask, ...flags, mode: 'fix' }, {}, origins).settings;
}
