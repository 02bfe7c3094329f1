import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'An email address of a user.' })
export class Email {
  @Field(() => String, { description: 'The email address.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'The kind of address, e.g. `work`.' })
  type!: string | null;

  @Field(() => Boolean, { description: 'Whether this is the address to write to first.' })
  isPrimary!: boolean;
}
