import { V41Http, V41HttpOptions } from './http';
import { V41NotFoundError } from './errors';
import type { V41List, V41LocalUser, V41Role, V41RoleAssignment, V41RoleStoreUser, V41Source } from './models';
import { toList, toLocalUser, toRole, toRoleAssignment, toRoleStoreUser, toSource } from './normalize';
import { fetchAllPages, PAGE_SIZE } from './paging';
import type { IdentityUpstream, IdentityWriter, PageRequest, RoleHandle, UserSearch, UserSort } from '../upstream';

/** Stable order for list calls that need one: the server's default order is undocumented. */
const DEFAULT_USER_SORT: UserSort = { sortkey: 'principal', sortdir: 'ASC' };

const ROLE_STORE = '/role-store/api/v1';
const LOCAL_USER_STORE = '/local-user-store/api/v1';

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
export class V41Client implements IdentityUpstream, IdentityWriter {
  private readonly http: V41Http;

  constructor(options: V41HttpOptions) {
    this.http = new V41Http(options);
  }

  async searchUsers(search: UserSearch, page: PageRequest, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    const body = await this.http.request('POST', `${ROLE_STORE}/users/search`, {
      query: { offset: page.offset, limit: page.limit, sortkey: sort.sortkey, sortdir: sort.sortdir },
      body: search,
    });
    return toList(body, toRoleStoreUser, 'user search');
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
    return orNull(this.http.request('GET', `${ROLE_STORE}/users/${encodeURIComponent(id)}`).then(toRoleStoreUser));
  }

  async getUserRoles(id: string): Promise<V41RoleAssignment[] | null> {
    const read = this.http
      .request('GET', `${ROLE_STORE}/users/${encodeURIComponent(id)}/roles`)
      .then((body) => toList(body, toRoleAssignment, 'user roles').items);
    return orNull(read);
  }

  readUserRoles(id: string): Promise<V41RoleAssignment[] | null> {
    return this.getUserRoles(id);
  }

  /** `PUT /users/{id}/roles`: the whole explicit list. Idempotent, so retried like a read on transient failures. */
  async setUserRoles(id: string, handles: readonly RoleHandle[]): Promise<void> {
    await this.http.request('PUT', `${ROLE_STORE}/users/${encodeURIComponent(id)}/roles`, { body: handles });
  }

  async listRoles(): Promise<V41Role[]> {
    const list = await fetchAllPages(async (offset, limit) =>
      toList(await this.http.request('GET', `${ROLE_STORE}/roles`, { query: { offset, limit, sortkey: 'name', sortdir: 'ASC' } }), toRole, 'roles'),
    );
    return list.items;
  }

  async getRole(id: string): Promise<V41Role | null> {
    return orNull(this.http.request('GET', `${ROLE_STORE}/roles/${encodeURIComponent(id)}`).then(toRole));
  }

  async roleMembers(roleId: string, page: PageRequest, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    const body = await this.http.request('GET', `${ROLE_STORE}/roles/${encodeURIComponent(roleId)}/members`, {
      query: { offset: page.offset, limit: page.limit, sortkey: sort.sortkey, sortdir: sort.sortdir },
    });
    return toList(body, toRoleStoreUser, 'role members');
  }

  /** Every member of a role, all pages. Each carries its own `roles[]`. */
  allRoleMembers(roleId: string, sort: UserSort = DEFAULT_USER_SORT): Promise<V41List<V41RoleStoreUser>> {
    return fetchAllPages((offset, limit) => this.roleMembers(roleId, { offset, limit }, sort));
  }

  /** Every directory; the contract does not page this list. */
  async listSources(): Promise<V41Source[]> {
    return toList(await this.http.request('GET', `${ROLE_STORE}/sources`), toSource, 'sources').items;
  }

  async getSource(id: string): Promise<V41Source | null> {
    return orNull(this.http.request('GET', `${ROLE_STORE}/sources/${encodeURIComponent(id)}`).then(toSource));
  }

  async localUsers(page: PageRequest): Promise<V41List<V41LocalUser>> {
    const body = await this.http.request('GET', `${LOCAL_USER_STORE}/users`, { query: { offset: page.offset, limit: page.limit } });
    return toList(body, toLocalUser, 'local users');
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
    return orNull(this.http.request('GET', `${LOCAL_USER_STORE}/users/${encodeURIComponent(id)}`).then(toLocalUser));
  }
}
