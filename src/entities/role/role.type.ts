import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { RoleContext } from './role-context.type';

const GLOBAL = 'Always null: PrivX roles are global, not scoped';

/**
 * `description`, `memberCount`, `createdAt`, `updatedAt` and `context` are optional because a role read from a user's
 * role assignment does not carry them: `undefined` means "not loaded" (fetch the role), `null` means "absent".
 */
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A PrivX role: a named set of permissions granted to users.' })
export class Role {
  @Field(() => ID, { description: 'The role uuid.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The role name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'What the role is for (the PrivX role comment).' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether this is a built-in PrivX system role.' })
  system!: boolean | null;

  @Field(() => [String], { description: 'The permissions the role grants.' })
  permissions!: string[];

  @Field(() => Int, { nullable: true, description: 'How many users hold the role, as PrivX counts them (holders of expired grants included).' })
  memberCount?: number | null;

  @Field(() => String, { nullable: true, description: `The group the role applies in. ${GLOBAL} to a group.` })
  group!: string | null;

  @Field(() => String, { nullable: true, description: `The organization the role applies in. ${GLOBAL} to an organization.` })
  organization!: string | null;

  @Field(() => String, { nullable: true, description: `The workspace the role applies in. ${GLOBAL} to a directory.` })
  workspace!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the role was created.' })
  createdAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the role was last updated.' })
  updatedAt?: Date | null;

  @Field(() => RoleContext, { nullable: true, description: 'When and from where the role may be used; null when it has no enabled context.' })
  context?: RoleContext | null;
}
