import type { Context } from '../../context';
import { isUuid, toWorkspace } from '../mapping';
import type { User, Workspace } from '../types';
import { uuidArg } from '../shared/id-arguments.rules';
import type { Connection } from '../shared/paging.rules';
import { userConnection } from '../user/user-directory.rules';

/** Workspace (a PrivX user directory, "source"): every lookup costs the one cached `GET /sources`. */

export async function workspaceById(context: Context, id: string): Promise<Workspace | null> {
  const source = await context.loaders.sourceById.load(uuidArg(id, 'id'));
  return source && toWorkspace(source);
}

export async function allWorkspaces(context: Context): Promise<Workspace[]> {
  return (await context.lists.sources()).map(toWorkspace);
}

export function workspaceMembers(workspace: Workspace, context: Context, first: number | null | undefined, after: string | null | undefined): Promise<Connection<User>> {
  return userConnection(context, { workspaceId: workspace.id }, first, after);
}

/** `_entities` for Workspace: any number of directories cost the one cached `GET /sources`. */
export async function resolveWorkspaceReference(reference: { id: string }, context: Context): Promise<Workspace | null> {
  if (!isUuid(reference.id)) return null;
  const source = await context.loaders.sourceById.load(reference.id);
  return source && toWorkspace(source);
}
