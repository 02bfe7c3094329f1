import type { DemoData, RawLocalUser, RawRole, RawRoleAssignment, RawRoleStoreUser, RawSource } from './demo-types';

export const USER_SORT_KEYS = ['created', 'updated', 'name', 'principal', 'email', 'source', 'full_name'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];
export const ROLE_SORT_KEYS = ['created', 'updated', 'name'] as const;
export type RoleSortKey = (typeof ROLE_SORT_KEYS)[number];

export interface UserQuery {
  keywords?: string;
  source?: string;
  userIds?: readonly string[];
}

/** The value a user sorts by. A user's "name" is its principal, the one name every user has. */
function userSortValue(user: RawRoleStoreUser, key: UserSortKey): string {
  switch (key) {
    case 'created':
      return user.created;
    case 'updated':
      return user.updated;
    case 'name':
    case 'principal':
      return user.principal.toLowerCase();
    case 'email':
      return user.email?.toLowerCase() ?? '';
    case 'source':
      return user.source;
    case 'full_name':
      return user.full_name?.toLowerCase() ?? '';
  }
}

function roleSortValue(role: RawRole, key: RoleSortKey): string {
  return key === 'name' ? role.name.toLowerCase() : role[key];
}

/** Ascending by value, ties broken by id: a total order, so paging never skips or repeats a record. */
function sortBy<T extends { id: string }>(items: readonly T[], value: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, value: value(item) }));
  keyed.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return keyed.map((entry) => entry.item);
}

/** The keyword-searched fields, lower-cased; a separator no keyword contains keeps a word within one field. */
function haystackOf(user: RawRoleStoreUser): string {
  return [
    user.principal,
    user.full_name,
    user.first_name ?? user.given_name,
    user.last_name,
    user.email,
    user.company,
    user.department,
    user.job_title,
  ]
    .filter((field): field is string => typeof field === 'string')
    .join('\n')
    .toLowerCase();
}

/**
 * The demo data, indexed for what a 100,000-user data set is asked: by id, members by role, local users by id
 * and username. Sorted orders are computed on first use and cached, so a request costs O(page), except keyword
 * and directory searches, which scan.
 */
export class SimulatorStore {
  /** Position of each directory user in `data.users` (the default order). */
  private readonly indexById = new Map<string, number>();
  readonly rolesById: Map<string, RawRole>;
  readonly rolesByName: Map<string, RawRole>;
  readonly sourcesById: Map<string, RawSource>;
  readonly localById: Map<string, RawLocalUser>;
  readonly localByUsername: Map<string, RawLocalUser>;
  private readonly membersByRole = new Map<string, RawRoleStoreUser[]>();
  private readonly sortedCache = new Map<string, readonly { id: string }[]>();
  private haystacks: Map<RawRoleStoreUser, string> | undefined;

  constructor(readonly data: DemoData) {
    data.users.forEach((user, index) => {
      this.indexById.set(user.id, index);
      for (const role of user.roles) {
        const members = this.membersByRole.get(role.id);
        if (members) members.push(user);
        else this.membersByRole.set(role.id, [user]);
      }
    });
    this.rolesById = new Map(data.roles.map((role) => [role.id, role]));
    this.rolesByName = new Map(data.roles.map((role) => [role.name, role]));
    this.sourcesById = new Map(data.sources.map((source) => [source.id, source]));
    this.localById = new Map(data.localUsers.map((user) => [user.id, user]));
    this.localByUsername = new Map(data.localUsers.map((user) => [user.username, user]));
  }

  /** A directory user, or the token owner: it answers `GET /users/{id}` like any user, though no list shows it. */
  userById(id: string): RawRoleStoreUser | undefined {
    const index = this.indexById.get(id);
    if (index !== undefined) return this.data.users[index];
    return id === this.data.apiClientUser.id ? this.data.apiClientUser : undefined;
  }

  /**
   * `PUT /users/{id}/roles`: `explicit` replaces the user's explicit grants; directory-mapped roles stay (a
   * role both mapped and granted is one entry, explicit and implicit). Every read reflects it at once: the
   * user's roles and `updated`, the roles' member lists and counts.
   */
  replaceExplicitRoles(user: RawRoleStoreUser, explicit: readonly RawRoleAssignment[], at: string, by: string): void {
    const mapped = user.roles.filter((role) => !role.explicit || role.implicit);
    const granted = new Map(explicit.map((role) => [role.id, role]));
    const roles: RawRoleAssignment[] = mapped.map((role) => {
      const grant = granted.get(role.id);
      if (!grant) return role.explicit ? { ...role, explicit: false } : role;
      granted.delete(role.id);
      return { ...grant, implicit: true };
    });
    roles.push(...granted.values());
    const before = new Set(user.roles.map((role) => role.id));
    const after = new Set(roles.map((role) => role.id));
    for (const id of before) if (!after.has(id)) this.membersByRole.set(id, (this.membersByRole.get(id) ?? []).filter((member) => member !== user));
    for (const id of after) if (!before.has(id)) this.membersByRole.set(id, [...(this.membersByRole.get(id) ?? []), user]);
    user.roles = roles;
    user.updated = at;
    user.updated_by = by;
    for (const role of this.data.roles) {
      const members = this.membersByRole.get(role.id) ?? [];
      role.member_count = members.length;
      role.explicit_count = members.filter((member) => member.roles.some((held) => held.id === role.id && held.explicit)).length;
    }
    // Sorted member lists and the `updated` order changed; they are recomputed on next use.
    this.sortedCache.clear();
    this.haystacks = undefined;
  }

  /** Every directory user, in `key` order (ascending), or the default order. */
  users(key: UserSortKey | undefined): readonly RawRoleStoreUser[] {
    return key ? this.cached(`users:${key}`, () => sortBy(this.data.users, (user) => userSortValue(user, key))) : this.data.users;
  }

  members(roleId: string, key: UserSortKey | undefined): readonly RawRoleStoreUser[] {
    const members = this.membersByRole.get(roleId) ?? [];
    return key ? this.cached(`members:${roleId}:${key}`, () => sortBy(members, (user) => userSortValue(user, key))) : members;
  }

  roles(key: RoleSortKey | undefined): readonly RawRole[] {
    return key ? this.cached(`roles:${key}`, () => sortBy(this.data.roles, (role) => roleSortValue(role, key))) : this.data.roles;
  }

  /** The users matching every given filter, in `key` order (ascending). */
  searchUsers(query: UserQuery, key: UserSortKey | undefined): readonly RawRoleStoreUser[] {
    const words = query.keywords?.toLowerCase().split(/\s+/).filter((word) => word !== '') ?? [];
    const matches = (user: RawRoleStoreUser): boolean =>
      (query.source === undefined || user.source === query.source) &&
      (words.length === 0 || this.matchesKeywords(user, words));

    if (query.userIds !== undefined && query.userIds.length > 0) {
      // An id batch is small: fetch by id and sort the few found, rather than scan everyone.
      const indexes = new Set<number>();
      for (const id of query.userIds) {
        const index = this.indexById.get(id);
        if (index !== undefined) indexes.add(index);
      }
      const batch = [...indexes]
        .sort((a, b) => a - b)
        .map((index) => this.data.users[index] as RawRoleStoreUser)
        .filter(matches);
      return key ? sortBy(batch, (user) => userSortValue(user, key)) : batch;
    }
    const all = this.users(key);
    return words.length === 0 && query.source === undefined ? all : all.filter(matches);
  }

  private matchesKeywords(user: RawRoleStoreUser, words: readonly string[]): boolean {
    if (!this.haystacks) this.haystacks = new Map(this.data.users.map((u) => [u, haystackOf(u)]));
    const haystack = this.haystacks.get(user) ?? haystackOf(user);
    return words.every((word) => haystack.includes(word));
  }

  private cached<T extends { id: string }>(key: string, compute: () => readonly T[]): readonly T[] {
    let sorted = this.sortedCache.get(key) as readonly T[] | undefined;
    if (!sorted) {
      sorted = compute();
      this.sortedCache.set(key, sorted);
    }
    return sorted;
  }
}
