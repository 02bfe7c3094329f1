import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { USER_ERRORS_SIZE, UserError } from '../writes/user-error';
import { Role } from './role';
import { RoleAssignment } from './role-assignment';
import { User } from './user';

@ObjectType({ simpleResolvers: true, description: 'The outcome of grantRole.' })
export class GrantRolePayload {
  /** Its stored form, kept for a repeat of the idempotency key. Not part of the schema. */
  stored?: unknown;

  @Field(() => RoleAssignment, { nullable: true, description: 'The grant as PrivX holds it after the write (read back); null when nothing was written.' })
  assignment!: RoleAssignment | null;

  @Field(() => User, { nullable: true, description: 'The user, read after the write.' })
  user?: User | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];

  /** Whose grant: the `user` field reads it. Not part of the schema. */
  userId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of revokeRole.' })
export class RevokeRolePayload {
  /** Its stored form, kept for a repeat of the idempotency key. Not part of the schema. */
  stored?: unknown;

  @Field(() => Boolean, { description: 'True when the explicit grant was revoked; false when the user did not hold it explicitly (nothing to do).' })
  revoked!: boolean;

  @Field(() => User, { nullable: true, description: 'The user, read after the write.' })
  user?: User | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];

  userId!: string | null;
}

export enum RevocationOutcome {
  REVOKED = 'REVOKED',
  WOULD_REVOKE = 'WOULD_REVOKE',
  SKIPPED_IMPLICIT = 'SKIPPED_IMPLICIT',
  FAILED = 'FAILED',
}

registerEnumType(RevocationOutcome, {
  name: 'RevocationOutcome',
  description: 'What revokeGrants did with one (user, role) pair.',
  valuesConfig: {
    REVOKED: { description: 'The explicit grant was revoked.' },
    WOULD_REVOKE: { description: 'dryRun: the explicit grant would be revoked.' },
    SKIPPED_IMPLICIT: { description: 'The role comes from a directory mapping, which PrivX cannot revoke per user.' },
    FAILED: { description: 'Not revoked; `message` says why (e.g. it changed since it was selected, or the call budget ran out).' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One (user, role) pair revokeGrants selected, and what became of it.' })
export class GrantRevocation {
  @Field(() => ID, { description: 'The user holding the grant.' })
  userId!: string;

  @Field(() => User, { nullable: true, description: 'The user, read after the revocations.' })
  user?: User | null;

  @Field(() => Role, { description: 'The role granted.' })
  role?: Role;

  @Field(() => RevocationOutcome, { description: 'What became of the grant.' })
  outcome!: RevocationOutcome;

  @Field(() => String, { nullable: true, description: 'Why, when the outcome is not what was asked.' })
  message!: string | null;

  /** The role's id and name as the grant named it: the `role` field reads the role by it. Not part of the schema. */
  roleId!: string;
  roleName!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of revokeGrants.' })
export class RevokeGrantsPayload {
  /** Its stored form, kept for a repeat of the idempotency key. Not part of the schema. */
  stored?: unknown;

  @Directive('@listSize(assumedSize: 500)')
  @Field(() => [GrantRevocation], { description: 'Every pair the filter selected, by user then role.' })
  revocations!: GrantRevocation[];

  @Field(() => Int, { description: 'Pairs revoked (0 with dryRun).' })
  revokedCount!: number;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  userErrors!: UserError[];
}
