import { Field, ObjectType } from 'type-graphql';
import { RoleAssignment } from './role-assignment.type';
import { User } from '../user/user.type';

@ObjectType({ simpleResolvers: true, description: 'One grant of a role to one user.' })
export class RoleAssignmentHolder {
  @Field(() => User, { description: 'The user holding the grant.' })
  user!: User;

  @Field(() => RoleAssignment, { description: 'The grant.' })
  assignment!: RoleAssignment;
}
