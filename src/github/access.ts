/**
 * GitHub answering 401 or 403 is almost always the workflow's doing: a `github_token` that is not
 * valid for this repository, or a `permissions:` block without the scope a step needs. A bare
 * "Resource not accessible by integration" does not say which step or which scope, so every call a
 * run depends on is made as a named step, and a refusal becomes a message that names both.
 */
import { githubReasons, statusOf } from './errors.js';

/** One call to GitHub, as a maintainer would want it named when GitHub refuses it. */
export interface GitHubStep {
  /** What Kubrick was doing, e.g. "reading `.github/kubrick.yml` at the default branch (main)". */
  doing: string;
  /** owner/name, e.g. "octo-org/widgets". */
  repo: string;
  /**
   * The entry of the workflow's `permissions:` that allows it, e.g. "contents: read"; null when every
   * token for the repository may do it (repository metadata), so only the token can be at fault.
   */
  permission: string | null;
  /** A sentence for the cases the permission alone does not cover (a repository setting, …). */
  note?: string;
}

/** GitHub refused a step for want of a valid token or a permission; the message says what to change. */
export class GitHubAccessError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly step: GitHubStep,
    message: string
  ) {
    super(message);
    this.name = 'GitHubAccessError';
  }
}

/** What GitHub said (see githubReasons), else the error's message without the documentation link Octokit appends. */
function githubMessage(error: unknown): string {
  const said = githubReasons(error).join(': ');
  if (said !== '') return said;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message.replace(/ - https?:\/\/\S+$/, '').trim() : '';
}

function header(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * 401, or a 403 that is not a rate limit (GitHub answers 403 for those too; the client waits for them
 * and a rate limit that outlasts the waits is not a permission problem).
 */
export function accessStatus(error: unknown): 401 | 403 | null {
  const status = statusOf(error);
  if (status === 401) return 401;
  if (status !== 403) return null;
  if (header(error, 'x-ratelimit-remaining') === '0') return null;
  if (/rate limit/i.test(githubMessage(error))) return null;
  return 403;
}

function permissionAdvice(step: GitHubStep): string {
  if (step.permission === null) {
    return `Every token for ${step.repo} may do this, so the token itself is wrong: one for another repository or app installation, or a fine-grained token without access to ${step.repo}.`;
  }
  return `This step needs \`${step.permission}\` in the workflow's \`permissions:\` (of the workflow or of the job; a job's own \`permissions:\` replaces the workflow's).`;
}

/** The message for a refused step, or null when the error is something else. */
export function accessError(error: unknown, step: GitHubStep): GitHubAccessError | null {
  const status = accessStatus(error);
  if (status === null) return null;
  const said = githubMessage(error);
  const lines =
    status === 401
      ? [
          `GitHub rejected the token (401${said ? ` ${said}` : ''}) while Kubrick was ${step.doing} in ${step.repo}.`,
          'Check `github_token`: leave it at its default (`${{ github.token }}`) or pass a token secret that is valid, not expired and not revoked.',
          permissionAdvice(step)
        ]
      : [
          `GitHub refused (403${said ? ` ${said}` : ''}) while Kubrick was ${step.doing} in ${step.repo}.`,
          step.permission === null
            ? 'Check `github_token`.'
            : 'The token in `github_token` is not allowed to do this.',
          permissionAdvice(step),
          ...(step.permission === null
            ? []
            : [
                'With a personal access token or an app token in `github_token`, give that token the same access.'
              ])
        ];
  if (step.note) lines.push(step.note);
  return new GitHubAccessError(status, step, lines.join(' '));
}

/** Runs one step; a 401 or 403 is rethrown as a GitHubAccessError that names the step. */
export async function asStep<T>(step: GitHubStep, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw accessError(error, step) ?? error;
  }
}
