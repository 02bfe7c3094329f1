import type { RoleHandle } from '../../datasources/upstream';
import { V41Error, V41NotFoundError } from '../../datasources/v41/errors';
import type { V41RoleAssignment } from '../../datasources/v41/models';
import type { Context } from '../context';
import {
  invalidate,
  keysAfterRoleChange,
  LockTimeout,
  notVerifiedError,
  outcomeUnknown,
  unknownOutcomeError,
  type AuditRecord,
  type Writes,
} from '../writes';
import { explicitGrants, sameExplicitGrants, sameTerms } from './grant-terms';
import { rebuildExplicitList, type RoleChange } from './explicit-list';

/** Rebuilds from a newer read at most this often before answering CONFLICT (docs/writes.md, step 3). */
export const MAX_REBUILDS = 3;

/** What to do with the user's roles as last read: write a change, or answer without writing. */
export type Decision<S> = { kind: 'write'; change: RoleChange } | { kind: 'skip'; result: S };

export type Applied<S> =
  | { kind: 'written'; before: V41RoleAssignment[]; after: V41RoleAssignment[]; sent: RoleHandle[] }
  | { kind: 'skipped'; result: S; roles: V41RoleAssignment[] }
  | { kind: 'no-user' }
  | { kind: 'conflict'; message: string }
  | { kind: 'rejected'; message: string };

/**
 * One change to one user's explicit roles without losing anyone's update (docs/writes.md, "Role grants: no lost
 * updates"): under the user's lock (this process and, with Redis, every replica), read the roles bypassing the
 * cache, decide, read again right before the PUT and rebuild from the newer read when an outside writer changed
 * the explicit grants (up to 3 times, then CONFLICT having written nothing), PUT, read back and check that the
 * changed grant has its intended terms and every other explicit grant is as last read. Then the caches that
 * held the user's roles are invalidated here and on every replica.
 */
export async function applyRoleChange<S>(
  context: Context,
  writes: Writes,
  userId: string,
  decide: (roles: V41RoleAssignment[]) => Decision<S> | Promise<Decision<S>>,
  audit: AuditRecord,
  operation: string,
): Promise<Applied<S>> {
  const { writer } = writes;
  try {
    return await writes.locks.withLock(userId, async (lease) => {
      let current = await writer.readUserRoles(userId);
      if (current === null) return { kind: 'no-user' };
      for (let rebuilds = 0; ; rebuilds += 1) {
        const decision = await decide(current);
        if (decision.kind === 'skip') return { kind: 'skipped', result: decision.result, roles: current };
        const body = rebuildExplicitList(current, decision.change);
        const latest = await writer.readUserRoles(userId);
        if (latest === null) return { kind: 'no-user' };
        if (!sameExplicitGrants(current, latest)) {
          if (rebuilds >= MAX_REBUILDS) {
            return { kind: 'conflict', message: `Another writer kept changing this user's grants (${MAX_REBUILDS + 1} reads in a row differed); nothing was written. Try again.` };
          }
          current = latest;
          continue;
        }
        if (!(await lease.renew())) return { kind: 'conflict', message: "This write's lock on the user expired before it could write; nothing was written. Try again." };
        audit.writes += 1;
        try {
          await writer.setUserRoles(userId, body);
          audit.upstreamStatus = 200;
        } catch (error) {
          audit.upstreamStatus = error instanceof V41Error ? (error.status ?? null) : null;
          if (outcomeUnknown(error)) {
            await forget(context, writes, userId);
            throw unknownOutcomeError(operation);
          }
          // The user was deleted between the read and the PUT: nothing was written.
          if (error instanceof V41NotFoundError) return { kind: 'no-user' };
          if (error instanceof V41Error && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 && error.status !== 429) {
            // Never PrivX's own text or route (they may name internals): its status and code say enough.
            return { kind: 'rejected', message: `PrivX refused the change (HTTP ${error.status}${error.errorCode ? ` ${error.errorCode}` : ''}); nothing was written.` };
          }
          throw error;
        }
        await forget(context, writes, userId);
        const after = (await writer.readUserRoles(userId)) ?? [];
        const problem = verify(after, body);
        if (problem) throw notVerifiedError(operation, problem);
        return { kind: 'written', before: current, after, sent: body };
      }
    });
  } catch (error) {
    if (error instanceof LockTimeout) return { kind: 'conflict', message: 'Another write to this user was still running when the deadline came; nothing was written. Try again.' };
    throw error;
  }
}

/** Forgets the user's roles everywhere they are cached: the shared cache on every replica, and this request's loaders. */
async function forget(context: Context, writes: Writes, userId: string): Promise<void> {
  await invalidate(writes.cache, keysAfterRoleChange(userId));
  context.loaders.rolesOfUser.clear(userId);
  context.loaders.userById.clear(userId);
}

/** What differs between the explicit grants read back and those sent, or null when they agree. */
export function verify(after: readonly V41RoleAssignment[], sent: readonly RoleHandle[]): string | null {
  const read = new Map(explicitGrants(after).map((role) => [role.id.toLowerCase(), role]));
  for (const handle of sent) {
    const found = read.get(handle.id.toLowerCase());
    if (!found) return `role ${handle.id} is missing`;
    if (!sameTerms(found, handle)) return `role ${handle.id} has other terms`;
    read.delete(handle.id.toLowerCase());
  }
  const extra = [...read.keys()];
  return extra.length > 0 ? `role ${extra[0]} was granted meanwhile` : null;
}
