/**
 * An empty key is a deliberate choice only for a server without auth: a local vLLM, Ollama or LM
 * Studio that the maintainer named with base_url. Against a provider's public API (base_url empty)
 * or a well-known hosted API it is always a mistake, most often a secret that is not set or not
 * given to this workflow, and it is said before any request instead of surfacing as a 401 or a DNS
 * error from a runner without network.
 */
import type { HintSetting } from './failures.js';
import type { ProviderName } from './types.js';

/** How the user sets the key and the server where this client is built: in words for messages. */
export interface KeyWording {
  /** E.g. "the `api_key` input" or "KUBRICK_API_KEY". */
  key: string;
  /** E.g. "`base_url`" or "--base-url". */
  baseUrl: string;
  /** A sentence on why the key may be empty although it was set (a secret missing, …). */
  note?: string;
  /** How other settings are named in hints; their setting names (`base_url`) when absent. */
  setting?: (name: HintSetting) => string;
  /** The machine Kubrick runs on, for "reachable from …"; the runner when absent. */
  host?: string;
}

const SECRET_NAME: Record<ProviderName, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  triton: 'MODEL_API_KEY'
};

/** The wording for the action, whose settings are inputs of the workflow step. */
export function actionKeyWording(provider: ProviderName): KeyWording {
  return {
    key: `the \`api_key\` input (e.g. \`api_key: \${{ secrets.${SECRET_NAME[provider]} }}\`)`,
    baseUrl: '`base_url`',
    note: 'An empty api_key also means the secret it names is not set in this repository, or not passed to this workflow (runs for pull requests from forks get no secrets).'
  };
}

/** How `kubrick run` takes the settings a hint may name: flags, else its repository config file. */
const CLI_SETTING: Record<HintSetting, string> = {
  base_url: '--base-url',
  provider: '--provider',
  model: '--model',
  context_window: '--context-window',
  tool_protocol: 'tool_protocol (in .github/kubrick.yml)'
};

/** The wording for `kubrick run`, whose key comes from the environment and whose server from a flag. */
export function cliKeyWording(provider: ProviderName): KeyWording {
  return {
    key: provider === 'triton' ? 'KUBRICK_API_KEY' : `KUBRICK_API_KEY (or ${SECRET_NAME[provider]})`,
    baseUrl: '--base-url (or KUBRICK_BASE_URL)',
    setting: name => CLI_SETTING[name],
    host: 'this machine'
  };
}

/**
 * Hosts that never serve without a key. Names outside this list are treated as possibly keyless
 * servers: a wrong guess there costs one request and a 401 whose message names the missing key.
 */
const HOSTED = [
  /^api\.openai\.com$/,
  /^api\.anthropic\.com$/,
  /\.openai\.azure\.com$/,
  /\.services\.ai\.azure\.com$/,
  /^generativelanguage\.googleapis\.com$/,
  /^openrouter\.ai$/,
  /^api\.groq\.com$/,
  /^api\.together\.(xyz|ai)$/,
  /^api\.mistral\.ai$/,
  /^api\.deepseek\.com$/,
  /^api\.fireworks\.ai$/,
  /^api\.x\.ai$/
];

export function needsKey(baseUrl: string): boolean {
  if (baseUrl.trim() === '') return true;
  try {
    const host = new URL(baseUrl.trim()).hostname.toLowerCase();
    return HOSTED.some(pattern => pattern.test(host));
  } catch {
    return false; // an unusable base_url gets its own message
  }
}

/** Null when the key may be empty (or is set); otherwise what to do, in the caller's words. */
export function missingKeyProblem(
  options: { provider: ProviderName; baseUrl: string; apiKey: string },
  wording: KeyWording
): string | null {
  if (options.apiKey.trim() !== '' || options.provider === 'triton') return null;
  if (!needsKey(options.baseUrl)) return null;
  const where =
    options.baseUrl.trim() === ''
      ? `${options.provider === 'anthropic' ? "Anthropic's" : "OpenAI's"} public API (${wording.baseUrl} is empty)`
      : options.baseUrl.trim();
  return [
    `no API key: set ${wording.key}; ${where} does not answer without one.`,
    `Leave it empty only for servers without auth (a local vLLM, Ollama or LM Studio), named with ${wording.baseUrl}.`,
    wording.note ?? ''
  ]
    .filter(part => part !== '')
    .join(' ');
}
