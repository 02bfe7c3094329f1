import type { RawRoleAssignment, RawRoleStoreUser } from '../../datasources/simulator/demo-types';
import type { RunningSimulator } from '../../datasources/simulator/server';
import type { GraphQLResponse } from '../../examples/supergraph/graphql-http';

/** Shared by the write tests: the operations, and demo users and roles picked by what they hold. */

export const GRANT = `mutation Grant($input: GrantRoleInput!) {
  grantRole(input: $input) {
    assignment { role { id name } explicit grantType grantStart grantEnd floatingHours periods { start end } }
    user { id roles { id } }
    userErrors { code message field }
  }
}`;

export const REVOKE = `mutation Revoke($input: RevokeRoleInput!) {
  revokeRole(input: $input) { revoked user { id roles { id } } userErrors { code message field } }
}`;

export const REVOKE_MANY = `mutation RevokeMany($input: RevokeGrantsInput!) {
  revokeGrants(input: $input) {
    revokedCount
    revocations { userId user { id } role { id name } outcome message }
    userErrors { code message field }
  }
}`;

export const ROLES_OF = 'query RolesOf($id: ID!) { user(id: $id) { id roleAssignments(includeExpired: true) { role { id } explicit grantType grantEnd floatingHours } } }';

export interface GrantData {
  grantRole: {
    assignment: { role: { id: string; name: string }; explicit: boolean; grantType: string; grantStart: string | null; grantEnd: string | null; floatingHours: number | null; periods: { start: string; end: string }[] } | null;
    user: { id: string; roles: { id: string }[] } | null;
    userErrors: { code: string; message: string; field: string[] | null }[];
  };
}

export interface RevokeData {
  revokeRole: { revoked: boolean; user: { id: string; roles: { id: string }[] } | null; userErrors: { code: string; message: string; field: string[] | null }[] };
}

export interface RevokeManyData {
  revokeGrants: {
    revokedCount: number;
    revocations: { userId: string; user: { id: string } | null; role: { id: string; name: string }; outcome: string; message: string | null }[];
    userErrors: { code: string; message: string; field: string[] | null }[];
  };
}

export interface RolesOfData {
  user: { id: string; roleAssignments: { role: { id: string }; explicit: boolean; grantType: string | null; grantEnd: string | null; floatingHours: number | null }[] };
}

/** A user holding at least three explicit grants and a directory-mapped role. */
export function userWithMixedGrants(simulator: RunningSimulator, skip = 0): RawRoleStoreUser {
  const found = simulator.data.users.filter((u) => u.roles.filter((r) => r.explicit).length >= 3 && u.roles.some((r) => !r.explicit))[skip];
  if (!found) throw new Error('no demo user with mixed grants');
  return found;
}

/** A user holding no role at all. */
export function userWithoutRoles(simulator: RunningSimulator, skip = 0): RawRoleStoreUser {
  const found = simulator.data.users.filter((u) => u.roles.length === 0)[skip];
  if (!found) throw new Error('no demo user without roles');
  return found;
}

/** Roles the user does not hold. */
export function rolesNotHeld(simulator: RunningSimulator, user: RawRoleStoreUser): string[] {
  const held = new Set(user.roles.map((r) => r.id));
  return simulator.data.roles.filter((r) => !held.has(r.id)).map((r) => r.id);
}

/** The explicit grants as a client must send them back: every term, field for field. */
export function handlesOf(roles: readonly RawRoleAssignment[]): Record<string, unknown>[] {
  return roles
    .filter((r) => r.explicit)
    .map((r) => {
      const handle: Record<string, unknown> = { id: r.id, name: r.name, explicit: true, grant_type: r.grant_type };
      if (r.grant_start !== undefined) handle.grant_start = r.grant_start;
      if (r.grant_end !== undefined) handle.grant_end = r.grant_end;
      if (r.grant_validity_periods !== undefined) handle.grant_validity_periods = r.grant_validity_periods;
      if (r.floating_length !== undefined) handle.floating_length = r.floating_length;
      return handle;
    });
}

export function puts(simulator: RunningSimulator): number {
  return simulator.stats.snapshot().byRoute['PUT /role-store/api/v1/users/:id/roles'] ?? 0;
}

export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

export const HOUR = 3_600_000;
