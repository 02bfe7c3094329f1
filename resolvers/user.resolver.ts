import { GraphQLJSONObject } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import * as users from '../src/entities/user/user.rules';
import { criteriaOf, userConnection } from '../src/entities/user/user-directory.rules';
import { MAX_PAGE_SIZE, type Connection } from '../src/entities/shared/paging.rules';
import type { RemoteData } from '../src/entities/mapping';
import { PageArgs, Role, RoleAssignment, User, UserConnection, UserFilter, UserOrder, UserStatus, Workspace } from '../src/entities/types';
import { BATCHED_READ_COST, PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';
import { selectedFields } from './selection';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'A user by id; null when PrivX has no such user.' })
  user(@Arg('id', () => ID, { description: 'The user uuid.' }) id: string, @Ctx() context: Context): Promise<User | null> {
    return users.userById(context, id);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => UserConnection, { description: 'Users of every directory, a page at a time, filtered and sorted.' })
  users(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Only users matching every given criterion.' }) filter: UserFilter | null,
    @Arg('orderBy', () => UserOrder, { nullable: true, description: 'Sort order; by username ascending when absent.' }) orderBy: UserOrder | null,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, criteriaOf(filter), first, after, orderBy);
  }

  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [User], {
    nullable: 'items',
    description: `Users by id, in the order asked, null where PrivX has no such user; at most ${MAX_PAGE_SIZE} ids, one upstream call.`,
  })
  usersByIds(@Arg('ids', () => [ID], { description: 'User uuids.' }) ids: string[], @Ctx() context: Context): Promise<(User | Error | null)[]> {
    return users.usersByIds(context, ids);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The full name; else the local display name; else first and last name.' })
  name(@Root() user: User, @Ctx() context: Context): Promise<string | null> {
    return users.userNameOf(user, context);
  }

  @FieldResolver(() => UserStatus, { nullable: true, description: 'ACTIVE, INACTIVE (directory disabled) or INVITED (must set a password).' })
  status(@Root() user: User, @Ctx() context: Context): Promise<UserStatus> {
    return users.userStatusOf(user, context);
  }

  @Directive('@tag(name: "internal")')
  @FieldResolver(() => String, { nullable: true, description: 'The upstream signal `status` was derived from, e.g. `source_disabled`.' })
  rawStatus(@Root() user: User, @Ctx() context: Context): Promise<string> {
    return users.rawStatusOf(user, context);
  }

  @Directive(BATCHED_READ_COST)
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [Role], {
    nullable: true,
    description: 'The roles the user holds, leaving out grants that have expired; null when they could not be read.',
  })
  roles(@Root() user: User, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Role[]> {
    return users.rolesOfUser(user, context, selectedFields(info));
  }

  @Directive(BATCHED_READ_COST)
  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [RoleAssignment], { nullable: true, description: 'The roles the user holds, with how each was granted and its state.' })
  roleAssignments(
    @Root() user: User,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('includeExpired', () => Boolean, { nullable: true, defaultValue: false, description: 'Also list grants that have expired.' })
    includeExpired: boolean | null,
  ): Promise<RoleAssignment[]> {
    return users.roleAssignmentsOfUser(user, context, selectedFields(info, ['role']), includeExpired === true);
  }

  @Directive(BATCHED_READ_COST)
  @Directive('@requiresScopes(scopes: [["users:raw"]])')
  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "Local users: when the password was last set (the hash never leaves the subgraph); null for directory users. Needs `users:raw`: a password's age tells an attacker where to aim.",
  })
  passwordSetAt(@Root() user: User, @Ctx() context: Context): Promise<Date | null> {
    return users.passwordSetAtOf(user, context);
  }

  @Directive(BATCHED_READ_COST)
  @FieldResolver(() => Workspace, { nullable: true, description: 'The user directory (PrivX source) the user comes from.' })
  workspace(@Root() user: User, @Ctx() context: Context): Promise<Workspace | null> {
    return users.workspaceOfUser(user, context);
  }

  @Directive('@tag(name: "internal")')
  @Directive(BATCHED_READ_COST)
  @Directive('@requiresScopes(scopes: [["users:raw"]])')
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The PrivX records the user was built from (`roleStoreUser`, `localUser`), secrets removed; needs `users:raw`.',
  })
  remoteData(@Root() user: User, @Ctx() context: Context): Promise<RemoteData> {
    return users.remoteDataOfUser(user, context);
  }
}
