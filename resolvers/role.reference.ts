import type { Context } from '../src/context';
import { isUuid, toRole } from '../src/mapping';
import type { Role } from '../src/types';

/** `_entities` for Role: any number of roles cost the one cached role list. */
export async function resolveRoleReference(reference: { id: string }, { loaders }: Context): Promise<Role | null> {
  if (!isUuid(reference.id)) return null;
  const role = await loaders.roleById.load(reference.id);
  return role && toRole(role);
}
