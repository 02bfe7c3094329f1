import { Field, ID, InputType } from 'type-graphql';
import { UserStatus } from './user-status.type';

@InputType({ description: 'Conditions a user must meet to be listed; all given conditions must hold.' })
export class UserFilter {
  @Field(() => String, { nullable: true, description: "Free text: every word must occur in the user's name, username, email, company, department or title." })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'The email address, exact but case-insensitive.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The username, exact.' })
  username?: string | null;

  @Field(() => UserStatus, { nullable: true, description: 'The status.' })
  status?: UserStatus | null;

  @Field(() => ID, { nullable: true, description: 'The id of the workspace (directory) the user comes from.' })
  workspaceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of an organization of the user.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of a group of the user.' })
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of a role the user holds.' })
  roleId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Users whose `updatedAt` is at or after this instant: a change consumer\'s partial resync (cheapest with `orderBy: { field: UPDATED_AT, direction: DESC }`).',
  })
  updatedSince?: Date | null;
}
