import { grantPeriods, grantState, lastEnd, nextStateChange, parseAddress, type GrantState } from '../access';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { toRole, toRoleAssignment, toUser } from '../mapping';
import { AssignmentState, RoleAssignmentHolder, type RoleAssignment, type RoleAssignmentFilter } from '../types';
import { evaluationOf } from './assignment-access';
import { uuidArg } from './ids';
import { connectionOfList, sliceOf, type Connection } from './paging';
import { requestNow } from './request-clock';

/**
 * RoleAssignment: a grant's state (docs/access.md), evaluated from the records and never by an upstream call,
 * and the access-review query over every grant of the directory, as plain functions (see src/entities/user.ts).
 */

function instantOf(at: Date | null | undefined, context: Context): number {
  return at ? at.getTime() : requestNow(context);
}

/** `from`: the caller's IP address, checked against the role's IP masks; BAD_USER_INPUT when it is not one. */
export async function assignmentState(assignment: RoleAssignment, context: Context, at: Date | null | undefined, from: string | null | undefined): Promise<AssignmentState> {
  const address = from == null ? null : parseAddress(from);
  if (from != null && address === null) throw badUserInput('from must be an IPv4 or IPv6 address', 'from');
  return grantState(await evaluationOf(assignment, context), instantOf(at, context), address) as AssignmentState;
}

export async function assignmentActiveNow(assignment: RoleAssignment, context: Context): Promise<boolean> {
  return grantState(await evaluationOf(assignment, context), requestNow(context)) === 'ACTIVE';
}

export async function assignmentNextChangeAt(assignment: RoleAssignment, context: Context, at: Date | null | undefined): Promise<Date | null> {
  const next = nextStateChange(await evaluationOf(assignment, context), instantOf(at, context));
  return next === null ? null : new Date(next);
}

interface Selection {
  roleId?: string;
  states?: ReadonlySet<GrantState>;
  endingBefore?: number;
  at: number;
}

/** Access reviews: every (user, grant) pair of the directory, by user then role, from the role-membership index. */
export async function roleAssignmentsConnection(
  context: Context,
  filter: RoleAssignmentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<RoleAssignmentHolder>> {
  const slice = sliceOf(first, after);
  const pairs = await selectRoleAssignments(context, filter);
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

/**
 * Every (user, grant) pair the filter selects, by user then role, from the role-membership index: what
 * `roleAssignments` pages and `revokeGrants` revokes.
 */
export async function selectRoleAssignments(context: Context, filter: RoleAssignmentFilter | null | undefined): Promise<RoleAssignmentHolder[]> {
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
  return pairs;
}

/** Whether one grant (e.g. as read afresh before revoking it) still meets the filter. */
export async function meetsFilter(context: Context, filter: RoleAssignmentFilter | null | undefined, assignment: RoleAssignment): Promise<boolean> {
  const selection = selectionOf(filter, requestNow(context));
  if (selection.roleId !== undefined && assignment.role.id.toLowerCase() !== selection.roleId) return false;
  return isSelected(assignment, selection, context);
}

function selectionOf(filter: RoleAssignmentFilter | null | undefined, now: number): Selection {
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
