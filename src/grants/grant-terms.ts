import type { RoleHandle } from '../../datasources/upstream';
import type { V41RoleAssignment } from '../../datasources/v41/models';

/**
 * Role handles for `PUT /users/{id}/roles` (docs/upstream-v41.md, Writes), as pure functions: another explicit
 * grant is copied from the upstream's own record field for field; the grant being written is built from the
 * mutation's input. `floating_length` is in hours.
 */

export type GrantKind = 'PERMANENT' | 'TIME_RESTRICTED' | 'FLOATING';

export interface IntendedGrant {
  roleId: string;
  roleName: string | undefined;
  grantType: GrantKind;
  periods?: readonly { start: Date; end: Date }[];
  floatingHours?: number;
}

/** RFC 3339 in UTC, whole seconds when the instant has no fraction: PrivX's own spelling. */
export function rfc3339(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}

/** An explicit grant as the upstream returned it, sent back unchanged: every term it carries, nothing added. */
export function handleOf(assignment: V41RoleAssignment): RoleHandle {
  const handle: RoleHandle = { id: assignment.id, explicit: true };
  if (assignment.name !== undefined) handle.name = assignment.name;
  if (assignment.grant_type !== undefined) handle.grant_type = assignment.grant_type;
  if (assignment.grant_start !== undefined) handle.grant_start = assignment.grant_start;
  if (assignment.grant_end !== undefined) handle.grant_end = assignment.grant_end;
  if (assignment.grant_validity_periods !== undefined) {
    handle.grant_validity_periods = assignment.grant_validity_periods.map((p) => ({ grant_start: p.grant_start ?? '', grant_end: p.grant_end ?? '' }));
  }
  if (assignment.floating_length !== undefined) handle.floating_length = assignment.floating_length;
  return handle;
}

/** The handle of the grant a mutation asks for. Periods in time order; `grant_start`/`grant_end` span them all. */
export function intendedHandle(grant: IntendedGrant): RoleHandle {
  const handle: RoleHandle = { id: grant.roleId, explicit: true, grant_type: grant.grantType };
  if (grant.roleName !== undefined) handle.name = grant.roleName;
  if (grant.grantType === 'TIME_RESTRICTED') {
    const periods = [...(grant.periods ?? [])].sort((a, b) => a.start.getTime() - b.start.getTime());
    handle.grant_start = rfc3339(new Date(Math.min(...periods.map((p) => p.start.getTime()))));
    handle.grant_end = rfc3339(new Date(Math.max(...periods.map((p) => p.end.getTime()))));
    handle.grant_validity_periods = periods.map((p) => ({ grant_start: rfc3339(p.start), grant_end: rfc3339(p.end) }));
  }
  if (grant.grantType === 'FLOATING') handle.floating_length = grant.floatingHours;
  return handle;
}

type Terms = Pick<V41RoleAssignment, 'grant_type' | 'grant_start' | 'grant_end' | 'grant_validity_periods' | 'floating_length'>;

const instantOf = (text: string | undefined): number | null => {
  if (text === undefined || text === '') return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
};

/** The periods a grant holds in, as instants: its validity periods, else its start and end. */
function periodKey(terms: Terms): string {
  const periods = terms.grant_validity_periods?.length
    ? terms.grant_validity_periods.map((p) => [instantOf(p.grant_start), instantOf(p.grant_end)])
    : [[instantOf(terms.grant_start), instantOf(terms.grant_end)]];
  return JSON.stringify(periods.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)));
}

/** Same grant terms, instants compared as instants (PrivX may spell a time differently from how it was sent). */
export function sameTerms(a: Terms, b: Terms): boolean {
  const type = (t: Terms) => (t.grant_type ?? 'PERMANENT').toUpperCase();
  if (type(a) !== type(b)) return false;
  if (type(a) === 'FLOATING' && a.floating_length !== b.floating_length) return false;
  if (type(a) === 'TIME_RESTRICTED' && periodKey(a) !== periodKey(b)) return false;
  return true;
}

/** The user's explicit grants only: directory-mapped roles are never the client's to send. */
export function explicitGrants(roles: readonly V41RoleAssignment[]): V41RoleAssignment[] {
  return roles.filter((role) => role.explicit === true);
}

/** The explicit grants of two reads are the same, field for field (order aside). */
export function sameExplicitGrants(a: readonly V41RoleAssignment[], b: readonly V41RoleAssignment[]): boolean {
  const key = (roles: readonly V41RoleAssignment[]) =>
    JSON.stringify(
      explicitGrants(roles)
        .map(handleOf)
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    );
  return key(a) === key(b);
}
