import { setTimeout as delay } from 'node:timers/promises';
import { coldBudget, WARM_BUDGET, type BudgetTerms } from './budget';
import { postJson } from './http';
import { runLoad } from './load';
import { startNode } from './processes';
import { cpuSeconds, machineBusySeconds, ownCpuSeconds, treeCpuSeconds, treePeakRssMb } from './proc-stats';
import { peerPortEnv } from './peer-variant';
import type { BenchQuery } from './queries';
import type { BenchSettings } from './settings';
import type { SimulatorClient } from './simulator';
import type { Variant } from './variants';

/** One variant on one query in a fresh server process: cold and warm upstream calls, then a timed load run. */
export interface Measurement {
  round: number;
  variant: Variant['key'];
  query: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  coldCalls: number;
  warmCalls: number;
  /** Summed over the process tree (a cluster's primary and workers). */
  cpuMsPerRequest: number;
  /** The largest of the tree's processes (per worker, in a cluster). */
  peakRssMb: number;
  /** CPUs kept busy by processes outside the benchmark during the timed run: noise on a shared machine. */
  foreignCpus: number;
}

export interface MeasureContext {
  simulator: SimulatorClient;
  settings: BenchSettings;
  terms: BudgetTerms;
  /** The product's answer per query (canonical JSON): every variant must give the same data. */
  reference: Map<string, string>;
}

/** What a variant sends for a query and how its answer is checked: the peer has forms of its own. */
type Form = Pick<BenchQuery, 'body' | 'check'>;

function formOf(variant: Variant, query: BenchQuery): Form {
  if (variant.key !== 'peer') return query;
  if (!query.peer) throw new Error(`the peer has no form of ${query.name}`);
  return query.peer;
}

/** One request: its upstream calls, its exact body, and a check that it answered completely without errors. */
export async function probe(url: string, query: Form, simulator: SimulatorClient, who: string): Promise<{ calls: number; text: string; data: string }> {
  await simulator.resetCalls();
  const reply = await postJson(url, query.body);
  const calls = (await simulator.calls()).total;
  const json = reply.json as { data?: unknown; errors?: unknown } | undefined;
  if (reply.status !== 200 || !json) throw new Error(`${who}: HTTP ${reply.status}: ${reply.text.slice(0, 500)}`);
  if (json.errors) throw new Error(`${who}: errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
  const problem = query.check(json.data);
  if (problem) throw new Error(`${who}: incomplete answer: ${problem}`);
  return { calls, text: reply.text, data: JSON.stringify(json.data) };
}

function checkCalls(variant: Variant, query: BenchQuery, terms: BudgetTerms, cold: number, warm: number): void {
  const who = `${variant.key} / ${query.name}`;
  if (variant.key === 'peer') {
    // It caches nothing and batches nothing these queries need: the same calls cold and warm, counted exactly.
    const expected = query.peer?.calls;
    if (cold !== expected || warm !== expected) throw new Error(`${who}: upstream calls cold ${cold}, warm ${warm}; the peer should make exactly ${expected}`);
    return;
  }
  if (variant.key === 'naive') {
    if (cold !== query.naiveCalls || warm !== query.naiveCalls) {
      throw new Error(`${who}: upstream calls cold ${cold}, warm ${warm}; naive mode should make exactly ${query.naiveCalls} (one per user and relation)`);
    }
    return;
  }
  const budget = query.users === 0 ? 0 : coldBudget(terms, query.users);
  if (cold > budget) throw new Error(`${who}: ${cold} upstream calls cold, over the budget 2 + min(${query.users}, P=${terms.p}) + L=${terms.l} = ${budget}`);
  if (warm > Math.min(WARM_BUDGET, budget)) throw new Error(`${who}: ${warm} upstream calls warm, over the budget of ${WARM_BUDGET}`);
}

/**
 * Waits until the server has finished the requests a load run left in flight: neither its CPU time nor the
 * simulator's call count moves for 200 ms (at most 60 s).
 */
export async function settle(pid: number, simulator: SimulatorClient): Promise<void> {
  const sample = async () => `${treeCpuSeconds(pid)}/${(await simulator.calls()).total}`;
  let last = await sample();
  let quiet = 0;
  for (const deadline = Date.now() + 60_000; quiet < 2 && Date.now() < deadline; ) {
    await delay(100);
    const now = await sample();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

export async function measure(variant: Variant, query: BenchQuery, context: MeasureContext, round: number): Promise<Measurement> {
  const { simulator, settings, terms, reference } = context;
  const env = { ...variant.env, ...(variant.needsPort ? await peerPortEnv() : {}) };
  const server = await startNode(variant.script, env, variant.ready, [], variant.start);
  try {
    const who = `${variant.key} / ${query.name}`;
    if (variant.startRequest) {
      const started = await postJson(server.url, variant.startRequest);
      if (started.status !== 200) throw new Error(`${who}: the start request answered HTTP ${started.status}: ${started.text.slice(0, 300)}`);
    }
    const form = formOf(variant, query);
    const cold = await probe(server.url, form, simulator, `${who} (cold)`);
    const warm = await probe(server.url, form, simulator, `${who} (warm)`);
    checkCalls(variant, query, terms, cold.calls, warm.calls);
    if (cold.data !== warm.data) throw new Error(`${who}: the warm answer differs from the cold one`);
    const expected = reference.get(query.name);
    if (variant.key === 'peer') {
      // Another schema: the same users and roles as the product's answer, when the product ran before it.
      const difference = expected === undefined ? undefined : query.peer?.differsFrom(JSON.parse(warm.data), expected);
      if (difference) throw new Error(`${who}: ${difference}`);
    } else if (expected === undefined) reference.set(query.name, warm.data);
    else if (expected !== warm.data) throw new Error(`${who}: the answer differs from the product's`);

    const options = { connections: settings.connections };
    if (settings.warmupSeconds > 0) await runLoad(server.url, form.body, warm.text, { ...options, seconds: settings.warmupSeconds });
    await settle(server.pid, simulator);
    // A cluster's CPU is its primary's and every worker's.
    const ours = () => treeCpuSeconds(server.pid) + cpuSeconds(simulator.child.pid) + ownCpuSeconds();
    const [cpuBefore, oursBefore, machineBefore, started] = [treeCpuSeconds(server.pid), ours(), machineBusySeconds(), Date.now()];
    const load = await runLoad(server.url, form.body, warm.text, { ...options, seconds: settings.loadSeconds });
    const foreignCpus = (machineBusySeconds() - machineBefore - (ours() - oursBefore)) / ((Date.now() - started) / 1000);
    // Requests cut off at the end are still worked on by the server: wait for them, and count them as sent.
    await settle(server.pid, simulator);
    const cpu = treeCpuSeconds(server.pid) - cpuBefore;
    return {
      round,
      variant: variant.key,
      query: query.name,
      requestsPerSecond: load.requestsPerSecond,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      coldCalls: cold.calls,
      warmCalls: warm.calls,
      cpuMsPerRequest: (cpu * 1000) / load.sent,
      peakRssMb: treePeakRssMb(server.pid),
      foreignCpus: Math.max(0, foreignCpus),
    };
  } finally {
    await server.stop();
  }
}
