import { Redis } from 'ioredis';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { CACHE_SCHEMA_VERSION, decodeValue, encodeValue, generateDemoData, RoleMembershipIndex, toRoleStoreUser } from '../src';
import { startRedis } from '../tools/redis-server';
import { postJson } from './http';
import { runMain, startNode, type Child } from './processes';
import { peakRssMb } from './proc-stats';
import { everyUserFieldFragment } from './queries';
import { machineDescription } from './report';
import { startSimulatorProcess, type SimulatorClient } from './simulator';

/**
 * `npm run bench:sizing`: the sizing figures of BENCHMARKS.md. At each directory size (SIM_USERS):
 * one simulator process (PrivX), one redis-server, two subgraph processes sharing it. A mixed query load goes
 * to both replicas alternately; it reports each replica's peak RSS, what Redis holds (the membership index on
 * its own), and the upstream calls: per query warm, and per cache refresh.
 */

const SIZES = (process.env.SIZING_USERS ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.SIZING_QUERIES ?? 200);
/** Longer than a run: the warm count must hold no refresh (a refresh costs what the cold fill does). */
const TTL_SECONDS = 3600;
const KEY_PREFIX = 'privx-identity';

function queryMix(ids: string[]): string[] {
  const every = everyUserFieldFragment();
  const page = JSON.stringify({ query: `query { users(first: 100) { totalCount nodes { ...EveryUserField } } }\n${every}` });
  const one = (id: string) => JSON.stringify({ query: `query ($id: ID!) { user(id: $id) { ...EveryUserField } }\n${every}`, variables: { id } });
  const batch = (from: number) => JSON.stringify({ query: `query ($ids: [ID!]!) { usersByIds(ids: $ids) { ...EveryUserField } }\n${every}`, variables: { ids: ids.slice(from, from + 30) } });
  // organizations/groups are left out: at 100,000 users their whole-directory search fails on main (reported).
  const reference = JSON.stringify({ query: '{ roles(first: 100) { nodes { id name } } workspaces { id name } }' });
  // Per 10 queries: 2 pages, 5 single users, 2 batches of 30, 1 reference-data query.
  return Array.from({ length: QUERIES }, (_, i) => {
    const slot = i % 10;
    if (slot < 2) return page;
    if (slot < 7) return one(ids[(i * 7919) % ids.length] as string);
    if (slot < 9) return batch((i * 31) % Math.max(1, ids.length - 30));
    return reference;
  });
}

/**
 * The role-membership index as the catalog builds it (every member's record and `roles[]`), from the same demo
 * data the simulator serves: encoded as the Redis store writes it, what Redis holds for it (`MEMORY USAGE`),
 * and the heap its decoded copy takes in a replica. Built here rather than over HTTP because its ~1 call per
 * 1,000 members of every role (2 MB pages) is what a loaded machine fails on first, and only its size matters.
 */
async function membershipIndexFootprint(users: number, redis: Redis): Promise<{ members: number; redisMb: number; heapMb: number }> {
  const gc = runInNewContext('gc') as () => void;
  const index = new RoleMembershipIndex();
  for (const user of generateDemoData({ users, seed: 41 }).users) {
    const member = toRoleStoreUser(JSON.parse(JSON.stringify(user)));
    if (!member.roles || member.roles.length === 0) continue;
    index.set(member.id, member.roles);
    index.members.set(member.id, member);
  }
  const key = `${KEY_PREFIX}:${CACHE_SCHEMA_VERSION}:sizing-role-membership`;
  const bytes = encodeValue(index);
  await redis.set(key, bytes);
  const usage = Number((await redis.memory('USAGE', key)) ?? 0);
  await redis.del(key);
  gc();
  const before = process.memoryUsage().heapUsed;
  const decoded = decodeValue(bytes) as RoleMembershipIndex;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  return { members: decoded.size, redisMb: usage / 1024 / 1024, heapMb };
}

/** One query at a time: these are figures of size and count, and a quiet event loop keeps them free of noise. */
async function send(replicas: Child[], bodies: string[]): Promise<void> {
  for (const [n, body] of bodies.entries()) {
    const reply = await postJson((replicas[n % replicas.length] as Child).url, body);
    const errors = (reply.json as { errors?: { message: string }[] } | undefined)?.errors;
    if (reply.status !== 200 || errors) throw new Error(`query failed (HTTP ${reply.status}): ${reply.text.slice(0, 300)}`);
  }
}

async function measure(users: number): Promise<string> {
  if (process.env.SIZING_INDEX_ONLY === '1') {
    const redis = await startRedis();
    const raw = new Redis(redis.url);
    try {
      const index = await membershipIndexFootprint(users, raw);
      return `${users} users: membership index (${index.members} members): ${index.redisMb.toFixed(2)} MB in Redis, ${index.heapMb.toFixed(0)} MB decoded in a replica`;
    } finally {
      raw.disconnect();
      await redis.close();
    }
  }
  const simulator: SimulatorClient = await startSimulatorProcess({ users, seed: 41, latencyMs: 5 });
  const redis = await startRedis();
  const replicas: Child[] = [];
  try {
    const env = {
      ...simulator.subgraphEnv(),
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      AUTH_DISABLED: 'true',
      CACHE_URL: redis.url,
      // Figures of size, not speed: a loaded machine must not turn a 2 MB member page into a timeout.
      V41_TIMEOUT_MS: '60000',
      CACHE_TTL_SECONDS: String(TTL_SECONDS),
      // Nothing may expire or time out mid-measurement on a loaded machine: refreshes are priced separately.
      CACHE_TIMEOUT_MS: '5000',
      // Room for every per-user role list the mix reads, so the warm count holds no eviction (the membership
      // index is held apart from this bound at any size: docs/cache.md#memory).
      CACHE_MAX_ENTRIES: String(Math.max(10_000, users * 2)),
    };
    for (let r = 0; r < 2; r += 1) replicas.push(await startNode('dist/src/main.js', env, /ready at (http:\/\/\S+\/graphql)/));
    const ids = (await simulator.usersPage(0, 100)).map((u) => u.id);
    ids.push(...(await simulator.usersPage(100, 900)).map((u) => u.id));
    const bodies = queryMix(ids);

    await simulator.resetCalls();
    await send(replicas.slice(0, 1), bodies.slice(0, 10)); // cold, one replica: fills Redis
    const cold = (await simulator.calls()).total;

    await send(replicas, bodies); // both replicas warm
    await simulator.resetCalls();
    await send(replicas, bodies);
    const warm = (await simulator.calls()).total;

    const raw = new Redis(redis.url);
    const info = await raw.info('memory');
    const keys = await raw.dbsize();
    const index = await membershipIndexFootprint(users, raw);
    raw.disconnect();
    const usedMb = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 1024 / 1024;
    const rss = replicas.map((r) => peakRssMb(r.pid).toFixed(0));
    const perQuery = warm / QUERIES;
    return (
      `${users} users: replica peak RSS ${rss.join(' / ')} MB; Redis ${usedMb.toFixed(1)} MB used in all (${keys} keys); membership index ` +
      `(${index.members} members): ${index.redisMb.toFixed(2)} MB in Redis, ${index.heapMb.toFixed(0)} MB decoded in a replica; upstream: cold fill ${cold} calls, warm ${warm} calls / ${QUERIES} queries = ` +
      `${perQuery.toFixed(2)} per query`
    );
  } finally {
    for (const replica of replicas) await replica.stop();
    await redis.close();
    await simulator.child.stop();
  }
}

async function main(): Promise<void> {
  setFlagsFromString('--expose-gc'); // for the heap of a decoded index
  console.log(`Sizing: ${machineDescription()}; two replicas, one Redis, 5 ms per PrivX call.`);
  console.log(`Query mix per 10: 2 pages of 100 users, 5 single users, 2 batches of 30, 1 reference-data query (every User field).`);
  for (const users of SIZES) console.log(await measure(users));
}

runMain(main);
