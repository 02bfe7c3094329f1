import { groupKeysOf, isInGroup, isInOrganization, matchesKeywords, present, userStatus } from '../src/mapping';
import type { GroupKey } from '../src/mapping';
import { OrderDirection } from '../src/types/order-direction';
import { UserOrderField } from '../src/types/user-order-field';
import type { UserStatus } from '../src/types/user-status';
import type { Loaders } from './loaders';
import type { UpstreamCatalog } from './upstream-catalog';
import type { UserSearch, UserSort, UserSortKey, V41Client } from './v41/client';
import { V41NotFoundError } from './v41/errors';
import type { V41List, V41Role, V41RoleStoreUser, V41Source } from './v41/models';

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
}

export interface UserOrdering {
  field: UserOrderField;
  direction: OrderDirection;
}

export interface UserPage {
  users: V41RoleStoreUser[];
  /** Position of the first user in the whole result. */
  offset: number;
  totalCount: number;
  hasNextPage: boolean;
}

export const DEFAULT_USER_ORDER: UserOrdering = { field: UserOrderField.USERNAME, direction: OrderDirection.ASC };

const SORT_KEYS: Record<UserOrderField, UserSortKey> = {
  [UserOrderField.CREATED_AT]: 'created',
  [UserOrderField.UPDATED_AT]: 'updated',
  [UserOrderField.USERNAME]: 'principal',
  [UserOrderField.NAME]: 'full_name',
  [UserOrderField.EMAIL]: 'email',
};

const SORT_VALUES: Record<UserOrderField, (user: V41RoleStoreUser) => string | number | undefined> = {
  [UserOrderField.CREATED_AT]: (u) => (u.created ? Date.parse(u.created) : undefined),
  [UserOrderField.UPDATED_AT]: (u) => (u.updated ? Date.parse(u.updated) : undefined),
  [UserOrderField.USERNAME]: (u) => present(u.principal)?.toLowerCase(),
  [UserOrderField.NAME]: (u) => present(u.full_name)?.toLowerCase(),
  [UserOrderField.EMAIL]: (u) => present(u.email)?.toLowerCase(),
};

export interface DirectoryFacets {
  companies: string[];
  groups: GroupKey[];
}

/**
 * The lists behind connections and list queries, for one request. Users: one upstream page when the
 * upstream applies the criteria exactly by itself (none, a directory, a role); otherwise every candidate the
 * upstream finds for them, re-checked exactly here, sorted and sliced. Users it reads are primed into the
 * request's user loader, so their nested fields cost nothing more.
 */
export class Directory {
  constructor(
    private readonly client: V41Client,
    private readonly catalog: UpstreamCatalog,
    private readonly loaders: Loaders,
  ) {}

  async find(criteria: UserCriteria, order: UserOrdering, offset: number, first: number): Promise<UserPage> {
    const sort: UserSort = { sortkey: SORT_KEYS[order.field], sortdir: order.direction };
    const page = isExactUpstream(criteria)
      ? await this.upstreamPage(criteria, sort, offset, first)
      : await this.filteredPage(criteria, order, sort, offset, first);
    page.users.forEach((user) => this.loaders.userById.prime(user.id, user));
    return page;
  }

  /** Every role (one cached `GET /roles`). */
  roles(): Promise<V41Role[]> {
    return this.catalog.roles();
  }

  /** Every directory (one cached `GET /sources`). */
  async workspaces(): Promise<V41Source[]> {
    return [...(await this.catalog.sources()).values()];
  }

  /** Companies and groups found on any user: the whole directory, read once per cache TTL. */
  facets(): Promise<DirectoryFacets> {
    return this.catalog.directoryFacets(async () => {
      const everyone = await this.client.searchAllUsers({});
      const companies = new Set<string>();
      const groups = new Map<string, GroupKey>();
      for (const user of everyone.items) {
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

  private async upstreamPage(criteria: UserCriteria, sort: UserSort, offset: number, first: number): Promise<UserPage> {
    const { roleId, workspaceId } = criteria;
    const fetchPage = roleId
      ? (at: number, limit: number) => this.client.roleMembers(roleId, { offset: at, limit }, sort)
      : (at: number, limit: number) => this.client.searchUsers(workspaceId ? { source: workspaceId } : {}, { offset: at, limit }, sort);
    const users: V41RoleStoreUser[] = [];
    let at = offset;
    let count = 0;
    // A server may clamp `limit`: keep reading until the page is full or the list ends.
    do {
      const page = await notFoundAsEmpty(fetchPage(at, Math.max(first - users.length, 1)));
      count = page.count;
      if (first === 0 || page.items.length === 0) break;
      users.push(...page.items.slice(0, first - users.length));
      at += page.items.length;
    } while (users.length < first && at < count);
    return { users, offset, totalCount: count, hasNextPage: offset + users.length < count };
  }

  private async filteredPage(criteria: UserCriteria, order: UserOrdering, sort: UserSort, offset: number, first: number): Promise<UserPage> {
    const candidates = criteria.roleId
      ? await notFoundAsEmpty(this.client.allRoleMembers(criteria.roleId, sort))
      : await this.client.searchAllUsers(upstreamSearch(criteria), sort);
    let users = candidates.items.filter((user) => matchesCriteria(user, criteria));
    if (criteria.status) users = await this.withStatus(users, criteria.status);
    users.sort(compareUsers(order));
    return {
      users: users.slice(offset, offset + first),
      offset,
      totalCount: users.length,
      hasNextPage: offset + first < users.length,
    };
  }

  private async withStatus(users: V41RoleStoreUser[], status: UserStatus): Promise<V41RoleStoreUser[]> {
    const statuses = await Promise.all(
      users.map(async (user) => {
        const [source, local] = await Promise.all([
          user.source ? this.loaders.sourceById.load(user.source) : null,
          user.source_type === 'LOCAL' ? this.loaders.localUserById.load(user.source_user_id ?? user.id) : null,
        ]);
        return userStatus(user, source ?? undefined, local).status;
      }),
    );
    return users.filter((_, i) => statuses[i] === status);
  }
}

/** Criteria the upstream applies exactly by itself, so its own paging and `count` can be used as they are. */
function isExactUpstream(c: UserCriteria): boolean {
  const clientSide = [c.search, c.email, c.username, c.status, c.company, c.group];
  return clientSide.every((v) => v === undefined) && !(c.roleId && c.workspaceId);
}

/**
 * The narrowest upstream search for the criteria. `keywords` is free text over names, email, company and
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

function matchesCriteria(user: V41RoleStoreUser, c: UserCriteria): boolean {
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
  const value = SORT_VALUES[order.field];
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

async function notFoundAsEmpty(read: Promise<V41List<V41RoleStoreUser>>): Promise<V41List<V41RoleStoreUser>> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof V41NotFoundError) return { count: 0, items: [] };
    throw error;
  }
}
