import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Where a page of a list ends and whether more follows.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page; null when the page is empty.' })
  endCursor!: string | null;
}
