import type {
  V41Attribute,
  V41List,
  V41LocalUser,
  V41Person,
  V41Role,
  V41RoleAssignment,
  V41RoleContext,
  V41RoleStoreUser,
  V41Source,
} from './models';
import { V41ParseError } from './errors';
import { passwordCreatedOf } from './secrets';

/**
 * Raw (already secret-free) JSON → typed v41 models. Tolerant on purpose: unknown keys are ignored, the
 * documented spelling drift (`updatedby`, `given_name`, `RefreshTimestamp`: docs/upstream-v41.md#spelling-drift)
 * is folded into one name, and a field of the wrong type reads as absent rather than failing the whole response.
 */

type Json = Record<string, unknown>;

function asObject(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new V41ParseError(`${what} is not an object`);
  return value as Json;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The list itself when it holds only strings, as it nearly always does: no copy per record. */
function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.every(isString) ? value : value.filter(isString);
}

function requiredId(record: Json, what: string): string {
  const id = str(record.id);
  if (!id) throw new V41ParseError(`${what} without an id`);
  return id;
}

function isAttribute(a: unknown): a is V41Attribute {
  return a !== null && typeof a === 'object' && typeof (a as Json).key === 'string' && typeof (a as Json).value === 'string';
}

/** The list itself when every item is a `{ key, value }` of strings (other keys are never read): no copy per record. */
function attributes(value: unknown): V41Attribute[] {
  if (!Array.isArray(value)) return [];
  return value.every(isAttribute) ? value : value.filter(isAttribute);
}

export function toList<T>(body: unknown, item: (record: unknown) => T, what: string): V41List<T> {
  const list = asObject(body, `${what} list`);
  const items = Array.isArray(list.items) ? list.items.map(item) : [];
  return { count: num(list.count) ?? items.length, items };
}

function roleContext(value: unknown): V41RoleContext | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const c = value as Json;
  return {
    enabled: bool(c.enabled) ?? false,
    block_role: bool(c.block_role) ?? false,
    validity: strings(c.validity),
    start_time: str(c.start_time),
    end_time: str(c.end_time),
    timezone: str(c.timezone),
    ip_masks: strings(c.ip_masks),
  };
}

/** `RefreshTimestamp` is documented as epoch seconds; payloads also carry RFC 3339 strings. Both become RFC 3339. */
function refreshTimestamp(value: unknown): string | undefined {
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : num(value);
  if (seconds !== undefined) {
    const date = new Date(seconds * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return str(value);
}

export function toRoleAssignment(value: unknown): V41RoleAssignment {
  const r = asObject(value, 'role assignment');
  return {
    id: requiredId(r, 'role assignment'),
    name: str(r.name),
    explicit: bool(r.explicit),
    implicit: bool(r.implicit),
    system: bool(r.system),
    grant_type: str(r.grant_type),
    grant_start: str(r.grant_start),
    grant_end: str(r.grant_end),
    grant_validity_periods: Array.isArray(r.grant_validity_periods)
      ? r.grant_validity_periods.map((p) => ({ grant_start: str((p as Json)?.grant_start), grant_end: str((p as Json)?.grant_end) }))
      : undefined,
    floating_length: num(r.floating_length),
    access_group_id: str(r.access_group_id),
    permissions: strings(r.permissions),
    context: roleContext(r.context),
  };
}

function toPerson(u: Json, what: string): V41Person {
  return {
    id: requiredId(u, what),
    created: str(u.created),
    updated: str(u.updated),
    updated_by: str(u.updated_by) ?? str(u.updatedby),
    author: str(u.author),
    comment: str(u.comment),
    tags: strings(u.tags),
    first_name: str(u.first_name) ?? str(u.given_name),
    last_name: str(u.last_name),
    full_name: str(u.full_name),
    job_title: str(u.job_title),
    company: str(u.company),
    department: str(u.department),
    email: str(u.email),
    telephone: str(u.telephone),
    locale: str(u.locale),
    windows_account: str(u.windows_account),
    unix_account: str(u.unix_account),
    attributes: attributes(u.attributes),
    raw: u,
  };
}

export function toRoleStoreUser(value: unknown): V41RoleStoreUser {
  const u = asObject(value, 'role-store user');
  const mfa = u.mfa !== null && typeof u.mfa === 'object' ? (u.mfa as Json) : undefined;
  // Completes the person record in place: spreading it into a new object per user cost 2.5 ms per 100 users.
  const user = toPerson(u, 'role-store user') as V41RoleStoreUser;
  user.source_user_id = str(u.source_user_id);
  user.principal = str(u.principal);
  user.distinguished_name = str(u.distinguished_name);
  user.external_id = str(u.external_id);
  user.source = str(u.source);
  user.source_type = str(u.source_type);
  user.roles = Array.isArray(u.roles) ? u.roles.map(toRoleAssignment) : null;
  user.mfa_status = str(mfa?.status);
  user.refresh_timestamp = refreshTimestamp(u.RefreshTimestamp ?? u.refresh_timestamp);
  return user;
}

export function toLocalUser(value: unknown): V41LocalUser {
  const u = asObject(value, 'local user');
  const user = toPerson(u, 'local user') as V41LocalUser;
  user.username = str(u.username);
  user.display_name = str(u.display_name);
  user.password_change_required = bool(u.password_change_required) ?? false;
  user.password_created = passwordCreatedOf(u);
  return user;
}

export function toRole(value: unknown): V41Role {
  const r = asObject(value, 'role');
  return {
    id: requiredId(r, 'role'),
    name: str(r.name),
    comment: str(r.comment),
    tags: strings(r.tags),
    system: bool(r.system),
    permissions: strings(r.permissions),
    access_group_id: str(r.access_group_id),
    created: str(r.created),
    updated: str(r.updated),
    updated_by: str(r.updated_by) ?? str(r.updatedby),
    deleted: str(r.deleted),
    member_count: num(r.member_count),
    explicit_count: num(r.explicit_count),
    context: roleContext(r.context),
  };
}

export function toSource(value: unknown): V41Source {
  const s = asObject(value, 'source');
  const connection = s.connection !== null && typeof s.connection === 'object' ? (s.connection as Json) : undefined;
  return {
    id: requiredId(s, 'source'),
    name: str(s.name),
    created: str(s.created),
    updated: str(s.updated),
    // A directory is enabled unless it says otherwise: PrivX omits `enabled` on some payloads.
    enabled: bool(s.enabled) ?? true,
    status_code: str(s.status_code),
    status_text: str(s.status_text),
    comment: str(s.comment),
    tags: strings(s.tags),
    connection_type: str(connection?.type),
  };
}
