import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { toRole } from '../src/mapping';
import { Role, RoleConnection, User, UserConnection } from '../src/types';
import { uuidArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { userConnection } from './user.resolver';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true, description: 'A role by id; null when PrivX has no such role.' })
  async role(@Arg('id', () => ID, { description: 'The role uuid.' }) id: string, @Ctx() { loaders }: Context): Promise<Role | null> {
    const role = await loaders.roleById.load(uuidArg(id, 'id'));
    return role && toRole(role);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @Query(() => RoleConnection, { description: 'Every PrivX role, by name.' })
  async roles(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Ctx() { directory }: Context,
  ): Promise<Connection<Role>> {
    const slice = sliceOf(first, after);
    return connectionOfList((await directory.roles()).map(toRole), slice);
  }

  @Directive('@cost(weight: 10)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users holding this role.' })
  members(
    @Root() role: Role,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { roleId: role.id }, first, after);
  }
}
