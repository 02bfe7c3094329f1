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
  refresh_timestamp?: string;
}

/** A user of the built-in directory, from the local user store. */
export interface V41LocalUser extends V41Person {
  username?: string;
  display_name?: string;
  password_change_required: boolean;
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
