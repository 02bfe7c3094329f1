import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Why a mutation wrote nothing, as data the caller can act on (docs/writes.md). */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  NOT_LOCAL = 'NOT_LOCAL',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  CONFLICT = 'CONFLICT',
  IMPLICIT_GRANT = 'IMPLICIT_GRANT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  UPSTREAM_REJECTED = 'UPSTREAM_REJECTED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation wrote nothing.',
  valuesConfig: {
    INVALID: { description: 'The input breaks a rule (a malformed id, a period that ends before it starts, …); `field` names it.' },
    NOT_FOUND: { description: 'The user or role named by `field` does not exist.' },
    NOT_LOCAL: { description: 'The user belongs to a directory other than the local one, which this mutation cannot change.' },
    ALREADY_EXISTS: { description: 'A record with this unique value exists already.' },
    CONFLICT: { description: 'Another writer changed the record meanwhile (or holds it right now); read it again and retry.' },
    IMPLICIT_GRANT: { description: 'The role is granted through a directory mapping, which PrivX cannot revoke per user.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was used within 24 hours with a different input.' },
    UPSTREAM_REJECTED: { description: 'PrivX refused the change (a 4xx other than not found); the message says why.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'An expected failure of a mutation: nothing was written.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'What kind of failure.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'What went wrong, for a person to read.' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'The path of the input field at fault, e.g. ["input", "periods", "0", "end"].' })
  field!: string[] | null;
}

export function userError(code: UserErrorCode, message: string, field?: readonly (string | number)[]): UserError {
  return Object.assign(new UserError(), { code, message, field: field ? field.map(String) : null });
}

/** `@listSize` of every payload's `userErrors`: a failed input rarely breaks more than a few rules at once. */
export const USER_ERRORS_SIZE = '@listSize(assumedSize: 3)';

/** What every mutation payload carries. */
export interface WithUserErrors {
  userErrors: UserError[];
}
