import type { Loaders } from '../../../datasources/loaders';
import type { V41RoleAssignment } from '../../../datasources/v41/models';
import { roleFromAssignment, toRole } from '../mapping';
import type { Role } from '../types';

/** What an assignment already says of its role; anything else needs the role list. */
const ON_ASSIGNMENT = new Set(['__typename', 'id', 'name', 'system', 'permissions', 'group', 'organization', 'workspace']);

export function needsRoleDetails(selected: Set<string>): boolean {
  return [...selected].some((field) => !ON_ASSIGNMENT.has(field));
}

/** Roles of assignments, filled from the (cached) role list only when a selected field needs it. */
export async function rolesOf(assignments: V41RoleAssignment[], loaders: Loaders, withDetails: boolean): Promise<Role[]> {
  if (!withDetails) return assignments.map(roleFromAssignment);
  const full = await loaders.roleById.loadMany(assignments.map((a) => a.id));
  return assignments.map((assignment, i) => {
    const role = full[i];
    if (role instanceof Error) throw role;
    return role ? toRole(role) : roleFromAssignment(assignment);
  });
}
