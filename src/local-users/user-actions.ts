import type { Context } from '../context';
import type { UserActionInput } from './local-user-inputs.type';
import type { UserActionPayload } from './local-user-payloads.type';
import { runMutation, userError, UserErrorCode, uuidField, type Writes } from '../writes';
import type { ChangeKindName } from '../changes/types';
import { announceUserChange, forgetUser } from './after-write';
import { userActionFailed, userActionPayload, type StoredUserResult } from './payloads';
import { upstreamWrite } from './upstream-failures';

type Action = (writes: Writes, userId: string) => Promise<unknown>;

/** resetUserMfa and terminateUserSessions: one idempotent call for a user of any directory, checked to exist first. */
function userAction(operation: string, act: Action, changes: ChangeKindName | null) {
  return (context: Context, input: UserActionInput): Promise<UserActionPayload> => {
    const { idempotencyKey, ...target } = input;
    return runMutation(context, {
      operation,
      input: target,
      idempotencyKey,
      target: { userId: input.userId },
      check: () => uuidField(input.userId, ['input', 'userId']),
      failed: userActionFailed,
      save: (payload) => payload.stored,
      restore: async (saved) => userActionPayload(saved as StoredUserResult),
      run: async (audit) => {
        const writes = context.writes as Writes;
        const userId = input.userId.toLowerCase();
        const missing = () => userActionFailed([userError(UserErrorCode.NOT_FOUND, `There is no user ${input.userId}.`, ['input', 'userId'])]);
        if (!(await writes.reader.getUser(userId))) return missing();
        const failed = await upstreamWrite(audit, operation, () => act(writes, userId));
        if (failed === 'not-found') return missing();
        if (failed) return userActionFailed(failed);
        await forgetUser(context, writes, userId);
        if (changes) await announceUserChange(context, writes, changes, userId);
        return userActionPayload({ userId, userErrors: [] });
      },
    });
  };
}

/** `POST /role-store/api/v1/users/mfa/reset` `[id]`: the user enrols again at next login. */
export const resetUserMfa = userAction('resetUserMfa', (writes, userId) => writes.writer.resetUserMfa([userId]), 'UPDATED');

/** `POST /auth/api/v1/sessionstorage/users/{id}/sessions/terminate`. */
// Sessions are not part of the user record: nothing for the change feed.
export const terminateUserSessions = userAction('terminateUserSessions', (writes, userId) => writes.writer.terminateUserSessions(userId), null);
