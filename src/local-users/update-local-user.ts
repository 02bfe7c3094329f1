import { isDeepStrictEqual } from 'node:util';
import type { Context } from '../context';
import { SERVER_OWNED_LOCAL_KEYS, localUserFieldProblems, toLocalUserReplaceRecord, type LocalUserFields } from './local-user-writes.mapping';
import type { LocalUserPayload } from './local-user-payloads.type';
import type { UpdateLocalUserInput } from './local-user-inputs.type';
import { LockTimeout, runMutation, userError, UserErrorCode, uuidField, type Writes } from '../writes';
import { announceUserChange, forgetUser } from './after-write';
import { localTarget, staleness } from './local-target';
import { localUserFailed, localUserPayload, type StoredUserResult } from './payloads';
import { alreadyExists, upstreamWrite } from './upstream-failures';

const BUSY = 'Another write to this user was still running when the deadline came; nothing was written. Try again.';

/**
 * updateLocalUser (docs/local-users.md): under the user's lock (so two updates through the subgraph never drop
 * each other's fields), read the record fresh, check `expectedUpdatedAt` (CONFLICT, nothing written), overlay
 * the given fields and `PUT` the whole record, keeping every field the subgraph does not model.
 */
export function updateLocalUser(context: Context, input: UpdateLocalUserInput): Promise<LocalUserPayload> {
  const { idempotencyKey, id, expectedUpdatedAt, ...fields } = input;
  const changes = definedFields(fields);
  return runMutation(context, {
    operation: 'updateLocalUser',
    input: { id, expectedUpdatedAt, ...changes },
    idempotencyKey,
    target: { userId: id },
    check: () => [
      ...uuidField(id, ['input', 'id']),
      ...localUserFieldProblems(changes, ['input'], false).map((p) => userError(UserErrorCode.INVALID, p.message, p.field)),
    ],
    failed: localUserFailed,
    save: (payload) => payload.stored,
    restore: async (saved) => localUserPayload(saved as StoredUserResult),
    run: async (audit) => {
      const writes = context.writes as Writes;
      const userId = id.toLowerCase();
      try {
        return await writes.locks.withLock(userId, async () => {
          const target = await localTarget(writes, userId);
          if (!target.ok) return localUserFailed([target.error]);
          const stale = await staleness(writes, target.local, expectedUpdatedAt);
          if (stale.length > 0) return localUserFailed(stale);
          const mapped = toLocalUserReplaceRecord(target.local.raw, changes);
          if (!mapped.ok) return localUserFailed(mapped.problems.map((p) => userError(UserErrorCode.INVALID, p.message, p.field)));
          audit.change = { fields: mapped.changed };
          const taken = async () => {
            const holder = await writes.writer.findLocalUserByUsername(mapped.record.username);
            return holder !== null && holder.id.toLowerCase() !== userId;
          };
          if (mapped.record.username !== target.local.username && (await taken())) {
            return localUserFailed([userError(UserErrorCode.ALREADY_EXISTS, 'Another local user has this username.', ['input', 'username'])]);
          }
          // Nothing would change: no PUT (PrivX would still bump `updated`).
          if (isDeepStrictEqual(mapped.record, sendable(target.local.raw))) return localUserPayload({ userId, userErrors: [] });
          const failed = await upstreamWrite(audit, 'updateLocalUser', () => writes.writer.replaceLocalUser(userId, mapped.record), () => forgetUser(context, writes, userId));
          if (failed === 'not-found') return localUserFailed([userError(UserErrorCode.NOT_FOUND, `Local user ${id} was deleted meanwhile.`, ['input', 'id'])]);
          if (failed) return localUserFailed(await alreadyExists(failed, taken));
          await forgetUser(context, writes, userId);
          await announceUserChange(context, writes, 'UPDATED', userId);
          return localUserPayload({ userId, userErrors: [] });
        });
      } catch (error) {
        if (error instanceof LockTimeout) return localUserFailed([userError(UserErrorCode.CONFLICT, BUSY)]);
        throw error;
      }
    },
  });
}

/** The fields the caller gave (null included), without the ones left out: absent means unchanged. */
function definedFields(fields: Record<string, unknown>): LocalUserFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as LocalUserFields;
}

function sendable(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !SERVER_OWNED_LOCAL_KEYS.includes(key)));
}
