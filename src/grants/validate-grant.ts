import type { GrantRoleInput } from '../types';
import { GrantType } from '../types/grant-type';
import { userError, UserErrorCode, uuidField, type UserError } from '../writes';

/**
 * grantRole's input checked before anything is read or written (docs/writes.md, "Checked before any write"):
 * UUIDs, a TIME_RESTRICTED grant has at least one period and each starts before it ends, a FLOATING grant lasts
 * at least an hour, and no term is given that the grant type does not use.
 */
export function checkGrantInput(input: GrantRoleInput): UserError[] {
  const errors = [...uuidField(input.userId, ['input', 'userId']), ...uuidField(input.roleId, ['input', 'roleId'])];
  const periods = input.periods ?? null;
  if (input.grantType === GrantType.TIME_RESTRICTED) {
    if (!periods || periods.length === 0) errors.push(userError(UserErrorCode.INVALID, 'A TIME_RESTRICTED grant needs at least one period.', ['input', 'periods']));
    periods?.forEach((period, i) => {
      if (!(period.start.getTime() < period.end.getTime())) errors.push(userError(UserErrorCode.INVALID, 'A period must start before it ends.', ['input', 'periods', i, 'end']));
    });
  } else if (periods !== null) {
    errors.push(userError(UserErrorCode.INVALID, `periods apply to TIME_RESTRICTED grants only, not ${input.grantType}.`, ['input', 'periods']));
  }
  const hours = input.floatingHours ?? null;
  if (input.grantType === GrantType.FLOATING) {
    if (hours === null || hours < 1) errors.push(userError(UserErrorCode.INVALID, 'A FLOATING grant needs floatingHours of at least 1.', ['input', 'floatingHours']));
  } else if (hours !== null) {
    errors.push(userError(UserErrorCode.INVALID, `floatingHours applies to FLOATING grants only, not ${input.grantType}.`, ['input', 'floatingHours']));
  }
  return errors;
}
