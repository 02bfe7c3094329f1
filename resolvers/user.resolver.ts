import { Arg, Args, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { badUserInput } from '../src/errors';
import { toUser } from '../src/mapping';
import { PageArgs, User, UserConnection, UserFilter, UserOrder } from '../src/types';
import { DEFAULT_USER_ORDER, type UserCriteria } from '../datasources/directory';
import { groupArg, organizationArg, uuidArg } from './ids';
import { connectionOf, MAX_PAGE_SIZE, sliceOf, type Connection } from './paging';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

/** Filter input → directory criteria: ids decoded and checked before anything reaches PrivX. */
export function criteriaOf(filter: UserFilter | null | undefined): UserCriteria {
  const f = filter ?? {};
  return {
    search: f.search ?? undefined,
    email: f.email ?? undefined,
    username: f.username ?? undefined,
    status: f.status ?? undefined,
    workspaceId: f.workspaceId == null ? undefined : uuidArg(f.workspaceId, 'filter.workspaceId'),
    roleId: f.roleId == null ? undefined : uuidArg(f.roleId, 'filter.roleId'),
    company: f.organizationId == null ? undefined : organizationArg(f.organizationId, 'filter.organizationId'),
    group: f.groupId == null ? undefined : groupArg(f.groupId, 'filter.groupId'),
  };
}

/** A page of users matching `criteria`: shared by `users` and every `members` connection. */
export async function userConnection(
  context: Context,
  criteria: UserCriteria,
  first: number | null | undefined,
  after: string | null | undefined,
  order: UserOrder | null | undefined = DEFAULT_USER_ORDER,
): Promise<Connection<User>> {
  const slice = sliceOf(first, after);
  const page = await context.directory.find(criteria, order ?? DEFAULT_USER_ORDER, slice.offset, slice.first);
  return connectionOf(page.users.map(toUser), page.offset, page.totalCount, page.hasNextPage);
}

@Resolver(() => User)
export class UserQueries {
  @Query(() => User, { nullable: true, description: 'A user by id; null when PrivX has no such user.' })
  async user(@Arg('id', () => ID, { description: 'The user uuid.' }) id: string, @Ctx() { loaders }: Context): Promise<User | null> {
    const record = await loaders.userById.load(uuidArg(id, 'id'));
    return record && toUser(record);
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
  async usersByIds(@Arg('ids', () => [ID], { description: 'User uuids.' }) ids: string[], @Ctx() { loaders }: Context): Promise<(User | Error | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids takes at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`, 'ids');
    ids.forEach((id, i) => uuidArg(id, `ids[${i}]`));
    const records = await loaders.userById.loadMany(ids);
    // An Error in a list item becomes a field error on that item alone.
    return records.map((record) => (record instanceof Error || record === null ? record : toUser(record)));
  }
}
