import type { V41Role } from '../../datasources/v41/models';
import type { Context } from '../context';
import type { Writes } from '../writes';

/** The role by id: the cached role list first, then PrivX itself (a role created a moment ago is not cached yet). */
export async function findRole(context: Context, writes: Writes, roleId: string): Promise<V41Role | null> {
  const cached = await context.loaders.roleById.load(roleId.toLowerCase());
  if (cached) return cached;
  return writes.reader.getRole(roleId);
}
