import { updatedMs } from '../../../datasources/newest-first';
import type { UserSearch, UserSort } from '../../../datasources/upstream';
import { loadConnection } from '../../../datasources/loaders';
import type { UserScope } from '../../../datasources/user-lists';
import type { V41RoleStoreUser } from '../../../datasources/v41/models';
import type { Context } from '../../context';
import { isExpired } from '../../access';
import { grantOf, groupKeysOf, isInGroup, isInOrganization, matchesKeywords, present, toUser, type GroupKey } from '../mapping';
import { OrderDirection, UserOrderField, type User, type UserFilter, type UserStatus } from '../types';
import { groupArg, organizationArg, textArg, uuidArg } from '../shared/id-arguments.rules';
import { requestNow } from '../request-clock';
import { connectionOf, sliceOf, type Connection } from '../shared/paging.rules';
import { statusOf } from './user-relations.rules';

/**
 * Which users a `users(filter)` or `members` connection holds (docs/mapping.md#lists): one upstream page when
 * the upstream applies the criteria exactly by itself (none, a directory); otherwise every candidate
 * the upstream finds for them, re-checked exactly here, sorted and sliced. Users read are primed into the
 * request's user loader, so their nested fields cost nothing more.
 */

/** What `users(filter)` and every `members` connection select, with ids already decoded. */
export interface UserCriteria {
  search?: string;
  email?: string;
  username?: string;
  status?: UserStatus;
  workspaceId?: string;
  company?: string;
  group?: GroupKey;
  roleId?: string;
  /** Epoch ms: only users whose `updated` is at or after it. */
  updatedSince?: number;
}

export interface UserOrdering {
  field: UserOrderField;
  direction: OrderDirection;
}

export const DEFAULT_USER_ORDER: UserOrdering = { field: UserOrderField.USERNAME, direction: OrderDirection.ASC };

/** Each sort field: the upstream's sort key, and the value compared when the list is sorted here. */
const ORDER_FIELDS: Record<UserOrderField, { upstream: UserSort['sortkey']; value: (user: V41RoleStoreUser) => string | number | undefined }> = {
  [UserOrderField.CREATED_AT]: { upstream: 'created', value: (u) => (u.created ? Date.parse(u.created) : undefined) },
  [UserOrderField.UPDATED_AT]: { upstream: 'updated', value: (u) => (u.updated ? Date.parse(u.updated) : undefined) },
  [UserOrderField.USERNAME]: { upstream: 'principal', value: (u) => present(u.principal)?.toLowerCase() },
  [UserOrderField.NAME]: { upstream: 'full_name', value: (u) => present(u.full_name)?.toLowerCase() },
  [UserOrderField.EMAIL]: { upstream: 'email', value: (u) => present(u.email)?.toLowerCase() },
};

/** Filter input → criteria: ids decoded and checked before anything reaches the upstream. */
export function criteriaOf(filter: Partial<UserFilter> | null | undefined): UserCriteria {
  const f = filter ?? {};
  return {
    search: f.search == null ? undefined : textArg(f.search, 'filter.search'),
    email: f.email == null ? undefined : textArg(f.email, 'filter.email'),
    username: f.username == null ? undefined : textArg(f.username, 'filter.username'),
    status: f.status ?? undefined,
    workspaceId: f.workspaceId == null ? undefined : uuidArg(f.workspaceId, 'filter.workspaceId'),
    roleId: f.roleId == null ? undefined : uuidArg(f.roleId, 'filter.roleId'),
    company: f.organizationId == null ? undefined : organizationArg(f.organizationId, 'filter.organizationId'),
    group: f.groupId == null ? undefined : groupArg(f.groupId, 'filter.groupId'),
    updatedSince: f.updatedSince == null ? undefined : f.updatedSince.getTime(),
  };
}

/**
 * A page of users matching `criteria`, as a connection. The criteria name the parent (directory, company,
 * group, role), so rows sharing a parent share its page: each distinct page is read once per request.
 */
export function userConnection(
  context: Context,
  criteria: UserCriteria,
  first: number | null | undefined,
  after: string | null | undefined,
  order: UserOrdering | null | undefined = DEFAULT_USER_ORDER,
): Promise<Connection<User>> {
  const ordering = order ?? DEFAULT_USER_ORDER;
  const key = JSON.stringify([criteria, first ?? null, after ?? null, ordering.field, ordering.direction]);
  return loadConnection(context.loaders.connections, key, () => readUserConnection(context, criteria, first, after, ordering));
}

async function readUserConnection(
  context: Context,
  criteria: UserCriteria,
  first: number | null | undefined,
  after: string | null | undefined,
  ordering: UserOrdering,
): Promise<Connection<User>> {
  const slice = sliceOf(first, after);
  const sort: UserSort = { sortkey: ORDER_FIELDS[ordering.field].upstream, sortdir: ordering.direction };
  if (isExactUpstream(criteria)) {
    const page = await context.lists.page(criteria satisfies UserScope, sort, slice.offset, slice.first);
    return connectionOf(primed(context, page.users).map(toUser), page.offset, page.totalCount, page.hasNextPage);
  }
  const candidates =
    criteria.updatedSince !== undefined && criteria.roleId === undefined
      ? await context.lists.updatedSince(upstreamSearch(criteria), criteria.updatedSince)
      : await context.lists.candidates(criteria.roleId, upstreamSearch(criteria), sort);
  const now = requestNow(context);
  let users = primed(context, candidates.filter((user) => matchesCriteria(user, criteria, now)));
  if (criteria.status) users = await withStatus(context, users, criteria.status);
  users.sort(compareUsers(ordering));
  const page = users.slice(slice.offset, slice.offset + slice.first).map(toUser);
  return connectionOf(page, slice.offset, users.length, slice.offset + slice.first < users.length);
}

export interface DirectoryFacets {
  companies: string[];
  groups: GroupKey[];
}

/** Companies and groups found on any user: the whole directory, read once per cache TTL. */
export function directoryFacets(context: Context): Promise<DirectoryFacets> {
  return context.lists.everyoneSummary((everyone) => {
    const companies = new Set<string>();
    const groups = new Map<string, GroupKey>();
    for (const user of everyone) {
      const company = present(user.company);
      if (company) companies.add(company);
      for (const key of groupKeysOf(user)) groups.set(`${key.type}\u0000${key.company}\u0000${key.name}`, key);
    }
    return {
      companies: [...companies].sort(compareText),
      groups: [...groups.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.type, b.type) || compareText(a.company, b.company)),
    };
  });
}

function primed(context: Context, users: V41RoleStoreUser[]): V41RoleStoreUser[] {
  for (const user of users) context.loaders.userById.prime(user.id, user);
  return users;
}

async function withStatus(context: Context, users: V41RoleStoreUser[], status: UserStatus): Promise<V41RoleStoreUser[]> {
  const statuses = await Promise.all(users.map((user) => statusOf(user, context)));
  return users.filter((_, i) => statuses[i]?.status === status);
}

/** Criteria the upstream applies exactly by itself, so its own paging and `count` can be used as they are. */
function isExactUpstream(c: UserCriteria): boolean {
  // A role is not exact: its members include holders whose grant has expired, which are left out here.
  const clientSide = [c.search, c.email, c.username, c.status, c.company, c.group, c.roleId, c.updatedSince];
  return clientSide.every((v) => v === undefined);
}

/**
 * The narrowest upstream search for the criteria. `keywords` is free text (docs/upstream-v41.md#keyword-search) over names, email, company and
 * department, so exact filters on those fields can ride on it; tags are not searched upstream.
 */
function upstreamSearch(c: UserCriteria): UserSearch {
  const words = [c.search, c.email, c.username, c.company, c.group?.type === 'DEPARTMENT' ? c.group.name : undefined]
    .map((w) => present(w))
    .filter((w) => w !== undefined);
  return {
    ...(words.length > 0 ? { keywords: words.join(' ') } : {}),
    ...(c.workspaceId ? { source: c.workspaceId } : {}),
  };
}

/**
 * Whether a role member holds the role now: a grant that ended is not a role the user has. A member payload
 * without its `roles[]` cannot tell, and the upstream listed the user, so it counts.
 */
function holdsRoleNow(user: V41RoleStoreUser, roleId: string, now: number): boolean {
  if (!user.roles) return true;
  const id = roleId.toLowerCase();
  const grants = user.roles.filter((a) => a.id.toLowerCase() === id);
  return grants.length === 0 || grants.some((a) => !isExpired(grantOf(a), now));
}

function matchesCriteria(user: V41RoleStoreUser, c: UserCriteria, now: number): boolean {
  if (c.updatedSince !== undefined && !((updatedMs(user) ?? Number.NEGATIVE_INFINITY) >= c.updatedSince)) return false;
  if (c.roleId !== undefined && !holdsRoleNow(user, c.roleId, now)) return false;
  if (c.search !== undefined && !matchesKeywords(user, c.search)) return false;
  if (c.email !== undefined && present(user.email)?.toLowerCase() !== c.email.trim().toLowerCase()) return false;
  if (c.username !== undefined && user.principal !== c.username) return false;
  if (c.workspaceId !== undefined && user.source?.toLowerCase() !== c.workspaceId.toLowerCase()) return false;
  if (c.company !== undefined && !isInOrganization(user, c.company)) return false;
  if (c.group !== undefined && !isInGroup(user, c.group)) return false;
  return true;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable and total: users without the sort value go last, ties go by id. */
function compareUsers(order: UserOrdering): (a: V41RoleStoreUser, b: V41RoleStoreUser) => number {
  const value = ORDER_FIELDS[order.field].value;
  const direction = order.direction === OrderDirection.DESC ? -1 : 1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined || Number.isNaN(va) || Number.isNaN(vb)) {
      const missing = Number(va === undefined || Number.isNaN(va)) - Number(vb === undefined || Number.isNaN(vb));
      if (missing !== 0) return missing;
    } else if (va !== vb) {
      return (va < vb ? -1 : 1) * direction;
    }
    return compareText(a.id, b.id);
  };
}
