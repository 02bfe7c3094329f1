import { readNewestFirst } from './newest-first';
import type { UpstreamCatalog } from './upstream-catalog';
import type { IdentityUpstream, UserSearch, UserSort } from './upstream';
import { V41NotFoundError } from './v41/errors';
import type { V41List, V41Role, V41RoleAssignment, V41RoleStoreUser, V41Source } from './v41/models';
import { PAGE_SIZE } from './v41/paging';

/** Where an upstream-paged list of users comes from: everyone, one directory, or one role's members. */
export interface UserScope {
  roleId?: string;
  workspaceId?: string;
}

export interface UpstreamUserPage {
  users: V41RoleStoreUser[];
  /** Position of the first user in the whole result. */
  offset: number;
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * The upstream's lists of users, roles and directories, as the upstream pages and filters them. Which list
 * answers which GraphQL criteria, and what is re-checked on top, is decided above (src/entities/user-directory).
 */
export class UserLists {
  constructor(
    private readonly client: IdentityUpstream,
    private readonly catalog: UpstreamCatalog,
  ) {}

  /** One page as the upstream pages it. A server may clamp `limit`: reads on until the page is full or the list ends. */
  async page(scope: UserScope, sort: UserSort, offset: number, first: number): Promise<UpstreamUserPage> {
    const { roleId, workspaceId } = scope;
    const fetchPage = roleId
      ? (at: number, limit: number) => this.client.roleMembers(roleId, { offset: at, limit }, sort)
      : (at: number, limit: number) => this.client.searchUsers(workspaceId ? { source: workspaceId } : {}, { offset: at, limit }, sort);
    const users: V41RoleStoreUser[] = [];
    let at = offset;
    let count = 0;
    do {
      const page = await notFoundAsEmpty(fetchPage(at, Math.max(first - users.length, 1)));
      count = page.count;
      if (first === 0 || page.items.length === 0) break;
      users.push(...page.items.slice(0, first - users.length));
      at += page.items.length;
    } while (users.length < first && at < count);
    return { users, offset, totalCount: count, hasNextPage: offset + users.length < count };
  }

  /** Every user the upstream finds for a role (its members) or else for a search, all pages. */
  async candidates(roleId: string | undefined, search: UserSearch, sort: UserSort): Promise<V41RoleStoreUser[]> {
    const list = roleId ? await notFoundAsEmpty(this.client.allRoleMembers(roleId, sort)) : await this.client.searchAllUsers(search, sort);
    return list.items;
  }

  /**
   * Every user matching `search` updated at or after `sinceMs`: newest first until past it, so a recent
   * instant costs one call (docs/changes.md).
   */
  async updatedSince(search: UserSearch, sinceMs: number): Promise<V41RoleStoreUser[]> {
    return (await readNewestFirst(this.client, search, sinceMs, PAGE_SIZE)).users;
  }

  /** Facts computed from every user of the directory (companies, groups): one full read per cache TTL. */
  everyoneSummary<T>(summarise: (everyone: V41RoleStoreUser[]) => T): Promise<T> {
    return this.catalog.directoryFacets(async () => summarise((await this.client.searchAllUsers({})).items));
  }

  /**
   * Everyone holding a role, with all their assignments: the role-membership index the roles loader keeps
   * (`GET /roles` + `GET /roles/{id}/members`, cached), so it costs nothing while that index is cached.
   */
  async roleHolders(): Promise<{ user: V41RoleStoreUser; assignments: V41RoleAssignment[] }[]> {
    const index = await this.catalog.membershipIndex(await this.catalog.roles());
    return [...index].flatMap(([userId, assignments]) => {
      const user = index.members.get(userId);
      return user ? [{ user, assignments }] : [];
    });
  }

  /** Every role (one cached `GET /roles`). */
  roles(): Promise<V41Role[]> {
    return this.catalog.roles();
  }

  /** Every directory (one cached `GET /sources`). */
  async sources(): Promise<V41Source[]> {
    return [...(await this.catalog.sources()).values()];
  }
}

/** A role or directory that vanished between listing and paging has no users, rather than failing the query. */
async function notFoundAsEmpty(read: Promise<V41List<V41RoleStoreUser>>): Promise<V41List<V41RoleStoreUser>> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof V41NotFoundError) return { count: 0, items: [] };
    throw error;
  }
}
