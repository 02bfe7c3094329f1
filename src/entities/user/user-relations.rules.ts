import type { V41LocalUser, V41RoleAssignment, V41RoleStoreUser, V41Source } from '../../../datasources/v41/models';
import type { Context } from '../../context';
import { localUserIdOf, statusNeedsLocalRecord, userStatus, type StatusOf } from '../mapping';
import { oncePerUser } from '../per-user';

// What a user's relation fields read, once per user, through the request's loaders.

/** A LOCAL user's local-user-store record, through the request's loader. */
export function localRecordOf(record: V41RoleStoreUser, context: Context): Promise<V41LocalUser | null> {
  const { loaders } = context;
  return oncePerUser(context, record, 'local', () => loaders.localUserById.load(localUserIdOf(record)));
}

/** The user's directory (PrivX source). */
export function sourceOf(record: V41RoleStoreUser, context: Context): Promise<V41Source | null> {
  const { source } = record;
  const { loaders } = context;
  return oncePerUser(context, record, 'source', async () => (source ? loaders.sourceById.load(source) : null));
}

export function assignmentsOf(record: V41RoleStoreUser, context: Context): Promise<V41RoleAssignment[]> {
  const { loaders } = context;
  return oncePerUser(context, record, 'assignments', async () => (await loaders.rolesOfUser.load(record.id)) ?? []);
}

export async function statusOf(record: V41RoleStoreUser, context: Context): Promise<StatusOf> {
  const [source, local] = await Promise.all([sourceOf(record, context), statusNeedsLocalRecord(record) ? localRecordOf(record, context) : null]);
  return userStatus(record, source ?? undefined, local);
}
