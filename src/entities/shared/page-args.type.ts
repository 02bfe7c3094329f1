import { ArgsType, Field, Int } from 'type-graphql';

/** The largest page a client may ask for: keeps one query's upstream cost and response size bounded. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** `first` / `after` of every connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  first!: number | null;

  @Field(() => String, { nullable: true, description: 'The cursor after which the page starts.' })
  after!: string | null;
}
