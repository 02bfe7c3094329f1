import type { User } from '../src/types';

const memo = new WeakMap<User, Map<string, Promise<unknown>>>();

/**
 * One read per user per request, however many fields need it: `status`, `rawStatus` and `workspace` share the
 * directory, `roles` and `roleAssignments` the assignments. Loaders already memoise by key; this also holds
 * when they are off (naive mode), so that mode costs exactly one call per user and relation.
 */
export function oncePerUser<T>(user: User, what: string, read: () => Promise<T>): Promise<T> {
  let reads = memo.get(user);
  if (!reads) memo.set(user, (reads = new Map()));
  let pending = reads.get(what) as Promise<T> | undefined;
  if (!pending) reads.set(what, (pending = read()));
  return pending;
}
