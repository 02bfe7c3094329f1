import { Arg, Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { grantPeriods, grantState, lastEnd, type GrantState } from '../src/access';
import type { Context } from '../src/context';
import { toRole, toRoleAssignment, toUser } from '../src/mapping';
import { PageArgs, RoleAssignmentFilter, RoleAssignmentHolder, RoleAssignmentHolderConnection, type RoleAssignment } from '../src/types';
import { evaluationOf } from '../src/entities/assignment-access';
import { PAGED_CONNECTION, UPSTREAM_SEARCH_COST } from './demand-control';
import { uuidArg } from '../src/entities/ids';
import { connectionOfList, sliceOf, type Connection } from '../src/entities/paging';
import { requestNow } from '../src/entities/request-clock';

interface Selection {
  roleId?: string;
  states?: ReadonlySet<GrantState>;
  endingBefore?: number;
  at: number;
}

/** Access reviews: every (user, grant) pair of the directory, from the role-membership index. */
@Resolver(() => RoleAssignmentHolder)
export class RoleAssignmentQueries {
  @Directive(UPSTREAM_SEARCH_COST)
  @Directive(PAGED_CONNECTION)
  @Query(() => RoleAssignmentHolderConnection, {
    description:
      'Role grants across the directory, by user then role: by role, by state at an instant, or ending before an instant. Reads the cached role-membership index: no upstream call beyond it.',
  })
  async roleAssignments(
    @Arg('filter', () => RoleAssignmentFilter, { nullable: true, description: 'Only grants matching every given condition.' })
    filter: RoleAssignmentFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<RoleAssignmentHolder>> {
    const slice = sliceOf(first, after);
    const selection = selectionOf(filter, requestNow(context));
    const holders = (await context.lists.roleHolders()).sort(
      (a, b) => compare(a.user.principal?.toLowerCase() ?? '', b.user.principal?.toLowerCase() ?? '') || compare(a.user.id, b.user.id),
    );
    const pairs: RoleAssignmentHolder[] = [];
    for (const holder of holders) {
      const candidates = holder.assignments.filter((a) => selection.roleId === undefined || a.id.toLowerCase() === selection.roleId);
      if (candidates.length === 0) continue;
      context.loaders.userById.prime(holder.user.id, holder.user);
      context.loaders.rolesOfUser.prime(holder.user.id, holder.assignments);
      const user = toUser(holder.user);
      for (const assignment of candidates.map(toRoleAssignment)) {
        if (await isSelected(assignment, selection, context)) pairs.push(Object.assign(new RoleAssignmentHolder(), { user, assignment }));
      }
    }
    const page = connectionOfList(pairs, slice);
    // Role details come from the role list the index was built from: already cached.
    const roles = await context.loaders.roleById.loadMany(page.nodes.map((pair) => pair.assignment.role.id));
    page.nodes.forEach((pair, i) => {
      const role = roles[i];
      if (role instanceof Error) throw role;
      if (role) pair.assignment.role = toRole(role);
    });
    return page;
  }
}

function selectionOf(filter: RoleAssignmentFilter | null, now: number): Selection {
  const f = filter ?? {};
  return {
    roleId: f.roleId == null ? undefined : uuidArg(f.roleId, 'filter.roleId').toLowerCase(),
    states: f.states == null ? undefined : new Set(f.states),
    endingBefore: f.endingBefore == null ? undefined : f.endingBefore.getTime(),
    at: f.at == null ? now : f.at.getTime(),
  };
}

async function isSelected(assignment: RoleAssignment, selection: Selection, context: Context): Promise<boolean> {
  if (selection.endingBefore !== undefined) {
    if (assignment.grant.kind !== 'TIME_RESTRICTED') return false;
    const end = lastEnd(grantPeriods(assignment.grant));
    if (end === null || end >= selection.endingBefore) return false;
  }
  if (selection.states === undefined) return true;
  return selection.states.has(grantState(await evaluationOf(assignment, context), selection.at));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
