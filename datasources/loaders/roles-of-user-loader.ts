import DataLoader from 'dataloader';
import pMap from 'p-map';
import { membershipPages } from '../upstream-catalog';
import type { V41RoleAssignment } from '../v41/models';
import type { Upstream } from '../upstream';
import { loaderOptions, orError } from './loader-options';

export type RolesOfUserLoader = DataLoader<string, V41RoleAssignment[] | null>;

/** Per-user role calls in flight at once: enough to hide latency, few enough not to load PrivX. */
export const ROLE_CALL_CONCURRENCY = 8;

/**
 * Role assignments by user id. Prevents one `GET /users/{id}/roles` per user of a page: PrivX has no "roles
 * of many users" call, so each batch takes the cheaper honest route, counted in upstream calls:
 * - per user: `GET /users/{id}/roles` for each user not already cached (cost: the users left), or
 * - inversion: `GET /roles` + `GET /roles/{id}/members` for every role (cost: the member pages, known from
 *   each role's `member_count`), which answers every user at once and is cached as the membership index.
 * The role list itself is needed by both (Role details) and is cached, so it does not tip the choice.
 */
export function createRolesOfUserLoader(upstream: Upstream): RolesOfUserLoader {
  const { catalog } = upstream;
  return new DataLoader<string, V41RoleAssignment[] | null>(async (userIds): Promise<(V41RoleAssignment[] | null | Error)[]> => {
    const index = await catalog.peekMembershipIndex();
    if (index) return userIds.map((id) => index.get(id) ?? []);

    const known = await Promise.all(userIds.map((id) => catalog.peekUserRoles(id)));
    const missing = userIds.filter((_, i) => known[i] === undefined);
    const fetched = new Map<string, V41RoleAssignment[] | null | Error>();
    if (missing.length > 0) {
      const roles = await catalog.roles();
      if (missing.length > membershipPages(roles)) {
        const built = await catalog.membershipIndex(roles);
        return userIds.map((id) => built.get(id) ?? []);
      }
      // One user's failed call fails that user's roles only, with that call's error.
      const lists = await pMap(missing, (id) => orError(catalog.userRoles(id)), { concurrency: ROLE_CALL_CONCURRENCY });
      missing.forEach((id, i) => fetched.set(id, lists[i] ?? null));
    }
    // What was not fetched just now was cached a moment ago (and is read again only if it expired since).
    return Promise.all(userIds.map((id) => (fetched.has(id) ? (fetched.get(id) ?? null) : orError(catalog.userRoles(id)))));
  }, loaderOptions());
}
