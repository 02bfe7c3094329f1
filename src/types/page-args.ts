import { ArgsType, Field, Int } from 'type-graphql';

/** `first` / `after` of every connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' })
  first!: number | null;

  @Field(() => String, { nullable: true, description: 'The cursor after which the page starts.' })
  after!: string | null;
}
