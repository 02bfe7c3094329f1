import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { groupFromId, groupFromKey } from '../src/mapping';
import { Group, GroupConnection, User, UserConnection, PageArgs } from '../src/types';
import { groupArg, organizationArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { userConnection } from './user-connection';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => Group, { nullable: true, description: 'A group (department or tag) by id. Ids encode the group: no upstream call.' })
  group(@Arg('id', () => ID, { description: 'A group id from this API.' }) id: string): Group | null {
    groupArg(id, 'id');
    return groupFromId(id);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => GroupConnection, { description: 'Every department and tag found on a user, by name.' })
  async groups(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only the departments of this organization.' }) organizationId: string | null,
    @Ctx() { directory }: Context,
  ): Promise<Connection<Group>> {
    const slice = sliceOf(first, after);
    const company = organizationId == null ? undefined : organizationArg(organizationId, 'organizationId');
    const { groups } = await directory.facets();
    const selected = company === undefined ? groups : groups.filter((key) => key.type === 'DEPARTMENT' && key.company === company);
    return connectionOfList(selected.map(groupFromKey), slice);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users in this department, or carrying this tag.' })
  members(
    @Root() group: Group,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { group: groupArg(group.id, 'id') }, first, after);
  }
}
