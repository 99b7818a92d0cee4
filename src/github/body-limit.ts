/** GitHub rejects comment, review and PR bodies above 65 536 characters with a 422. */
export const GITHUB_BODY_LIMIT = 65_536;

const NOTE_RESERVE = 160;

/** Cuts a body to what GitHub accepts, saying so at the end instead of failing the write. */
export function fitBody(body: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  const keep = limit - NOTE_RESERVE;
  return `${body.slice(0, keep)}\n\n… (${body.length - keep} characters cut: GitHub accepts at most ${limit} per body)`;
}
