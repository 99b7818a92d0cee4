/**
 * The storage that job logs live in, on an origin of its own (another port), as GitHub's blob storage
 * is: `GET /actions/jobs/{id}/logs` redirects here with a signed URL. It records every request with its
 * headers, so a test can prove that the token never reached it, and it refuses any request that
 * carries an Authorization header, as a signed storage URL does.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headerValue } from './http.js';
import type { RecordedRequest } from './types.js';

export interface LogStorage {
  /** The origin, e.g. http://127.0.0.1:PORT (never the API's). */
  readonly url: string;
  /** Every request it received, oldest first. */
  readonly requests: RecordedRequest[];
  /** A signed URL for a job's log, as GitHub's redirect names it. */
  signedUrl(jobId: number): string;
  close(): Promise<void>;
}

export async function startLogStorage(logOf: (jobId: number) => string | Buffer | null): Promise<LogStorage> {
  const requests: RecordedRequest[] = [];
  const signatures = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://storage.invalid');
    const headers: Record<string, string> = {};
    for (const name of Object.keys(req.headers)) headers[name] = headerValue(req.headers, name);
    const record: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      status: 0,
      receivedAt: Date.now()
    };
    requests.push(record);
    const answer = (status: number, body: string | Buffer, type = 'application/xml') => {
      record.status = status;
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const match = /^\/job-logs\/(\d+)$/.exec(url.pathname);
    const signed = signatures.get(url.searchParams.get('sig') ?? '');
    if (headers.authorization !== undefined) {
      answer(
        400,
        '<Error><Code>InvalidAuthenticationInfo</Code><Message>Authorization header is not allowed with a signed URL</Message></Error>'
      );
      return;
    }
    if (record.method !== 'GET' || !match || signed === undefined || signed !== Number(match[1])) {
      answer(403, '<Error><Code>AuthenticationFailed</Code></Error>');
      return;
    }
    const log = logOf(signed);
    if (log === null) {
      answer(404, '<Error><Code>BlobNotFound</Code></Error>');
      return;
    }
    answer(200, log, 'text/plain; charset=utf-8');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requests,
    signedUrl: jobId => {
      const sig = randomBytes(16).toString('hex');
      signatures.set(sig, jobId);
      return `${url}/job-logs/${jobId}?sig=${sig}&sv=2024-01-01`;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
