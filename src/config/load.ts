import { isCollection, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import {
  INPUT_NAMES,
  REPO_CONFIG_KEYS,
  SETTINGS,
  type SettingName,
  type Settings,
  type SettingSource
} from './settings.js';
import { unknownKeyMessage, yamlErrorMessage } from './yaml-problems.js';

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
  /**
   * Why a setting the file may not hold (a secret, the file's own path) is refused, in the words of
   * where it runs; the action's wording (an action input) by default.
   */
  notInFile?: (name: SettingName) => string;
}

/**
 * How messages about settings name where a value came from. The action's settings are inputs of the
 * workflow step; `kubrick run` takes flags and environment variables. Both read the repository config.
 */
export interface SettingOrigins {
  /** One bad value given explicitly, e.g. `max_iterations: "abc" is not … (from action input)`. */
  given(name: SettingName, problem: string): string;
  /** One bad value from the repository config. */
  repoConfig(name: SettingName, problem: string): string;
}

/** The action's wording: values come from action inputs (`with:`) or the repository config. */
export const ACTION_ORIGINS: SettingOrigins = {
  given: (name, problem) => `${name}: ${problem} (from action input)`,
  repoConfig: (name, problem) => `${name}: ${problem} (from repo config)`
};

function inActionInputs(name: SettingName): string {
  return `"${name}" can only be set as an action input (it is a secret or names this file)`;
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

/**
 * Parses `.github/kubrick.yml` into raw values. Every problem names the file and its line: a YAML
 * syntax error (its line once), an unknown key (with the key most likely meant), a secret that
 * belongs in the workflow, and a value its setting does not accept. All are collected, so one
 * run shows them all.
 */
export function parseRepoConfig(file: RepoConfigFile): Partial<Record<SettingName, unknown>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // Later syntax errors are mostly echoes of the first; the first is the one to fix.
  const syntaxError = doc.errors[0];
  if (syntaxError) throw new ConfigError([yamlErrorMessage(syntaxError, lineCounter, file.path)]);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw new ConfigError([
      `${file.path}: must be a mapping of settings (key: value), not a list or a scalar`
    ]);
  }
  const problems: string[] = [];
  const raw: Partial<Record<SettingName, unknown>> = {};
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyLine = lineOf(pair.key);
    const where = `${file.path}${keyLine ? ` line ${keyLine}` : ''}`;
    if (!(REPO_CONFIG_KEYS as string[]).includes(key)) {
      const hint =
        key in SETTINGS
          ? (file.notInFile ?? inActionInputs)(key as SettingName)
          : unknownKeyMessage(key, REPO_CONFIG_KEYS);
      problems.push(`${where}: ${hint}`);
      continue;
    }
    const name = key as SettingName;
    const value: unknown = (isScalar(pair.value) ? pair.value.value : pair.value?.toJSON()) ?? '';
    const def = SETTINGS[name];
    const result = def.schema.safeParse(value);
    if (!result.success && 'detailed' in def && def.detailed) {
      problems.push(...detailedProblems(file.path, name, result.error, pair.value, lineOf, keyLine));
      continue;
    }
    if (!result.success) {
      const valueLine = lineOf(pair.value) ?? keyLine;
      problems.push(
        `${file.path}${valueLine ? ` line ${valueLine}` : ''}: ${name}: ${describe(value)} is not ${def.expected}`
      );
      continue;
    }
    raw[name] = value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return raw;
}

/** One problem per mistake inside a structured setting, each at the line of the node it names. */
function detailedProblems(
  path: string,
  name: string,
  error: z.ZodError,
  node: unknown,
  lineOf: (node: unknown) => number | undefined,
  keyLine: number | undefined
): string[] {
  return error.issues.map(issue => {
    const at = issue.path.map(part => (typeof part === 'number' ? part : String(part)));
    const line = lineOf(placeOf(node, at)) ?? lineOf(node) ?? keyLine;
    const place = name + at.map(part => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
    return `${path}${line ? ` line ${line}` : ''}: ${place}: ${issue.message}`;
  });
}

/** The node a path names inside a value: a mapping entry's key (where a reader looks), a list's item. */
function placeOf(node: unknown, path: (string | number)[]): unknown {
  if (!isCollection(node) || path.length === 0) return undefined;
  const parent = path.length > 1 ? node.getIn(path.slice(0, -1), true) : node;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find(item => isScalar(item.key) && String(item.key.value) === String(last));
    if (pair) return pair.key;
  }
  const item: unknown = isCollection(parent) ? parent.get(last, true) : undefined;
  return item ?? parent ?? placeOf(node, path.slice(0, -1));
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Resolves every setting: explicit action input, then the repository config (from the default
 * branch), then the built-in default. All problems are collected so one run shows them all, each
 * naming where its value came from in `origins`' words.
 */
export function resolveSettings(
  inputs: Partial<Record<SettingName, string>>,
  repoConfig: Partial<Record<SettingName, unknown>> = {},
  origins: SettingOrigins = ACTION_ORIGINS
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
      const problem = `${describe(raw)} is not ${def.expected}`;
      problems.push(
        source === 'action input' ? origins.given(name, problem) : origins.repoConfig(name, problem)
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { settings: settings as Settings, sources };
}
