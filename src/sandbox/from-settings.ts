import type { Settings } from '../config/settings.js';
import { createSandbox } from './create.js';
import { limitsFromSettings } from './limits.js';
import type { Sandbox } from './types.js';

/** The sandbox the run's settings ask for, in one place for the action, `kubrick run` and `kubrick eval`. */
export function sandboxFromSettings(
  settings: Pick<Settings, 'sandbox' | 'allow_network' | 'sandbox_paths' | 'sandbox_limits'>,
  workspace: string,
  env: NodeJS.ProcessEnv,
  where: 'runner' | 'local' = 'runner'
): Promise<Sandbox> {
  return createSandbox({
    mode: settings.sandbox,
    allowNetwork: settings.allow_network,
    workspace,
    extraPaths: settings.sandbox_paths,
    limits: limitsFromSettings(settings.sandbox_limits),
    env,
    where
  });
}
