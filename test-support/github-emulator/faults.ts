/** Injected failures: the next N matching requests get a chosen status, headers and body. */
import { DOCS } from './http.js';
import type { ApiResponse } from './http.js';
import type { FaultSpec } from './types.js';

/** GitHub's wording, which Octokit's throttling plugin recognises (`/\bsecondary rate\b/i`). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID.';

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export class FaultInjector {
  private readonly faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    if (!Number.isInteger(spec.status) || spec.status < 100) {
      throw new Error(`failNext needs an HTTP status such as 502 or 403, got ${String(spec.status)}`);
    }
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Number of injected failures not yet consumed, so a test can check its fault was actually hit. */
  pending(): number {
    return this.faults.reduce((sum, f) => sum + f.remaining, 0);
  }

  /** Consumes and returns the first fault matching this request, if any. */
  take(method: string, path: string, body?: unknown): FaultSpec | null {
    const index = this.faults.findIndex(
      f =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (typeof f.pathPattern === 'string' ? f.pathPattern === path : f.pathPattern.test(path)) &&
        (f.bodyIncludes === undefined || bodyText(body).includes(f.bodyIncludes))
    );
    if (index === -1) return null;
    const fault = this.faults[index] as ActiveFault;
    fault.remaining--;
    if (fault.remaining === 0) this.faults.splice(index, 1);
    return fault;
  }
}

function bodyText(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

export function faultResponse(fault: FaultSpec): ApiResponse {
  return { status: fault.status, body: fault.body ?? defaultFaultBody(fault.status), headers: fault.headers };
}

function defaultFaultBody(status: number): unknown {
  if (status === 403) return { message: SECONDARY_RATE_LIMIT_MESSAGE, documentation_url: DOCS };
  if (status === 404) return { message: 'Not Found', documentation_url: DOCS, status: '404' };
  if (status === 429) return { message: 'API rate limit exceeded', documentation_url: DOCS };
  if (status >= 500) return { message: 'Server Error' };
  return { message: `Injected ${status}`, documentation_url: DOCS };
}
