import type { V41RoleAssignment } from '../../datasources/v41/models';
import type { Context } from '../context';
import { toRole, toRoleAssignment } from '../mapping';
import { GrantRevocation, GrantRolePayload, RevokeGrantsPayload, RevokeRolePayload, type RevocationOutcome, type RoleAssignment } from '../types';
import { userError, type UserError, type UserErrorCode } from '../writes';

/**
 * The payloads of the grant mutations, and their stored form for a repeat of an idempotency key: plain data
 * (upstream records, ids, outcomes) from which the same payload is built again.
 */

interface StoredError {
  code: UserErrorCode;
  message: string;
  field: string[] | null;
}

const storeErrors = (errors: UserError[]): StoredError[] => errors.map(({ code, message, field }) => ({ code, message, field }));
const restoreErrors = (errors: StoredError[]): UserError[] => errors.map((e) => userError(e.code, e.message, e.field ?? undefined));

/** The grant as the schema shows it, with the role's details from the (cached) role list when it is there. */
async function assignmentOf(context: Context, record: V41RoleAssignment): Promise<RoleAssignment> {
  const assignment = toRoleAssignment(record);
  const role = await context.loaders.roleById.load(record.id.toLowerCase()).catch(() => null);
  if (role) assignment.role = toRole(role);
  return assignment;
}

export interface StoredGrant {
  userId: string | null;
  assignment: V41RoleAssignment | null;
  userErrors: StoredError[];
}

export async function grantPayload(context: Context, stored: StoredGrant): Promise<GrantRolePayload> {
  return Object.assign(new GrantRolePayload(), {
    userId: stored.userId,
    assignment: stored.assignment ? await assignmentOf(context, stored.assignment) : null,
    userErrors: restoreErrors(stored.userErrors),
  });
}

export function grantFailed(userErrors: UserError[]): GrantRolePayload {
  return Object.assign(new GrantRolePayload(), { userId: null, assignment: null, userErrors });
}

export const storeGrant = (stored: StoredGrant) => ({ ...stored });

export interface StoredRevoke {
  userId: string | null;
  revoked: boolean;
  userErrors: StoredError[];
}

export function revokePayload(stored: StoredRevoke): RevokeRolePayload {
  return Object.assign(new RevokeRolePayload(), { userId: stored.userId, revoked: stored.revoked, userErrors: restoreErrors(stored.userErrors) });
}

export function revokeFailed(userErrors: UserError[]): RevokeRolePayload {
  return Object.assign(new RevokeRolePayload(), { userId: null, revoked: false, userErrors });
}

export interface StoredRevocation {
  userId: string;
  roleId: string;
  roleName: string | null;
  outcome: RevocationOutcome;
  message: string | null;
}

export interface StoredRevocations {
  revocations: StoredRevocation[];
  revokedCount: number;
  userErrors: StoredError[];
}

export function revocationsPayload(stored: StoredRevocations): RevokeGrantsPayload {
  return Object.assign(new RevokeGrantsPayload(), {
    revocations: stored.revocations.map((r) => Object.assign(new GrantRevocation(), { ...r })),
    revokedCount: stored.revokedCount,
    userErrors: restoreErrors(stored.userErrors),
  });
}

export function revocationsFailed(userErrors: UserError[]): RevokeGrantsPayload {
  return Object.assign(new RevokeGrantsPayload(), { revocations: [], revokedCount: 0, userErrors });
}

export { storeErrors };
