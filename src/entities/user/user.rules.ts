import type { Context } from '../../context';
import { badUserInput } from '../../errors';
import { isExpired } from '../../access';
import { requestNow } from '../request-clock';
import { grantOf, passwordSetAt, isLocalUser, isUuid, nameNeedsLocalRecord, remoteData as remoteDataOf, toRoleAssignment, toUser, toWorkspace, userName, type RemoteData } from '../mapping';
import type { Role, RoleAssignment, User, UserStatus, Workspace } from '../types';
import { uuidArg } from '../shared/id-arguments.rules';
import { MAX_PAGE_SIZE } from '../shared/paging.rules';
import { needsRoleDetails, rolesOf } from './roles-of.rules';
import { assignmentsOf, localRecordOf, sourceOf, statusOf } from './user-relations.rules';

/**
 * User: its queries, its fields that need more than the role-store record, and its `_entities` lookup, as
 * plain functions. Every schema over the same loaders (the TypeGraphQL one, the SDL-first baseline) and the
 * benchmark's ceiling call these, so each rule exists once (docs/mapping.md).
 */

export async function userById(context: Context, id: string): Promise<User | null> {
  const record = await context.loaders.userById.load(uuidArg(id, 'id'));
  return record && toUser(record);
}

/** In the order asked, null where there is no such user; an Error item becomes a field error on that item alone. */
export async function usersByIds(context: Context, ids: string[]): Promise<(User | Error | null)[]> {
  if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids takes at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`, 'ids');
  ids.forEach((id, i) => uuidArg(id, `ids[${i}]`));
  const records = await context.loaders.userById.loadMany(ids);
  return records.map((record) => (record instanceof Error || record === null ? record : toUser(record)));
}

/** `_entities` for User: every representation of one request shares the batched user loader. */
export async function resolveUserReference(reference: { id: string }, context: Context): Promise<User | null> {
  if (!isUuid(reference.id)) return null;
  const record = await context.loaders.userById.load(reference.id);
  return record && toUser(record);
}

export async function userNameOf(user: User, context: Context): Promise<string | null> {
  return userName(user.record, nameNeedsLocalRecord(user.record) ? await localRecordOf(user.record, context) : null);
}

export async function userStatusOf(user: User, context: Context): Promise<UserStatus> {
  return (await statusOf(user.record, context)).status;
}

export async function rawStatusOf(user: User, context: Context): Promise<string> {
  return (await statusOf(user.record, context)).rawStatus;
}

/** `selected`: the fields selected on the roles; the role list is read only when one needs it. */
export async function rolesOfUser(user: User, context: Context, selected: Set<string>): Promise<Role[]> {
  return rolesOf(await liveAssignmentsOf(user, context, false), context.loaders, needsRoleDetails(selected));
}

/** A grant that ended is not a role the user has (docs/access.md); `includeExpired` shows it anyway. */
async function liveAssignmentsOf(user: User, context: Context, includeExpired: boolean) {
  const assignments = await assignmentsOf(user.record, context);
  if (includeExpired) return assignments;
  const now = requestNow(context);
  return assignments.filter((assignment) => !isExpired(grantOf(assignment), now));
}

export async function passwordSetAtOf(user: User, context: Context): Promise<Date | null> {
  return isLocalUser(user.record) ? passwordSetAt(await localRecordOf(user.record, context)) : null;
}

/** `selectedOnRole`: the fields selected on each assignment's `role`. */
export async function roleAssignmentsOfUser(user: User, context: Context, selectedOnRole: Set<string>, includeExpired = false): Promise<RoleAssignment[]> {
  const assignments = await liveAssignmentsOf(user, context, includeExpired);
  const roles = await rolesOf(assignments, context.loaders, needsRoleDetails(selectedOnRole));
  return assignments.map((assignment, i) => Object.assign(toRoleAssignment(assignment), { role: roles[i] as Role }));
}

export async function workspaceOfUser(user: User, context: Context): Promise<Workspace | null> {
  const source = await sourceOf(user.record, context);
  return source && toWorkspace(source);
}

export async function remoteDataOfUser(user: User, context: Context): Promise<RemoteData> {
  return remoteDataOf(user.record, isLocalUser(user.record) ? await localRecordOf(user.record, context) : null);
}
