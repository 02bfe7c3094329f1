import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../src/context';
import * as feed from '../src/entities/user-change/user-change.rules';
import { MAX_PAGE_SIZE } from '../src/entities/shared/paging.rules';
import type { StoredChange } from '../src/changes';
import { Role, User, UserChange, UserChangeConnection, UserChangeKind } from '../src/entities/types';
import { BATCHED_READ_COST } from './demand-control';
import { Directive } from 'type-graphql';

interface SubscriptionArgs {
  kinds?: UserChangeKind[] | null;
  userIds?: string[] | null;
  after?: string | null;
}

@Resolver(() => UserChange)
export class UserChangeResolver {
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)')
  @Query(() => UserChangeConnection, {
    description:
      'Changes of users after a cursor, oldest first (docs/changes.md). Pass `pageInfo.endCursor` as `after` next time, also when the page is empty; a cursor older than the feed keeps is `CURSOR_EXPIRED`: resync with `users(filter: { updatedSince })`.',
  })
  userChanges(
    @Arg('after', () => String, { nullable: true, description: 'A cursor from `userChanges` or `userChangesCursor`; from the oldest change kept when absent.' }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: MAX_PAGE_SIZE, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` }) first: number | null,
    @Arg('kinds', () => [UserChangeKind], { nullable: true, description: 'Only changes of these kinds.' }) kinds: UserChangeKind[] | null,
    @Ctx() context: Context,
  ): Promise<UserChangeConnection> {
    return feed.userChanges(context, after, first, kinds);
  }

  @Query(() => String, { description: "The newest change's cursor: pass it as `after` to get only what changes from now on." })
  userChangesCursor(@Ctx() context: Context): Promise<string> {
    return feed.userChangesCursor(context);
  }

  @Subscription(() => UserChange, {
    description:
      'Changes of users pushed as they are found (graphql-ws at the GraphQL path, or the router\'s HTTP callbacks), optionally resuming after a cursor.',
    subscribe: ({ args, context }) => feed.subscribeToChanges(context as Context, args as SubscriptionArgs),
  })
  userChanged(
    @Root() change: StoredChange,
    @Ctx() context: Context,
    @Arg('kinds', () => [UserChangeKind], { nullable: true, description: 'Only changes of these kinds.' }) _kinds: UserChangeKind[] | null,
    @Arg('userIds', () => [ID], { nullable: true, description: 'Only changes of these users.' }) _userIds: string[] | null,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor: the changes since are sent first.' }) _after: string | null,
  ): UserChange {
    return feed.pushedChange(change, context);
  }

  @Directive(BATCHED_READ_COST)
  @FieldResolver(() => User, { nullable: true, description: 'The user as it is now; null for DELETED or a user gone since.' })
  user(@Root() change: UserChange, @Ctx() context: Context): Promise<User | null> {
    return feed.userOfChange(change, context);
  }

  @Directive(BATCHED_READ_COST)
  @FieldResolver(() => Role, { nullable: true, description: 'The role of a GRANT_* change, or of a ROLES_CHANGED that concerns one role.' })
  role(@Root() change: UserChange, @Ctx() context: Context): Promise<Role | null> {
    return feed.roleOfChange(change, context);
  }
}
