/**
 * Every comment Kubrick writes carries a hidden `<!-- kubrick:… -->` marker. It lets re-runs find
 * their comment again, and it is how the action recognises its own comments even when the token
 * cannot tell us our own login (installation tokens answer 403 on `GET /user`).
 */
export const KUBRICK_MARKER_PREFIX = '<!-- kubrick:';

export function hasKubrickMarker(body: string): boolean {
  return body.includes(KUBRICK_MARKER_PREFIX);
}
