import type { V41RoleStoreUser } from '../../datasources/v41/models';

/** Only users of PrivX's built-in directory have a local user store record (name and status may need it). */
export function isLocalUser(rs: V41RoleStoreUser): boolean {
  return rs.source_type === 'LOCAL';
}
