import type { V41RoleStoreUser } from '../../datasources/v41/models';
import type { Context } from '../context';

/**
 * One read per user per request, however many fields need it: `status`, `rawStatus` and `workspace` share the
 * directory, `roles` and `roleAssignments` the assignments. Keyed by the role-store record, which every
 * `User` built from it (and any copy a schema library makes of one) shares, in a map of the request's own
 * (`context.request.memo`, the request's scope): a record can be shared by requests (the membership index's
 * members are), a read is not.
 * The product's loaders also memoise by key; this holds whatever loaders the server was given
 * (`startSubgraph({ loaders })`), so a user's relation costs at most one load per request.
 */
export function oncePerUser<T>(context: Context, record: V41RoleStoreUser, what: string, read: () => Promise<T>): Promise<T> {
  const memo = context.request.memo;
  let reads = memo.get(record);
  if (!reads) memo.set(record, (reads = new Map()));
  let pending = reads.get(what) as Promise<T> | undefined;
  if (!pending) reads.set(what, (pending = read()));
  return pending;
}
