import { DeleteLocalUserPayload, LocalUserPayload, OffboardingStep, OffboardUserPayload, UserActionPayload, type OffboardingStepName, type StepOutcome } from './local-user-payloads.type';
import { userError, type UserError, type UserErrorCode } from '../writes';

/**
 * The payloads of the local-user mutations and their stored form for a repeat of an idempotency key: ids,
 * outcomes and messages only (never an input value, so never a password).
 */

interface StoredError {
  code: UserErrorCode;
  message: string;
  field: string[] | null;
}

export const storeErrors = (errors: UserError[]): StoredError[] => errors.map(({ code, message, field }) => ({ code, message, field }));
const restoreErrors = (errors: StoredError[]): UserError[] => errors.map((e) => userError(e.code, e.message, e.field ?? undefined));

export interface StoredUserResult {
  userId: string | null;
  userErrors: StoredError[];
}

export function localUserPayload(stored: StoredUserResult): LocalUserPayload {
  return Object.assign(new LocalUserPayload(), { userId: stored.userId, userErrors: restoreErrors(stored.userErrors), stored });
}

export function localUserFailed(userErrors: UserError[]): LocalUserPayload {
  return localUserPayload({ userId: null, userErrors: storeErrors(userErrors) });
}

export interface StoredDelete {
  deletedUserId: string | null;
  userErrors: StoredError[];
}

export function deletePayload(stored: StoredDelete): DeleteLocalUserPayload {
  return Object.assign(new DeleteLocalUserPayload(), { deletedUserId: stored.deletedUserId, userErrors: restoreErrors(stored.userErrors), stored });
}

export function deleteFailed(userErrors: UserError[]): DeleteLocalUserPayload {
  return deletePayload({ deletedUserId: null, userErrors: storeErrors(userErrors) });
}

export function userActionPayload(stored: StoredUserResult): UserActionPayload {
  return Object.assign(new UserActionPayload(), { userId: stored.userId, userErrors: restoreErrors(stored.userErrors), stored });
}

export function userActionFailed(userErrors: UserError[]): UserActionPayload {
  return userActionPayload({ userId: null, userErrors: storeErrors(userErrors) });
}

export interface StoredStep {
  step: OffboardingStepName;
  outcome: StepOutcome;
  message: string | null;
}

export interface StoredOffboarding {
  userId: string | null;
  steps: StoredStep[];
  userErrors: StoredError[];
}

export function offboardPayload(stored: StoredOffboarding): OffboardUserPayload {
  return Object.assign(new OffboardUserPayload(), {
    userId: stored.userId,
    steps: stored.steps.map((s) => Object.assign(new OffboardingStep(), s)),
    userErrors: restoreErrors(stored.userErrors),
    stored,
  });
}

export function offboardFailed(userErrors: UserError[]): OffboardUserPayload {
  return offboardPayload({ userId: null, steps: [], userErrors: storeErrors(userErrors) });
}
