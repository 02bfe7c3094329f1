import type { V41LocalUser, V41RoleAssignment, V41Source } from '../datasources/v41/models';
import type { Context } from '../src/context';
import { statusNeedsLocalRecord, userStatus, type StatusOf } from '../src/mapping';
import type { User } from '../src/types';
import { oncePerUser } from './per-user';

// What a user's relation fields read, once per user, through the request's loaders; free of TypeGraphQL so
// that any schema built over the same loaders shares it.

/** A LOCAL user's local-user-store record (joined by `source_user_id`), through the request's loader. */
export function localRecordOf(user: User, { loaders }: Context): Promise<V41LocalUser | null> {
  return oncePerUser(user, 'local', () => loaders.localUserById.load(user.record.source_user_id ?? user.id));
}

export function directoryOf(user: User, { loaders }: Context): Promise<V41Source | null> {
  const { source } = user.record;
  return oncePerUser(user, 'directory', async () => (source ? loaders.sourceById.load(source) : null));
}

export function assignmentsOf(user: User, { loaders }: Context): Promise<V41RoleAssignment[]> {
  return oncePerUser(user, 'assignments', async () => (await loaders.rolesOfUser.load(user.id)) ?? []);
}

export async function statusOf(user: User, context: Context): Promise<StatusOf> {
  const [directory, local] = await Promise.all([
    directoryOf(user, context),
    statusNeedsLocalRecord(user.record) ? localRecordOf(user, context) : null,
  ]);
  return userStatus(user.record, directory ?? undefined, local);
}
