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

export { createWrites, leaseFor, type Writes, type WritesOptions } from './writes';
