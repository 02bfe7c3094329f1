import type { RawRoleStoreUser } from '../../datasources/simulator/demo-types';
import type { RunningSimulator } from '../../datasources/simulator/server';

/** Shared by the local-user write tests: the operations and demo users picked by what they are. */

const USER_FIELDS = `id username firstName lastName name title emails { email isPrimary } phones { number extension }
  organizations { name } groups { name type } languages timezone avatar status rawStatus updatedAt`;

export const CREATE = `mutation Create($input: CreateLocalUserInput!) {
  createLocalUser(input: $input) { user { ${USER_FIELDS} } userErrors { code message field } }
}`;

export const UPDATE = `mutation Update($input: UpdateLocalUserInput!) {
  updateLocalUser(input: $input) { user { ${USER_FIELDS} } userErrors { code message field } }
}`;

export const DELETE = `mutation Delete($input: DeleteLocalUserInput!) {
  deleteLocalUser(input: $input) { deletedUserId userErrors { code message field } }
}`;

export const SET_PASSWORD = `mutation SetPassword($input: SetLocalUserPasswordInput!) {
  setLocalUserPassword(input: $input) { user { id status rawStatus } userErrors { code message field } }
}`;

export const RESET_MFA = `mutation ResetMfa($input: UserActionInput!) {
  resetUserMfa(input: $input) { user { id } userErrors { code message field } }
}`;

export const TERMINATE = `mutation Terminate($input: UserActionInput!) {
  terminateUserSessions(input: $input) { user { id } userErrors { code message field } }
}`;

export const OFFBOARD = `mutation Offboard($input: OffboardUserInput!) {
  offboardUser(input: $input) {
    steps { step outcome message }
    user { id roleAssignments(includeExpired: true) { role { id } explicit } }
    userErrors { code message field }
  }
}`;

export interface UserErrorData {
  code: string;
  message: string;
  field: string[] | null;
}

export interface UnifiedUser {
  id: string;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  title: string | null;
  emails: { email: string; isPrimary: boolean }[];
  phones: { number: string; extension: string | null }[];
  organizations: { name: string }[];
  groups: { name: string; type: string }[];
  languages: string[];
  timezone: string | null;
  avatar: string | null;
  status: string | null;
  rawStatus: string | null;
  updatedAt: string | null;
}

export interface CreateData {
  createLocalUser: { user: UnifiedUser | null; userErrors: UserErrorData[] };
}
export interface UpdateData {
  updateLocalUser: { user: UnifiedUser | null; userErrors: UserErrorData[] };
}
export interface DeleteData {
  deleteLocalUser: { deletedUserId: string | null; userErrors: UserErrorData[] };
}
export interface SetPasswordData {
  setLocalUserPassword: { user: { id: string; status: string; rawStatus: string } | null; userErrors: UserErrorData[] };
}
export interface ResetMfaData {
  resetUserMfa: { user: { id: string } | null; userErrors: UserErrorData[] };
}
export interface TerminateData {
  terminateUserSessions: { user: { id: string } | null; userErrors: UserErrorData[] };
}
export interface OffboardData {
  offboardUser: {
    steps: { step: string; outcome: string; message: string | null }[];
    user: { id: string; roleAssignments: { role: { id: string }; explicit: boolean }[] } | null;
    userErrors: UserErrorData[];
  };
}

/** A local user holding explicit grants (and, with `mapped`, a directory-mapped role too). */
export function localUserWithGrants(simulator: RunningSimulator, skip = 0): RawRoleStoreUser {
  const found = simulator.data.users.filter((u) => u.source_type === 'LOCAL' && u.roles.some((r) => r.explicit))[skip];
  if (!found) throw new Error('no demo local user with explicit grants');
  return found;
}

/** A user of a directory other than the local one, holding explicit grants and a mapped role. */
export function directoryUserWithGrants(simulator: RunningSimulator, skip = 0): RawRoleStoreUser {
  const found = simulator.data.users.filter((u) => u.source_type !== 'LOCAL' && u.roles.some((r) => r.explicit) && u.roles.some((r) => !r.explicit))[skip];
  if (!found) throw new Error('no demo directory user with explicit and mapped grants');
  return found;
}

export function localWrites(simulator: RunningSimulator, method: string, suffix = ''): number {
  const route = `${method} /local-user-store/api/v1/users${suffix}`;
  return simulator.stats.snapshot().byRoute[route] ?? 0;
}
