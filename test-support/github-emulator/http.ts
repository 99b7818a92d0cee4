/**
 * The few pieces of HTTP plumbing the routes share: a route table, typed errors that become GitHub's
 * error bodies, and pagination with a Link header.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const DOCS = 'https://docs.github.com/rest';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when there was none. */
  body: unknown;
  params: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  /** Serialized as JSON unless it is a string (diffs, patches). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest) => Promise<ApiResponse> | ApiResponse;

export interface Route {
  method: string;
  /**
   * `/repos/:owner/:repo/issues/:number`: a `:name` segment matches one path segment; a final `*` matches
   * the rest of the path (one or more segments, e.g. a file path or a branch with slashes).
   */
  pattern: string;
  handler: Handler;
}

/** An error that answers the request with GitHub's JSON error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
  }

  toResponse(): ApiResponse {
    return {
      status: this.status,
      body: { message: this.message, ...this.extra, documentation_url: DOCS, status: String(this.status) }
    };
  }
}

export const notFound = (): HttpError => new HttpError(404, 'Not Found');

/** GitHub's 422 for a rejected field: `{"message":"Validation Failed","errors":[…]}`. */
export function validationFailed(...errors: Array<Record<string, unknown> | string>): HttpError {
  return new HttpError(422, 'Validation Failed', { errors });
}

/** GitHub's 422 for semantic failures of reviews: `{"message":"Unprocessable Entity","errors":["…"]}`. */
export function unprocessable(...errors: string[]): HttpError {
  return new HttpError(422, 'Unprocessable Entity', { errors });
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string
): { route: Route; params: Record<string, string> } | null {
  // Octokit encodes a slash inside a parameter (`ref: 'heads/main'`) as %2F; GitHub treats it as a slash.
  const segments = path.replace(/%2F/gi, '/').split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split('/').filter(Boolean);
    const rest = parts[parts.length - 1] === '*';
    if (rest ? segments.length < parts.length : parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i] ?? '';
      const segment = segments[i] ?? '';
      if (part === '*') params['*'] = segments.slice(i).map(decodeURIComponent).join('/');
      else if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segment);
      else ok = part === segment;
    }
    if (ok) return { route, params };
  }
  return null;
}

/** The request's JSON object body; 400 like GitHub when it is not an object. */
export function jsonBody(req: ApiRequest): Record<string, unknown> {
  if (req.body === undefined) return {};
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new HttpError(400, 'Problems parsing JSON');
  }
  return req.body as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new HttpError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not a string.`);
  }
  return value;
}

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined) throw new HttpError(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
  return value;
}

/** GitHub caps comment, PR and review bodies at 65536 characters. */
export const MAX_BODY = 65536;

export function checkBodyLength(body: string | undefined, resource: string): void {
  if (body !== undefined && body.length > MAX_BODY) {
    throw validationFailed({
      resource,
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_BODY} characters)`
    });
  }
}

export function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new HttpError(404, `Not Found (${what} ${value} is not a number)`);
  return n;
}

/** Pages a list with `per_page` (default 30, max 100) and `page`, adding GitHub's Link header. */
export function paginate<T>(req: ApiRequest, baseUrl: string, items: T[]): ApiResponse {
  const perPage = Math.min(Math.max(Number(req.query.get('per_page')) || 30, 1), 100);
  const page = Math.max(Number(req.query.get('page')) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string): string => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(p));
    return `<${baseUrl}${req.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { status: 200, body: slice, headers: links.length ? { link: links.join(', ') } : {} };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
