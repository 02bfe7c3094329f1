import { isUuid } from '../mapping';
import { userError, UserErrorCode, type UserError } from './user-error';

/** Checks every mutation shares, each answering a `UserError` at the input path, or nothing. */

export function uuidField(value: string, field: readonly (string | number)[]): UserError[] {
  return isUuid(value) ? [] : [userError(UserErrorCode.INVALID, `${field.at(-1)} must be a UUID.`, field)];
}

/** Printable ASCII without spaces at either end: what survives every header, log and store unchanged. */
const PRINTABLE = /^[\x20-\x7e]+$/;

/** An idempotency key is 1 to 128 printable characters. */
export function idempotencyKeyField(key: string | null | undefined, field: readonly (string | number)[] = ['input', 'idempotencyKey']): UserError[] {
  if (key === null || key === undefined) return [];
  if (key.length >= 1 && key.length <= 128 && PRINTABLE.test(key)) return [];
  return [userError(UserErrorCode.INVALID, 'idempotencyKey must be 1 to 128 printable ASCII characters.', field)];
}
