import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { AccessWindow, Grant } from '../../access';
import { GrantPeriod } from './grant-period.type';
import { GrantType } from './grant-type.type';
import { Role } from '../role/role.type';

@ObjectType({ simpleResolvers: true, description: 'A role as granted to one user, with the facts of that grant.' })
export class RoleAssignment {
  @Field(() => Role, { description: 'The role granted.' })
  role!: Role;

  @Field(() => Boolean, { description: 'Whether the role was granted to the user directly rather than through a directory mapping.' })
  explicit!: boolean;

  @Field(() => GrantType, { nullable: true, description: 'How long the role is granted.' })
  grantType!: GrantType | null;

  @Field(() => Date, { nullable: true, description: 'When a time-restricted grant starts.' })
  grantStart!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a time-restricted grant ends.' })
  grantEnd!: Date | null;

  @Directive('@listSize(assumedSize: 3)')
  @Field(() => [GrantPeriod], {
    description: 'The periods in which the grant holds, as their union in time order; one unbounded period for PERMANENT and FLOATING grants.',
  })
  periods!: GrantPeriod[];

  @Field(() => Int, { nullable: true, description: 'FLOATING grants: how many hours one activation lasts.' })
  floatingHours!: number | null;

  /** The grant as the evaluation sees it, for `state` and its siblings. Not part of the schema. */
  grant!: Grant;

  /**
   * The role's context as the assignment carried it: `null` none or disabled, `undefined` the payload had no
   * context (the role list has it). Not part of the schema.
   */
  window!: AccessWindow | null | undefined;
}
