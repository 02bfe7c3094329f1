import { UserChangesDocument } from '../generated/graphql';
import { redisBinary, startRedis, type RunningRedis } from '../../tools/redis-server';
import { startSubgraphOver, type SubgraphStack } from '../helpers/subgraph-over';
import { SIMULATOR_CREDENTIALS, startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { waitUntil } from '../helpers/wait-until';

const describeWithRedis = redisBinary() ? describe : describe.skip;
if (!redisBinary()) {
  if (process.env.CI === 'true') throw new Error('The change feed Redis tests need redis-server (apt-get install -y redis-server)');
  console.warn('Skipping the change feed Redis tests: redis-server is not installed (apt-get install -y redis-server).');
}

/**
 * The feed shared by replicas through a real Redis (docs/changes.md): one replica polls under the lease, every
 * replica answers the same cursors and evicts its own cached copies, and a restart resumes from the stored
 * state with no gap and no duplicate.
 */
describeWithRedis('change feed in Redis', () => {
  let redis: RunningRedis;
  let simulator: RunningSimulator;
  let clock = Date.parse('2026-12-01T12:00:00.000Z');
  const now = () => clock;
  const replicas: SubgraphStack[] = [];

  const replica = async () => {
    const stack = await startSubgraphOver(
      { baseUrl: simulator.url, ...SIMULATOR_CREDENTIALS },
      {
        cacheTtlSeconds: 3_600,
        sharedCache: { url: redis.url, staleSeconds: 60, lockMs: 2_000, timeoutMs: 1_000, keyPrefix: 'changes-test' },
        changes: { pollSeconds: 10, fullScanSeconds: 600, retentionHours: 24, manualPolls: true, now },
      },
    );
    replicas.push(stack);
    return stack;
  };
  const closeReplica = async (stack: SubgraphStack) => {
    replicas.splice(replicas.indexOf(stack), 1);
    await stack.close();
    await stack.upstream.cache.close();
  };
  const changesAfter = async (stack: SubgraphStack, after: string | null) => {
    const { data, errors } = await stack.query(UserChangesDocument, { after, first: 100 });
    expect(errors).toBeUndefined();
    return data!.userChanges;
  };
  const eventually = async (check: () => Promise<boolean>) => {
    await waitUntil(check, 'the condition holds');
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    redis = await startRedis();
    simulator = await startSimulator({ port: 0, now, tokenTtlSeconds: 100_000_000 });
  });
  afterAll(async () => {
    for (const stack of [...replicas]) await closeReplica(stack);
    await simulator?.close();
    await redis?.close();
  });

  it('one replica polls, every replica answers the same cursors and reads fresh, and a restart loses and repeats nothing', async () => {
    const a = await replica();
    const b = await replica();
    expect(await a.subgraph.changes!.pollNow()).toMatchObject({ outcome: 'first' });
    expect(await b.subgraph.changes!.pollNow()).toMatchObject({ outcome: 'not-leader', upstreamCalls: 0 });
    const start = await b.subgraph.changes!.newestCursor();
    expect(await a.subgraph.changes!.newestCursor()).toBe(start);

    // B caches a user's roles (TTL an hour); the user's roles change upstream; A's poll evicts them everywhere.
    const [x, y] = simulator.data.users.filter((u) => u.source_type !== 'LOCAL' && u.roles.length > 1).slice(0, 2);
    const rolesOnB = async () => {
      const { data } = await b.query<{ usersByIds: { roles: { id: string }[] }[] }, unknown>(`query($ids: [ID!]!) { usersByIds(ids: $ids) { roles { id } } }`, {
        ids: [x!.id, y!.id],
      });
      return data!.usersByIds[0]!.roles.map((r) => r.id);
    };
    const before = x!.roles.map((r) => r.id);
    expect(await rolesOnB()).toEqual(before);
    clock += 1_000;
    simulator.changes.setRoles(x!.id, x!.roles.slice(1));
    expect(await rolesOnB()).toEqual(before);
    // B pushes to its own subscriber what A found.
    const subscriber = await b.subgraph.changes!.subscribe({ kinds: new Set(['ROLES_CHANGED']) });
    clock += 9_000;
    expect((await a.subgraph.changes!.pollNow())!.byKind).toEqual({ UPDATED: 1, ROLES_CHANGED: 1 });
    await eventually(async () => (await rolesOnB()).length === before.length - 1);
    expect((await subscriber.next()).value).toMatchObject({ kind: 'ROLES_CHANGED', userId: x!.id, roleId: before[0] });
    await subscriber.return();

    const onA = await changesAfter(a, start);
    const onB = await changesAfter(b, start);
    expect(onB).toEqual(onA);
    expect(onA.nodes.map((n) => [n.kind, n.userId])).toEqual([
      ['UPDATED', x!.id],
      ['ROLES_CHANGED', x!.id],
    ]);
    const cursor = onA.pageInfo.endCursor!;

    // A stops; PrivX changes meanwhile; a new A takes the lease and finds exactly those changes.
    await closeReplica(a);
    const gone = simulator.data.users.filter((u) => u.source_type !== 'LOCAL')[20]!;
    const updated = simulator.data.users.filter((u) => u.source_type !== 'LOCAL')[21]!;
    clock += 1_000;
    simulator.changes.updateUser(updated.id, { job_title: 'While down' });
    simulator.changes.deleteUser(gone.id);
    clock += 60_000;
    const restarted = await replica();
    expect(await restarted.subgraph.changes!.pollNow()).toMatchObject({ outcome: 'changes', byKind: { UPDATED: 1, DELETED: 1 } });
    const resumed = await changesAfter(restarted, cursor);
    expect(resumed.nodes.map((n) => [n.kind, n.userId])).toEqual([
      ['UPDATED', updated.id],
      ['DELETED', gone.id],
    ]);
    expect(await changesAfter(b, cursor)).toEqual(resumed);
    // Nothing more on the next poll: no duplicate of what was found after the restart.
    clock += 10_000;
    expect(await restarted.subgraph.changes!.pollNow()).toMatchObject({ outcome: 'quiet', upstreamCalls: 1 });
    expect((await changesAfter(restarted, resumed.pageInfo.endCursor!)).nodes).toEqual([]);
  });
});
