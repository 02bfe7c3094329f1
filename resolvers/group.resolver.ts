import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { groupFromId, groupFromKey } from '../src/mapping';
import { Group, GroupConnection, User, UserConnection } from '../src/types';
import { groupArg, organizationArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { userConnection } from './user.resolver';

@Resolver(() => Group)
export class GroupResolver {
  @Query(() => Group, { nullable: true, description: 'A group (department or tag) by id. Ids encode the group: no upstream call.' })
  group(@Arg('id', () => ID, { description: 'A group id from this API.' }) id: string): Group | null {
    groupArg(id, 'id');
    return groupFromId(id);
  }

  @Directive('@cost(weight: 10)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @Query(() => GroupConnection, { description: 'Every department and tag found on a user, by name.' })
  async groups(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only the departments of this organization.' }) organizationId: string | null,
    @Ctx() { directory }: Context,
  ): Promise<Connection<Group>> {
    const slice = sliceOf(first, after);
    const company = organizationId == null ? undefined : organizationArg(organizationId, 'organizationId');
    const { groups } = await directory.facets();
    const selected = company === undefined ? groups : groups.filter((key) => key.type === 'DEPARTMENT' && key.company === company);
    return connectionOfList(selected.map(groupFromKey), slice);
  }

  @Directive('@cost(weight: 10)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users in this department, or carrying this tag.' })
  members(
    @Root() group: Group,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { group: groupArg(group.id, 'id') }, first, after);
  }
}
