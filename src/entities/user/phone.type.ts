import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A telephone number of a user.' })
export class Phone {
  @Field(() => String, { description: 'The number, without its extension.' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'The extension, when the number had one written after it.' })
  extension!: string | null;

  @Field(() => String, { nullable: true, description: 'The kind of number, e.g. `work`.' })
  type!: string | null;
}
