import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { toWorkspace } from '../src/mapping';
import { User, UserConnection, Workspace, PageArgs } from '../src/types';
import { uuidArg } from './ids';
import type { Connection } from './paging';
import { userConnection } from './user-connection';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Workspace)
export class WorkspaceResolver {
  @Query(() => Workspace, { nullable: true, description: 'A user directory by id; null when PrivX has no such directory.' })
  async workspace(@Arg('id', () => ID, { description: 'The directory (source) uuid.' }) id: string, @Ctx() { loaders }: Context): Promise<Workspace | null> {
    const source = await loaders.sourceById.load(uuidArg(id, 'id'));
    return source && toWorkspace(source);
  }

  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [Workspace], { description: 'Every user directory of the PrivX deployment.' })
  async workspaces(@Ctx() { directory }: Context): Promise<Workspace[]> {
    return (await directory.workspaces()).map(toWorkspace);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users of this directory.' })
  members(
    @Root() workspace: Workspace,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { workspaceId: workspace.id }, first, after);
  }
}
