import { errorMessage } from '../error-message.js';

/** How a job's log came back. */
export type DownloadedLog =
  | { kind: 'log'; text: string; bytes: number; droppedBytes: number }
  /** GitHub has no log for the job (expired, deleted, or the job never started). */
  | { kind: 'missing'; reason: string };

/** The token may not read the run's logs, or GitHub refused otherwise: the message says what to do. */
export class LogAccessError extends Error {}

export interface LogDownloadOptions {
  /** GITHUB_API_URL. */
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  fetch: typeof fetch;
  /** Bytes kept of a log: the first fifth and the rest from its end (the end says why it failed). */
  maxBytes?: number;
  timeoutMs?: number;
}

/** 8 MiB: a 5 MB log is kept whole; a bigger one loses its middle (its end says why it failed). */
export const MAX_LOG_BYTES = 8 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Downloads a job's log. GitHub answers `GET /repos/{owner}/{repo}/actions/jobs/{id}/logs` with a
 * redirect to a short-lived storage URL, which must never receive the token: so the redirect is
 * followed here, by hand, with a request that carries no credentials at all, instead of by a client
 * that might forward the Authorization header to another origin.
 */
export async function downloadJobLog(options: LogDownloadOptions, jobId: number): Promise<DownloadedLog> {
  const api = `${options.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/actions/jobs/${jobId}/logs`;
  let response = await request(options, api, {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${options.token}`,
    'x-github-api-version': '2022-11-28',
    'user-agent': 'kubrick-action'
  });
  let url = api;
  for (let hops = 0; REDIRECTS.has(response.status); hops++) {
    const location = response.headers.get('location');
    await response.body?.cancel();
    if (!location || hops >= MAX_REDIRECTS) {
      throw new LogAccessError(`GitHub's answer for the log of job ${jobId} redirected without end.`);
    }
    const next = new URL(location, url);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw new LogAccessError(`GitHub redirected the log of job ${jobId} to a ${next.protocol} URL.`);
    }
    url = next.href;
    // Storage: no token, no cookie, nothing but what any anonymous download sends.
    response = await request(options, url, { 'user-agent': 'kubrick-action' });
  }
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    return {
      kind: 'missing',
      reason: `GitHub has no log for this job (${response.status}): it expired or was deleted`
    };
  }
  if (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0') {
    await response.body?.cancel();
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    throw new LogAccessError(
      `GitHub's API rate limit is used up${when}, so the log of job ${jobId} could not be read; re-run Kubrick later.`
    );
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw new LogAccessError(
      `GitHub refused the log of job ${jobId} (${response.status}): the token needs \`actions: read\`. Add \`actions: read\` to the \`permissions:\` of the workflow that runs Kubrick.`
    );
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new LogAccessError(`GitHub answered ${response.status} for the log of job ${jobId}.`);
  }
  return readCapped(response, options.maxBytes ?? MAX_LOG_BYTES);
}

async function request(options: LogDownloadOptions, url: string, headers: Record<string, string>) {
  try {
    return await options.fetch(url, {
      method: 'GET',
      headers,
      redirect: 'manual',
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000)
    });
  } catch (error) {
    throw new LogAccessError(`Could not download a job log: ${errorMessage(error)}.`, { cause: error });
  }
}

/**
 * Reads the body, keeping at most `maxBytes`: the head (a fifth) and a rolling tail, so a huge log
 * costs bounded memory and still shows how it ended.
 */
async function readCapped(response: Response, maxBytes: number): Promise<DownloadedLog> {
  const headLimit = Math.floor(maxBytes / 5);
  const tailLimit = maxBytes - headLimit;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  const tail: Uint8Array[] = [];
  let tailBytes = 0;
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      let rest = chunk;
      if (headBytes < headLimit) {
        const take = rest.subarray(0, headLimit - headBytes);
        head.push(take);
        headBytes += take.length;
        rest = rest.subarray(take.length);
      }
      if (rest.length === 0) continue;
      tail.push(rest);
      tailBytes += rest.length;
      while (tail.length > 1 && tailBytes - (tail[0] as Uint8Array).length >= tailLimit) {
        tailBytes -= (tail.shift() as Uint8Array).length;
      }
    }
  }
  let tailBuffer = Buffer.concat(tail);
  if (tailBuffer.length > tailLimit) tailBuffer = tailBuffer.subarray(tailBuffer.length - tailLimit);
  const kept = headBytes + tailBuffer.length;
  const dropped = total - kept;
  const decoder = new TextDecoder('utf-8');
  const text =
    dropped > 0
      ? `${decoder.decode(Buffer.concat(head))}\n[… ${dropped.toLocaleString('en-US')} bytes of this log were not downloaded …]\n${decoder.decode(afterLineBreak(tailBuffer))}`
      : decoder.decode(Buffer.concat([...head, tailBuffer]));
  return { kind: 'log', text, bytes: total, droppedBytes: Math.max(0, dropped) };
}

/** The tail from its first whole line on, so no line or character starts cut in half. */
function afterLineBreak(buffer: Buffer): Buffer {
  const at = buffer.indexOf(0x0a);
  return at === -1 ? buffer : buffer.subarray(at + 1);
}
