/**
 * Raw upstream records as PrivX v41 sends them (snake_case, spelling drift and secrets included): what the
 * simulator serialises. The typed, secret-free view the client produces lives in `../v41/models.ts`.
 */

export type DirectoryType = 'LOCAL' | 'AD' | 'LDAP' | 'OIDC';
export type GrantType = 'PERMANENT' | 'FLOATING' | 'TIME_RESTRICTED';
export type MfaStatus = 'ENABLED' | 'DISABLED' | 'UNINITIALIZED';

export interface RawAttribute {
  key: string;
  value: string;
}

export interface RawRoleContext {
  enabled: boolean;
  block_role: boolean;
  validity: string[];
  start_time: string;
  end_time: string;
  timezone: string;
  ip_masks: string[];
}

export interface RawSourceRule {
  type: 'RULE';
  source: string;
  search_string: string;
}

export interface RawSourceRules {
  type: 'GROUP';
  match: 'ANY' | 'ALL';
  rules: RawSourceRule[];
}

export interface RawGrantPeriod {
  grant_start: string;
  grant_end: string;
}

/** A role as it appears on a user. */
export interface RawRoleAssignment {
  id: string;
  name: string;
  explicit: boolean;
  implicit: boolean;
  system: boolean;
  grant_type: GrantType;
  grant_start?: string;
  grant_end?: string;
  grant_validity_periods?: RawGrantPeriod[];
  floating_length?: number;
  access_group_id: string;
  permissions: string[];
  context: RawRoleContext;
}

export interface RawRole {
  id: string;
  name: string;
  comment: string;
  tags: string[];
  system: boolean;
  permissions: string[];
  access_group_id: string;
  source_rules: RawSourceRules | Record<string, never>;
  context: RawRoleContext;
  created: string;
  author: string;
  updated: string;
  updated_by?: string;
  updatedby?: string;
  member_count: number;
  explicit_count: number;
}

export interface RawConnection {
  type: DirectoryType;
  [setting: string]: string | number | boolean | string[];
}

export interface RawSource {
  id: string;
  name: string;
  created: string;
  updated: string;
  author: string;
  updated_by?: string;
  updatedby?: string;
  ttl: number;
  enabled: boolean;
  status_code: string;
  status_text: string;
  comment: string;
  tags: string[];
  username_pattern: string[];
  connection: RawConnection;
}

export interface RawMfa {
  status: MfaStatus;
  /** A secret: the client must strip it. Present on ENABLED users only. */
  seed?: string;
}

export interface RawWebauthnCredential {
  id: string;
  public_key: string;
  sign_count: number;
  created: string;
}

/** A user of any directory, as the role store holds it: `roles` is the full list (search serialises `null`). */
export interface RawRoleStoreUser {
  id: string;
  source_user_id: string;
  created: string;
  updated: string;
  updated_by?: string;
  updatedby?: string;
  author: string;
  comment: string;
  tags: string[];
  principal: string;
  distinguished_name?: string;
  first_name?: string;
  given_name?: string;
  last_name?: string;
  full_name?: string;
  job_title?: string;
  company?: string;
  department?: string;
  email?: string;
  telephone?: string;
  locale?: string;
  samaccountname?: string;
  windows_account?: string;
  unix_account?: string;
  external_id?: string;
  source: string;
  source_type: DirectoryType | 'API-CLIENT';
  roles: RawRoleAssignment[];
  attributes: RawAttribute[];
  permissions: string[];
  mfa: RawMfa;
  RefreshTimestamp?: string;
  /** An undocumented key, so clients prove they ignore unknown keys. */
  x_vendor_note?: string;
  /** Secret-looking keys, so clients prove they strip them. */
  webauthn_credentials?: RawWebauthnCredential[];
  current_session_id?: string;
  api_token?: string;
}

export interface RawPassword {
  password: string;
  created: string;
}

/** A user of the built-in directory (local user store): docs/upstream-v41.md#local-user. */
export interface RawLocalUser {
  id: string;
  created: string;
  updated: string;
  updated_by: string;
  author: string;
  comment: string;
  tags: string[];
  username: string;
  windows_account?: string;
  unix_account?: string;
  full_name?: string;
  display_name?: string;
  first_name?: string;
  last_name?: string;
  job_title?: string;
  company?: string;
  department?: string;
  email?: string;
  telephone?: string;
  locale?: string;
  /** Absent on a user created without a password (it cannot log in until one is set). */
  password?: RawPassword;
  password_change_required: boolean;
  attributes: RawAttribute[];
}

export interface DemoDirectories {
  local: RawSource;
  ad: RawSource;
  /** The disabled directory (`enabled: false`). */
  ldap: RawSource;
  /** The directory whose last sync failed (`status_code: "SYNC_FAILED"`). */
  oidc: RawSource;
}

/**
 * Read-only by contract: the simulator indexes and caches it. Optional fields a record lacks are present as
 * `undefined` (one object shape for 100,000 records; see `demo-users.ts`), so test absence with `=== undefined`;
 * on the wire, JSON leaves them out.
 */
export interface DemoData {
  seed: number;
  /** Every directory, in `GET /sources` order. */
  sources: RawSource[];
  directories: DemoDirectories;
  roles: RawRole[];
  /** Role-store users of every directory, in the server's default order. Each carries its full `roles[]`. */
  users: RawRoleStoreUser[];
  /** Local-user-store records, one per LOCAL role-store user, joined by `source_user_id`. */
  localUsers: RawLocalUser[];
  /**
   * The API client the simulator's tokens belong to (`GET /users/current`). Not a directory user: it is not in
   * `users`, search or role member lists; its scopes are in `permissions`.
   */
  apiClientUser: RawRoleStoreUser;
}

export interface DemoDataOptions {
  users: number;
  seed: number;
  /**
   * UTC midnight (epoch ms) that time-restricted grants are placed around; the day the data is made when
   * absent, so that the demo shows grants ended, scheduled and active whatever the date.
   */
  grantsAround?: number;
}
