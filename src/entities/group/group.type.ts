import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GroupType } from './group-type.type';

@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: "A group of users: a department (within a company) or a tag from users' records." })
export class Group {
  @Field(() => ID, { description: 'An opaque id derived from the type, company and name; stable across requests.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The department or tag, exactly as on the user records.' })
  name!: string | null;

  @Field(() => GroupType, { nullable: true, description: 'Whether the group is a department or a tag.' })
  type!: GroupType | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id of the organization a department belongs to; null for tags and for departments without a company.',
  })
  organization!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The name of the organization (company) a department belongs to; null for tags and for departments without a company. Tells apart same-named departments of different companies in a list.",
  })
  organizationName!: string | null;
}
