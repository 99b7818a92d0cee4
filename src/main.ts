import { ConfigError, readActionInputs, resolveSettings } from './config/load.js';
import type { Dependencies } from './dependencies.js';
import { escapeCommandData } from './report/workflow-commands.js';
import { EventError, readRunnerEvent } from './trigger/event.js';

/** One run of the action. Returns the process exit code; never throws. */
export async function run(deps: Dependencies): Promise<number> {
  try {
    const event = await readRunnerEvent(deps.env);
    const { settings } = resolveSettings(readActionInputs(deps.env));
    deps.stdout(`Kubrick: ${event.name} event, mode ${settings.mode}.`);
    return 0;
  } catch (error) {
    if (error instanceof EventError || error instanceof ConfigError) {
      deps.stdout(`::error::${escapeCommandData(error.message)}`);
      return 1;
    }
    deps.stdout(`::error::${escapeCommandData(`Kubrick failed unexpectedly: ${String(error)}`)}`);
    return 1;
  }
}
