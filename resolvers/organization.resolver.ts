import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { organizationFromId, organizationOf } from '../src/mapping';
import { Organization, OrganizationConnection, User, UserConnection, PageArgs } from '../src/types';
import { organizationArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { userConnection } from './user-connection';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organization by id. Ids encode the company name: no upstream call.' })
  organization(@Arg('id', () => ID, { description: 'An organization id from this API.' }) id: string): Organization | null {
    organizationArg(id, 'id');
    return organizationFromId(id);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => OrganizationConnection, { description: 'Every company named on a user, by name.' })
  async organizations(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { directory }: Context,
  ): Promise<Connection<Organization>> {
    const slice = sliceOf(first, after);
    const { companies } = await directory.facets();
    return connectionOfList(companies.map(organizationOf), slice);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users whose company is this organization.' })
  members(
    @Root() organization: Organization,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { company: organizationArg(organization.id, 'id') }, first, after);
  }
}
