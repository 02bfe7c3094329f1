import type { Context } from '../context';
import type { DeleteLocalUserInput } from './local-user-inputs.type';
import type { DeleteLocalUserPayload } from './local-user-payloads.type';
import { LockTimeout, runMutation, userError, UserErrorCode, uuidField, type Writes } from '../writes';
import { announceUserChange, forgetUser } from './after-write';
import { localTarget, staleness } from './local-target';
import { deleteFailed, deletePayload, type StoredDelete } from './payloads';
import { upstreamWrite } from './upstream-failures';

/**
 * deleteLocalUser (docs/local-users.md): a local user only (NOT_LOCAL otherwise), `expectedUpdatedAt` checked on
 * a fresh read first, then one `DELETE` (retried on the policy's conditions: a repeat finds it gone, which is
 * the outcome asked for).
 */
export function deleteLocalUser(context: Context, input: DeleteLocalUserInput): Promise<DeleteLocalUserPayload> {
  const { idempotencyKey, ...target } = input;
  return runMutation(context, {
    operation: 'deleteLocalUser',
    input: target,
    idempotencyKey,
    target: { userId: input.id },
    check: () => uuidField(input.id, ['input', 'id']),
    failed: deleteFailed,
    save: (payload) => payload.stored,
    restore: async (saved) => deletePayload(saved as StoredDelete),
    run: async (audit) => {
      const writes = context.writes as Writes;
      const userId = input.id.toLowerCase();
      try {
        return await writes.locks.withLock(userId, async () => {
          const found = await localTarget(writes, userId);
          if (!found.ok) return deleteFailed([found.error]);
          const stale = await staleness(writes, found.local, input.expectedUpdatedAt);
          if (stale.length > 0) return deleteFailed(stale);
          const failed = await upstreamWrite(audit, 'deleteLocalUser', () => writes.writer.deleteLocalUser(userId), () => forgetUser(context, writes, userId, { roles: true }));
          if (failed && failed !== 'not-found') return deleteFailed(failed);
          await forgetUser(context, writes, userId, { roles: true });
          await announceUserChange(context, writes, 'DELETED', userId);
          return deletePayload({ deletedUserId: userId, userErrors: [] });
        });
      } catch (error) {
        if (error instanceof LockTimeout) return deleteFailed([userError(UserErrorCode.CONFLICT, 'Another write to this user was still running when the deadline came; nothing was deleted. Try again.')]);
        throw error;
      }
    },
  });
}
