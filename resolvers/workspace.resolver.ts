import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { toWorkspace } from '../src/mapping';
import { User, UserConnection, Workspace } from '../src/types';
import { uuidArg } from './ids';
import type { Connection } from './paging';
import { userConnection } from './user.resolver';

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

  @Directive('@cost(weight: 10)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)')
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users of this directory.' })
  members(
    @Root() workspace: Workspace,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'Page size, 0 to 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' }) after: string | null,
    @Ctx() context: Context,
  ): Promise<Connection<User>> {
    return userConnection(context, { workspaceId: workspace.id }, first, after);
  }
}
