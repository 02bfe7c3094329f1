import { RedisCache } from '../../datasources/cache';
import { SIMULATOR_CREDENTIALS, startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { startSubgraph, type RunningSubgraph } from '../../src/server';
import { createUpstream } from '../../src/upstream';
import { redisBinary, startRedis, type RunningRedis } from '../helpers/redis-server';
import { dataOf, GRANT, puts, ROLES_OF, rolesNotHeld, userWithMixedGrants, userWithoutRoles, type GrantData, type RolesOfData } from '../writes/grant-fixtures';

if (!redisBinary()) {
  const reason = 'redis-server not installed (apt-get install -y redis-server; .ci/run installs it)';
  if (process.env.CI === 'true') throw new Error(`The writes-across-replicas suite needs ${reason}`);
  console.warn(`Skipping the writes-across-replicas suite: ${reason}.`);
}
const describeReplicas = redisBinary() ? describe : describe.skip;
jest.setTimeout(60_000);

/**
 * Writes through two replicas sharing one real Redis (docs/writes.md): the per-user lock and idempotency keys
 * hold across replicas, and a write through one replica is read by the other at once, its cache TTL (300 s)
 * notwithstanding.
 */
describeReplicas('writes through two replicas sharing one Redis', () => {
  let simulator: RunningSimulator;
  let redis: RunningRedis;
  const replicas: { subgraph: RunningSubgraph; cache: RedisCache }[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    redis = await startRedis();
    for (let i = 0; i < 2; i += 1) {
      const upstream = createUpstream(
        { baseUrl: simulator.url, ...SIMULATOR_CREDENTIALS, timeoutMs: 5_000 },
        {
          cacheTtlSeconds: 300,
          cacheMaxEntries: 100_000,
          dataloadersEnabled: true,
          sharedCache: { url: redis.url, staleSeconds: 60, lockMs: 5_000, timeoutMs: 500, keyPrefix: 'writes-across-replicas' },
        },
        { warn: () => undefined },
      );
      const cache = upstream.cache as RedisCache;
      if (!(await cache.whenReady(5_000))) throw new Error('replica could not reach Redis');
      replicas.push({ subgraph: await startSubgraph({ upstream, port: 0, host: '127.0.0.1', production: false }), cache });
    }
  });
  afterAll(async () => {
    for (const { subgraph, cache } of replicas) {
      await subgraph.close();
      await cache.close();
    }
    await redis?.close();
    await simulator?.close();
  });
  beforeEach(() => {
    simulator.stats.reset();
    simulator.clearFaults();
  });

  const on = (replica: number) => replicas[replica]!.subgraph.graphqlUrl;
  const grant = (replica: number, input: Record<string, unknown>) => postGraphQL<GrantData, { input: Record<string, unknown> }>(on(replica), GRANT, { input });
  const rolesOf = async (replica: number, id: string) => dataOf(await postGraphQL<RolesOfData, { id: string }>(on(replica), ROLES_OF, { id })).user.roleAssignments.map((a) => a.role.id);

  it('10 concurrent grants of 10 roles to one user, alternating replicas, leave all 10', async () => {
    const user = userWithoutRoles(simulator, 30);
    const roles = rolesNotHeld(simulator, user).slice(0, 10);
    const answers = await Promise.all(roles.map((roleId, i) => grant(i % 2, { userId: user.id, roleId, grantType: 'PERMANENT' })));
    for (const answer of answers) expect(dataOf(answer).grantRole.userErrors).toEqual([]);
    expect(simulator.data.users.find((u) => u.id === user.id)!.roles.map((r) => r.id).sort()).toEqual([...roles].sort());
    expect((await rolesOf(0, user.id)).sort()).toEqual([...roles].sort());
    expect((await rolesOf(1, user.id)).sort()).toEqual([...roles].sort());
  });

  it('a write through one replica is read by the other at once, though its cache TTL has not passed', async () => {
    const user = userWithMixedGrants(simulator, 5);
    const roleId = rolesNotHeld(simulator, user)[0]!;
    const count = `query Count($id: ID!) { role(id: $id) { memberCount } }`;
    const memberCount = async (replica: number) => dataOf(await postGraphQL<{ role: { memberCount: number } }, { id: string }>(on(replica), count, { id: roleId })).role.memberCount;
    // Both replicas hold the user's roles and the role list in their in-process tier.
    expect(await rolesOf(1, user.id)).not.toContain(roleId);
    expect(await rolesOf(0, user.id)).not.toContain(roleId);
    const before = await memberCount(1);

    dataOf(await grant(0, { userId: user.id, roleId, grantType: 'PERMANENT' }));

    expect(await rolesOf(1, user.id)).toContain(roleId);
    expect(await memberCount(1)).toBe(before + 1);
  });

  it('the same idempotency key through both replicas makes one PUT, also when both arrive at once', async () => {
    const user = userWithoutRoles(simulator, 31);
    const [first, second] = rolesNotHeld(simulator, user);
    const input = { userId: user.id, roleId: first, grantType: 'FLOATING', floatingHours: 8, idempotencyKey: 'change-2041' };
    const a = dataOf(await grant(0, input));
    const b = dataOf(await grant(1, input));
    expect(b).toEqual(a);
    expect(puts(simulator)).toBe(1);

    simulator.injectFault({ method: 'PUT', route: '/role-store/api/v1/users/:id/roles', delayMs: 300, times: 1 });
    const together = { ...input, roleId: second, idempotencyKey: 'change-2042' };
    const [c, d] = await Promise.all([grant(0, together), grant(1, together)]);
    expect(dataOf(c)).toEqual(dataOf(d));
    expect(dataOf(c).grantRole.assignment?.floatingHours).toBe(8);
    expect(puts(simulator)).toBe(2);
  });
});
