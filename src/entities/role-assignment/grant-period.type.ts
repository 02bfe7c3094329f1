import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'A span in which a grant holds: from `start` (included) to `end` (excluded).' })
export class GrantPeriod {
  @Field(() => Date, { nullable: true, description: 'When it starts; null: it has always held.' })
  start!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ends; null: it never ends.' })
  end!: Date | null;
}
