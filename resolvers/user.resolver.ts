import { Arg, Args, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { badUserInput } from '../src/errors';
import { toUser } from '../src/mapping';
import { PageArgs, User, UserConnection, UserFilter, UserOrder } from '../src/types';
import { uuidArg } from './ids';
import { criteriaOf, userConnection } from './user-connection';
import { MAX_PAGE_SIZE, type Connection } from './paging';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

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
