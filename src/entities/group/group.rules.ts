import type { Context } from '../../context';
import { groupFromId, groupFromKey } from '../mapping';
import type { Group, User } from '../types';
import { groupArg, organizationArg } from '../shared/id-arguments.rules';
import { connectionOfList, sliceOf, type Connection } from '../shared/paging.rules';
import { directoryFacets, userConnection } from '../user/user-directory.rules';

/** Group (a department or a tag): ids encode the group, so a lookup costs no upstream call. */

export function groupById(id: string): Group | null {
  groupArg(id, 'id');
  return groupFromId(id);
}

/** Every department and tag found on a user, by name; only one organization's departments when asked. */
export async function groupsConnection(
  context: Context,
  organizationId: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<Group>> {
  const slice = sliceOf(first, after);
  const company = organizationId == null ? undefined : organizationArg(organizationId, 'organizationId');
  const { groups } = await directoryFacets(context);
  const selected = company === undefined ? groups : groups.filter((key) => key.type === 'DEPARTMENT' && key.company === company);
  return connectionOfList(selected.map(groupFromKey), slice);
}

export function groupMembers(group: Group, context: Context, first: number | null | undefined, after: string | null | undefined): Promise<Connection<User>> {
  return userConnection(context, { group: groupArg(group.id, 'id') }, first, after);
}

/** `_entities` for Group: no upstream call at all. */
export function resolveGroupReference(reference: { id: string }): Group | null {
  return groupFromId(reference.id);
}
