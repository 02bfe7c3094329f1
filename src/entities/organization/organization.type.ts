import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: "An organization: a company named on users' records." })
export class Organization {
  @Field(() => ID, { description: 'An opaque id derived from the name; the same name always gives the same id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The company name, exactly as on the user records.' })
  name!: string | null;
}
