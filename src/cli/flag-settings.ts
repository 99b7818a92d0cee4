import type { SettingName } from '../config/settings.js';

/** Variables that stand in for a flag the user did not give (the flag wins). */
const VARIABLE_TO_SETTING = [
  ['KUBRICK_BASE_URL', 'base_url'],
  ['KUBRICK_MODEL', 'model']
] as const;

/** The settings given on the command line, and the flag or variable each came from (for error messages). */
export interface FlagSettings {
  inputs: Partial<Record<SettingName, string>>;
  origin: Partial<Record<SettingName, string>>;
}

/**
 * The settings a command's flags set (`flags` maps each flag to its setting), then KUBRICK_BASE_URL
 * and KUBRICK_MODEL for what no flag set: the same precedence for `kubrick run` and `kubrick eval`.
 */
export function settingsFromFlags(
  values: Record<string, unknown>,
  flags: Readonly<Record<string, SettingName>>,
  env: NodeJS.ProcessEnv
): FlagSettings {
  const inputs: FlagSettings['inputs'] = {};
  const origin: FlagSettings['origin'] = {};
  for (const [flag, name] of Object.entries(flags)) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    inputs[name] = value;
    origin[name] = `--${flag}`;
  }
  for (const [variable, name] of VARIABLE_TO_SETTING) {
    if (inputs[name] || !env[variable]) continue;
    inputs[name] = env[variable];
    origin[name] = variable;
  }
  return { inputs, origin };
}
