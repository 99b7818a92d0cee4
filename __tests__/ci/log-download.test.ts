import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadJobLog, LogAccessError } from '../../src/ci/log-download.js';

/** An HTTP server whose answers a test sets, recording the headers of every request. */
interface FakeServer {
  url: string;
  seen: { path: string; headers: IncomingHttpHeaders }[];
  answer: (path: string) => { status: number; headers?: Record<string, string>; body?: string | Buffer };
  close(): Promise<void>;
}

async function fakeServer(): Promise<FakeServer> {
  const fake: Partial<FakeServer> = { seen: [], answer: () => ({ status: 404 }) };
  const server: Server = createServer((req, res) => {
    fake.seen!.push({ path: req.url ?? '', headers: req.headers });
    const { status, headers, body } = fake.answer!(req.url ?? '');
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake as FakeServer;
}

const TOKEN = 'ghs_downloadtesttoken0000000000000000000';
let api: FakeServer;
let storage: FakeServer;

beforeAll(async () => {
  api = await fakeServer();
  storage = await fakeServer();
});
afterAll(async () => {
  await api.close();
  await storage.close();
});

const options = (extra: Partial<Parameters<typeof downloadJobLog>[0]> = {}) => ({
  apiUrl: api.url,
  token: TOKEN,
  owner: 'octo-org',
  repo: 'widgets',
  fetch: globalThis.fetch,
  ...extra
});

describe('downloadJobLog', () => {
  it('follows the redirect to storage itself, with no token and nothing else that identifies the caller', async () => {
    api.answer = () => ({ status: 302, headers: { location: `${storage.url}/blob/7?sig=abc` } });
    storage.answer = () => ({ status: 200, body: 'the log\n' });
    api.seen.length = 0;
    storage.seen.length = 0;
    const log = await downloadJobLog(options(), 7);
    expect(log).toEqual({ kind: 'log', text: 'the log\n', bytes: 8, droppedBytes: 0 });
    expect(api.seen.map(r => r.path)).toEqual(['/repos/octo-org/widgets/actions/jobs/7/logs']);
    expect(api.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(storage.seen.map(r => r.path)).toEqual(['/blob/7?sig=abc']);
    const sent = storage.seen[0]!.headers;
    expect(sent.authorization).toBeUndefined();
    expect(sent.cookie).toBeUndefined();
    expect(JSON.stringify(sent)).not.toContain(TOKEN);
  });

  it('sends no token even when the storage is on the API’s own origin, or redirects again', async () => {
    api.answer = path =>
      path.includes('/actions/jobs/')
        ? { status: 307, headers: { location: '/storage/first' } }
        : path === '/storage/first'
          ? { status: 302, headers: { location: `${storage.url}/second` } }
          : { status: 404 };
    storage.answer = () => ({ status: 200, body: 'ok' });
    api.seen.length = 0;
    storage.seen.length = 0;
    await downloadJobLog(options(), 8);
    expect(api.seen.map(r => [r.path, r.headers.authorization])).toEqual([
      ['/repos/octo-org/widgets/actions/jobs/8/logs', `Bearer ${TOKEN}`],
      ['/storage/first', undefined]
    ]);
    expect(storage.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('says which permission is missing when GitHub refuses the log', async () => {
    api.answer = () => ({ status: 403, body: '{"message":"Resource not accessible by integration"}' });
    await expect(downloadJobLog(options(), 9)).rejects.toThrow(LogAccessError);
    await expect(downloadJobLog(options(), 9)).rejects.toThrow(/actions: read/);
  });

  it('calls an exhausted rate limit a rate limit, not a missing permission', async () => {
    api.answer = () => ({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'content-type': 'application/json' },
      body: '{"message":"API rate limit exceeded for installation ID 1."}'
    });
    const refused = downloadJobLog(options(), 9);
    await expect(refused).rejects.toThrow(/rate limit/i);
    await expect(downloadJobLog(options(), 9)).rejects.not.toThrow(/actions: read/);
  });

  it('reports an expired or missing log as missing, not as a failure', async () => {
    for (const status of [404, 410]) {
      api.answer = () => ({ status });
      const log = await downloadJobLog(options(), 10);
      expect(log).toMatchObject({ kind: 'missing' });
    }
  });

  it('refuses endless redirects and redirects to other schemes', async () => {
    api.answer = () => ({ status: 302, headers: { location: `${api.url}/again` } });
    await expect(downloadJobLog(options(), 11)).rejects.toThrow(/redirected without end/);
    api.answer = () => ({ status: 302, headers: { location: 'file:///etc/passwd' } });
    await expect(downloadJobLog(options(), 11)).rejects.toThrow(/file: URL/);
  });

  it('keeps the start and the end of a log bigger than its limit, and says how much it left out', async () => {
    const body = `${'a'.repeat(10_000)}\n${'b'.repeat(50_000)}\n${'c'.repeat(10_000)}\nthe end\n`;
    api.answer = () => ({ status: 302, headers: { location: `${storage.url}/big` } });
    storage.answer = () => ({ status: 200, body });
    const log = await downloadJobLog(options({ maxBytes: 20_000 }), 12);
    if (log.kind !== 'log') throw new Error('expected a log');
    expect(log.bytes).toBe(body.length);
    expect(log.droppedBytes).toBe(body.length - 20_000);
    expect(log.text.startsWith('a'.repeat(4000))).toBe(true);
    expect(log.text.endsWith(`${'c'.repeat(10_000)}\nthe end\n`)).toBe(true);
    expect(log.text).toContain(`bytes of this log were not downloaded`);
    expect(log.text.length).toBeLessThan(21_000);
  });

  it('turns a network failure into a message', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(downloadJobLog(options({ fetch: failing }), 13)).rejects.toThrow(
      /Could not download a job log: fetch failed/
    );
  });
});
