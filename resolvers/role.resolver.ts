import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import type { Connection } from '../src/entities/shared/paging.rules';
import * as roles from '../src/entities/role/role.rules';
import { PageArgs, Role, RoleConnection, User, UserConnection } from '../src/entities/types';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true, description: 'A role by id; null when PrivX has no such role.' })
  role(@Arg('id', () => ID, { description: 'The role uuid.' }) id: string, @Ctx() context: Context): Promise<Role | null> {
    return roles.roleById(context, id);
  }

  @Directive(PAGED_CONNECTION)
  @Query(() => RoleConnection, { description: 'Every PrivX role, by name.' })
  roles(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: Context): Promise<Connection<Role>> {
    return roles.rolesConnection(context, first, after);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users holding this role, leaving out those whose grant has expired.' })
  members(@Root() role: Role, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: Context): Promise<Connection<User>> {
    return roles.roleMembers(role, context, first, after);
  }
}
