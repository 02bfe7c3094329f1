import { userError, UserErrorCode, type UserError } from '../writes';

/** What PrivX is told to refuse anyway, checked first so a refusal costs no write; the length rule is PrivX's own. */
export function passwordProblems(password: string | null | undefined, field: readonly string[]): UserError[] {
  if (password === undefined || password === null) return [];
  if (password.trim() === '') return [userError(UserErrorCode.INVALID, 'password cannot be blank.', field)];
  if (password.length > 1024) return [userError(UserErrorCode.INVALID, 'password is longer than 1024 characters.', field)];
  return [];
}
