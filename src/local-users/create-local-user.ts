import type { Context } from '../context';
import { toLocalUserCreateRecord, type LocalUserFields } from './local-user-writes.mapping';
import type { CreateLocalUserInput } from './local-user-inputs.type';
import type { LocalUserPayload } from './local-user-payloads.type';
import { runMutation, userError, UserErrorCode, type Writes } from '../writes';
import { announceUserChange, forgetUser } from './after-write';
import { localUserFailed, localUserPayload, type StoredUserResult } from './payloads';
import { passwordProblems } from './passwords';
import { alreadyExists, upstreamWrite } from './upstream-failures';

/**
 * createLocalUser (docs/local-users.md): the unified input through the reverse mapping, the username checked
 * first (one cheap exact-filter read), then one `POST`, sent once. With an idempotency key a repeat returns the
 * first payload and sends no second `POST`. The password goes to the v41 client and nowhere else: the input
 * an idempotency key is compared by leaves it out (it is never stored, even hashed), so is the audit line.
 */
export function createLocalUser(context: Context, input: CreateLocalUserInput): Promise<LocalUserPayload> {
  const { idempotencyKey, password, requirePasswordChange, ...fields } = input;
  const mapped = toLocalUserCreateRecord(fields as LocalUserFields, { requirePasswordChange: requirePasswordChange ?? true });
  return runMutation(context, {
    operation: 'createLocalUser',
    input: { ...fields, requirePasswordChange: requirePasswordChange ?? true, withPassword: password != null },
    idempotencyKey,
    target: { username: input.username },
    check: () => [...(mapped.ok ? [] : mapped.problems.map((p) => userError(UserErrorCode.INVALID, p.message, p.field))), ...passwordProblems(password, ['input', 'password'])],
    failed: localUserFailed,
    save: (payload) => payload.stored,
    restore: async (saved) => localUserPayload(saved as StoredUserResult),
    run: async (audit) => {
      if (!mapped.ok) return localUserFailed([]);
      const writes = context.writes as Writes;
      const { record } = mapped;
      audit.change = { fields: mapped.changed };
      const taken = async () => (await writes.writer.findLocalUserByUsername(record.username)) !== null;
      if (await taken()) return localUserFailed([userError(UserErrorCode.ALREADY_EXISTS, 'Another local user has this username.', ['input', 'username'])]);
      let id = '';
      const failed = await upstreamWrite(audit, 'createLocalUser', async () => {
        id = await writes.writer.createLocalUser(record, password ?? undefined);
      });
      if (failed === 'not-found') throw new Error('PrivX answered "not found" to a create');
      if (failed) return localUserFailed(await alreadyExists(failed, taken));
      audit.target.userId = id;
      await forgetUser(context, writes, id);
      await announceUserChange(context, writes, 'CREATED', id);
      return localUserPayload({ userId: id, userErrors: [] } satisfies StoredUserResult);
    },
  });
}

