export { actorOf } from './actor';
export type { AuditRecord } from './audit';
export { IdempotencyKeys } from './idempotency';
export { idempotencyKeyField, uuidField } from './input-checks';
export { invalidate, keysAfterRoleChange, keysAfterUserChange } from './invalidation';
export { runMutation } from './run-mutation';
export { LockTimeout, UserLocks } from './user-lock';
export { UserError, UserErrorCode, userError } from './user-error';
export { notVerifiedError, outcomeUnknown, unknownOutcomeError } from './write-outcome';
export { writePolicy } from './write-policy';

export { createWrites, type Writes } from './writes';
