import type { Evaluation } from '../../access';
import type { Context } from '../../context';
import { accessWindowOf } from '../mapping';
import type { RoleAssignment } from '../types';

/**
 * What the state of an assignment depends on: the grant and the role's context. The context comes with the
 * assignment; when a payload lacks it, from the role list (one cached `GET /roles` for the whole request).
 */
export async function evaluationOf(assignment: RoleAssignment, { loaders }: Context): Promise<Evaluation> {
  if (assignment.window !== undefined) return { grant: assignment.grant, window: assignment.window };
  const role = await loaders.roleById.load(assignment.role.id);
  return { grant: assignment.grant, window: accessWindowOf(role?.context) };
}
