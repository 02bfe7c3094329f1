import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { organizationFromId, organizationOf } from '../src/mapping';
import { Organization, OrganizationConnection, User, UserConnection } from '../src/types';
import { organizationArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { userConnection } from './user.resolver';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organization by id. Ids encode the company name: no upstream call.' })
  organization(@Arg('id', () => ID, { description: 'An organization id from this API.' }) id: string): Organization | null {
    organizationArg(id, 'id');
    return organizationFromId(id);
  }

  @Directive('@cost(weight: 10)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @Query(() => OrganizationConnection, { description: 'Every company named on a user, by name.' })
  async organizations(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Ctx() { directory }: Context,
  ): Promise<Connection<Organization>> {
    const slice = sliceOf(first, after);
    const { companies } = await directory.facets();
    return connectionOfList(companies.map(organizationOf), slice);
  }

  @Directive('@cost(weight: 10)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users whose company is this organization.' })
  members(
    @Root() organization: Organization,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { company: organizationArg(organization.id, 'id') }, first, after);
  }
}
