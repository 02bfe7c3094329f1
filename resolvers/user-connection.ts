import { DEFAULT_USER_ORDER, type UserCriteria, type UserOrdering } from '../datasources/directory';
import type { Context } from '../src/context';
import { toUser } from '../src/mapping';
import type { User, UserFilter } from '../src/types';
import { groupArg, organizationArg, uuidArg } from './ids';
import { connectionOf, sliceOf, type Connection } from './paging';

/**
 * Users as connections, free of TypeGraphQL so that any schema (the SDL-first benchmark baseline too) serves
 * `users` and every `members` connection the same way.
 */

/** Filter input → directory criteria: ids decoded and checked before anything reaches PrivX. */
export function criteriaOf(filter: Partial<UserFilter> | null | undefined): UserCriteria {
  const f = filter ?? {};
  return {
    search: f.search ?? undefined,
    email: f.email ?? undefined,
    username: f.username ?? undefined,
    status: f.status ?? undefined,
    workspaceId: f.workspaceId == null ? undefined : uuidArg(f.workspaceId, 'filter.workspaceId'),
    roleId: f.roleId == null ? undefined : uuidArg(f.roleId, 'filter.roleId'),
    company: f.organizationId == null ? undefined : organizationArg(f.organizationId, 'filter.organizationId'),
    group: f.groupId == null ? undefined : groupArg(f.groupId, 'filter.groupId'),
  };
}

/** A page of users matching `criteria`. */
export async function userConnection(
  context: Context,
  criteria: UserCriteria,
  first: number | null | undefined,
  after: string | null | undefined,
  order: UserOrdering | null | undefined = DEFAULT_USER_ORDER,
): Promise<Connection<User>> {
  const slice = sliceOf(first, after);
  const page = await context.directory.find(criteria, order ?? DEFAULT_USER_ORDER, slice.offset, slice.first);
  return connectionOf(page.users.map(toUser), page.offset, page.totalCount, page.hasNextPage);
}
