import type { V41LocalUser } from '../../datasources/v41/models';
import { isLocalUser } from '../entities/mapping';
import { userError, UserErrorCode, type UserError, type Writes } from '../writes';

export type LocalTarget = { ok: true; local: V41LocalUser } | { ok: false; error: UserError };

/**
 * The local record a mutation changes, read fresh (no cache): NOT_FOUND when there is no such user, NOT_LOCAL
 * when the user belongs to another directory (PrivX changes those only through their directory).
 */
export async function localTarget(writes: Writes, id: string, field: readonly string[] = ['input', 'id']): Promise<LocalTarget> {
  const local = await writes.writer.readLocalUser(id);
  if (local) return { ok: true, local };
  const user = await writes.reader.getUser(id);
  if (user && !isLocalUser(user)) {
    return {
      ok: false,
      error: userError(UserErrorCode.NOT_LOCAL, `User ${id} belongs to a directory other than the local one (${user.source_type ?? 'unknown'}); change it in that directory.`, field),
    };
  }
  return { ok: false, error: userError(UserErrorCode.NOT_FOUND, `There is no local user ${id}.`, field) };
}

/**
 * `expectedUpdatedAt` against the user's `updatedAt` now (a CONFLICT naming the current value), or nothing.
 * `User.updatedAt` is the role store's `updated` (which a role grant moves too), so that is what is compared,
 * read fresh; the local record's own `updated` only when the role store has no record.
 */
export async function staleness(writes: Writes, local: V41LocalUser, expected: Date | null | undefined): Promise<UserError[]> {
  if (!expected) return [];
  const user = await writes.reader.getUser(local.id.toLowerCase());
  const updated = user?.updated ?? local.updated;
  const current = updated ? new Date(updated) : null;
  if (current && current.getTime() === expected.getTime()) return [];
  return [
    userError(
      UserErrorCode.CONFLICT,
      `The user changed since it was read: updatedAt is now ${current ? current.toISOString() : 'unknown'}, not ${expected.toISOString()}. Nothing was written; read it again and retry.`,
      ['input', 'expectedUpdatedAt'],
    ),
  ];
}
