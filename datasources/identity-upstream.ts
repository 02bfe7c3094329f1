import type { LocalUserRecord, V41List, V41LocalUser, V41Role, V41RoleAssignment, V41RoleStoreUser, V41Source } from './v41/models';

/**
 * The seam between the subgraph and an identity upstream. Loaders, the catalog and the user lists read only
 * through `IdentityUpstream`; `V41Client` is today's one implementation. A second upstream is a folder beside
 * `v41/` whose client implements this interface and returns records of these (secret-free) shapes.
 */

export type UserSortKey = 'created' | 'updated' | 'name' | 'principal' | 'email' | 'source' | 'full_name';
export type SortDirection = 'ASC' | 'DESC';

export interface UserSearch {
  /** Free text (docs/upstream-v41.md#keyword-search): each word must occur in some searched field. Callers re-check matches exactly. */
  keywords?: string;
  source?: string;
  user_id?: string[];
}

export interface UserSort {
  sortkey: UserSortKey;
  sortdir: SortDirection;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface IdentityUpstream {
  searchUsers(search: UserSearch, page: PageRequest, sort?: UserSort): Promise<V41List<V41RoleStoreUser>>;
  /** Every user matching `search`, all pages. */
  searchAllUsers(search: UserSearch, sort?: UserSort): Promise<V41List<V41RoleStoreUser>>;
  /** Many users by id in one search. Items carry no roles. */
  usersByIds(ids: readonly string[]): Promise<V41RoleStoreUser[]>;
  /** One user, with roles; null when there is no such user. */
  getUser(id: string): Promise<V41RoleStoreUser | null>;
  getUserRoles(id: string): Promise<V41RoleAssignment[] | null>;
  listRoles(): Promise<V41Role[]>;
  getRole(id: string): Promise<V41Role | null>;
  roleMembers(roleId: string, page: PageRequest, sort?: UserSort): Promise<V41List<V41RoleStoreUser>>;
  /** Every member of a role, all pages. Each carries its own `roles[]`. */
  allRoleMembers(roleId: string, sort?: UserSort): Promise<V41List<V41RoleStoreUser>>;
  listSources(): Promise<V41Source[]>;
  getSource(id: string): Promise<V41Source | null>;
  localUsers(page: PageRequest): Promise<V41List<V41LocalUser>>;
  /** Every local user, all pages (continuing from `firstPage` when it was already read). */
  allLocalUsers(firstPage?: V41List<V41LocalUser>): Promise<V41List<V41LocalUser>>;
  getLocalUser(id: string): Promise<V41LocalUser | null>;
}

/**
 * A role handle as `PUT /role-store/api/v1/users/{id}/roles` takes it (docs/upstream-v41.md, Writes): one
 * explicit grant. `floating_length` is in hours.
 */
export interface RoleHandle {
  id: string;
  name?: string;
  explicit: true;
  /** PERMANENT, TIME_RESTRICTED or FLOATING; another grant is sent back with whatever type PrivX gave it. */
  grant_type?: string;
  grant_start?: string;
  grant_end?: string;
  grant_validity_periods?: { grant_start: string; grant_end: string }[];
  floating_length?: number;
}

/**
 * What writes may ask of an upstream. Every call here goes straight to it (no cache) and is charged to the
 * request's deadline and call budget like a read.
 */
export interface IdentityWriter extends LocalUserWriter {
  /** The user's roles as the upstream has them right now (never cached); null when there is no such user. */
  readUserRoles(userId: string): Promise<V41RoleAssignment[] | null>;
  /** Replaces the user's whole explicit role list (idempotent: retried on the resilience policy's conditions). */
  setUserRoles(userId: string, handles: readonly RoleHandle[]): Promise<void>;
}


export type { LocalUserRecord };

/**
 * Writes to the local user store and a user's security actions. Nothing here is cached; each call is charged to
 * the request's deadline and call budget. A password passed here goes into its upstream request body and
 * nowhere else: not into an error, a log line or a trace attribute.
 */
export interface LocalUserWriter {
  /** The local record as PrivX has it right now (never cached); null when there is none. */
  readLocalUser(id: string): Promise<V41LocalUser | null>;
  /** The local user with exactly this username, read fresh; null when there is none. */
  findLocalUserByUsername(username: string): Promise<V41LocalUser | null>;
  /** Creates a user and answers its id. Sent once: never retried, as PrivX has no idempotency key. */
  createLocalUser(record: LocalUserRecord, password?: string): Promise<string>;
  /** Replaces the whole record (idempotent: retried on the resilience policy's conditions). */
  replaceLocalUser(id: string, record: LocalUserRecord): Promise<void>;
  /** Deletes the record: true when it was deleted, false when it was already gone. */
  deleteLocalUser(id: string): Promise<boolean>;
  setLocalUserPassword(id: string, password: string): Promise<void>;
  /** Resets the MFA of users of any directory (they enrol again at next login). */
  resetUserMfa(userIds: readonly string[]): Promise<void>;
  /** Ends every session of a user of any directory. */
  terminateUserSessions(userId: string): Promise<void>;
}
