import { randomUUID } from 'node:crypto';
import type { RawLocalUser } from './demo-types';
import { badRequest, list, notFound, ok, parseJson, requireUuid } from './http-io';
import { parseLocalUserBody, parsePasswordBody, passwordRecord } from './local-user-records';
import { pageParams, slicePage } from './paging';
import type { Route, RouteContext } from './router';
import type { SimulatorStore } from './store';

const BASE = '/local-user-store/api/v1';

/** What a successful local-user write received, for tests that check what a client sent (passwords masked). */
export interface RecordedLocalUserWrite {
  method: 'POST' | 'PUT' | 'DELETE';
  /** `users`, `users/{id}` or `users/{id}/password`. */
  path: string;
  /** The JSON body as sent; a password value is replaced by `"<password>"` so the record holds none. */
  body: unknown;
}

export interface LocalUserWrites {
  recorded: RecordedLocalUserWrite[];
  /** The instant a write happens (RFC 3339). */
  now: () => string;
}

function masked(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (copy.password !== undefined) copy.password = typeof copy.password === 'string' ? '<password>' : { ...(copy.password as object), password: '<password>' };
  return copy;
}

/**
 * The built-in directory. Records go out with their `password` objects, as the real API sends them: keeping
 * them away from GraphQL is the client's job, and the simulator must let a test prove it does. Writes are
 * PrivX's: a create answers 201 `{id}`, an update replaces the whole record, a taken username is a 400, and the
 * role store sees every change at once.
 */
export function localUserRoutes(store: SimulatorStore, writes: LocalUserWrites = { recorded: [], now: () => new Date().toISOString() }): Route[] {
  const existing = (context: RouteContext): RawLocalUser => {
    const id = requireUuid(context.params.id ?? '', 'user_id');
    const user = store.localById.get(id);
    if (!user) throw notFound('local user', id);
    return user;
  };
  const takenBy = (username: string, self?: string): boolean => {
    const holder = store.localByUsername.get(username);
    return holder !== undefined && holder.id !== self;
  };

  return [
    {
      method: 'GET',
      template: `${BASE}/users`,
      kind: 'data',
      handler: ({ query }) => {
        const page = pageParams(query);
        const username = query.get('username');
        const id = query.get('id');
        // Exact filters for one user; no search, no sort.
        let users: readonly RawLocalUser[] = store.data.localUsers;
        if (id) users = oneOrNone(store.localById.get(requireUuid(id, 'id')));
        if (username) users = oneOrNone(store.localByUsername.get(username)).filter((user) => !id || users.includes(user));
        return list(users.length, slicePage(users, page, false));
      },
    },
    {
      method: 'GET',
      template: `${BASE}/users/:id`,
      kind: 'data',
      handler: (context) => ok(existing(context)),
    },
    {
      method: 'POST',
      template: `${BASE}/users`,
      kind: 'data',
      handler: ({ body }) => {
        const parsed = parseJson(body);
        const { fields, password } = parseLocalUserBody(parsed, { create: true });
        if (takenBy(fields.username)) throw badRequest(`username ${JSON.stringify(fields.username)} already exists`, 'username');
        const at = writes.now();
        const author = store.data.apiClientUser.id;
        const user = {
          ...fields,
          id: randomUUID(),
          created: at,
          updated: at,
          updated_by: author,
          author,
          comment: (fields.comment as string | undefined) ?? '',
          password: password === undefined ? undefined : passwordRecord(password, at),
          password_change_required: (fields.password_change_required as boolean | undefined) ?? false,
        } as RawLocalUser;
        store.addLocalUser(user);
        writes.recorded.push({ method: 'POST', path: 'users', body: masked(parsed) });
        return { status: 201, body: { id: user.id } };
      },
    },
    {
      method: 'PUT',
      template: `${BASE}/users/:id`,
      kind: 'data',
      handler: (context) => {
        const previous = existing(context);
        const parsed = parseJson(context.body);
        // A whole record: what is left out is gone, except what the server owns (and the password, which
        // only `PUT …/password` changes).
        const { fields } = parseLocalUserBody(parsed, { create: false });
        if (takenBy(fields.username, previous.id)) throw badRequest(`username ${JSON.stringify(fields.username)} already exists`, 'username');
        const next = {
          ...fields,
          id: previous.id,
          created: previous.created,
          updated: writes.now(),
          updated_by: store.data.apiClientUser.id,
          author: previous.author,
          comment: (fields.comment as string | undefined) ?? '',
          password: previous.password,
          password_change_required: (fields.password_change_required as boolean | undefined) ?? false,
        } as RawLocalUser;
        store.replaceLocalUser(previous, next);
        writes.recorded.push({ method: 'PUT', path: `users/${previous.id}`, body: masked(parsed) });
        return ok(next);
      },
    },
    {
      method: 'DELETE',
      template: `${BASE}/users/:id`,
      kind: 'data',
      handler: (context) => {
        const user = existing(context);
        store.removeLocalUser(user);
        writes.recorded.push({ method: 'DELETE', path: `users/${user.id}`, body: undefined });
        return { status: 200 };
      },
    },
    {
      method: 'PUT',
      template: `${BASE}/users/:id/password`,
      kind: 'data',
      handler: (context) => {
        const previous = existing(context);
        const parsed = parseJson(context.body);
        const password = parsePasswordBody(parsed);
        const at = writes.now();
        const next: RawLocalUser = { ...previous, updated: at, updated_by: store.data.apiClientUser.id, password: passwordRecord(password, at) };
        store.replaceLocalUser(previous, next);
        writes.recorded.push({ method: 'PUT', path: `users/${previous.id}/password`, body: masked(parsed) });
        return { status: 200 };
      },
    },
  ];
}

function oneOrNone<T>(item: T | undefined): T[] {
  return item ? [item] : [];
}
