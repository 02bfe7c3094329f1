import type { V41LocalUser, V41RoleStoreUser } from '../../../datasources/v41/models';
import { User } from './user.type';
import { toDate } from '../shared/dates.mapping';

/**
 * A `User` over the record: its fields are computed when first read (src/entities/user/user.type.ts). An instance, not a
 * plain object: TypeGraphQL hands field resolvers a copy of any root that is not an instance of its class.
 */
export function toUser(rs: V41RoleStoreUser): User {
  return new User(rs);
}

/** A local user's `password.created` (the v41 client keeps only that of the password object). */
export function passwordSetAt(local: V41LocalUser | null): Date | null {
  return toDate(local?.password_created);
}

export interface RemoteData {
  roleStoreUser: Readonly<Record<string, unknown>>;
  localUser: Readonly<Record<string, unknown>> | null;
}

/** The records as the v41 client parsed them: secrets were removed there, so nothing is filtered here. */
export function remoteData(rs: V41RoleStoreUser, local: V41LocalUser | null): RemoteData {
  return { roleStoreUser: rs.raw, localUser: local ? local.raw : null };
}
