/**
 * Repository permission levels, lowest first. They come from
 * `GET /repos/{owner}/{repo}/collaborators/{username}/permission`, never from a payload's
 * `author_association` (which says nothing reliable about write access).
 */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

export function permissionRank(permission: Permission): number {
  return PERMISSIONS.indexOf(permission);
}

export function meetsPermission(actual: Permission, required: Permission): boolean {
  return permissionRank(actual) >= permissionRank(required);
}

/**
 * Reads the permission API's answer. `permission` only knows the legacy levels (admin, write,
 * read, none); `role_name` also knows maintain and triage, so the higher of the two wins when
 * both are recognised. Anything unrecognised counts as no permission (fail closed).
 */
export function permissionFromApi(answer: unknown): Permission {
  if (answer === null || typeof answer !== 'object') return 'none';
  const { permission, role_name: roleName } = answer as { permission?: unknown; role_name?: unknown };
  const legacy: Permission = isPermission(permission) ? permission : 'none';
  const role: Permission = isPermission(roleName) ? roleName : 'none';
  return permissionRank(role) > permissionRank(legacy) ? role : legacy;
}
