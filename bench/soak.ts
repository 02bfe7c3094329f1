import { postJson } from './http';
import { rssMb } from './proc-stats';
import { runMain, startNode } from './processes';
import { SIMULATOR_CREDENTIALS } from './simulator';

/**
 * `npm run soak`: a bounded, mixed stream against the product over a simulator with faults on (a share of
 * 500s, bursts of hanging calls), counting complete / partial / failed / refused answers, latency, and the
 * subgraph's RSS after a warm-up and at the end. Settings: SOAK_REQUESTS (default 2000), SOAK_WARMUP (400), SOAK_CONCURRENCY (8),
 * SOAK_FAILURE_RATE (0.3), and the product's own variables (REQUEST_TIMEOUT_MS, …) pass through.
 */

const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 2000);
/** Requests of the same stream before the RSS baseline: the heap grows to its working size first. */
const WARMUP = Number(process.env.SOAK_WARMUP ?? 400);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const FAILURE_RATE = process.env.SOAK_FAILURE_RATE ?? '0.3';
/** Every this many requests, the next few GET calls hang: a stuck PrivX node. */
const HANG_EVERY = 100;

const USER_FIELDS = 'id name username status emails { email } roles { name } roleAssignments { role { name } grantType } workspace { name type } groups { name } organizations { name }';

function operations(ids: string[]): { kind: string; body: string }[] {
  const representations = ids.slice(0, 20).map((id) => ({ __typename: 'User', id }));
  return [
    { kind: 'page', body: JSON.stringify({ query: `{ users(first: 100) { totalCount nodes { ${USER_FIELDS} } } }` }) },
    { kind: 'user', body: JSON.stringify({ query: `query($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`, variables: { id: ids[7] } }) },
    { kind: 'entities', body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${USER_FIELDS} } } }`, variables: { r: representations } }) },
    { kind: 'roles', body: JSON.stringify({ query: '{ roles(first: 20) { nodes { name memberCount members(first: 5) { nodes { name } } } } }' }) },
    { kind: 'attack', body: JSON.stringify({ query: '{ users(first: 100) { nodes { groups { members(first: 100) { nodes { id } } } } } }' }) },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<number> {
  const simulator = await startNode(
    'dist/datasources/simulator/main.js',
    { SIM_HOST: '127.0.0.1', SIM_PORT: '0', SIM_LATENCY_MS: '5', SIM_FAILURE_RATE: FAILURE_RATE, SIM_FAILURE_STATUS: '500', SIM_TOKEN_TTL_SECONDS: '60' },
    /listening on (http:\/\/\S+)/,
  );
  const passThrough = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(REQUEST_TIMEOUT_MS|UPSTREAM_|MAX_|CACHE_|V41_TIMEOUT_MS)/.test(k))) as Record<string, string>;
  const subgraph = await startNode(
    'dist/src/main.js',
    {
      V41_BASE_URL: simulator.url,
      V41_OAUTH_CLIENT_ID: SIMULATOR_CREDENTIALS.oauthClientId,
      V41_OAUTH_CLIENT_SECRET: SIMULATOR_CREDENTIALS.oauthClientSecret,
      V41_API_CLIENT_ID: SIMULATOR_CREDENTIALS.apiClientId,
      V41_API_CLIENT_SECRET: SIMULATOR_CREDENTIALS.apiClientSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      ...passThrough,
    },
    /ready at (http:\/\/\S+\/graphql)/,
  );
  let crashed = false;
  // Ids for the `user` and `_entities` operations, read through the product itself.
  const idsReply = await postJson(subgraph.url, JSON.stringify({ query: '{ users(first: 20) { nodes { id } } }' }));
  const ids = ((idsReply.json as { data?: { users?: { nodes: { id: string }[] } } }).data?.users?.nodes ?? []).map((n) => n.id);
  const ops = operations(ids);

  type Outcome = 'complete' | 'partial' | 'failed' | 'refused';
  const counts: Record<Outcome, number> = { complete: 0, partial: 0, failed: 0, refused: 0 };
  const byKind = new Map<string, Record<Outcome, number>>();
  const latencies: number[] = [];
  let next = 0;
  let rssBefore = 0;
  let started = Date.now();
  const count = (i: number, kind: string, outcome: Outcome) => {
    if (i < WARMUP) return;
    counts[outcome] += 1;
    const own = byKind.get(kind) ?? { complete: 0, partial: 0, failed: 0, refused: 0 };
    own[outcome] += 1;
    byKind.set(kind, own);
  };
  async function worker(): Promise<void> {
    while (next < WARMUP + REQUESTS) {
      const i = next++;
      if (i === WARMUP) {
        rssBefore = rssMb(subgraph.pid);
        started = Date.now();
      }
      if (i % HANG_EVERY === 0) {
        await postJson(`${simulator.url}/__faults`, JSON.stringify({ method: 'GET', route: '*', delayMs: 60_000, times: 3 }));
      }
      const op = ops[i % ops.length]!;
      const t0 = performance.now();
      let reply;
      try {
        reply = await postJson(subgraph.url, op.body);
      } catch {
        crashed = true;
        count(i, op.kind, 'failed');
        continue;
      }
      if (i >= WARMUP) latencies.push(performance.now() - t0);
      const body = reply.json as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } | undefined;
      const code = body?.errors?.[0]?.extensions?.code;
      if (op.kind === 'attack' || code === 'COST_ESTIMATED_TOO_EXPENSIVE' || code === 'GRAPHQL_VALIDATION_FAILED') count(i, op.kind, 'refused');
      else if (!body?.data || Object.values(body.data).some((v) => v === null)) count(i, op.kind, 'failed');
      else if (body.errors?.length) count(i, op.kind, 'partial');
      else count(i, op.kind, 'complete');
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
  const seconds = (Date.now() - started) / 1000;
  const rssAfter = rssMb(subgraph.pid);
  latencies.sort((a, b) => a - b);

  const served = counts.complete + counts.partial + counts.failed;
  console.log(`soak: ${REQUESTS} requests after ${WARMUP} of warm-up, ${CONCURRENCY} at a time, ${seconds.toFixed(1)} s; upstream ${Number(FAILURE_RATE) * 100} % 500s, 3 hanging calls every ${HANG_EVERY} requests`);
  console.log(`  complete ${counts.complete} (${((100 * counts.complete) / served).toFixed(1)} %), partial ${counts.partial}, failed ${counts.failed}, refused (attacks) ${counts.refused}`);
  for (const [kind, own] of byKind) if (kind !== 'attack') console.log(`    ${kind.padEnd(8)} complete ${own.complete}, partial ${own.partial}, failed ${own.failed}`);
  console.log(`  latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms`);
  console.log(`  subgraph RSS ${rssBefore.toFixed(0)} MB after warm-up, ${rssAfter.toFixed(0)} MB at the end (${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(1)} %); crashes ${crashed ? 'yes' : 0}`);
  await subgraph.stop();
  await simulator.stop();
  return crashed ? 1 : 0;
}

runMain(main);
