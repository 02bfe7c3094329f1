import { budgetTerms, coldBudget } from './budget';
import { measureFloor } from './floor';
import { loadTable, loadTargets, measureLoad, summariseLoad, type LoadMeasurement } from './load-section';
import { loadVariants } from './load-variants';
import { measure, type Measurement, type MeasureContext } from './measure';
import { composePeer } from './peer-variant';
import { runMain } from './processes';
import { benchQueries, readSample } from './queries';
import { machineDescription, runDescription, writeBenchmarksSection } from './report';
import { benchSettings } from './settings';
import { startSimulatorProcess } from './simulator';
import { availableParallelism } from 'node:os';
import { altComparison, floorText, median, ratios, resultsTable, summarise, targetList } from './table';
import { variants as allVariants } from './variants';
import { runVerdict } from './verdict';

/**
 * `npm run bench`: the product, naive mode, an SDL-first baseline and a no-GraphQL ceiling, each in its own
 * process over one simulator process, on the same queries; interleaved rounds, medians, one table.
 */
async function main(): Promise<number> {
  const settings = benchSettings();
  const started = Date.now();
  console.log(`Benchmark (${settings.quick ? 'quick' : 'full'}): ${machineDescription()}`);
  const simulator = await startSimulatorProcess(settings);
  const terms = await budgetTerms(simulator);
  const queries = benchQueries(await readSample(simulator)).filter((q) => !settings.queries || settings.queries.includes(q.name));
  const variants = allVariants(simulator).filter((v) => !settings.variants || settings.variants.includes(v.key));
  // The peer is installed (once) and composed only when it has a query to run.
  if (variants.some((v) => v.key === 'peer' && queries.some((q) => v.queries?.includes(q.name)))) composePeer(simulator);
  console.log(`Simulator ${simulator.url}: ${terms.roles} roles, ${terms.localUsers} local users; P = ${terms.p}, L = ${terms.l}; cold budget for 100 users ${coldBudget(terms, 100)}`);

  const context: MeasureContext = { simulator, settings, terms, reference: new Map() };
  const measurements: Measurement[] = [];
  const floors = new Map<string, number[]>();
  const loads: LoadMeasurement[] = [];
  const loadQuery = settings.loadConnections.length > 0 ? queries.find((q) => q.name === 'UsersNested') : undefined;
  const loadServers = loadVariants(variants);
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const query of queries) {
      const inRound: Measurement[] = [];
      // Each round starts with another variant, so none always runs right after the same neighbour.
      for (const variant of rotate(variants, round - 1).filter((v) => !v.queries || v.queries.includes(query.name))) {
        const m = await measure(variant, query, context, round);
        inRound.push(m);
        console.log(
          `round ${round} ${query.name.padEnd(12)} ${variant.key.padEnd(8)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
            `p50 ${m.p50Ms.toFixed(1)} ms  p99 ${m.p99Ms.toFixed(1)} ms  calls ${m.coldCalls}/${m.warmCalls}  ` +
            `CPU ${m.cpuMsPerRequest.toFixed(2)} ms/req  RSS ${m.peakRssMb.toFixed(0)} MB  (others: ${m.foreignCpus.toFixed(2)} CPUs)`,
        );
      }
      // The baseline and the ceiling use the product's datasources: they must make exactly its calls.
      const product = inRound.find((m) => m.variant === 'product');
      for (const m of inRound.filter((x) => x.variant === 'sdl' || x.variant === 'ceiling')) {
        if (product && (m.coldCalls !== product.coldCalls || m.warmCalls !== product.warmCalls)) {
          throw new Error(`${m.variant} / ${query.name}: calls ${m.coldCalls}/${m.warmCalls} differ from the product's ${product.coldCalls}/${product.warmCalls}`);
        }
      }
      measurements.push(...inRound);
      const data = context.reference.get(query.name);
      if (data !== undefined) {
        const floor = await measureFloor(query, simulator, `{"data":${data}}`, settings.loadSeconds / 2);
        floors.set(query.name, [...(floors.get(query.name) ?? []), floor]);
        console.log(`round ${round} ${query.name.padEnd(12)} floor    CPU ${floorText(floor)} ms/req (JSON.parse of the warm upstream bodies + JSON.stringify of the response)`);
      }
    }
    for (const connections of loadQuery ? settings.loadConnections : []) {
      for (const server of rotate(loadServers, round - 1)) {
        const m = await measureLoad(server, loadQuery!, connections, context, round);
        loads.push(m);
        console.log(
          `round ${round} load ${String(connections).padStart(3)} conns ${server.key.padEnd(8)} ${m.requestsPerSecond.toFixed(0).padStart(6)} served req/s  ` +
            `p50 ${m.p50Ms.toFixed(0)} ms  p99 ${m.p99Ms.toFixed(0)} ms  max ${m.maxMs.toFixed(0)} ms  503 SERVER_BUSY ${m.busy} (slowest ${m.busyMaxMs.toFixed(0)} ms)  past the deadline ${m.timeouts}  ` +
            `CPU ${m.cpuMsPerRequest.toFixed(2)} ms/req`,
        );
      }
    }
  }
  await simulator.child.stop();

  const summary = summarise(measurements);
  const floor = new Map([...floors].map(([query, values]) => [query, median(values)]));
  const { table: ratioTable, targets } = ratios(summary, measurements, queries, floor);
  const loadSummary = summariseLoad(loads);
  targets.push(...(loadSummary.length > 0 ? loadTargets(loadSummary) : []));
  const verdict = runVerdict({ quick: settings.quick, foreignCpus: measurements.map((m) => m.foreignCpus), cpus: availableParallelism(), targets });
  const section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()}.`,
    '',
    runDescription(settings, settings.users),
    noiseNote(measurements),
    `Upstream budget terms: P = ${terms.p} (${terms.roles} roles), L = ${terms.l} (${terms.localUsers} local users); cold budget ` +
      `2 + min(N, P) + L = ${coldBudget(terms, 100)} for 100 users, ${coldBudget(terms, 1)} for one; warm at most 2. Every product ` +
      'cold and warm count below was checked against it, and naive counts against one call per user and relation.',
    '',
    resultsTable(summary, queries, variants, floor),
    '',
    ratioTable,
    '',
    'Throughput ratios are medians of the per-round ratios (each round runs the variants back to back); the others are ratios of the medians above.',
    '',
    ...(loadQuery && loadSummary.length > 0
      ? [
          `Load: ${loadQuery.label} at ${settings.loadConnections.join(' and ')} connections, each in a fresh server; past its in-flight bound the server ` +
            'answers 503 SERVER_BUSY (counted, not timed: latencies are those of the served requests; max is the slowest served request of any round).',
          '',
          loadTable(loadSummary, new Map(loadServers.map((s) => [s.key, `${s.label}${Object.keys(s.env).length > 0 ? ` (${Object.entries(s.env).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}`])), loadQuery.label),
          '',
        ]
      : []),
    verdict.judged ? 'Targets:' : 'Targets (readings only: this run cannot judge them, see the verdict below):',
    '',
    targetList(targets, verdict.judged),
  ].join('\n');
  console.log(`\n${section}\n`);
  const ab = altComparison(summary, measurements, queries);
  if (ab) console.log(`A/B (${process.env.BENCH_ALT_LABEL ?? 'alternative build'}):\n${ab}\n`);
  const partial = settings.queries !== undefined || settings.variants !== undefined;
  if (settings.writeReport && !partial) console.log(`Wrote ${writeBenchmarksSection(`${section}\n\n${verdict.line}`)}`);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  // Last, where a reader looks first: whether the figures above can judge the targets at all.
  console.log(verdict.line);
  return 0;
}

/** How busy the rest of the machine was: a shared machine's other work is noise in every figure. */
function noiseNote(measurements: Measurement[]): string {
  const foreign = measurements.map((m) => m.foreignCpus);
  return (
    `Processes outside the benchmark kept a median of ${median(foreign).toFixed(2)} CPUs (max ${Math.max(...foreign).toFixed(2)}) ` +
    `of the ${availableParallelism()} busy during the timed runs.`
  );
}

function rotate<T>(items: T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

runMain(main);
