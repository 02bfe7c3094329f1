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
import { V41ContractError } from './errors';
import { passwordCreatedOf } from './secrets';

/**
 * Raw (already secret-free) JSON → typed v41 models, checked against the contract in the same walk
 * (docs/upstream-v41.md#shape-checks): no second pass over the body, and each check is a `typeof` the copy
 * needed anyway. Tolerant where the contract drifts: unknown keys are ignored, the documented spelling drift
 * (`updatedby`, `given_name`, `RefreshTimestamp`: docs/upstream-v41.md#spelling-drift) is folded into one name,
 * and a missing optional field (absent or `null`) reads as absent. Strict where a tolerant reading would be
 * silently wrong: a field of the wrong JSON type, a list that is not one, a `count` that contradicts its
 * items, or a record without an id throws `V41ContractError` with the key path (never the value).
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: unknown): Json {
  if (!isObject(value)) throw new V41ContractError([], 'an object');
  return value;
}

/** An optional field: absent or `null` reads as absent, any other type than the contract's is a violation. */
function str(value: unknown, key: string): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  throw new V41ContractError([key], 'a string');
}

function bool(value: unknown, key: string): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return undefined;
  throw new V41ContractError([key], 'a boolean');
}

function num(value: unknown, key: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === undefined || value === null) return undefined;
  throw new V41ContractError([key], 'a number');
}

/** The list itself (no copy per record) when it holds only strings; absent or `null` is an empty list. */
function strings(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new V41ContractError([key], 'a list of strings');
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') throw new V41ContractError([key, i], 'a string');
  return value as string[];
}

function requiredId(record: Json): string {
  const id = record.id;
  if (typeof id !== 'string' || id === '') throw new V41ContractError(['id'], 'a non-empty string (every record has an id)');
  return id;
}

/** The list itself (no copy per record) when every item is a `{ key, value }` of strings (other keys are never read). */
function attributes(value: unknown): V41Attribute[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new V41ContractError(['attributes'], 'a list');
  for (let i = 0; i < value.length; i++) {
    const a = value[i] as unknown;
    if (!isObject(a)) throw new V41ContractError(['attributes', i], 'an object');
    if (typeof a.key !== 'string') throw new V41ContractError(['attributes', i, 'key'], 'a string');
    if (typeof a.value !== 'string') throw new V41ContractError(['attributes', i, 'value'], 'a string');
  }
  return value as V41Attribute[];
}

/** Each item through `item`; a violation inside names its place (`key[i]…`). */
function each<T>(list: unknown[], item: (value: unknown) => T, key: string): T[] {
  const out = new Array<T>(list.length);
  let i = 0;
  try {
    for (; i < list.length; i++) out[i] = item(list[i]);
  } catch (error) {
    throw error instanceof V41ContractError ? error.within(key, i) : error;
  }
  return out;
}

/**
 * `{ count, items }`. `items` must be a list (`{}` or `"items": null` is no empty list); `count` may be absent
 * (it then counts the items) but must not contradict them: never fewer than the items of this page, and
 * never above 0 when the first page (`offset` 0) holds nothing. (A page past the end holds nothing, rightly.)
 */
export function toList<T>(body: unknown, item: (record: unknown) => T, offset = 0): V41List<T> {
  const list = asObject(body);
  if (!Array.isArray(list.items)) throw new V41ContractError(['items'], 'a list');
  const items = each(list.items, item, 'items');
  const count = num(list.count, 'count') ?? offset + items.length;
  if (!Number.isInteger(count) || (items.length > 0 && count < offset + items.length)) throw new V41ContractError(['count'], `a whole number of at least offset + items (${offset + items.length})`);
  if (offset === 0 && items.length === 0 && count > 0) throw new V41ContractError(['count'], 'above 0 while the first page holds no items');
  return { count, items };
}

function roleContext(value: unknown): V41RoleContext | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new V41ContractError(['context'], 'an object');
  const c = value;
  try {
    return {
      enabled: bool(c.enabled, 'enabled') ?? false,
      block_role: bool(c.block_role, 'block_role') ?? false,
      validity: strings(c.validity, 'validity'),
      start_time: str(c.start_time, 'start_time'),
      end_time: str(c.end_time, 'end_time'),
      timezone: str(c.timezone, 'timezone'),
      ip_masks: strings(c.ip_masks, 'ip_masks'),
    };
  } catch (error) {
    throw error instanceof V41ContractError ? error.within('context') : error;
  }
}

/** `RefreshTimestamp` is documented as epoch seconds; payloads also carry RFC 3339 strings. Both become RFC 3339. */
function refreshTimestamp(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : typeof value === 'number' ? value : undefined;
  if (seconds !== undefined) {
    const date = new Date(seconds * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return str(value, key);
}

function validityPeriod(value: unknown): { grant_start?: string; grant_end?: string } {
  const p = asObject(value);
  return { grant_start: str(p.grant_start, 'grant_start'), grant_end: str(p.grant_end, 'grant_end') };
}

function validityPeriods(value: unknown): { grant_start?: string; grant_end?: string }[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new V41ContractError(['grant_validity_periods'], 'a list');
  return each(value, validityPeriod, 'grant_validity_periods');
}

export function toRoleAssignment(value: unknown): V41RoleAssignment {
  const r = asObject(value);
  return {
    id: requiredId(r),
    name: str(r.name, 'name'),
    explicit: bool(r.explicit, 'explicit'),
    implicit: bool(r.implicit, 'implicit'),
    system: bool(r.system, 'system'),
    grant_type: str(r.grant_type, 'grant_type'),
    grant_start: str(r.grant_start, 'grant_start'),
    grant_end: str(r.grant_end, 'grant_end'),
    grant_validity_periods: validityPeriods(r.grant_validity_periods),
    floating_length: num(r.floating_length, 'floating_length'),
    access_group_id: str(r.access_group_id, 'access_group_id'),
    permissions: strings(r.permissions, 'permissions'),
    context: roleContext(r.context),
  };
}

function toPerson(u: Json): V41Person {
  return {
    id: requiredId(u),
    created: str(u.created, 'created'),
    updated: str(u.updated, 'updated'),
    updated_by: str(u.updated_by, 'updated_by') ?? str(u.updatedby, 'updatedby'),
    author: str(u.author, 'author'),
    comment: str(u.comment, 'comment'),
    tags: strings(u.tags, 'tags'),
    first_name: str(u.first_name, 'first_name') ?? str(u.given_name, 'given_name'),
    last_name: str(u.last_name, 'last_name'),
    full_name: str(u.full_name, 'full_name'),
    job_title: str(u.job_title, 'job_title'),
    company: str(u.company, 'company'),
    department: str(u.department, 'department'),
    email: str(u.email, 'email'),
    telephone: str(u.telephone, 'telephone'),
    locale: str(u.locale, 'locale'),
    windows_account: str(u.windows_account, 'windows_account'),
    unix_account: str(u.unix_account, 'unix_account'),
    attributes: attributes(u.attributes),
    raw: u,
  };
}

/** `roles[]` of a role-store user: a list, or `null` (search results carry none); absent reads as `null`. */
function rolesOf(value: unknown): V41RoleAssignment[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw new V41ContractError(['roles'], 'a list');
  return each(value, toRoleAssignment, 'roles');
}

export function toRoleStoreUser(value: unknown): V41RoleStoreUser {
  const u = asObject(value);
  const mfa = u.mfa;
  if (mfa !== undefined && mfa !== null && !isObject(mfa)) throw new V41ContractError(['mfa'], 'an object');
  // Completes the person record in place: spreading it into a new object per user cost 2.5 ms per 100 users.
  const user = toPerson(u) as V41RoleStoreUser;
  user.source_user_id = str(u.source_user_id, 'source_user_id');
  user.principal = str(u.principal, 'principal');
  user.distinguished_name = str(u.distinguished_name, 'distinguished_name');
  user.external_id = str(u.external_id, 'external_id');
  user.source = str(u.source, 'source');
  user.source_type = str(u.source_type, 'source_type');
  user.roles = rolesOf(u.roles);
  user.mfa_status = mfa ? mfaStatus((mfa as Json).status) : undefined;
  user.refresh_timestamp =
    u.RefreshTimestamp === undefined || u.RefreshTimestamp === null ? refreshTimestamp(u.refresh_timestamp, 'refresh_timestamp') : refreshTimestamp(u.RefreshTimestamp, 'RefreshTimestamp');
  return user;
}

function mfaStatus(value: unknown): string | undefined {
  try {
    return str(value, 'status');
  } catch (error) {
    throw error instanceof V41ContractError ? error.within('mfa') : error;
  }
}

export function toLocalUser(value: unknown): V41LocalUser {
  const u = asObject(value);
  const user = toPerson(u) as V41LocalUser;
  user.username = str(u.username, 'username');
  user.display_name = str(u.display_name, 'display_name');
  user.password_change_required = bool(u.password_change_required, 'password_change_required') ?? false;
  user.password_created = passwordCreatedOf(u);
  return user;
}

export function toRole(value: unknown): V41Role {
  const r = asObject(value);
  return {
    id: requiredId(r),
    name: str(r.name, 'name'),
    comment: str(r.comment, 'comment'),
    tags: strings(r.tags, 'tags'),
    system: bool(r.system, 'system'),
    permissions: strings(r.permissions, 'permissions'),
    access_group_id: str(r.access_group_id, 'access_group_id'),
    created: str(r.created, 'created'),
    updated: str(r.updated, 'updated'),
    updated_by: str(r.updated_by, 'updated_by') ?? str(r.updatedby, 'updatedby'),
    deleted: str(r.deleted, 'deleted'),
    member_count: num(r.member_count, 'member_count'),
    explicit_count: num(r.explicit_count, 'explicit_count'),
    context: roleContext(r.context),
  };
}

export function toSource(value: unknown): V41Source {
  const s = asObject(value);
  const connection = s.connection;
  if (connection !== undefined && connection !== null && !isObject(connection)) throw new V41ContractError(['connection'], 'an object');
  return {
    id: requiredId(s),
    name: str(s.name, 'name'),
    created: str(s.created, 'created'),
    updated: str(s.updated, 'updated'),
    // A directory is enabled unless it says otherwise: PrivX omits `enabled` on some payloads.
    enabled: bool(s.enabled, 'enabled') ?? true,
    status_code: str(s.status_code, 'status_code'),
    status_text: str(s.status_text, 'status_text'),
    comment: str(s.comment, 'comment'),
    tags: strings(s.tags, 'tags'),
    connection_type: connection ? connectionType((connection as Json).type) : undefined,
  };
}

function connectionType(value: unknown): string | undefined {
  try {
    return str(value, 'type');
  } catch (error) {
    throw error instanceof V41ContractError ? error.within('connection') : error;
  }
}
