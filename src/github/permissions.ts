import { permissionFromApi, type Permission } from '../trigger/permission.js';
import { asStep } from './access.js';
import type { GitHub } from './client.js';
import { statusOf } from './errors.js';

export type { Permission };

/**
 * The user's permission on the repository, from the permission API (never from a payload's
 * `author_association`, never from GET /user, which installation tokens get 403 on). A user who is
 * not a collaborator (404) has none.
 */
export async function getPermission(
  gh: GitHub,
  opts: { owner: string; repo: string; username: string }
): Promise<Permission> {
  try {
    const { data } = await asStep(
      {
        doing: `checking the permission of @${opts.username} (the requester) on the repository`,
        repo: `${opts.owner}/${opts.repo}`,
        permission: null
      },
      () => gh.rest.repos.getCollaboratorPermissionLevel(opts)
    );
    return permissionFromApi(data);
  } catch (error) {
    if (statusOf(error) === 404) return 'none';
    throw error;
  }
}
