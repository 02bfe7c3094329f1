import { createSharedCache } from '../../datasources/cache';
import { createLoaders, loadConnection, type LoaderFactory } from '../../datasources/loaders';
import { naiveLoaders } from '../../bench/naive/loaders';
import { UpstreamCatalog } from '../../datasources/upstream-catalog';
import type { V41RoleStoreUser } from '../../datasources/v41/models';
import { localUser, role, roleAssignment, rsUser, source } from '../mapping/factories';
import { RecordingUpstream, type Call } from './recording-upstream';

/** The batches each loader sends, asserted call by call on a recording upstream. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ROLES = [role({ id: id(901), name: 'admins', member_count: 2 }), role({ id: id(902), name: 'users', member_count: 3 })];
const SOURCES = [source({ id: id(801) }), source({ id: id(802) })];
/** Five users; users 1 and 2 hold both roles, 3 only `users`; 4 and 5 none. */
const USERS: V41RoleStoreUser[] = [1, 2, 3, 4, 5].map((n) =>
  rsUser({
    id: id(n),
    source: id(801),
    roles: n <= 2 ? [roleAssignment({ id: id(901) }), roleAssignment({ id: id(902) })] : n === 3 ? [roleAssignment({ id: id(902) })] : [],
  }),
);

function setUp(loaders: LoaderFactory = createLoaders, ttlSeconds = 30) {
  const upstream = new RecordingUpstream({ users: USERS, roles: ROLES, sources: SOURCES, localUsers: [localUser({ id: id(1) })] });
  const catalog = new UpstreamCatalog(upstream, createSharedCache({ ttlSeconds, maxRecords: 1_000 }));
  return { upstream, loaders: loaders({ client: upstream, catalog }) };
}

const methods = (calls: Call[]) => calls.map(([method]) => method);

describe('userById', () => {
  it('sends the ids of one tick as one search, answering in the order asked with null for the unknown', async () => {
    const { upstream, loaders } = setUp();
    const users = await Promise.all([id(3), id(1), id(999)].map((key) => loaders.userById.load(key)));
    expect(users.map((u) => u?.id ?? null)).toEqual([id(3), id(1), null]);
    expect(upstream.calls).toEqual([['usersByIds', [id(3), id(1), id(999)]]]);
  });

  it('reads a lone id with GET /users/{id}, whose roles then spare the roles call', async () => {
    const { upstream, loaders } = setUp();
    await loaders.userById.load(id(1));
    expect((await loaders.rolesOfUser.load(id(1)))?.map((a) => a.id)).toEqual([id(901), id(902)]);
    expect(upstream.calls).toEqual([['getUser', id(1)]]);
  });
});

describe('rolesOfUser', () => {
  it('asks per user while the users are no more than the member pages (here 2)', async () => {
    const { upstream, loaders } = setUp();
    const lists = await Promise.all([id(1), id(3)].map((key) => loaders.rolesOfUser.load(key)));
    expect(lists.map((l) => l?.map((a) => a.id))).toEqual([[id(901), id(902)], [id(902)]]);
    expect(upstream.calls).toEqual([['listRoles'], ['getUserRoles', id(1)], ['getUserRoles', id(3)]]);
  });

  it('inverts through every role\'s members when the batch is larger, and answers later batches from that index', async () => {
    const { upstream, loaders } = setUp();
    const lists = await Promise.all([id(1), id(2), id(3), id(4)].map((key) => loaders.rolesOfUser.load(key)));
    expect(lists.map((l) => l?.length)).toEqual([2, 2, 1, 0]);
    expect(methods(upstream.calls)).toEqual(['listRoles', 'allRoleMembers', 'allRoleMembers']);
    expect(upstream.calls.slice(1).map(([, roleId]) => roleId)).toEqual([id(901), id(902)]);
    expect(await loaders.rolesOfUser.load(id(5))).toEqual([]);
    expect(upstream.calls).toHaveLength(3);
  });
});

describe('roleById and sourceById', () => {
  it('answer any number of ids from one list call each', async () => {
    const { upstream, loaders } = setUp();
    const [roles, sources] = await Promise.all([
      loaders.roleById.loadMany([id(902), id(901), id(900)]),
      loaders.sourceById.loadMany([id(802), id(801)]),
    ]);
    expect(roles.map((r) => (r && !(r instanceof Error) ? r.name : r))).toEqual(['users', 'admins', null]);
    expect(sources.map((s) => (s && !(s instanceof Error) ? s.id : s))).toEqual([id(802), id(801)]);
    expect(methods(upstream.calls).sort()).toEqual(['listRoles', 'listSources']);
  });
});

describe('naive mode (the benchmark\'s loaders, bench/naive)', () => {
  it('makes one single-record call per key and remembers nothing', async () => {
    const { upstream, loaders } = setUp(naiveLoaders, 0);
    await Promise.all([loaders.roleById.load(id(901)), loaders.roleById.load(id(902)), loaders.sourceById.load(id(801))]);
    await loaders.roleById.load(id(901));
    expect(upstream.calls).toEqual([
      ['getRole', id(901)],
      ['getRole', id(902)],
      ['getSource', id(801)],
      ['getRole', id(901)],
    ]);
  });
});

describe('connections', () => {
  const page = (upstream: RecordingUpstream, source: string) => () => upstream.searchUsers({ source }, { offset: 0, limit: 1 });

  it('reads each key once per request, at the same time or later; other keys read on their own', async () => {
    const { upstream, loaders } = setUp();
    const keys = [id(801), id(802), id(801), id(801), id(802)];
    const pages = await Promise.all(keys.map((source) => loadConnection(loaders.connections, `workspace:${source}|first:1`, page(upstream, source))));
    expect(pages[0]).toBe(pages[2]);
    expect(pages.map((p) => p.count)).toEqual([5, 0, 5, 5, 0]);
    await loadConnection(loaders.connections, `workspace:${id(801)}|first:1`, page(upstream, id(801)));
    expect(upstream.calls).toEqual([
      ['searchUsers', { source: id(801) }, { offset: 0, limit: 1 }, undefined],
      ['searchUsers', { source: id(802) }, { offset: 0, limit: 1 }, undefined],
    ]);
  });

  it('fails only the key whose read failed', async () => {
    const { upstream, loaders } = setUp();
    const failed = loadConnection(loaders.connections, 'bad', () => Promise.reject(new Error('PrivX said no')));
    const good = loadConnection(loaders.connections, 'good', page(upstream, id(801)));
    await expect(failed).rejects.toThrow('PrivX said no');
    await expect(good).resolves.toMatchObject({ count: 5 });
  });

  it('in naive mode reads every row on its own (the unbatched approach priced honestly)', async () => {
    const { upstream, loaders } = setUp(naiveLoaders, 0);
    await Promise.all([1, 2, 3].map(() => loadConnection(loaders.connections, 'same', page(upstream, id(801)))));
    expect(methods(upstream.calls)).toEqual(['searchUsers', 'searchUsers', 'searchUsers']);
  });
});
