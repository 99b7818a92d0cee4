import type { GitHub } from './client.js';
import { statusOf } from './errors.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && value in RANK;
}

/**
 * The user's permission on the repository. `permission` folds maintain into write and triage into
 * read, so `role_name` wins when it is one of the built-in roles; custom roles fall back to `permission`.
 * A user who is not a collaborator (404) has none. Never uses GET /user: installation tokens get 403 there.
 */
export async function getPermission(
  gh: GitHub,
  opts: { owner: string; repo: string; username: string }
): Promise<Permission> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel(opts);
    const role = (data as { role_name?: unknown }).role_name;
    if (isPermission(role)) return role;
    return isPermission(data.permission) ? data.permission : 'none';
  } catch (error) {
    if (statusOf(error) === 404) return 'none';
    throw error;
  }
}

/** Whether `actual` reaches `required` in GitHub's order none < read < triage < write < maintain < admin. */
export function meetsPermission(actual: Permission, required: Permission): boolean {
  return RANK[actual] >= RANK[required];
}
