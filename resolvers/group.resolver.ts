import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import * as groups from '../src/entities/group/group.rules';
import type { Connection } from '../src/entities/shared/paging.rules';
import { Group, GroupConnection, PageArgs, User, UserConnection } from '../src/entities/types';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => Group, { nullable: true, description: 'A group (department or tag) by id. Ids encode the group: no upstream call.' })
  group(@Arg('id', () => ID, { description: 'A group id from this API.' }) id: string): Group | null {
    return groups.groupById(id);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => GroupConnection, { description: 'Every department and tag found on a user, by name.' })
  groups(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only the departments of this organization.' }) organizationId: string | null,
    @Ctx() context: Context,
  ): Promise<Connection<Group>> {
    return groups.groupsConnection(context, organizationId, first, after);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users in this department, or carrying this tag.' })
  members(@Root() group: Group, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: Context): Promise<Connection<User>> {
    return groups.groupMembers(group, context, first, after);
  }
}
