import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import {
  INPUT_NAMES,
  REPO_CONFIG_KEYS,
  SETTINGS,
  type SettingName,
  type Settings,
  type SettingSource
} from './settings.js';

/** A configuration mistake; the message names every bad field and what is allowed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export interface LoadedSettings {
  settings: Settings;
  sources: Record<SettingName, SettingSource>;
}

export interface RepoConfigFile {
  /** File text as read from the default branch. */
  text: string;
  /** Shown in messages, e.g. ".github/kubrick.yml". */
  path: string;
}

/** How the runner passes an input: INPUT_<NAME>, upper-cased, spaces as underscores (as @actions/core reads it). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Reads the action inputs from the environment. The runner exports every declared input, with an
 * empty string when the workflow did not set it and action.yml gives no default, so only a
 * non-empty value counts as explicitly given.
 */
export function readActionInputs(env: NodeJS.ProcessEnv): Partial<Record<SettingName, string>> {
  const inputs: Partial<Record<SettingName, string>> = {};
  for (const name of INPUT_NAMES) {
    const value = env[inputEnvName(name)];
    if (value !== undefined && value.trim() !== '') inputs[name] = value;
  }
  return inputs;
}

/** Parses `.github/kubrick.yml` into raw values; unknown keys and YAML errors are reported with lines. */
export function parseRepoConfig(file: RepoConfigFile): Partial<Record<SettingName, unknown>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true });
  const problems: string[] = [];
  for (const error of doc.errors) {
    const line = error.linePos?.[0]?.line;
    problems.push(`${file.path}${line ? ` line ${line}` : ''}: ${error.message.split('\n')[0]}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw new ConfigError([
      `${file.path}: must be a mapping of settings (key: value), not a list or a scalar`
    ]);
  }
  const raw: Partial<Record<SettingName, unknown>> = {};
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line =
      isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
    const where = `${file.path}${line ? ` line ${line}` : ''}`;
    if (!(REPO_CONFIG_KEYS as string[]).includes(key)) {
      const hint =
        key in SETTINGS
          ? `"${key}" can only be set as an action input (it is a secret or names this file)`
          : `unknown key "${key}"; known keys: ${REPO_CONFIG_KEYS.join(', ')}`;
      problems.push(`${where}: ${hint}`);
      continue;
    }
    const value: unknown = isScalar(pair.value) ? pair.value.value : pair.value?.toJSON();
    raw[key as SettingName] = value ?? '';
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return raw;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Resolves every setting: explicit action input, then the repository config (from the default
 * branch), then the built-in default. All problems are collected so one run shows them all.
 */
export function resolveSettings(
  inputs: Partial<Record<SettingName, string>>,
  repoConfig: Partial<Record<SettingName, unknown>> = {}
): LoadedSettings {
  const settings = {} as Record<SettingName, unknown>;
  const sources = {} as Record<SettingName, SettingSource>;
  const problems: string[] = [];
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const def = SETTINGS[name];
    let raw: unknown;
    let source: SettingSource;
    if (inputs[name] !== undefined) {
      raw = inputs[name];
      source = 'action input';
    } else if (repoConfig[name] !== undefined) {
      raw = repoConfig[name];
      source = 'repo config';
    } else {
      settings[name] = def.default;
      sources[name] = 'default';
      continue;
    }
    const parsed = def.schema.safeParse(raw);
    if (parsed.success) {
      settings[name] = parsed.data;
      sources[name] = source;
    } else {
      problems.push(`${name}: ${describe(raw)} is not ${def.expected} (from ${source})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { settings: settings as Settings, sources };
}
