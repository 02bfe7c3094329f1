import { buildDirectories, directoryList } from './demo-directories';
import { buildRoleCatalog, countRoleMembers } from './demo-roles';
import type { DemoData, DemoDataOptions, RawLocalUser, RawRoleStoreUser } from './demo-types';
import { DemoUserFactory } from './demo-users';
import { lifetime } from './demo-values';
import { Random } from './random';

export type * from './demo-types';
export { SHOWCASE } from './demo-user-traits';

export const DEFAULT_DEMO_USERS = 500;
export const DEFAULT_DEMO_SEED = 41;
/** The principal of the API client the simulator's tokens belong to, unless the caller names another. */
export const DEFAULT_API_CLIENT_NAME = 'simulator-api-client';

/**
 * A deterministic PrivX v41 data set: directories, roles, role-store users with their role assignments, and
 * the local-user-store twins of LOCAL users. One seeded stream, drawn in a fixed order (directories, roles, then
 * users one by one), so a seed always yields the same records and the first N users are the same whatever the
 * total: user 3 of a 500-user set is user 3 of a 100,000-user set.
 */
export function generateDemoData(options: DemoDataOptions & { apiClientName?: string }): DemoData {
  const { users: userCount, seed } = options;
  if (!Number.isInteger(userCount) || userCount < 0) throw new RangeError(`users must be a non-negative integer, got ${userCount}`);
  const rng = new Random(seed);

  // A few administrators author and edit everything, as in a real deployment.
  const authors = [rng.uuid(), rng.uuid(), rng.uuid(), rng.uuid()];
  const apiClientUser = buildApiClientUser(rng, options.apiClientName ?? DEFAULT_API_CLIENT_NAME, authors);
  const directories = buildDirectories(rng, authors);
  const catalog = buildRoleCatalog(rng, directories.ad.id, authors, options.grantsAround ?? startOfUtcDay(Date.now()));
  const factory = new DemoUserFactory(rng, directories, catalog, authors);

  const users: RawRoleStoreUser[] = new Array<RawRoleStoreUser>(userCount);
  const localUsers: RawLocalUser[] = [];
  for (let index = 0; index < userCount; index += 1) {
    const { user, local } = factory.build(index);
    users[index] = user;
    if (local) localUsers.push(local);
  }
  countRoleMembers(catalog.roles, users);

  return { seed, sources: directoryList(directories), directories, roles: catalog.roles, users, localUsers, apiClientUser };
}

function startOfUtcDay(ms: number): number {
  return ms - (ms % 86_400_000);
}

function buildApiClientUser(rng: Random, principal: string, authors: readonly string[]): RawRoleStoreUser {
  const id = rng.uuid();
  const { created, updated } = lifetime(rng);
  return {
    id,
    source_user_id: id,
    created,
    updated,
    updated_by: rng.pick(authors),
    author: rng.pick(authors),
    comment: 'API client of the identity subgraph',
    tags: ['api-client'],
    principal,
    full_name: 'Identity subgraph (API client)',
    source: rng.uuid(),
    source_type: 'API-CLIENT',
    // Scopes come as permissions, not as role memberships, so role member lists stay "directory users only".
    roles: [],
    attributes: [],
    permissions: ['roles-view', 'sources-view', 'users-view'],
    mfa: { status: 'UNINITIALIZED' },
  };
}
