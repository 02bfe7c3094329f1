import DataLoader from 'dataloader';
import type { V41RoleAssignment, V41RoleStoreUser } from '../v41/models';
import { PAGE_SIZE } from '../v41/paging';
import type { Upstream } from '../upstream';
import { byLowerId, loaderOptions } from './loader-options';

export type UserLoader = DataLoader<string, V41RoleStoreUser | null>;

/**
 * Users by id. Prevents the N+1 of `_entities` and `usersByIds`: any number of ids in one tick cost one
 * `POST /users/search {user_id}`. A lone id uses `GET /users/{id}` instead, which also carries the user's
 * roles and so spares the roles call.
 */
export function createUserLoader(upstream: Upstream, onRolesSeen: (userId: string, roles: V41RoleAssignment[]) => void): UserLoader {
  return new DataLoader<string, V41RoleStoreUser | null>(async (ids) => {
    if (ids.length === 1) {
      const user = await upstream.client.getUser(ids[0] as string);
      if (user?.roles) onRolesSeen(ids[0] as string, user.roles);
      return [user];
    }
    const found = byLowerId(await upstream.client.usersByIds(ids));
    return ids.map((id) => found.get(id.toLowerCase()) ?? null);
  }, loaderOptions(PAGE_SIZE));
}
