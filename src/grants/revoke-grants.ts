import { GraphQLError } from 'graphql';
import { V41BudgetExceededError, V41Error } from '../../datasources/v41/errors';
import type { Context } from '../context';
import { upstreamCode } from '../errors';
import { meetsFilter, selectRoleAssignments } from '../entities/role-assignment';
import { toRoleAssignment } from '../mapping';
import { RevocationOutcome, type RevokeGrantsInput, type RevokeGrantsPayload } from '../types';
import { runMutation, userError, UserErrorCode, uuidField, type AuditRecord, type Writes } from '../writes';
import { applyRoleChange } from './apply-role-change';
import { revocationsFailed, revocationsPayload, type StoredRevocation, type StoredRevocations } from './grant-payloads';

/** Most (user, role) pairs one revokeGrants call may touch. */
export const MAX_REVOCATIONS = 500;

/**
 * revokeGrants (docs/writes.md, "Role grants"): the explicit grants a `RoleAssignmentFilter` selects, revoked
 * one user at a time with revokeRole's rules (lock, fresh reads, other grants kept, read back), each pair
 * reported. A pair is re-checked against the filter on the fresh read first: one changed since it was
 * selected (extended, say) is left alone and reported FAILED. `dryRun` reports and writes nothing.
 */
export function revokeGrants(context: Context, input: RevokeGrantsInput): Promise<RevokeGrantsPayload> {
  const { idempotencyKey, ...selection } = input;
  const dryRun = input.dryRun ?? false;
  const finish = (stored: StoredRevocations) => Object.assign(revocationsPayload(stored), { stored });
  return runMutation(context, {
    operation: 'revokeGrants',
    input: { ...selection, dryRun },
    idempotencyKey,
    target: { roleId: input.filter.roleId ?? undefined },
    check: () => (input.filter.roleId == null ? [] : uuidField(input.filter.roleId, ['input', 'filter', 'roleId'])),
    failed: revocationsFailed,
    save: (payload) => payload.stored,
    restore: async (saved) => revocationsPayload(saved as StoredRevocations),
    run: async (audit) => {
      const pairs = await selectRoleAssignments(context, input.filter);
      if (pairs.length > MAX_REVOCATIONS) {
        return revocationsFailed([
          userError(UserErrorCode.INVALID, `The filter selects ${pairs.length} grants; one call revokes at most ${MAX_REVOCATIONS}. Narrow the filter (e.g. by roleId) and call again.`, ['input', 'filter']),
        ]);
      }
      const revocations: StoredRevocation[] = pairs.map(({ user, assignment }) => ({
        userId: user.id,
        roleId: assignment.role.id,
        roleName: assignment.role.name ?? null,
        outcome: assignment.explicit ? (dryRun ? RevocationOutcome.WOULD_REVOKE : RevocationOutcome.REVOKED) : RevocationOutcome.SKIPPED_IMPLICIT,
        message: assignment.explicit ? null : 'Granted through a directory mapping, which PrivX cannot revoke per user.',
      }));
      if (!dryRun) {
        const byUser = new Map<string, StoredRevocation[]>();
        for (const r of revocations) if (r.outcome === RevocationOutcome.REVOKED) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
        for (const [userId, ofUser] of byUser) await revokeOfUser(context, input, userId, ofUser, audit);
      }
      const revokedCount = dryRun ? 0 : revocations.filter((r) => r.outcome === RevocationOutcome.REVOKED).length;
      audit.detail = {
        dryRun,
        selected: pairs.length,
        revokedCount,
        failed: revocations.filter((r) => r.outcome === RevocationOutcome.FAILED).length,
        // Which grants went: an audit trail names each one (at most 500).
        revoked: revocations.filter((r) => r.outcome === RevocationOutcome.REVOKED && !dryRun).map(({ userId, roleId }) => ({ userId, roleId })),
      };
      return finish({ revocations, revokedCount, userErrors: [] });
    },
  });
}

/** Why a selected pair was not revoked after all, as found on the fresh read. */
const NOT_HELD = 'No longer granted explicitly: it changed since it was selected.';
const NO_LONGER_SELECTED = 'No longer meets the filter (its terms changed since it was selected): left as it is.';

/** One user's selected pairs, in one PUT; each pair's outcome is set in place. */
async function revokeOfUser(context: Context, input: RevokeGrantsInput, userId: string, pairs: StoredRevocation[], audit: AuditRecord): Promise<void> {
  const fail = (targets: StoredRevocation[], message: string) => targets.forEach((r) => Object.assign(r, { outcome: RevocationOutcome.FAILED, message }));
  /** Per pair, from the last read decided on: null to revoke, else why not. */
  const verdicts = new Map<StoredRevocation, string | null>();
  try {
    const applied = await applyRoleChange(
      context,
      context.writes as Writes,
      userId,
      async (roles) => {
        verdicts.clear();
        for (const pair of pairs) {
          const held = roles.find((r) => r.explicit === true && r.id.toLowerCase() === pair.roleId.toLowerCase());
          verdicts.set(pair, !held ? NOT_HELD : (await meetsFilter(context, input.filter, toRoleAssignment(held))) ? null : NO_LONGER_SELECTED);
        }
        const revoke = new Set(pairs.filter((pair) => verdicts.get(pair) === null).map((pair) => pair.roleId));
        return revoke.size === 0 ? { kind: 'skip', result: null } : { kind: 'write', change: { kind: 'revoke', roleIds: revoke } };
      },
      audit,
      'revokeGrants',
    );
    if (applied.kind === 'no-user') return fail(pairs, 'The user no longer exists.');
    if (applied.kind === 'conflict' || applied.kind === 'rejected') return fail(pairs, applied.message);
    for (const pair of pairs) {
      const why = verdicts.get(pair);
      if (why) fail([pair], why);
    }
  } catch (error) {
    fail(pairs, failureMessage(error));
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof V41BudgetExceededError) return "This request's budget of upstream calls ran out before this user was reached; call again to revoke the rest.";
  if (error instanceof GraphQLError) return error.message;
  if (error instanceof V41Error) return `Not revoked: PrivX failed (${upstreamCode(error)}${error.status ? `, HTTP ${error.status}` : ''}).`;
  return 'Not revoked: an unexpected error.';
}
