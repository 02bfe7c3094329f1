import type { Context } from '../context';
import type { GrantRoleInput, GrantRolePayload } from '../types';
import { runMutation, userError, UserErrorCode, type Writes } from '../writes';
import { applyRoleChange } from './apply-role-change';
import { grantFailed, grantPayload, storeErrors, type StoredGrant } from './grant-payloads';
import { handleOf, intendedHandle, sameTerms, type GrantKind } from './grant-terms';
import { findRole } from './role-lookup';
import { checkGrantInput } from './validate-grant';

/**
 * grantRole (docs/writes.md, "Role grants"): an upsert of one (user, role) grant. On a pair the user holds
 * explicitly it replaces the terms (extend, shorten, change the type); a pair already on exactly these terms
 * is not written again. Every other explicit grant survives field for field.
 */
export function grantRole(context: Context, input: GrantRoleInput): Promise<GrantRolePayload> {
  const { idempotencyKey, ...terms } = input;
  return runMutation(context, {
    operation: 'grantRole',
    input: terms,
    idempotencyKey,
    target: { userId: input.userId, roleId: input.roleId },
    check: () => checkGrantInput(input),
    failed: grantFailed,
    save: (payload) => payload.stored,
    restore: (saved) => grantPayload(context, saved as StoredGrant),
    run: async (audit) => {
      const writes = context.writes as Writes;
      const userId = input.userId.toLowerCase();
      const roleId = input.roleId.toLowerCase();
      const role = await findRole(context, writes, roleId);
      if (!role) return grantFailed([userError(UserErrorCode.NOT_FOUND, `There is no role ${input.roleId}.`, ['input', 'roleId'])]);
      const handle = intendedHandle({
        roleId: role.id,
        roleName: role.name,
        grantType: input.grantType as GrantKind,
        periods: input.periods ?? undefined,
        floatingHours: input.floatingHours ?? undefined,
      });
      const applied = await applyRoleChange(
        context,
        writes,
        userId,
        (roles) => {
          const held = roles.find((r) => r.explicit === true && r.id.toLowerCase() === roleId);
          return held && sameTerms(held, handle) ? { kind: 'skip', result: held } : { kind: 'write', change: { kind: 'grant', handle } };
        },
        audit,
        'grantRole',
      );
      let stored: StoredGrant;
      switch (applied.kind) {
        case 'no-user':
          return grantFailed([userError(UserErrorCode.NOT_FOUND, `There is no user ${input.userId}.`, ['input', 'userId'])]);
        case 'conflict':
          return grantFailed([userError(UserErrorCode.CONFLICT, applied.message)]);
        case 'rejected':
          return grantFailed([userError(UserErrorCode.UPSTREAM_REJECTED, applied.message)]);
        case 'skipped':
          audit.change = { before: handleOf(applied.result), after: handleOf(applied.result) };
          stored = { userId, assignment: applied.result, userErrors: [] };
          break;
        case 'written': {
          const before = applied.before.find((r) => r.explicit === true && r.id.toLowerCase() === roleId);
          audit.change = { before: before ? handleOf(before) : null, after: handle };
          stored = { userId, assignment: applied.after.find((r) => r.explicit === true && r.id.toLowerCase() === roleId) ?? null, userErrors: [] };
          break;
        }
      }
      return Object.assign(await grantPayload(context, stored), { stored: { ...stored, userErrors: storeErrors([]) } });
    },
  });
}
