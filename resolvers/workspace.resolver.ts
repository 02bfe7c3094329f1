import { Args, Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import type { Connection } from '../src/entities/shared/paging.rules';
import * as workspaces from '../src/entities/workspace/workspace.rules';
import { PageArgs, User, UserConnection, Workspace } from '../src/entities/types';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';

@Resolver(() => Workspace)
export class WorkspaceResolver {
  @Query(() => Workspace, { nullable: true, description: 'A user directory by id; null when PrivX has no such directory.' })
  workspace(@Arg('id', () => ID, { description: 'The directory (source) uuid.' }) id: string, @Ctx() context: Context): Promise<Workspace | null> {
    return workspaces.workspaceById(context, id);
  }

  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [Workspace], { description: 'Every user directory of the PrivX deployment.' })
  workspaces(@Ctx() context: Context): Promise<Workspace[]> {
    return workspaces.allWorkspaces(context);
  }

  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @FieldResolver(() => UserConnection, { nullable: true, description: 'The users of this directory.' })
  members(@Root() workspace: Workspace, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: Context): Promise<Connection<User>> {
    return workspaces.workspaceMembers(workspace, context, first, after);
  }
}
