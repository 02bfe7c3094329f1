import type { KeyValueStore, SharedCache } from '../../datasources/cache';
import type { IdentityUpstream, IdentityWriter } from '../../datasources/upstream';
import type { Logger, Metrics } from '../observability';
import { IdempotencyKeys } from './idempotency';
import { UserLocks } from './user-lock';
import type { WritePolicy } from './write-policy';

export { actorKey, actorOf, type Actor } from './actor';
export { writeAuditLine, type AuditLine, type AuditRecord, type MutationOutcome } from './audit';
export { hashInput, hashKey, IdempotencyKeys, IDEMPOTENCY_TTL_MS, type Claim } from './idempotency';
export { idempotencyKeyField, uuidField } from './input-checks';
export { invalidate, keysAfterRoleChange, keysAfterUserChange } from './invalidation';
export { runMutation, type MutationSpec } from './run-mutation';
export { LockTimeout, UserLocks, type Lease } from './user-lock';
export { UserError, UserErrorCode, userError, type WithUserErrors } from './user-error';
export { notVerifiedError, outcomeUnknown, unknownOutcomeError } from './write-outcome';
export { writePolicy, writesRefused, type WritePolicy, type WritePolicySettings } from './write-policy';

/**
 * What every mutation works with, one per process: the policy, the upstream's write and (uncached) read calls,
 * the shared cache to invalidate, per-user locks and idempotency keys in the shared store, the audit log and
 * the mutation metric. Local-user mutations (issue 24) use the same.
 */
export interface Writes {
  policy: WritePolicy;
  /** Writes, and reads that must bypass the cache. */
  writer: IdentityWriter;
  /** The upstream's reads, uncached (a role created a moment ago is not in the cached role list yet). */
  reader: IdentityUpstream;
  cache: SharedCache;
  locks: UserLocks;
  idempotency: IdempotencyKeys;
  logger: Logger;
  metrics: Metrics | undefined;
}

export interface WritesOptions {
  policy: WritePolicy;
  writer: IdentityWriter;
  reader: IdentityUpstream;
  cache: SharedCache;
  /** Shared by the replicas when the cache is (Redis): locks and idempotency keys. */
  coordination?: KeyValueStore;
  /** The request deadline: the shared lock's lease is shorter, a running idempotency mark outlives it. */
  requestTimeoutMs: number;
  logger: Logger;
  metrics?: Metrics;
}

export function createWrites(options: WritesOptions): Writes {
  const store = options.coordination ?? options.cache.coordination;
  return {
    policy: options.policy,
    writer: options.writer,
    reader: options.reader,
    cache: options.cache,
    locks: new UserLocks(store, leaseFor(options.requestTimeoutMs)),
    idempotency: new IdempotencyKeys(store, options.requestTimeoutMs + 5_000),
    logger: options.logger,
    metrics: options.metrics,
  };
}

/** Four fifths of the deadline (at least 100 ms): a replica that dies holding the lock blocks the user less than one request's time. */
export function leaseFor(requestTimeoutMs: number): number {
  return Math.max(100, Math.floor(requestTimeoutMs * 0.8));
}
