import { performance } from 'node:perf_hooks';
import { budgetTerms, coldBudget, WARM_BUDGET, type BudgetTerms } from './budget';
import { postJson } from './http';
import { runMain, startNode } from './processes';
import { peakRssMb } from './proc-stats';
import { everyUserFieldFragment } from './queries';
import { machineDescription } from './report';
import { startSimulatorProcess } from './simulator';
import { median } from './table';

/**
 * `npm run bench:scale`: does a page of 100 users with every field cost the same at 100,000 users
 * as at 1,000? The simulator (same seed, BENCH_LATENCY_MS per call, 5 by default) runs in its own process at
 * each size, the product subgraph in its own fresh process in front of it. Exits 1 if a target fails.
 */

const SIZES = [100_000, 1_000];
const WARM_REQUESTS = Number(process.env.SCALE_WARM_REQUESTS ?? 30);
const MAX_LATENCY_RATIO = 1.5;
const MAX_RSS_MB = 300;

interface SizeResult {
  users: number;
  /** GraphQL errors over every request of this size (the first one's message is kept). */
  errors: number;
  firstError?: string;
  terms: BudgetTerms;
  budget: number;
  coldCalls: number;
  coldMs: number;
  warmCallsPerRequest: number;
  warmMedianMs: number;
  peakRssMb: number;
}

const QUERY = JSON.stringify({
  operationName: 'ScalePage',
  query: `query ScalePage { users(first: 100) { totalCount nodes { ...EveryUserField } } }\n${everyUserFieldFragment()}`,
});

interface PageReply {
  ms: number;
  errors: { message: string; path?: unknown[] }[];
}

/** One page, timed. Field errors are counted, not fatal: the figures of a failing size are worth seeing too. */
async function page(url: string): Promise<PageReply> {
  const started = performance.now();
  const reply = await postJson(url, QUERY);
  const ms = performance.now() - started;
  const body = reply.json as { data?: { users?: { nodes?: unknown[] } | null }; errors?: PageReply['errors'] } | undefined;
  if (reply.status !== 200 || body?.data?.users?.nodes?.length !== 100) {
    throw new Error(`the page of 100 users failed (HTTP ${reply.status}): ${reply.text.slice(0, 500)}`);
  }
  return { ms, errors: body.errors ?? [] };
}

/** Lets a run try another cache size (BENCH_CACHE_MAX_ENTRIES) against the product's default. */
function cacheOverride(): Record<string, string> {
  const entries = process.env.BENCH_CACHE_MAX_ENTRIES;
  return entries ? { CACHE_MAX_ENTRIES: entries } : {};
}

async function measureSize(users: number, latencyMs: number, seed: number): Promise<SizeResult> {
  const simulator = await startSimulatorProcess({ users, seed, latencyMs });
  try {
    const terms = await budgetTerms(simulator);
    const env = { ...simulator.subgraphEnv(), PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', AUTH_DISABLED: 'true', ...cacheOverride() };
    const subgraph = await startNode('dist/src/main.js', env, /ready at (http:\/\/\S+\/graphql)/);
    try {
      const replies: PageReply[] = [];
      await simulator.resetCalls();
      const cold = await page(subgraph.url);
      const coldCalls = (await simulator.calls()).total;
      for (let i = 0; i < 3; i += 1) replies.push(await page(subgraph.url)); // warm-up, not measured
      await simulator.resetCalls();
      const warm: PageReply[] = [];
      for (let i = 0; i < WARM_REQUESTS; i += 1) warm.push(await page(subgraph.url));
      const warmCalls = (await simulator.calls()).total;
      const errors = [cold, ...replies, ...warm].flatMap((r) => r.errors);
      return {
        users,
        errors: errors.length,
        firstError: errors[0] && `${errors[0].message} at ${JSON.stringify(errors[0].path)}`,
        terms,
        budget: coldBudget(terms, 100),
        coldCalls,
        coldMs: cold.ms,
        warmCallsPerRequest: warmCalls / WARM_REQUESTS,
        warmMedianMs: median(warm.map((r) => r.ms)),
        peakRssMb: peakRssMb(subgraph.pid),
      };
    } finally {
      await subgraph.stop();
    }
  } finally {
    await simulator.child.stop();
  }
}

async function main(): Promise<number> {
  const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 5);
  const seed = Number(process.env.BENCH_SEED ?? 41);
  console.log(`Scale benchmark: ${machineDescription()}`);
  const cache = process.env.BENCH_CACHE_MAX_ENTRIES ? `CACHE_MAX_ENTRIES=${process.env.BENCH_CACHE_MAX_ENTRIES}` : 'default cache size';
  console.log(`Simulator seed ${seed}, ${latencyMs} ms per upstream call; product with default TTL, ${cache}; ${WARM_REQUESTS} warm requests one at a time.\n`);
  const results: SizeResult[] = [];
  for (const users of SIZES) {
    const r = await measureSize(users, latencyMs, seed);
    results.push(r);
    console.log(
      `${String(users).padStart(7)} users: cold ${r.coldCalls} calls in ${r.coldMs.toFixed(0)} ms (budget 2 + min(100, P=${r.terms.p}) + L=${r.terms.l} = ${r.budget}; ` +
        `${r.terms.roles} roles, ${r.terms.localUsers} local users); warm ${r.warmCallsPerRequest.toFixed(2)} calls/request, ` +
        `median ${r.warmMedianMs.toFixed(1)} ms; subgraph peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    if (r.firstError) console.log(`          ${r.errors} GraphQL errors over ${WARM_REQUESTS + 4} requests, e.g. "${r.firstError}"`);
  }
  const [large, small] = results as [SizeResult, SizeResult];
  const ratio = large.warmMedianMs / small.warmMedianMs;
  const targets = [
    { met: ratio <= MAX_LATENCY_RATIO, text: `warm median latency 100k / 1k = ${ratio.toFixed(2)}x (target <= ${MAX_LATENCY_RATIO}x)` },
    ...results.flatMap((r) => [
      { met: r.errors === 0, text: `${r.users} users: every page answered without errors (${r.errors} errors)` },
      { met: r.coldCalls <= r.budget, text: `${r.users} users: cold ${r.coldCalls} upstream calls (budget ${r.budget})` },
      { met: r.warmCallsPerRequest <= WARM_BUDGET, text: `${r.users} users: warm ${r.warmCallsPerRequest.toFixed(2)} upstream calls per request (budget ${WARM_BUDGET})` },
      { met: r.peakRssMb < MAX_RSS_MB, text: `${r.users} users: subgraph peak RSS ${r.peakRssMb.toFixed(0)} MB (target < ${MAX_RSS_MB} MB)` },
    ]),
  ];
  console.log(`\n${targets.map((t) => `- ${t.met ? 'met' : 'FAILED'}: ${t.text}`).join('\n')}`);
  return targets.every((t) => t.met) ? 0 : 1;
}

runMain(main);
