import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { withPasswordChangeRequired } from './local-user-writes.mapping';
import type { LocalUserPayload } from './local-user-payloads.type';
import type { SetLocalUserPasswordInput } from './local-user-inputs.type';
import { LockTimeout, runMutation, userError, UserErrorCode, uuidField, type Writes } from '../writes';
import { announceUserChange, forgetUser } from './after-write';
import { localTarget } from './local-target';
import { localUserFailed, localUserPayload } from './payloads';
import { passwordProblems } from './passwords';
import { upstreamWrite } from './upstream-failures';

/**
 * setLocalUserPassword (docs/local-users.md): `PUT …/password`, then, when `requireChange` differs from the
 * record, the record with `password_change_required` set (PrivX's password call does not take the flag). The
 * password goes to the v41 client only: the input the frame sees has none, and there is no idempotency key
 * (the contract has none for this mutation; a repeat just sets the same password again).
 */
export function setLocalUserPassword(context: Context, input: SetLocalUserPasswordInput): Promise<LocalUserPayload> {
  const { password, ...rest } = input;
  const requireChange = rest.requireChange ?? false;
  return runMutation(context, {
    operation: 'setLocalUserPassword',
    input: { id: rest.id, requireChange },
    idempotencyKey: undefined,
    target: { userId: rest.id },
    check: () => [
      ...uuidField(rest.id, ['input', 'id']),
      ...(password === '' ? [userError(UserErrorCode.INVALID, 'password cannot be empty.', ['input', 'password'])] : passwordProblems(password, ['input', 'password'])),
    ],
    failed: localUserFailed,
    save: (payload) => payload.stored,
    restore: async () => localUserFailed([]),
    run: async (audit) => {
      const writes = context.writes as Writes;
      const userId = rest.id.toLowerCase();
      try {
        return await writes.locks.withLock(userId, async () => {
          const target = await localTarget(writes, userId);
          if (!target.ok) return localUserFailed([target.error]);
          audit.change = { fields: ['password', ...(target.local.password_change_required === requireChange ? [] : ['requirePasswordChange'])] };
          const failed = await upstreamWrite(audit, 'setLocalUserPassword', () => writes.writer.setLocalUserPassword(userId, password), () => forgetUser(context, writes, userId));
          if (failed === 'not-found') return localUserFailed([userError(UserErrorCode.NOT_FOUND, `Local user ${rest.id} was deleted meanwhile.`, ['input', 'id'])]);
          if (failed) return localUserFailed(failed);
          if (target.local.password_change_required !== requireChange) {
            const flagged = await upstreamWrite(audit, 'setLocalUserPassword', () => writes.writer.replaceLocalUser(userId, withPasswordChangeRequired(target.local.raw, requireChange)));
            if (flagged) {
              await forgetUser(context, writes, userId);
              throw new GraphQLError(`setLocalUserPassword: the password was set, but PrivX refused to change requireChange (${flagged === 'not-found' ? 'the user was deleted' : flagged.map((e) => e.message).join('; ')}).`, {
                extensions: { code: 'UPSTREAM_ERROR', writeOutcome: 'APPLIED' },
              });
            }
          }
          await forgetUser(context, writes, userId);
          await announceUserChange(context, writes, 'UPDATED', userId);
          return localUserPayload({ userId, userErrors: [] });
        });
      } catch (error) {
        if (error instanceof LockTimeout) return localUserFailed([userError(UserErrorCode.CONFLICT, 'Another write to this user was still running when the deadline came; nothing was written. Try again.')]);
        throw error;
      }
    },
  });
}
