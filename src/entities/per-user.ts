import type { V41RoleStoreUser } from '../../datasources/v41/models';

const memo = new WeakMap<V41RoleStoreUser, Map<string, Promise<unknown>>>();

/**
 * One read per user per request, however many fields need it: `status`, `rawStatus` and `workspace` share the
 * directory, `roles` and `roleAssignments` the assignments. Keyed by the role-store record, which every
 * `User` built from it (and any copy a schema library makes of one) shares. Loaders already memoise by key;
 * this also holds when they are off (naive mode), so that mode costs exactly one call per user and relation.
 */
export function oncePerUser<T>(record: V41RoleStoreUser, what: string, read: () => Promise<T>): Promise<T> {
  let reads = memo.get(record);
  if (!reads) memo.set(record, (reads = new Map()));
  let pending = reads.get(what) as Promise<T> | undefined;
  if (!pending) reads.set(what, (pending = read()));
  return pending;
}
