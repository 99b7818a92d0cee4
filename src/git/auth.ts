/**
 * How the token reaches git: as an `http.<server>/.extraheader` given to the one fetch or push that
 * needs it (the same header actions/checkout uses), never in `.git/config`, a remote URL or the
 * environment the agent's tools see.
 */

const BASIC_PREFIX = 'AUTHORIZATION: basic ';

/** The config for one authenticated git command against `serverUrl` (e.g. https://github.com). */
export function pushAuthConfig(serverUrl: string, token: string): Record<string, string> {
  if (!token) throw new Error('pushAuthConfig needs a token: pass the workflow token (github_token input).');
  const url = new URL(serverUrl);
  // Git matches http.<url>.* by scheme, host and path prefix; the trailing slash scopes it to the whole server.
  const key = `http.${url.origin}/.extraheader`;
  return { [key]: BASIC_PREFIX + Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64') };
}

/**
 * Every form in which a secret from an auth config could surface in git's output: the header
 * value, its base64 credential, and the token inside it.
 */
export function secretsOf(config: Record<string, string>): string[] {
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(config)) {
    if (!/extraheader$/i.test(key) || value.length === 0) continue;
    secrets.add(value);
    const credential = value.replace(/^authorization:\s*(basic|bearer)\s+/i, '');
    if (credential !== value) {
      secrets.add(credential);
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      const token = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
      if (token.length >= 4) secrets.add(token);
    }
  }
  return [...secrets];
}
