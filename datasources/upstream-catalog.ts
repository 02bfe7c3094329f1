import pMap from 'p-map';
import type { LoadOptions, SharedCache } from './cache';
import { registerCachedClass } from './cache/value-codec';
import type { IdentityUpstream } from './identity-upstream';
import type { V41List, V41LocalUser, V41Role, V41RoleAssignment, V41RoleStoreUser, V41Source } from './v41/models';
import { PAGE_SIZE } from './v41/paging';
import { runDetached, withinCurrentDeadline } from './v41/request-scope';

/** lru-cache cannot hold `null`, and "not found" is worth caching too. */
interface Boxed<T> {
  value: T;
}

/** Role assignments by user id, and the member records they came with (for access reviews). */
export class RoleMembershipIndex extends Map<string, V41RoleAssignment[]> {
  readonly members = new Map<string, V41RoleStoreUser>();
}

registerCachedClass({
  name: 'RoleMembershipIndex',
  type: RoleMembershipIndex,
  toPlain: (index) => ({ roles: [...index], members: index.members }),
  fromPlain: (plain) => {
    const { roles, members } = plain as { roles: [string, V41RoleAssignment[]][]; members: Map<string, V41RoleStoreUser> };
    const index = new RoleMembershipIndex(roles);
    for (const [id, member] of members) index.members.set(id, member);
    return index;
  },
});

export interface LocalUserPage {
  page: V41List<V41LocalUser>;
  byId: Map<string, V41LocalUser>;
  /** Pages the whole list takes at the server's page length. */
  pages: number;
}

/** Upstream ids are UUIDs: key maps by lower-case id once, so lookups match whatever case a caller used. */
export function byLowerId<T extends { id: string }>(records: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) map.set(record.id.toLowerCase(), record);
  return map;
}

const MEMBER_PAGE_CONCURRENCY = 4;

/**
 * Reference data: a refresh that fails answers the last good value (within the cache's bound); and each is a
 * whole-directory value every warm request needs, held apart from the per-user record bound.
 */
const REFERENCE: LoadOptions = { staleIfError: true, apart: true };

/** The deadline and upstream-call budget of one shared load (the request bounds unless configured). */
export interface SharedLoadBounds {
  timeoutMs: number;
  callBudget: number;
}

const DEFAULT_SHARED_LOAD_BOUNDS: SharedLoadBounds = { timeoutMs: 10_000, callBudget: 100 };

/**
 * The slowly changing part of the upstream, read through the shared cache: the role list, the directories,
 * the role-membership index, per-user role lists and the local-user list. Shared by every request; the
 * per-request loaders decide what to ask of it.
 */
export class UpstreamCatalog {
  constructor(
    private readonly client: IdentityUpstream,
    private readonly cache: SharedCache,
    private readonly sharedBounds: SharedLoadBounds = DEFAULT_SHARED_LOAD_BOUNDS,
  ) {}

  /**
   * Every read goes through here. A load other requests may join runs outside the scope of the request that
   * happened to start it, under its own deadline and budget: request A's deadline or spent budget must not fail
   * request B, which joined it. Each caller still waits no longer than its own deadline. Without sharing (TTL
   * 0) the load is the request's own and stays in its scope and budget.
   */
  private through<T>(key: string, load: () => Promise<T>, options?: LoadOptions): Promise<T> {
    if (!this.cache.sharesLoads) return this.cache.getOrLoad(key, load, options);
    return withinCurrentDeadline(this.cache.getOrLoad(key, this.detached(load), options), `cached ${key.split(':')[0]}`);
  }

  private detached<T>(load: () => Promise<T>): () => Promise<T> {
    return this.cache.sharesLoads ? () => runDetached(this.sharedBounds, load) : load;
  }

  roles(): Promise<V41Role[]> {
    return this.through('roles', async () => (await this.client.listRoles()).filter((role) => !role.deleted), REFERENCE);
  }

  /** Every directory, keyed by lower-case id. */
  sources(): Promise<Map<string, V41Source>> {
    return this.through('sources', async () => byLowerId(await this.client.listSources()), REFERENCE);
  }

  /**
   * The first page of the local-user list: one call that tells how long the whole list is. When it is the
   * whole list (the common case: local users are few), it is kept as the list too.
   */
  localUsersFirstPage(): Promise<LocalUserPage> {
    return this.through('local-users:first-page', async () => {
      const page = await this.client.localUsers({ offset: 0, limit: PAGE_SIZE });
      const byId = byLowerId(page.items);
      if (page.items.length >= page.count) this.cache.set('local-users', byId, REFERENCE);
      return { page, byId, pages: page.items.length === 0 ? 1 : Math.ceil(page.count / page.items.length) };
    }, REFERENCE);
  }

  /** Every local user, keyed by lower-case id; continues from the cached first page. */
  localUsers(): Promise<Map<string, V41LocalUser>> {
    return this.through('local-users', () => this.loadLocalUsers(), REFERENCE);
  }

  private async loadLocalUsers(): Promise<Map<string, V41LocalUser>> {
    const first = await this.localUsersFirstPage();
    return byLowerId((await this.client.allLocalUsers(first.page)).items);
  }

  peekLocalUsers(): Promise<Map<string, V41LocalUser> | undefined> {
    return this.cache.peek('local-users', this.detached(() => this.loadLocalUsers()), REFERENCE);
  }

  async localUser(id: string): Promise<V41LocalUser | null> {
    const boxed = await this.through<Boxed<V41LocalUser | null>>(`local-user:${id}`, async () => ({
      value: await this.client.getLocalUser(id),
    }));
    return boxed.value;
  }

  async userRoles(userId: string): Promise<V41RoleAssignment[] | null> {
    const boxed = await this.through<Boxed<V41RoleAssignment[] | null>>(`user-roles:${userId}`, async () => ({
      value: await this.client.getUserRoles(userId),
    }));
    return boxed.value;
  }

  async peekUserRoles(userId: string): Promise<V41RoleAssignment[] | null | undefined> {
    const refresh = this.detached(async () => ({ value: await this.client.getUserRoles(userId) }));
    return (await this.cache.peek<Boxed<V41RoleAssignment[] | null>>(`user-roles:${userId}`, refresh))?.value;
  }

  /** A user's roles as `GET /users/{id}` returned them: as good as a roles call, so keep them. */
  rememberUserRoles(userId: string, roles: V41RoleAssignment[]): void {
    this.cache.set<Boxed<V41RoleAssignment[]>>(`user-roles:${userId}`, { value: roles });
  }

  /** Directory-wide facts computed from every user (companies, groups); `compute` runs once per TTL. */
  directoryFacets<T>(compute: () => Promise<T>): Promise<T> {
    return this.through('directory-facets', compute);
  }

  peekMembershipIndex(): Promise<RoleMembershipIndex | undefined> {
    return this.cache.peek('role-membership', this.detached(async () => this.buildMembershipIndex(await this.roles())), REFERENCE);
  }

  /**
   * Who holds which role, for everyone: `GET /roles/{id}/members` for every role. Members carry their own
   * `roles[]`, so one sighting of a user gives all of that user's assignments with grant details.
   */
  membershipIndex(roles: V41Role[]): Promise<RoleMembershipIndex> {
    return this.through('role-membership', () => this.buildMembershipIndex(roles), REFERENCE);
  }

  /** Built again from PrivX now and kept for the requests too: the change poller's full scan. */
  async reloadMembershipIndex(): Promise<RoleMembershipIndex> {
    const index = await this.buildMembershipIndex(await this.roles());
    this.cache.set('role-membership', index, REFERENCE);
    return index;
  }

  /** What the cache holds that a change of these users makes stale (docs/changes.md, freshness). */
  static keysOfUsers(userIds: readonly string[], listsToo: boolean): string[] {
    const perUser = userIds.flatMap((id) => [`user-roles:${id}`, `local-user:${id}`, `local-user:${id.toLowerCase()}`]);
    return listsToo ? [...new Set([...perUser, 'role-membership', 'local-users', 'local-users:first-page', 'directory-facets'])] : [...new Set(perUser)];
  }

  private async buildMembershipIndex(roles: V41Role[]): Promise<RoleMembershipIndex> {
    const index = new RoleMembershipIndex();
    const memberLists = await pMap(roles, (role) => this.client.allRoleMembers(role.id), { concurrency: MEMBER_PAGE_CONCURRENCY });
    memberLists.forEach((members, i) => {
      const role = roles[i] as V41Role;
      for (const member of members.items) {
        index.members.set(member.id, member);
        if (member.roles?.some((a) => a.id === role.id)) {
          index.set(member.id, member.roles);
        } else if (!index.has(member.id) || !index.get(member.id)?.some((a) => a.id === role.id)) {
          // A member payload without its roles[]: fall back to what the role itself says.
          index.set(member.id, [...(index.get(member.id) ?? []), { id: role.id, name: role.name, system: role.system, permissions: role.permissions }]);
        }
      }
    });
    return index;
  }
}

/** Pages `GET /roles/{id}/members` needs for every role: the inversion strategy's cost. */
export function membershipPages(roles: readonly Pick<V41Role, 'member_count'>[]): number {
  return roles.reduce((pages, role) => pages + Math.max(1, Math.ceil((role.member_count ?? 1) / PAGE_SIZE)), 0);
}
