import type { V41LocalUser, V41RoleStoreUser, V41Source } from '../../../datasources/v41/models';
import { UserStatus } from './user-status.type';
import { isLocalUser } from './local-users.mapping';
import { present } from '../shared/text.mapping';

export interface StatusOf {
  status: UserStatus;
  rawStatus: string;
}

/**
 * The status table of docs/mapping.md#status, first matching row wins. `rs` is unused today but keeps the
 * signature stable should a user-level signal appear; DELETED is never produced (deleted PrivX users disappear).
 */
export function userStatus(_rs: V41RoleStoreUser, source: V41Source | undefined, local: V41LocalUser | null): StatusOf {
  if (source?.enabled === false) return { status: UserStatus.INACTIVE, rawStatus: 'source_disabled' };
  if (local?.password_change_required) return { status: UserStatus.INVITED, rawStatus: 'password_change_required' };
  const statusCode = present(source?.status_code);
  if (statusCode && statusCode.toUpperCase() !== 'OK') return { status: UserStatus.ACTIVE, rawStatus: statusCode };
  return { status: UserStatus.ACTIVE, rawStatus: 'active' };
}

export function statusNeedsLocalRecord(rs: V41RoleStoreUser): boolean {
  return isLocalUser(rs);
}
