/**
 * Typed PrivX v41 records as the v41 client hands them upward: canonical field names (drift such as
 * `updatedby` or `given_name` already folded in) and secrets already removed. `raw` keeps the record as the
 * upstream sent it, minus secrets, for `User.remoteData`.
 */

/** `{ count, items }`: every v41 list response. `count` is the total of matches, not the page length. */
export interface V41List<T> {
  count: number;
  items: T[];
}

export interface V41Attribute {
  key: string;
  value: string;
}

/** When and from where a role may be used (`context` of a role and of a role assignment). */
export interface V41RoleContext {
  enabled: boolean;
  block_role: boolean;
  /** Weekday names, `MON`..`SUN`. */
  validity: string[];
  /** Local `HH:MM` in `timezone`. */
  start_time?: string;
  end_time?: string;
  timezone?: string;
  ip_masks: string[];
}

/** A role as it appears on a user (`roles[]` of a role-store user, `GET /users/{id}/roles`). */
export interface V41RoleAssignment {
  id: string;
  name?: string;
  explicit?: boolean;
  implicit?: boolean;
  system?: boolean;
  grant_type?: string;
  grant_start?: string;
  grant_end?: string;
  grant_validity_periods?: { grant_start?: string; grant_end?: string }[];
  floating_length?: number;
  access_group_id?: string;
  permissions?: string[];
  /** The role's context as the assignment carries it; `undefined` when the payload has none. */
  context?: V41RoleContext;
}

/** What a role-store user and a local user have in common: the person, as both stores describe it. */
export interface V41Person {
  id: string;
  created?: string;
  updated?: string;
  updated_by?: string;
  author?: string;
  comment?: string;
  tags: string[];
  first_name?: string;
  last_name?: string;
  full_name?: string;
  job_title?: string;
  company?: string;
  department?: string;
  email?: string;
  telephone?: string;
  locale?: string;
  windows_account?: string;
  unix_account?: string;
  attributes: V41Attribute[];
  /** The record as received, minus secrets. */
  raw: Readonly<Record<string, unknown>>;
}

/** A user of any directory, from the role store. */
export interface V41RoleStoreUser extends V41Person {
  source_user_id?: string;
  /** The username. */
  principal?: string;
  distinguished_name?: string;
  external_id?: string;
  /** The directory (source) uuid. */
  source?: string;
  source_type?: string;
  /** `null` in search results: only `GET /users/{id}` carries roles. */
  roles: V41RoleAssignment[] | null;
  mfa_status?: string;
  /** RFC 3339, from `RefreshTimestamp` (epoch seconds or RFC 3339 on the wire): when the directory last synced the user. */
  refresh_timestamp?: string;
}

/** A user of the built-in directory, from the local user store. */
export interface V41LocalUser extends V41Person {
  username?: string;
  display_name?: string;
  password_change_required: boolean;
  /** `password.created`: the one non-secret fact of the password object, kept as the object is dropped. */
  password_created?: string;
}

export interface V41Role {
  id: string;
  name?: string;
  comment?: string;
  tags: string[];
  system?: boolean;
  permissions: string[];
  access_group_id?: string;
  created?: string;
  updated?: string;
  updated_by?: string;
  deleted?: string;
  member_count?: number;
  explicit_count?: number;
  context?: V41RoleContext;
}

/** A user directory ("source"): a workspace in the unified graph. */
export interface V41Source {
  id: string;
  name?: string;
  created?: string;
  updated?: string;
  enabled: boolean;
  status_code?: string;
  status_text?: string;
  comment?: string;
  tags: string[];
  connection_type?: string;
}

/**
 * A local user record as `POST` / `PUT /local-user-store/api/v1/users[/{id}]` take it: v41 field names, no
 * `id`, `created`, `updated`, `updated_by`, `author` and no `password` (the one call that carries a password
 * adds it itself). Keys the subgraph does not model are carried through untouched.
 */
export type LocalUserRecord = Readonly<Record<string, unknown>> & { readonly username: string };
