import type { Context } from '../../context';
import { isUuid, toRole } from '../mapping';
import type { Role, User } from '../types';
import { uuidArg } from '../shared/id-arguments.rules';
import { connectionOfList, sliceOf, type Connection } from '../shared/paging.rules';
import { userConnection } from '../user/user-directory.rules';

/** Role: queries, `members` and the `_entities` lookup, as plain functions (see src/entities/user/user.rules.ts). */

export async function roleById(context: Context, id: string): Promise<Role | null> {
  const role = await context.loaders.roleById.load(uuidArg(id, 'id'));
  return role && toRole(role);
}

/** Every role, by name: one cached role list. */
export async function rolesConnection(context: Context, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Role>> {
  const slice = sliceOf(first, after);
  return connectionOfList((await context.lists.roles()).map(toRole), slice);
}

export function roleMembers(role: Role, context: Context, first: number | null | undefined, after: string | null | undefined): Promise<Connection<User>> {
  return userConnection(context, { roleId: role.id }, first, after);
}

/** `_entities` for Role: any number of roles cost the one cached role list. */
export async function resolveRoleReference(reference: { id: string }, context: Context): Promise<Role | null> {
  if (!isUuid(reference.id)) return null;
  const role = await context.loaders.roleById.load(reference.id);
  return role && toRole(role);
}
