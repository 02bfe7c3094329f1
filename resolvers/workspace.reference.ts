import type { Context } from '../src/context';
import { isUuid, toWorkspace } from '../src/mapping';
import type { Workspace } from '../src/types';

/** `_entities` for Workspace: any number of directories cost the one cached `GET /sources`. */
export async function resolveWorkspaceReference(reference: { id: string }, { loaders }: Context): Promise<Workspace | null> {
  if (!isUuid(reference.id)) return null;
  const source = await loaders.sourceById.load(reference.id);
  return source && toWorkspace(source);
}
