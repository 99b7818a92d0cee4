/**
 * Hidden markers let a re-run find the comment it wrote before (so it edits instead of duplicating)
 * and let `/kubrick approve` find the plan it approves. They are HTML comments: invisible to readers.
 */
import { KUBRICK_MARKER_PREFIX } from '../trigger/markers.js';

export { KUBRICK_MARKER_PREFIX };

export type MarkerKind = 'run' | 'plan' | 'review' | 'followup';

// Keys end up inside an HTML comment, so they must never be able to close it (`-->`) or span lines.
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

function marker(kind: MarkerKind, key: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw new Error(
      `Invalid Kubrick ${kind} marker key "${key}": use letters, digits, '.', '_' and '-' only.`
    );
  }
  return `${KUBRICK_MARKER_PREFIX}${kind}:${key} -->`;
}

/** Marks the comment of one trigger, e.g. `comment-123`, `issue-5-label`, `scheduled-<slug>`, `pr-7-auto`. */
export function runMarker(key: string): string {
  return marker('run', key);
}

/** Marks a posted plan so an approval can find it. */
export function planMarker(id: string): string {
  return marker('plan', id);
}

/** Marks a posted review with the head commit it reviewed: a later review starts from there. */
export function reviewMarker(headSha: string): string {
  return marker('review', headSha);
}

/** Marks a reply in a review thread: the thread's comment id and the commit the reply is about. */
export function followUpMarker(threadId: number, headSha: string): string {
  return marker('followup', `${threadId}-${headSha}`);
}

/** The key of the first marker of that kind in a body, or undefined. */
export function findMarker(body: string | null | undefined, kind: MarkerKind): string | undefined {
  if (!body) return undefined;
  const start = `${KUBRICK_MARKER_PREFIX}${kind}:`;
  let from = body.indexOf(start);
  while (from !== -1) {
    const end = body.indexOf(' -->', from + start.length);
    if (end === -1) return undefined;
    const key = body.slice(from + start.length, end);
    if (KEY_PATTERN.test(key)) return key;
    from = body.indexOf(start, from + 1);
  }
  return undefined;
}

/** The body without any Kubrick marker, for text that is handed on (a plan becoming a task). */
export function stripMarkers(body: string): string {
  return body
    .split('\n')
    .map(line => {
      let out = line;
      let at = out.indexOf(KUBRICK_MARKER_PREFIX);
      while (at !== -1) {
        const end = out.indexOf('-->', at);
        out = end === -1 ? out.slice(0, at) : out.slice(0, at) + out.slice(end + 3);
        at = out.indexOf(KUBRICK_MARKER_PREFIX);
      }
      return out;
    })
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}
