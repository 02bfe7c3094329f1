import type { UpstreamCatalog } from './upstream-catalog';
import type { V41List, V41LocalUser, V41Role, V41RoleAssignment, V41RoleStoreUser, V41Source } from './v41/models';

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
export interface IdentityWriter {
  /** The user's roles as the upstream has them right now (never cached); null when there is no such user. */
  readUserRoles(userId: string): Promise<V41RoleAssignment[] | null>;
  /** Replaces the user's whole explicit role list (idempotent: retried on the resilience policy's conditions). */
  setUserRoles(userId: string, handles: readonly RoleHandle[]): Promise<void>;
}

/** The long-lived part behind every request: one upstream client, one shared cache over it. */
export interface Upstream {
  client: IdentityUpstream;
  catalog: UpstreamCatalog;
  /**
   * Off only to price the naive approach (benchmarks, README): each relation of each user read with its
   * one-record call: no batching, no memo within the request, nothing shared between requests.
   */
  batching: boolean;
}
