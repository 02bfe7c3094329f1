import { GraphQLError } from 'graphql';
import { BadCursorError, CursorExpiredError, SubscribersExhaustedError, type ChangeKindName, type ChangeTracking, type StoredChange } from '../changes';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { isUuid, toRole, toUser } from '../mapping';
import { MAX_PAGE_SIZE, UserChange, type Role, type User, type UserChangeConnection, type UserChangeKind } from '../types';

/**
 * The change feed's queries (docs/changes.md): a page after a cursor, the newest cursor, and the `user` and
 * `role` of a change, read when asked through the request's loaders (one batched call for a page's users).
 */

export const CURSOR_EXPIRED = 'CURSOR_EXPIRED';

export function feedOf(context: Pick<Context, 'changes'>): ChangeTracking {
  if (!context.changes) throw new GraphQLError('The change feed is not served by this process', { extensions: { code: 'CHANGES_UNAVAILABLE' } });
  return context.changes;
}

/** The feed's own errors as coded GraphQL errors: a client tells "resync" from "fix your input" by the code. */
export function feedError(error: unknown): unknown {
  if (error instanceof CursorExpiredError) return new GraphQLError(error.message, { extensions: { code: CURSOR_EXPIRED, argument: 'after' } });
  if (error instanceof BadCursorError) return badUserInput('after is not a cursor returned by userChanges or userChangesCursor', 'after');
  if (error instanceof SubscribersExhaustedError) return new GraphQLError(error.message, { extensions: { code: 'TOO_MANY_SUBSCRIBERS' } });
  return error;
}

export function kindsOf(kinds: readonly UserChangeKind[] | null | undefined): ReadonlySet<ChangeKindName> | undefined {
  return kinds == null || kinds.length === 0 ? undefined : new Set(kinds as readonly string[] as ChangeKindName[]);
}

export function toUserChange(change: StoredChange): UserChange {
  return Object.assign(new UserChange(), { cursor: change.cursor, kind: change.kind as UserChangeKind, userId: change.userId, at: new Date(change.at), roleId: change.roleId });
}

export async function userChanges(
  context: Context,
  after: string | null | undefined,
  first: number | null | undefined,
  kinds: readonly UserChangeKind[] | null | undefined,
): Promise<UserChangeConnection> {
  const size = first ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, 'first');
  try {
    // One more than asked tells whether another page follows.
    const page = await feedOf(context).page(after ?? undefined, size + 1, kindsOf(kinds));
    const nodes = page.changes.slice(0, size);
    const endCursor = page.changes.length > size ? (nodes.at(-1)?.cursor ?? after ?? page.endCursor) : page.endCursor;
    return { nodes: nodes.map(toUserChange), pageInfo: { hasNextPage: page.changes.length > size, endCursor } };
  } catch (error) {
    throw feedError(error);
  }
}

export async function userChangesCursor(context: Context): Promise<string> {
  return feedOf(context).newestCursor();
}

/** The current record; null for DELETED and for a user gone since. */
export async function userOfChange(change: UserChange, context: Context): Promise<User | null> {
  if (change.kind === 'DELETED' || !isUuid(change.userId)) return null;
  const user = await context.loaders.userById.load(change.userId);
  return user && toUser(user);
}

export async function roleOfChange(change: UserChange, context: Context): Promise<Role | null> {
  if (!change.roleId || !isUuid(change.roleId)) return null;
  const role = await context.loaders.roleById.load(change.roleId);
  return role && toRole(role);
}
