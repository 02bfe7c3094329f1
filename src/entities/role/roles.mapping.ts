import type { V41Role, V41RoleAssignment, V41RoleContext } from '../../../datasources/v41/models';
import { grantPeriods } from '../../access';
import { GrantPeriod } from '../role-assignment/grant-period.type';
import { GrantType } from '../role-assignment/grant-type.type';
import { Role } from './role.type';
import { RoleAssignment } from '../role-assignment/role-assignment.type';
import { RoleContext } from './role-context.type';
import { Weekday } from '../role-assignment/weekday.type';
import { accessWindowOf, grantOf, weekdaysOf } from '../role-assignment/grants.mapping';
import { toDate } from '../shared/dates.mapping';
import { present } from '../shared/text.mapping';

const WEEKDAY_NAMES: readonly Weekday[] = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI, Weekday.SAT, Weekday.SUN];

/** A role's context as PrivX holds it (times and zone as written); null when there is none or it is disabled. */
export function toRoleContext(context: V41RoleContext | undefined): RoleContext | null {
  if (!context?.enabled) return null;
  return Object.assign(new RoleContext(), {
    weekdays: weekdaysOf(context.validity).map((day) => WEEKDAY_NAMES[day - 1] as Weekday),
    startTime: present(context.start_time) ?? null,
    endTime: present(context.end_time) ?? null,
    timezone: present(context.timezone) ?? null,
    ipMasks: context.ip_masks,
    blocksRole: context.block_role,
  });
}

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
    context: toRoleContext(role.context),
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

const toPeriodDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** A class instance, so that the state field resolvers get this object itself, `grant` and `window` included. */
export function toRoleAssignment(assignment: V41RoleAssignment): RoleAssignment {
  const grantType = present(assignment.grant_type);
  const firstPeriod = assignment.grant_validity_periods?.[0];
  const grant = grantOf(assignment);
  return Object.assign(new RoleAssignment(), {
    role: roleFromAssignment(assignment),
    explicit: assignment.explicit ?? false,
    grantType: grantType && GRANT_TYPES.has(grantType) ? (grantType as GrantType) : null,
    grantStart: toDate(assignment.grant_start) ?? toDate(firstPeriod?.grant_start),
    grantEnd: toDate(assignment.grant_end) ?? toDate(firstPeriod?.grant_end),
    periods: grantPeriods(grant).map((p) => Object.assign(new GrantPeriod(), { start: toPeriodDate(p.start), end: toPeriodDate(p.end) })),
    floatingHours: grant.kind === 'FLOATING' && assignment.floating_length !== undefined ? Math.round(assignment.floating_length) : null,
    grant,
    window: assignment.context === undefined ? undefined : accessWindowOf(assignment.context),
  });
}
