import type { V41RoleStoreUser } from '../../../datasources/v41/models';

/** Only users of PrivX's built-in directory have a local user store record (name and status may need it). */
export function isLocalUser(rs: V41RoleStoreUser): boolean {
  return rs.source_type === 'LOCAL';
}

/** The join key from a role-store user to its local-user-store record (docs/mapping.md#local-users). */
export function localUserIdOf(rs: V41RoleStoreUser): string {
  return rs.source_user_id ?? rs.id;
}
