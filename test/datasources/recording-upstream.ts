import type { IdentityUpstream, PageRequest, UserSearch, UserSort } from '../../datasources/upstream';
import type { V41List, V41LocalUser, V41Role, V41RoleStoreUser, V41Source } from '../../datasources/v41/models';

/** One upstream call as a loader made it: the method and its arguments. */
export type Call = [method: keyof IdentityUpstream, ...args: unknown[]];

export interface RecordingData {
  users: V41RoleStoreUser[];
  roles: V41Role[];
  sources: V41Source[];
  localUsers: V41LocalUser[];
}

/**
 * An in-memory `IdentityUpstream` that records every call, so that loader tests assert the exact batches a
 * loader sends (as dataloader's own tests do with their `idLoader`), not only its answers.
 */
export class RecordingUpstream implements IdentityUpstream {
  readonly calls: Call[] = [];

  constructor(private readonly data: RecordingData) {}

  private record<T>(call: Call, value: T): Promise<T> {
    this.calls.push(call);
    return Promise.resolve(value);
  }

  private list<T>(items: T[], page?: PageRequest): V41List<T> {
    return { count: items.length, items: page ? items.slice(page.offset, page.offset + page.limit) : items };
  }

  private membersOf(roleId: string): V41RoleStoreUser[] {
    return this.data.users.filter((user) => user.roles?.some((assignment) => assignment.id === roleId));
  }

  searchUsers(search: UserSearch, page: PageRequest, sort?: UserSort) {
    const found = this.data.users.filter((u) => (!search.source || u.source === search.source) && (!search.user_id || search.user_id.includes(u.id)));
    return this.record(['searchUsers', search, page, sort], this.list(found.map((u) => ({ ...u, roles: null })), page));
  }
  searchAllUsers(search: UserSearch, sort?: UserSort) {
    return this.record(['searchAllUsers', search, sort], this.list(this.data.users.map((u) => ({ ...u, roles: null }))));
  }
  usersByIds(ids: readonly string[]) {
    return this.record(['usersByIds', [...ids]], this.data.users.filter((u) => ids.includes(u.id)).map((u) => ({ ...u, roles: null })));
  }
  getUser(id: string) {
    return this.record(['getUser', id], this.data.users.find((u) => u.id === id) ?? null);
  }
  getUserRoles(id: string) {
    return this.record(['getUserRoles', id], this.data.users.find((u) => u.id === id)?.roles ?? null);
  }
  listRoles() {
    return this.record(['listRoles'], this.data.roles);
  }
  getRole(id: string) {
    return this.record(['getRole', id], this.data.roles.find((r) => r.id === id) ?? null);
  }
  roleMembers(roleId: string, page: PageRequest, sort?: UserSort) {
    return this.record(['roleMembers', roleId, page, sort], this.list(this.membersOf(roleId), page));
  }
  allRoleMembers(roleId: string, sort?: UserSort) {
    return this.record(['allRoleMembers', roleId, sort], this.list(this.membersOf(roleId)));
  }
  listSources() {
    return this.record(['listSources'], this.data.sources);
  }
  getSource(id: string) {
    return this.record(['getSource', id], this.data.sources.find((s) => s.id === id) ?? null);
  }
  localUsers(page: PageRequest) {
    return this.record(['localUsers', page], this.list(this.data.localUsers, page));
  }
  allLocalUsers() {
    return this.record(['allLocalUsers'], this.list(this.data.localUsers));
  }
  getLocalUser(id: string) {
    return this.record(['getLocalUser', id], this.data.localUsers.find((u) => u.id === id) ?? null);
  }
}
