import type { SharedCache } from '../../datasources/cache';

/**
 * The shared-cache keys a write makes wrong (docs/writes.md, "Fresh reads after a write"), named by what was
 * written. Keys are those of `UpstreamCatalog`.
 */

/** A user's explicit roles changed: their role list, every role's members and counts (the membership index, the role list). */
export function keysAfterRoleChange(userId: string): string[] {
  return [`user-roles:${userId.toLowerCase()}`, 'role-membership', 'roles'];
}

/** A user's own record changed (issue 24: local users): the record, the local-user lists, the directory facets. */
export function keysAfterUserChange(userId: string): string[] {
  const id = userId.toLowerCase();
  return [`local-user:${id}`, 'local-users', 'local-users:first-page', 'directory-facets', `user-roles:${id}`, 'role-membership'];
}

/** Forgets `keys` here and, through Redis, on every replica. A failure to reach Redis is the cache's to report. */
export function invalidate(cache: SharedCache, keys: readonly string[]): Promise<void> {
  return cache.invalidate(keys);
}
