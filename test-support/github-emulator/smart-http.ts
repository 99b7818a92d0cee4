/**
 * Git smart HTTP for the bare repository, by running `git http-backend` as a CGI program, so clones,
 * fetches and pushes go through the same code paths as against github.com. Like GitHub, pushing needs
 * the token (Basic with the token as password, as actions/checkout's http.extraheader sends it, or Bearer);
 * fetching needs it only for a private repository.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import type { EmulatorContext } from './context.js';
import { syncPullHeads } from './context.js';
import { headerValue } from './http.js';

/** `/{owner}/{repo}.git/<rest>` or `/{owner}/{repo}/<git endpoint>`; null when the path is not git's. */
export function gitPathRest(ctx: EmulatorContext, path: string): string | null {
  const match = /^\/([^/]+)\/([^/]+?)(\.git)?(\/.*)$/.exec(path);
  if (!match) return null;
  const [, owner, repo, dotGit, rest = ''] = match;
  if (owner?.toLowerCase() !== ctx.owner.toLowerCase() || repo?.toLowerCase() !== ctx.repo.toLowerCase()) {
    return null;
  }
  if (!dotGit && !/^\/(info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/)/.test(rest)) return null;
  return rest;
}

export function isPush(rest: string, query: URLSearchParams): boolean {
  return rest === '/git-receive-pack' || query.get('service') === 'git-receive-pack';
}

/** True when the Authorization header carries the token (Basic password or user, token, or Bearer). */
export function carriesToken(authorization: string, token: string): boolean {
  const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
  switch (scheme.toLowerCase()) {
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = colon === -1 ? decoded : decoded.slice(0, colon);
      const password = colon === -1 ? '' : decoded.slice(colon + 1);
      return password === token || (user === token && (password === '' || password === 'x-oauth-basic'));
    }
    case 'bearer':
    case 'token':
      return value === token;
    default:
      return false;
  }
}

export async function serveGit(
  ctx: EmulatorContext,
  options: { token: string; env: NodeJS.ProcessEnv },
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  query: URLSearchParams,
  body: Buffer
): Promise<number> {
  const push = isPush(rest, query);
  const authorized = carriesToken(headerValue(req.headers, 'authorization'), options.token);
  if ((push || ctx.isPrivate) && !authorized) {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' });
    res.end(
      headerValue(req.headers, 'authorization')
        ? 'remote: Invalid username or token. Password authentication is not supported for Git operations.\n'
        : 'remote: Authentication required: give the token to git (http.extraheader) to push.\n'
    );
    return 401;
  }

  const env: NodeJS.ProcessEnv = {
    ...options.env,
    GIT_PROJECT_ROOT: dirname(ctx.git.path),
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${basename(ctx.git.path)}${rest}`,
    REQUEST_METHOD: req.method ?? 'GET',
    QUERY_STRING: query.toString(),
    CONTENT_TYPE: headerValue(req.headers, 'content-type'),
    REMOTE_ADDR: '127.0.0.1',
    // http-backend enables receive-pack only for an authenticated REMOTE_USER.
    ...(authorized ? { REMOTE_USER: 'x-access-token' } : {}),
    // http-backend inflates gzip bodies itself when told the encoding.
    ...(req.headers['content-encoding']
      ? { HTTP_CONTENT_ENCODING: headerValue(req.headers, 'content-encoding') }
      : {}),
    ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: headerValue(req.headers, 'git-protocol') } : {}),
    CONTENT_LENGTH: String(body.length)
  };
  const output = await runCgi(env, body);
  const { status, headers, payload } = parseCgiOutput(output);
  res.writeHead(status, headers);
  res.end(payload);
  if (push && req.method === 'POST' && status === 200) await syncPullHeads(ctx);
  return status;
}

function runCgi(env: NodeJS.ProcessEnv, body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', code => {
      const out = Buffer.concat(chunks);
      if (out.length === 0 && code !== 0) {
        reject(new Error(`git http-backend exited ${code}: ${Buffer.concat(errors).toString('utf8')}`));
      } else resolve(out);
    });
    child.stdin.on('error', () => undefined); // the backend may stop reading early on errors
    child.stdin.end(body);
  });
}

function parseCgiOutput(output: Buffer): {
  status: number;
  headers: Record<string, string>;
  payload: Buffer;
} {
  let end = output.indexOf('\r\n\r\n');
  let separator = 4;
  const lf = output.indexOf('\n\n');
  if (end === -1 || (lf !== -1 && lf < end)) [end, separator] = [lf, 2];
  if (end === -1) return { status: 502, headers: { 'content-type': 'text/plain' }, payload: output };
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of output.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  return { status, headers, payload: output.subarray(end + separator) };
}
