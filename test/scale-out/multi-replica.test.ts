import { startSimulator, type RunningSimulator } from '../../datasources/simulator/server';
import { postGraphQL } from '../../examples/supergraph/graphql-http';
import { nginxBinary } from '../helpers/nginx';
import { redisBinary, startRedis, type RunningRedis } from '../../tools/redis-server';
import { startStack, type Stack } from '../helpers/stack';
import { startCluster, type Cluster } from './cluster';
import { GATEWAY_QUERY, mixedOperations, run, type Answer, type Operation } from './traffic';

const absent = [redisBinary() ? undefined : 'redis-server', nginxBinary() ? undefined : 'nginx'].filter(Boolean);
if (absent.length > 0) {
  const reason = `${absent.join(' and ')} not installed (apt-get install -y redis-server nginx; .ci/run installs them)`;
  // CI (.ci/run sets CI=true) must run it: a skip there would hide a broken install.
  if (process.env.CI === 'true') throw new Error(`The multi-replica suite needs ${reason}`);
  console.warn(`Skipping the multi-replica suite: ${reason}.`);
}
const describeCluster = absent.length === 0 ? describe : describe.skip;
// Real daemons and several servers per test: generous on a loaded CI machine; nothing here asserts on time.
jest.setTimeout(60_000);

/**
 * The production shape on loopback: one PrivX (the simulator), one Redis, two identity replicas behind nginx,
 * the gateway in front. Replicas share the clock the tests move, so expiry needs no sleeping.
 */
describeCluster('two replicas behind nginx and the gateway, sharing one Redis', () => {
  let simulator: RunningSimulator;
  let redis: RunningRedis;
  let reference: Stack;
  let operations: Operation[];
  let expected: Answer[];
  /** What one replica's cache loads from nothing: the cost of refreshing everything the traffic reads, once. */
  let oneRefresh: Record<string, number>;
  let expectedTickets: unknown;
  let now = Date.now();
  let clusters = 0;
  let cluster: Cluster | undefined;

  const calls = () => simulator.stats.snapshot();
  const newCluster = async () => {
    cluster = await startCluster({ simulator, redis, keyPrefix: `scale-out-${(clusters += 1)}`, now: () => now });
    return cluster;
  };
  const viaGateway = async (c: Cluster) => postGraphQL<unknown, never>(c.supergraph.gateway.url, GATEWAY_QUERY);
  /** Which replica nginx chose, from a header it adds: proof that both served. */
  const servedBy = async (c: Cluster, op: Operation) => {
    const response = await fetch(c.identityUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    });
    await response.text();
    return response.headers.get('x-upstream');
  };

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    redis = await startRedis();
    // One replica with the in-process cache over the same PrivX: what every answer must equal.
    reference = await startStack({ cacheTtlSeconds: 30 });
    operations = mixedOperations(simulator.data);
    reference.resetCalls();
    expected = await run(reference.subgraph.graphqlUrl, operations);
    for (const answer of expected) expect(answer.errors).toBeUndefined();
    const referenceCold = reference.calls().byRoute;
    reference.resetCalls();
    await run(reference.subgraph.graphqlUrl, operations);
    const referenceWarm = reference.calls().byRoute;
    oneRefresh = Object.fromEntries(
      Object.entries(referenceCold)
        .map(([route, n]) => [route, n - (referenceWarm[route] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    const seeded = await newCluster();
    const tickets = await viaGateway(seeded);
    expect(tickets.errors).toBeUndefined();
    expectedTickets = tickets.data;
    await seeded.close();
    cluster = undefined;
  }, 60_000);
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
  });
  afterAll(async () => {
    await reference?.close();
    await redis?.close();
    await simulator?.close();
  });

  it('answers mixed traffic, direct and through the gateway, exactly as a single replica does', async () => {
    const c = await newCluster();
    const answers = await run(c.identityUrl, [...operations, ...operations], 4);
    expect(answers).toEqual([...expected, ...expected]);
    const tickets = await viaGateway(c);
    expect(tickets.errors).toBeUndefined();
    expect(tickets.data).toEqual(expectedTickets);
    const served = new Set(await Promise.all(operations.slice(0, 4).map((op) => servedBy(c, op))));
    expect(served.size).toBe(2);
  });

  it('costs PrivX, warm, what one replica costs: the other replica reads what the first cached', async () => {
    const c = await newCluster();
    const [a] = c.replicas;
    await run(a!.subgraph.graphqlUrl, operations); // cold, on one replica only
    simulator.stats.reset();
    await run(a!.subgraph.graphqlUrl, operations);
    const oneReplica = calls();

    simulator.stats.reset();
    // Twice through the balancer: every operation reaches both replicas, the second never cached it itself.
    const answers = await run(c.identityUrl, [...operations, ...operations], 2);
    expect(answers).toEqual([...expected, ...expected]);
    const cluster = calls();
    expect(cluster.byRoute).toEqual(Object.fromEntries(Object.entries(oneReplica.byRoute).map(([route, n]) => [route, 2 * n])));
    expect(cluster.total).toBe(2 * oneReplica.total);
  });

  it('refreshes once in total after the cache expires, serving the previous values meanwhile', async () => {
    const c = await newCluster();
    const [a] = c.replicas;
    await run(a!.subgraph.graphqlUrl, operations);
    await run(c.identityUrl, [...operations, ...operations], 2); // both replicas warm
    simulator.stats.reset();
    await run(a!.subgraph.graphqlUrl, operations);
    const warm = calls().byRoute;

    now += 31_000; // past the TTL on both replicas' clock
    simulator.stats.reset();
    const rounds = 4;
    const answers = await run(c.identityUrl, Array.from({ length: rounds }, () => operations).flat(), 4);
    expect(answers).toEqual(Array.from({ length: rounds }, () => expected).flat());
    await c.idle();
    const refreshed = Object.fromEntries(
      Object.entries(calls().byRoute)
        .map(([route, n]) => [route, n - rounds * (warm[route] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    expect(refreshed).toEqual(oneRefresh);
    expect(refreshed['GET /role-store/api/v1/roles']).toBe(1);
  });

  /** Operations and gateway queries, `concurrency` at a time; `incident` runs once `after` of them answered. */
  const trafficWithIncident = async (c: Cluster, after: number, incident: () => Promise<void>) => {
    const jobs = Array.from({ length: 5 }, () => [...operations.map((op) => ({ op })), { op: undefined }]).flat();
    let answered = 0;
    let happened: Promise<void> | undefined;
    const results = await Promise.all(
      jobs.map(async ({ op }, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 15)); // a steady stream, not one burst
        const result = op ? (await run(c.identityUrl, [op]))[0] : await viaGateway(c);
        answered += 1;
        if (answered === after) happened = incident();
        return { op, result };
      }),
    );
    await happened;
    for (const { op, result } of results) {
      if (op) expect(result).toEqual(expected[operations.indexOf(op)]);
      else expect(result).toEqual({ status: 200, data: expectedTickets });
    }
    return results.length;
  };

  it('loses no request when a replica stops mid-traffic: nginx sends it to the other', async () => {
    const c = await newCluster();
    await run(c.identityUrl, operations, 2);
    const [, b] = c.replicas;
    expect(await trafficWithIncident(c, 10, () => b!.stop())).toBe(5 * (operations.length + 1));
    // nginx did meet the stopped replica, and replayed what it refused on the other one.
    expect(c.balancer.errorLog()).toMatch(/Connection refused|prematurely closed|reset by peer/);
    const served = new Set(await Promise.all(operations.slice(0, 4).map((op) => servedBy(c, op))));
    expect(served).toEqual(new Set([new URL(c.replicas[0]!.subgraph.url).host]));
  });

  it('fails no request when Redis stops mid-traffic, and shares the cache again once it is back', async () => {
    const c = await newCluster();
    await run(c.identityUrl, operations, 2);
    expect(await trafficWithIncident(c, 10, () => redis.stop())).toBe(5 * (operations.length + 1));
    expect(c.warnings.filter((w) => w.includes('Redis cache unavailable'))).toHaveLength(2);

    await redis.start();
    for (const replica of c.replicas) expect(await replica.cache.whenReady(10_000)).toBe(true);
    expect(c.warnings.filter((w) => w.includes('Redis cache reachable again'))).toHaveLength(2);
    // Redis restarted empty: the first replica fills it, the other reads it.
    const [a] = c.replicas;
    await run(a!.subgraph.graphqlUrl, operations);
    simulator.stats.reset();
    await run(a!.subgraph.graphqlUrl, operations);
    const oneReplica = calls().total;
    simulator.stats.reset();
    expect(await run(c.identityUrl, [...operations, ...operations], 2)).toEqual([...expected, ...expected]);
    expect(calls().total).toBe(2 * oneReplica);
  });
});
