/** Where requests go: the configured server root, or the provider's public endpoint. */
import type { ProviderName } from './types.js';

const PUBLIC_ENDPOINTS: Record<ProviderName, string> = {
  openai: 'https://api.openai.com',
  anthropic: 'https://api.anthropic.com',
  triton: ''
};

/**
 * The server root without a trailing slash or `/v1`: users paste either form, and the SDKs
 * append their own paths (`/v1/chat/completions`, `/v1/messages`).
 */
export function serverRoot(provider: ProviderName, baseUrl: string): string {
  const trimmed = baseUrl.trim();
  if (trimmed === '') {
    const endpoint = PUBLIC_ENDPOINTS[provider];
    if (endpoint === '') {
      throw new Error(
        `The ${provider} provider has no public endpoint: set base_url to your server, e.g. http://triton.internal:8000`
      );
    }
    return endpoint;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`base_url "${trimmed}" is not a URL: use the server root, e.g. http://localhost:8000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`base_url "${trimmed}" must start with http:// or https://`);
  }
  return trimmed.replace(/\/+$/, '').replace(/\/v1$/, '');
}
