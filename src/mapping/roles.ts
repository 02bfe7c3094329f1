import type { V41Role, V41RoleAssignment } from '../../datasources/v41/models';
import { GrantType } from '../types/grant-type';
import { Role } from '../types/role';
import type { RoleAssignment } from '../types/role-assignment';
import { toDate } from './dates';
import { present } from './text';

const GRANT_TYPES: ReadonlySet<string> = new Set(Object.values(GrantType));

/** Class instances, as for `toUser`: `Role.members` takes the role as its root. */
export function toRole(role: V41Role): Role {
  return Object.assign(new Role(), {
    id: role.id,
    name: present(role.name) ?? null,
    description: present(role.comment) ?? null,
    system: role.system ?? null,
    permissions: role.permissions ?? [],
    memberCount: role.member_count ?? null,
    group: null,
    organization: null,
    workspace: null,
    createdAt: toDate(role.created),
    updatedAt: toDate(role.updated),
  });
}

/** Only what an assignment carries; description, memberCount and the dates stay undefined ("not loaded"). */
export function roleFromAssignment(assignment: V41RoleAssignment): Role {
  return Object.assign(new Role(), {
    id: assignment.id,
    name: present(assignment.name) ?? null,
    system: assignment.system ?? null,
    permissions: assignment.permissions ?? [],
    group: null,
    organization: null,
    workspace: null,
  });
}

export function toRoleAssignment(assignment: V41RoleAssignment): RoleAssignment {
  const grantType = present(assignment.grant_type);
  const firstPeriod = assignment.grant_validity_periods?.[0];
  return {
    role: roleFromAssignment(assignment),
    explicit: assignment.explicit ?? false,
    grantType: grantType && GRANT_TYPES.has(grantType) ? (grantType as GrantType) : null,
    grantStart: toDate(assignment.grant_start) ?? toDate(firstPeriod?.grant_start),
    grantEnd: toDate(assignment.grant_end) ?? toDate(firstPeriod?.grant_end),
  };
}
