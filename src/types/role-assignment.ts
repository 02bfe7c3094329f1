import { Field, ObjectType } from 'type-graphql';
import { GrantType } from './grant-type';
import { Role } from './role';

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
}
