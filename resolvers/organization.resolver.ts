import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import * as organizations from '../src/entities/organization/organization.rules';
import type { Connection } from '../src/entities/shared/paging.rules';
import { Organization, OrganizationConnection, PageArgs, User, UserConnection } from '../src/entities/types';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'An organization by id. Ids encode the company name: no upstream call.' })
  organization(@Arg('id', () => ID, { description: 'An organization id from this API.' }) id: string): Organization | null {
    return organizations.organizationById(id);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => OrganizationConnection, { description: 'Every company named on a user, by name.' })
  organizations(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: Context): Promise<Connection<Organization>> {
    return organizations.organizationsConnection(context, first, after);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users whose company is this organization.' })
  members(@Root() organization: Organization, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: Context): Promise<Connection<User>> {
    return organizations.organizationMembers(organization, context, first, after);
  }
}
