import type { GrantType, RawGrantPeriod, RawRole, RawRoleAssignment } from './demo-types';
import { badRequest } from './http-io';
import { isUuid } from './random';

/**
 * The body of `PUT /role-store/api/v1/users/{id}/roles` checked as PrivX checks it (docs/upstream-v41.md,
 * Writes): a JSON array of role handles, each naming an existing role once, with a known grant type and the
 * terms that type needs. `floating_length` is in hours. A bad body is a 400 naming the property; nothing is
 * written.
 */

const GRANT_TYPES: readonly GrantType[] = ['PERMANENT', 'TIME_RESTRICTED', 'FLOATING'];

function instant(value: unknown, property: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badRequest(`${property} must be an RFC 3339 timestamp`, property);
  return value;
}

function periodsOf(value: unknown, property: string): RawGrantPeriod[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${property} must be an array`, property);
  return value.map((period, i) => {
    const at = `${property}[${i}]`;
    if (typeof period !== 'object' || period === null) throw badRequest(`${at} must be an object`, at);
    const { grant_start: start, grant_end: end } = period as Record<string, unknown>;
    const checked = { grant_start: instant(start, `${at}.grant_start`), grant_end: instant(end, `${at}.grant_end`) };
    if (Date.parse(checked.grant_start) >= Date.parse(checked.grant_end)) throw badRequest(`${at}: grant_start must be before grant_end`, `${at}.grant_start`);
    return checked;
  });
}

/** The explicit grants the body asks for, as the user's `roles[]` will carry them. */
export function explicitGrantsOf(body: unknown, rolesById: ReadonlyMap<string, RawRole>): RawRoleAssignment[] {
  if (!Array.isArray(body)) throw badRequest('body must be a JSON array of role handles');
  const seen = new Set<string>();
  return body.map((handle, i) => {
    const at = `roles[${i}]`;
    if (typeof handle !== 'object' || handle === null || Array.isArray(handle)) throw badRequest(`${at} must be a role handle object`, at);
    const h = handle as Record<string, unknown>;
    if (typeof h.id !== 'string' || !isUuid(h.id)) throw badRequest(`${at}.id is not a valid UUID`, `${at}.id`);
    const id = h.id.toLowerCase();
    const role = rolesById.get(id);
    if (!role) throw badRequest(`${at}.id: role ${id} does not exist`, `${at}.id`);
    if (seen.has(id)) throw badRequest(`${at}.id: role ${id} is listed twice`, `${at}.id`);
    seen.add(id);
    const grantType = (h.grant_type ?? 'PERMANENT') as GrantType;
    if (!GRANT_TYPES.includes(grantType)) throw badRequest(`${at}.grant_type must be one of ${GRANT_TYPES.join(', ')}`, `${at}.grant_type`);
    const assignment: RawRoleAssignment = {
      id,
      name: role.name,
      explicit: true,
      implicit: false,
      system: role.system,
      grant_type: grantType,
      access_group_id: role.access_group_id,
      permissions: role.permissions,
      context: role.context,
    };
    if (grantType === 'FLOATING') {
      const hours = h.floating_length;
      if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < 1) throw badRequest(`${at}.floating_length must be a whole number of hours >= 1`, `${at}.floating_length`);
      assignment.floating_length = hours;
    }
    if (grantType === 'TIME_RESTRICTED') {
      const periods = periodsOf(h.grant_validity_periods, `${at}.grant_validity_periods`);
      const start = h.grant_start === undefined || h.grant_start === null ? undefined : instant(h.grant_start, `${at}.grant_start`);
      const end = h.grant_end === undefined || h.grant_end === null ? undefined : instant(h.grant_end, `${at}.grant_end`);
      if (!periods?.length && start === undefined) throw badRequest(`${at}: a TIME_RESTRICTED grant needs grant_start or grant_validity_periods`, `${at}.grant_start`);
      if (start !== undefined && end !== undefined && Date.parse(start) >= Date.parse(end)) throw badRequest(`${at}: grant_start must be before grant_end`, `${at}.grant_start`);
      if (start !== undefined) assignment.grant_start = start;
      if (end !== undefined) assignment.grant_end = end;
      if (periods?.length) assignment.grant_validity_periods = periods;
    }
    return assignment;
  });
}
