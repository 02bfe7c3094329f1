import type { RawRoleAssignment, RawRoleStoreUser } from './demo-types';
import { badRequest, list, notFound, ok, parseJson, requireUuid } from './http-io';
import type { OutsideWriter } from './outside-writer';
import { explicitGrantsOf } from './role-handles';
import { pageParams, slicePage, sortParams } from './paging';
import type { Route, RouteContext } from './router';
import { ROLE_SORT_KEYS, type SimulatorStore, USER_SORT_KEYS, type UserQuery } from './store';

const BASE = '/role-store/api/v1';

/** Search results carry no roles: `"roles": null`, as the real search does. */
function withoutRoles(user: RawRoleStoreUser): Omit<RawRoleStoreUser, 'roles'> & { roles: null } {
  return { ...user, roles: null };
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${key} must be a string`, key);
  return value;
}

/** `{keywords?, source?, user_id?}`; unknown keys are ignored, like the real API does. */
function parseUserQuery(raw: string): UserQuery {
  const body = parseJson(raw) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('search body must be a JSON object');
  const fields = body as Record<string, unknown>;
  const source = optionalString(fields, 'source');
  const ids = fields.user_id;
  if (ids !== undefined && ids !== null && !Array.isArray(ids)) throw badRequest('user_id must be an array of UUIDs', 'user_id');
  return {
    keywords: optionalString(fields, 'keywords'),
    source: source === undefined || source === '' ? undefined : requireUuid(source, 'source'),
    // An empty list filters nothing, as in PrivX: only a non-empty user_id narrows the search.
    userIds: Array.isArray(ids)
      ? ids.map((id) => {
          if (typeof id !== 'string') throw badRequest('user_id must be an array of UUIDs', 'user_id');
          return requireUuid(id, 'user_id');
        })
      : undefined,
  };
}

/** What a successful `PUT /users/{id}/roles` received, for tests that check what a client sent. */
export interface RecordedRoleWrite {
  userId: string;
  body: unknown;
}

export interface RoleStoreWrites {
  /** Every accepted `PUT /users/{id}/roles`, oldest first. */
  recorded: RecordedRoleWrite[];
  outsideWriter: OutsideWriter;
  /** `updated` of a written user. */
  now: () => string;
}

/** Only explicit grants are the client's to send back: what `PUT /users/{id}/roles` replaces. */
function explicitOf(user: RawRoleStoreUser): RawRoleAssignment[] {
  return user.roles.filter((role) => role.explicit);
}

export function roleStoreRoutes(store: SimulatorStore, writes: RoleStoreWrites): Route[] {
  const user = (context: RouteContext): RawRoleStoreUser => {
    const id = requireUuid(context.params.id ?? '', 'user_id');
    const found = store.userById(id);
    if (!found) throw notFound('user', id);
    return found;
  };
  const role = (context: RouteContext) => {
    const id = requireUuid(context.params.id ?? '', 'role_id');
    const found = store.rolesById.get(id);
    if (!found) throw notFound('role', id);
    return found;
  };

  return [
    {
      method: 'POST',
      template: `${BASE}/users/search`,
      kind: 'data',
      handler: ({ query, body }) => {
        const page = pageParams(query);
        const sort = sortParams(query, USER_SORT_KEYS);
        const found = store.searchUsers(parseUserQuery(body), sort.key);
        return list(found.length, slicePage(found, page, sort.descending).map(withoutRoles));
      },
    },
    // Every token belongs to the one API client.
    { method: 'GET', template: `${BASE}/users/current`, kind: 'data', handler: () => ok(store.data.apiClientUser) },
    { method: 'GET', template: `${BASE}/users/:id`, kind: 'data', handler: (context) => ok(user(context)) },
    {
      method: 'GET',
      template: `${BASE}/users/:id/roles`,
      kind: 'data',
      handler: (context) => {
        const found = user(context);
        const reply = list(found.roles.length, found.roles);
        // The outside writer acts once this read is answered (the reply keeps the list it read).
        const changed = writes.outsideWriter.afterRead(found.id, explicitOf(found), (roleId, grantEnd) => {
          const [grant] = explicitGrantsOf([{ id: roleId, grant_type: 'TIME_RESTRICTED', grant_start: '2030-01-01T00:00:00Z', grant_end: grantEnd }], store.rolesById);
          return grant;
        });
        if (changed) store.replaceExplicitRoles(found, changed, writes.now(), 'outside-writer');
        return reply;
      },
    },
    {
      method: 'PUT',
      template: `${BASE}/users/:id/roles`,
      kind: 'data',
      handler: (context) => {
        const found = user(context);
        const body = parseJson(context.body);
        const explicit = explicitGrantsOf(body, store.rolesById);
        store.replaceExplicitRoles(found, explicit, writes.now(), store.data.apiClientUser.id);
        writes.recorded.push({ userId: found.id, body });
        return list(found.roles.length, found.roles);
      },
    },
    {
      method: 'GET',
      template: `${BASE}/roles`,
      kind: 'data',
      handler: ({ query }) => {
        const page = pageParams(query);
        const sort = sortParams(query, ROLE_SORT_KEYS);
        const roles = store.roles(sort.key);
        return list(roles.length, slicePage(roles, page, sort.descending));
      },
    },
    {
      method: 'POST',
      template: `${BASE}/roles/resolve`,
      kind: 'data',
      handler: ({ body }) => {
        const names = parseJson(body);
        if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) throw badRequest('body must be an array of role names');
        // Unknown names are left out, duplicates answered once, in the order asked.
        const roles = [...new Set(names as string[])].flatMap((name) => store.rolesByName.get(name) ?? []);
        return list(roles.length, roles);
      },
    },
    { method: 'GET', template: `${BASE}/roles/:id`, kind: 'data', handler: (context) => ok(role(context)) },
    {
      method: 'GET',
      template: `${BASE}/roles/:id/members`,
      kind: 'data',
      handler: (context) => {
        const { id } = role(context);
        const page = pageParams(context.query);
        const sort = sortParams(context.query, USER_SORT_KEYS);
        const members = store.members(id, sort.key);
        return list(members.length, slicePage(members, page, sort.descending));
      },
    },
    { method: 'GET', template: `${BASE}/sources`, kind: 'data', handler: () => list(store.data.sources.length, store.data.sources) },
    {
      method: 'GET',
      template: `${BASE}/sources/:id`,
      kind: 'data',
      handler: ({ params }) => {
        const id = requireUuid(params.id ?? '', 'source_id');
        const source = store.sourcesById.get(id);
        if (!source) throw notFound('source', id);
        return ok(source);
      },
    },
  ];
}
