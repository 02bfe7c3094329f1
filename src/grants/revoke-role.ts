import type { Context } from '../context';
import type { RevokeRoleInput, RevokeRolePayload } from '../types';
import { runMutation, userError, UserErrorCode, uuidField, type Writes } from '../writes';
import { applyRoleChange } from './apply-role-change';
import { revokeFailed, revokePayload, type StoredRevoke } from './grant-payloads';
import { handleOf } from './grant-terms';
import { findRole } from './role-lookup';

type Skip = 'implicit' | 'not-held';

/**
 * revokeRole (docs/writes.md, "Role grants"): removes one explicit grant, every other explicit grant surviving
 * field for field. A role held only through a directory mapping is IMPLICIT_GRANT (PrivX cannot remove it); one
 * not held at all is `revoked: false` with nothing written.
 */
export function revokeRole(context: Context, input: RevokeRoleInput): Promise<RevokeRolePayload> {
  const { idempotencyKey, ...target } = input;
  const finish = (stored: StoredRevoke) => Object.assign(revokePayload(stored), { stored });
  return runMutation(context, {
    operation: 'revokeRole',
    input: target,
    idempotencyKey,
    target: { userId: input.userId, roleId: input.roleId },
    check: () => [...uuidField(input.userId, ['input', 'userId']), ...uuidField(input.roleId, ['input', 'roleId'])],
    failed: revokeFailed,
    save: (payload) => payload.stored,
    restore: async (saved) => revokePayload(saved as StoredRevoke),
    run: async (audit) => {
      const writes = context.writes as Writes;
      const userId = input.userId.toLowerCase();
      const roleId = input.roleId.toLowerCase();
      const applied = await applyRoleChange<Skip>(
        context,
        writes,
        userId,
        (roles) => {
          const held = roles.filter((r) => r.id.toLowerCase() === roleId);
          if (held.some((r) => r.explicit === true)) return { kind: 'write', change: { kind: 'revoke', roleIds: new Set([roleId]) } };
          return { kind: 'skip', result: held.length > 0 ? 'implicit' : 'not-held' };
        },
        audit,
        'revokeRole',
      );
      switch (applied.kind) {
        case 'no-user':
          return revokeFailed([userError(UserErrorCode.NOT_FOUND, `There is no user ${input.userId}.`, ['input', 'userId'])]);
        case 'conflict':
          return revokeFailed([userError(UserErrorCode.CONFLICT, applied.message)]);
        case 'rejected':
          return revokeFailed([userError(UserErrorCode.UPSTREAM_REJECTED, applied.message)]);
        case 'skipped':
          if (applied.result === 'implicit') {
            return revokeFailed([
              userError(UserErrorCode.IMPLICIT_GRANT, 'The user holds this role through a directory mapping, which PrivX cannot revoke per user: change the mapping or the directory group.', ['input', 'roleId']),
            ]);
          }
          if (!(await findRole(context, writes, roleId))) return revokeFailed([userError(UserErrorCode.NOT_FOUND, `There is no role ${input.roleId}.`, ['input', 'roleId'])]);
          return finish({ userId, revoked: false, userErrors: [] });
        case 'written': {
          const before = applied.before.find((r) => r.explicit === true && r.id.toLowerCase() === roleId);
          audit.change = { before: before ? handleOf(before) : null, after: null };
          return finish({ userId, revoked: true, userErrors: [] });
        }
      }
    },
  });
}
