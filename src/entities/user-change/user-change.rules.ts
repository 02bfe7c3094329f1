import { GraphQLError } from 'graphql';
import { BadCursorError, CursorExpiredError, SubscribersExhaustedError, type ChangeKindName, type ChangeTracking, type StoredChange } from '../../changes';
import type { Context } from '../../context';
import { runInRequestScope } from '../../../datasources/v41/request-scope';
import { badUserInput } from '../../errors';
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

/** A pushed change: fresh loaders for it, before its fields resolve (the subscription's root resolver calls this). */
export function pushedChange(change: StoredChange, context: Context): UserChange {
  context.event?.renew();
  return toUserChange(change);
}

/** A subscription's event reads upstream in its own scope (`context.request`), as a request would; a query in its request's. */
function withinEventBounds<T>(context: Context, read: () => Promise<T>): Promise<T> {
  return context.event ? runInRequestScope(context.request, read) : read();
}

/** The current record; null for DELETED and for a user gone since. */
export async function userOfChange(change: UserChange, context: Context): Promise<User | null> {
  if (change.kind === 'DELETED' || !isUuid(change.userId)) return null;
  const user = await withinEventBounds(context, () => context.loaders.userById.load(change.userId));
  return user && toUser(user);
}

export async function roleOfChange(change: UserChange, context: Context): Promise<Role | null> {
  const roleId = change.roleId;
  if (!roleId || !isUuid(roleId)) return null;
  const role = await withinEventBounds(context, () => context.loaders.roleById.load(roleId));
  return role && toRole(role);
}

/**
 * Changes pushed to one subscriber. A verified caller's subscription ends when its token expires
 * (UNAUTHENTICATED): a token is checked when the subscription starts and holds only until then.
 */
export async function subscribeToChanges(
  context: Context,
  args: { kinds?: readonly UserChangeKind[] | null; userIds?: readonly string[] | null; after?: string | null },
): Promise<AsyncIterable<StoredChange>> {
  let queue: Awaited<ReturnType<ChangeTracking['subscribe']>>;
  try {
    queue = await feedOf(context).subscribe({
      kinds: kindsOf(args.kinds),
      userIds: args.userIds?.length ? new Set(args.userIds.map((id) => id.toLowerCase())) : undefined,
      after: args.after ?? undefined,
    });
  } catch (error) {
    throw feedError(error);
  }
  const { caller } = context;
  if (caller.kind === 'verified' && caller.expiresAt !== undefined) {
    const expired = () => queue.fail(new GraphQLError('The bearer token has expired: subscribe again with a fresh one.', { extensions: { code: 'UNAUTHENTICATED' } }));
    const timer = setTimeout(expired, Math.max(0, caller.expiresAt - Date.now()));
    timer.unref();
    queue.onEnd(() => clearTimeout(timer));
  }
  return queue;
}
