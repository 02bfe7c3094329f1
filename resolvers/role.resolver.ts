import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { toRole } from '../src/mapping';
import { Role, RoleConnection, User, UserConnection, PageArgs } from '../src/types';
import { uuidArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { userConnection } from './user-connection';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true, description: 'A role by id; null when PrivX has no such role.' })
  async role(@Arg('id', () => ID, { description: 'The role uuid.' }) id: string, @Ctx() { loaders }: Context): Promise<Role | null> {
    const role = await loaders.roleById.load(uuidArg(id, 'id'));
    return role && toRole(role);
  }

  @Directive(PAGED_CONNECTION)
  @Query(() => RoleConnection, { description: 'Every PrivX role, by name.' })
  async roles(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { directory }: Context,
  ): Promise<Connection<Role>> {
    const slice = sliceOf(first, after);
    return connectionOfList((await directory.roles()).map(toRole), slice);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users holding this role.' })
  members(
    @Root() role: Role,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { roleId: role.id }, first, after);
  }
}
