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
