import { Field, ID, InputType, Int } from 'type-graphql';
import { GrantType } from './grant-type';
import { RoleAssignmentFilter } from './role-assignment-filter';

@InputType({ description: 'A span in which a TIME_RESTRICTED grant holds: from `start` (included) to `end` (excluded).' })
export class GrantPeriodInput {
  @Field(() => Date, { description: 'When the period starts.' })
  start!: Date;

  @Field(() => Date, { description: 'Must be after `start`.' })
  end!: Date;
}

@InputType({ description: 'Grant a role to a user, or replace the terms of a grant the user holds (extend or shorten it).' })
export class GrantRoleInput {
  @Field(() => ID, { description: 'The user (any directory).' })
  userId!: string;

  @Field(() => ID, { description: 'The role to grant.' })
  roleId!: string;

  @Field(() => GrantType, { description: 'TIME_RESTRICTED needs `periods`; FLOATING needs `floatingHours`.' })
  grantType!: GrantType;

  @Field(() => [GrantPeriodInput], { nullable: true, description: 'TIME_RESTRICTED: when the grant holds (at least one period).' })
  periods?: GrantPeriodInput[] | null;

  @Field(() => Int, { nullable: true, description: 'FLOATING: how many hours one activation lasts (at least 1).' })
  floatingHours?: number | null;

  @Field(() => String, { nullable: true, description: 'Makes a retry safe: the same key with the same input within 24 hours returns the first payload and writes nothing.' })
  idempotencyKey?: string | null;
}

@InputType({ description: "Revoke a user's explicit grant of a role." })
export class RevokeRoleInput {
  @Field(() => ID, { description: 'The user (any directory).' })
  userId!: string;

  @Field(() => ID, { description: 'The role to revoke.' })
  roleId!: string;

  @Field(() => String, { nullable: true, description: 'See GrantRoleInput.idempotencyKey.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Revoke every explicit grant a filter selects (an access review clean-up), at most 500 (user, role) pairs a call.' })
export class RevokeGrantsInput {
  @Field(() => RoleAssignmentFilter, { description: 'The grants to revoke, as `roleAssignments` selects them.' })
  filter!: RoleAssignmentFilter;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only report what would be revoked; write nothing.' })
  dryRun?: boolean | null;

  @Field(() => String, { nullable: true, description: 'See GrantRoleInput.idempotencyKey.' })
  idempotencyKey?: string | null;
}
