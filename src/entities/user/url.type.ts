import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A web address associated with a user.' })
export class Url {
  @Field(() => String, { description: 'The http(s) URL.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the URL is, e.g. the name of the attribute it came from.' })
  type!: string | null;
}
