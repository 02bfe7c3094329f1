import DataLoader from 'dataloader';
import type { V41Role } from '../v41/models';
import type { Upstream } from '../upstream';
import { byLowerId, loaderOptions } from './loader-options';

export type RoleLoader = DataLoader<string, V41Role | null>;

/**
 * Roles by id. PrivX cannot fetch many roles by id, but the whole role list is one page (roles are few):
 * every role of every user on a page costs that one cached `GET /roles`.
 */
export function createRoleLoader(upstream: Upstream): RoleLoader {
  return new DataLoader<string, V41Role | null>(async (ids) => {
    const roles = byLowerId(await upstream.catalog.roles());
    return ids.map((id) => roles.get(id.toLowerCase()) ?? null);
  }, loaderOptions());
}
