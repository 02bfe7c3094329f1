import { V41Http, V41HttpOptions, type RequestOptions } from './http';
import { reportContractViolation, routeTemplate } from '../telemetry';
import { V41ContractError, V41NotFoundError, V41ParseError } from './errors';
import type { V41List, V41LocalUser, V41Role, V41RoleAssignment, V41RoleStoreUser, V41Source } from './models';
import { toList, toLocalUser, toRole, toRoleAssignment, toRoleStoreUser, toSource } from './normalize';
import { fetchAllPages, PAGE_SIZE } from './paging';
import type { IdentityUpstream, IdentityWriter, LocalUserRecord, LocalUserWriter, PageRequest, RoleHandle, UserSearch, UserSort } from '../upstream';
import { withoutSecretIn } from './secrets';

/** Stable order for list calls that need one: the server's default order is undocumented. */
const DEFAULT_USER_SORT: UserSort = { sortkey: 'principal', sortdir: 'ASC' };

const ROLE_STORE = '/role-store/api/v1';
const LOCAL_USER_STORE = '/local-user-store/api/v1';
const AUTH = '/auth/api/v1';

/** `null` for "not found" (docs/upstream-v41.md#status-codes-and-errors); every other failure propagates. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof V41NotFoundError) return null;
    throw error;
  }
}

/**
 * The PrivX v41 REST API, as typed, secret-free records. Only this layer speaks HTTP; it knows nothing of
 * GraphQL, batching or caching.
 */
export class V41Client implements IdentityUpstream, IdentityWriter, LocalUserWriter {
  private readonly http: V41Http;

  constructor(options: V41HttpOptions) {
    this.http = new V41Http(options);
  }

  /**
   * One call, its body checked against the contract while it is normalised by `shape`. A violation fails the
   * call like an upstream error, named by route and key path, and is reported (metric and warning) once.
   */
  private async read<T>(method: 'GET' | 'POST', path: string, shape: (body: unknown) => T, options?: RequestOptions): Promise<T> {
    const body = await this.http.request(method, path, options);
    try {
      return shape(body);
    } catch (error) {
      if (error instanceof V41ContractError) {
        const route = `${method} ${routeTemplate(path)}`;
        reportContractViolation(route, error.from(route).path);
      }
      throw error;
    }
  }

  async searchUsers(search: UserSearch, page: PageRequest, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    return this.read('POST', `${ROLE_STORE}/users/search`, (body) => toList(body, toRoleStoreUser, page.offset), {
      query: { offset: page.offset, limit: page.limit, sortkey: sort.sortkey, sortdir: sort.sortdir },
      body: search,
    });
  }

  /** Every user matching `search`, all pages. */
  searchAllUsers(search: UserSearch, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    return fetchAllPages((offset, limit) => this.searchUsers(search, { offset, limit }, sort));
  }

  /** Many users by id in one search (pages only if the server clamps). Items carry no roles. */
  async usersByIds(ids: readonly string[]): Promise<V41RoleStoreUser[]> {
    if (ids.length === 0) return [];
    const pageSize = Math.min(ids.length, PAGE_SIZE);
    const list = await fetchAllPages((offset, limit) => this.searchUsers({ user_id: [...ids] }, { offset, limit }), pageSize);
    return list.items;
  }

  /** One user, with roles. */
  async getUser(id: string): Promise<V41RoleStoreUser | null> {
    return orNull(this.read('GET', `${ROLE_STORE}/users/${encodeURIComponent(id)}`, toRoleStoreUser));
  }

  async getUserRoles(id: string): Promise<V41RoleAssignment[] | null> {
    return orNull(this.read('GET', `${ROLE_STORE}/users/${encodeURIComponent(id)}/roles`, (body) => toList(body, toRoleAssignment).items));
  }

  readUserRoles(id: string): Promise<V41RoleAssignment[] | null> {
    return this.getUserRoles(id);
  }

  /** `PUT /users/{id}/roles`: the whole explicit list. Idempotent, so retried like a read on transient failures. */
  async setUserRoles(id: string, handles: readonly RoleHandle[]): Promise<void> {
    await this.http.request('PUT', `${ROLE_STORE}/users/${encodeURIComponent(id)}/roles`, { body: handles });
  }

  async listRoles(): Promise<V41Role[]> {
    const list = await fetchAllPages((offset, limit) =>
      this.read('GET', `${ROLE_STORE}/roles`, (body) => toList(body, toRole, offset), { query: { offset, limit, sortkey: 'name', sortdir: 'ASC' } }),
    );
    return list.items;
  }

  async getRole(id: string): Promise<V41Role | null> {
    return orNull(this.read('GET', `${ROLE_STORE}/roles/${encodeURIComponent(id)}`, toRole));
  }

  async roleMembers(roleId: string, page: PageRequest, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    return this.read('GET', `${ROLE_STORE}/roles/${encodeURIComponent(roleId)}/members`, (body) => toList(body, toRoleStoreUser, page.offset), {
      query: { offset: page.offset, limit: page.limit, sortkey: sort.sortkey, sortdir: sort.sortdir },
    });
  }

  /** Every member of a role, all pages. Each carries its own `roles[]`. */
  allRoleMembers(roleId: string, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    return fetchAllPages((offset, limit) => this.roleMembers(roleId, { offset, limit }, sort));
  }

  /** Every directory; the contract does not page this list. */
  async listSources(): Promise<V41Source[]> {
    return (await this.read('GET', `${ROLE_STORE}/sources`, (body) => toList(body, toSource))).items;
  }

  async getSource(id: string): Promise<V41Source | null> {
    return orNull(this.read('GET', `${ROLE_STORE}/sources/${encodeURIComponent(id)}`, toSource));
  }

  async localUsers(page: PageRequest): Promise<V41List<V41LocalUser>> {
    return this.read('GET', `${LOCAL_USER_STORE}/users`, (body) => toList(body, toLocalUser, page.offset), { query: { offset: page.offset, limit: page.limit } });
  }

  /** Every local user, all pages (continuing from `firstPage` when it was already read). */
  allLocalUsers(firstPage?: V41List<V41LocalUser>): Promise<V41List<V41LocalUser>> {
    return fetchAllPages((offset, limit) => this.localUsers({ offset, limit }), PAGE_SIZE, firstPage);
  }

  /** Readiness: a token and the role store's `GET /status`, tried once. Throws when PrivX does not answer. */
  async ping(): Promise<void> {
    await this.http.probe(`${ROLE_STORE}/status`);
  }

  async getLocalUser(id: string): Promise<V41LocalUser | null> {
    return orNull(this.read('GET', `${LOCAL_USER_STORE}/users/${encodeURIComponent(id)}`, toLocalUser));
  }

  readLocalUser(id: string): Promise<V41LocalUser | null> {
    return this.getLocalUser(id);
  }

  /** `GET /users?username=`: PrivX's exact username filter, one user or none. */
  async findLocalUserByUsername(username: string): Promise<V41LocalUser | null> {
    const [found] = await this.read('GET', `${LOCAL_USER_STORE}/users`, (body) => toList(body, toLocalUser).items, { query: { username, offset: 0, limit: 1 } });
    // The filter is exact in the contract; checked here too, as a server that searched would answer near misses.
    return found && found.username === username ? found : null;
  }

  /**
   * `POST /users` → 201 `{id}`. Sent once (`retry: false`): PrivX has no idempotency key, so a second try after
   * the first may have reached it could create the user twice. The password goes into this body only.
   */
  async createLocalUser(record: LocalUserRecord, password?: string): Promise<string> {
    const body = password === undefined ? record : { ...record, password: { password } };
    try {
      const answer = await this.http.request('POST', `${LOCAL_USER_STORE}/users`, { body, retry: false });
      const id = (answer as { id?: unknown } | null | undefined)?.id;
      if (typeof id !== 'string' || id === '') throw new V41ParseError('local user create answered without an id');
      return id;
    } catch (error) {
      throw password === undefined ? error : withoutSecretIn(error, password);
    }
  }

  /** `PUT /users/{id}`: the whole record. Idempotent, so retried on transient failures. */
  async replaceLocalUser(id: string, record: LocalUserRecord): Promise<void> {
    await this.http.request('PUT', `${LOCAL_USER_STORE}/users/${encodeURIComponent(id)}`, { body: record });
  }

  /** `DELETE /users/{id}`; a 404 (already gone, perhaps by an earlier try of this call) answers false. */
  async deleteLocalUser(id: string): Promise<boolean> {
    const deleted = await orNull(this.http.request('DELETE', `${LOCAL_USER_STORE}/users/${encodeURIComponent(id)}`).then(() => true));
    return deleted ?? false;
  }

  /** `PUT /users/{id}/password` `{password}`. Idempotent (the same password twice), so retried like a PUT. */
  async setLocalUserPassword(id: string, password: string): Promise<void> {
    try {
      await this.http.request('PUT', `${LOCAL_USER_STORE}/users/${encodeURIComponent(id)}/password`, { body: { password } });
    } catch (error) {
      throw withoutSecretIn(error, password);
    }
  }

  /** `POST /role-store/api/v1/users/mfa/reset` with a JSON array of ids. Resetting twice is harmless: retried. */
  async resetUserMfa(userIds: readonly string[]): Promise<void> {
    await this.http.request('POST', `${ROLE_STORE}/users/mfa/reset`, { body: [...userIds] });
  }

  /** `POST /auth/api/v1/sessionstorage/users/{id}/sessions/terminate`. Ending no sessions is harmless: retried. */
  async terminateUserSessions(userId: string): Promise<void> {
    await this.http.request('POST', `${AUTH}/sessionstorage/users/${encodeURIComponent(userId)}/sessions/terminate`);
  }
}
