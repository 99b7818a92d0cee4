/**
 * The settings of one task's run. The sources are those of `kubrick run`, with the task in the
 * middle: the command's flags (and KUBRICK_BASE_URL / KUBRICK_MODEL), then the task's budgets from
 * task.yml, then the defaults. A task repository's own `.github/kubrick.yml` is not read: a file
 * among the starting files must not change the model, the provider or the sandbox under test.
 */
import { resolveSettings } from '../config/load.js';
import type { SettingName, Settings } from '../config/settings.js';
import type { EvalTask } from './suite.js';

export type SettingInputs = Partial<Record<SettingName, string>>;

/** Throws ConfigError when a flag has a bad value. */
export function taskSettings(
  task: Pick<EvalTask, 'maxIterations' | 'totalTimeout'>,
  flags: SettingInputs
): Settings {
  const fromTask: SettingInputs = {};
  if (task.maxIterations !== undefined) fromTask.max_iterations = String(task.maxIterations);
  if (task.totalTimeout !== undefined) fromTask.total_timeout = String(task.totalTimeout);
  return resolveSettings({ ...fromTask, ...flags, mode: 'fix' }).settings;
}
