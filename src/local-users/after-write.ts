import type { ChangeKindName } from '../changes/types';
import type { Context } from '../context';
import { invalidate, keysAfterRoleChange, keysAfterUserChange, type Writes } from '../writes';

/**
 * Forgets what a write to a user changed, in the shared cache (here and, with Redis, on every replica) and in
 * this request's loaders, so the payload's `user` and the next read anywhere show the write.
 */
export async function forgetUser(context: Context, writes: Writes, userId: string, options: { roles?: boolean } = {}): Promise<void> {
  const id = userId.toLowerCase();
  await invalidate(writes.cache, options.roles ? [...keysAfterUserChange(id), ...keysAfterRoleChange(id)] : keysAfterUserChange(id));
  context.loaders.userById.clear(id);
  context.loaders.localUserById.clear(id);
  context.loaders.rolesOfUser.clear(id);
}

/**
 * Puts the write in the change feed at once (docs/changes.md: the subgraph's own mutations appear without waiting
 * for a poll). The write has happened whatever the feed does: a feed that cannot take it is logged, not thrown.
 */
export async function announceUserChange(context: Context, writes: Writes, kind: ChangeKindName, userId: string): Promise<void> {
  if (!context.changes) return;
  try {
    await context.changes.recordChange({ kind, userId: userId.toLowerCase(), at: Date.now() });
  } catch (error) {
    writes.logger.warn({ err: error, userId }, 'A user change was written but could not be added to the change feed; the next poll finds it');
  }
}
