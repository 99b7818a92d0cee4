/**
 * Where requests go. Each provider follows the convention its users already know from the official
 * SDK's base-URL variable, so a value copied from a provider's docs works as pasted:
 *
 *   openai     like OPENAI_BASE_URL: the API's own prefix, to which `/chat/completions` is appended.
 *              A path is used exactly as given (`https://host/openai/v1beta/openai`,
 *              `https://host/serving-endpoints`, an Azure `https://x.openai.azure.com/openai/v1`);
 *              only a bare server root (`http://vllm:8000`) gets `/v1`.
 *   anthropic  like ANTHROPIC_BASE_URL: the root under which `/v1/messages` lives
 *              (`https://host/anthropic` → `/anthropic/v1/messages`); a trailing `/v1` is accepted too.
 *   triton     the server root under which `/v2/models/{model}/generate_stream` lives; a trailing `/v2`
 *              is accepted too.
 */
import type { ProviderName } from './types.js';

/** How messages name the server's address and the key where the client is built (the action's settings by default). */
export interface SettingNames {
  baseUrl: string;
  apiKey: string;
}

const ACTION_NAMES: SettingNames = { baseUrl: 'base_url', apiKey: 'api_key' };

/** What the SDK (or our own Triton client) is given as its base URL when base_url is empty. */
const PUBLIC_BASES: Record<ProviderName, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  triton: ''
};

/**
 * The provider's base URL for base_url (empty = its public API), without a trailing slash. The
 * endpoint path is appended to it: `/chat/completions` (openai), `/v1/messages` (anthropic),
 * `/v2/models/…` (triton).
 */
export function apiBase(provider: ProviderName, baseUrl: string, names: SettingNames = ACTION_NAMES): string {
  const trimmed = baseUrl.trim();
  if (trimmed === '') {
    const base = PUBLIC_BASES[provider];
    if (base === '') {
      throw new Error(
        `The ${provider} provider has no public endpoint: set ${names.baseUrl} to your server, e.g. http://triton.internal:8000`
      );
    }
    return base;
  }
  const url = parseBaseUrl(trimmed, names);
  const path = url.pathname.replace(/\/+$/, '');
  const origin = `${url.protocol}//${url.host}`;
  if (provider === 'openai') return path === '' ? `${origin}/v1` : `${origin}${path}`;
  if (provider === 'anthropic') return `${origin}${path.replace(/\/v1$/, '')}`;
  return `${origin}${path.replace(/\/v2$/, '')}`;
}

function parseBaseUrl(text: string, names: SettingNames): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `${names.baseUrl} "${text}" is not a URL: give the server's address, e.g. http://localhost:8000`
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${names.baseUrl} "${text}" must start with http:// or https://`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error(
      `${names.baseUrl} must not contain a user name or password (${url.protocol}//…@${url.host}): give the key as ${names.apiKey} instead`
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(
      `${names.baseUrl} "${url.origin}${url.pathname}${url.search}${url.hash}" has a query or fragment, which the endpoint paths cannot be appended to: give only the address and path`
    );
  }
  return url;
}
