import type { Measurement } from './measure';
import type { BenchQuery } from './queries';
import type { Variant, VariantKey } from './variants';

/** Medians over the rounds, the results table and the ratios against the targets, as Markdown. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type Summary = Map<string, Measurement>;

const key = (variant: VariantKey, query: string) => `${variant}\u0000${query}`;

export function summarise(measurements: Measurement[]): Summary {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) groups.set(key(m.variant, m.query), [...(groups.get(key(m.variant, m.query)) ?? []), m]);
  const summary: Summary = new Map();
  for (const [k, group] of groups) {
    const first = group[0] as Measurement;
    const med = (pick: (m: Measurement) => number) => median(group.map(pick));
    summary.set(k, {
      variant: first.variant,
      query: first.query,
      requestsPerSecond: med((m) => m.requestsPerSecond),
      p50Ms: med((m) => m.p50Ms),
      p99Ms: med((m) => m.p99Ms),
      coldCalls: med((m) => m.coldCalls),
      warmCalls: med((m) => m.warmCalls),
      cpuMsPerRequest: med((m) => m.cpuMsPerRequest),
      peakRssMb: med((m) => m.peakRssMb),
      foreignCpus: med((m) => m.foreignCpus),
      round: 0,
    });
  }
  return summary;
}

/**
 * Throughput of `a` over `b` on one query: the median of the per-round ratios. Variants of a round run minutes
 * apart at most, so pairing them within a round cancels much of a shared machine's drifting load.
 */
export function pairedRatio(measurements: Measurement[], query: string, a: VariantKey, b: VariantKey, pick: (m: Measurement) => number): number | undefined {
  const rounds = new Set(measurements.map((m) => m.round));
  const ratios = [...rounds].flatMap((round) => {
    const ma = measurements.find((m) => m.round === round && m.query === query && m.variant === a);
    const mb = measurements.find((m) => m.round === round && m.query === query && m.variant === b);
    return ma && mb && pick(mb) > 0 ? [pick(ma) / pick(mb)] : [];
  });
  return ratios.length > 0 ? median(ratios) : undefined;
}

const rps = (m: Measurement) => m.requestsPerSecond;
const x = (value: number | undefined) => (value === undefined ? '' : `${value.toFixed(2)}x`);

const fixed = (value: number, digits: number) => value.toFixed(digits);
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`);

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Floor per query: the CPU to parse the warm upstream bodies and stringify the response (bench/floor-worker.ts). */
export type Floors = Map<string, number>;

/**
 * The smallest floor a ratio is taken to: 1 µs, the unit of `process.cpuUsage` and the last digit the table
 * shows. Below it (`{ __typename }`: one tiny stringify, about 0.0002 ms) the floor is "nothing", and a server's
 * CPU per request over it reads as thousands of times "too slow" when it only measures the HTTP and GraphQL
 * work every request has: such a floor is shown as `< 0.001` and no ratio is printed.
 */
export const FLOOR_RESOLUTION_MS = 0.001;

/** The floor, when it is large enough to divide by. */
export function usableFloor(floor: number | undefined): number | undefined {
  return floor !== undefined && floor >= FLOOR_RESOLUTION_MS ? floor : undefined;
}

/** A floor as the report prints it: 3 decimals, or `< 0.001` below the resolution. */
export const floorText = (floor: number): string => (usableFloor(floor) === undefined ? `< ${FLOOR_RESOLUTION_MS.toFixed(3)}` : fixed(floor, 3));

export function resultsTable(summary: Summary, queries: BenchQuery[], variants: Variant[], floors: Floors): string {
  const lines = [
    row(['query', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'upstream calls cold', 'upstream calls warm', 'CPU ms/req', 'CPU / floor', 'peak RSS MB']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const query of queries) {
    const measured = floors.get(query.name);
    const floor = usableFloor(measured);
    if (measured !== undefined) lines.push(row([query.label, '**floor** (parse + stringify)', '', '', '', '', '', floorText(measured), floor ? '1.00x' : '', '']));
    for (const variant of variants) {
      const m = summary.get(key(variant.key, query.name));
      if (!m) continue;
      lines.push(
        row([
          query.label,
          variant.label,
          fixed(m.requestsPerSecond, 0),
          fixed(m.p50Ms, 1),
          fixed(m.p99Ms, 1),
          String(m.coldCalls),
          String(m.warmCalls),
          fixed(m.cpuMsPerRequest, 2),
          floor ? ratio(m.cpuMsPerRequest, floor) : '',
          fixed(m.peakRssMb, 0),
        ]),
      );
    }
  }
  return lines.join('\n');
}

export interface TargetCheck {
  text: string;
  met: boolean;
}

/** The ratios, and each target with whether the product met it. */
export function ratios(summary: Summary, measurements: Measurement[], queries: BenchQuery[], floors: Floors): { table: string; targets: TargetCheck[] } {
  const get = (v: VariantKey, q: string) => summary.get(key(v, q));
  const lines = [
    row([
      'query',
      'product / SDL req/s',
      'product / ceiling req/s',
      'naive / product calls cold',
      'naive / product calls warm',
      'naive / product p50',
      'peer / product calls cold',
      'peer / product calls warm',
      'product / peer req/s',
      'peer / product CPU ms/req',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  const targets: TargetCheck[] = [];
  for (const query of queries) {
    const [product, naive, peer] = (['product', 'naive', 'peer'] as const).map((v) => get(v, query.name));
    if (!product) continue;
    const vsSdl = pairedRatio(measurements, query.name, 'product', 'sdl', rps);
    const vsCeiling = pairedRatio(measurements, query.name, 'product', 'ceiling', rps);
    const vsPeer = pairedRatio(measurements, query.name, 'product', 'peer', rps);
    const peerCpu = pairedRatio(measurements, query.name, 'peer', 'product', (m) => m.cpuMsPerRequest);
    lines.push(
      row([
        query.label,
        x(vsSdl),
        x(vsCeiling),
        naive ? ratio(naive.coldCalls, product.coldCalls) : '',
        naive ? ratio(naive.warmCalls, product.warmCalls) : '',
        naive ? ratio(naive.p50Ms, product.p50Ms) : '',
        peer ? ratio(peer.coldCalls, product.coldCalls) : '',
        peer ? ratio(peer.warmCalls, Math.max(product.warmCalls, 1)) : '',
        x(vsPeer),
        x(peerCpu),
      ]),
    );
    const floor = usableFloor(floors.get(query.name));
    if (query.name === 'UsersNested') {
      if (vsSdl !== undefined) {
        targets.push({ text: `${query.label}: product / SDL baseline throughput ${vsSdl.toFixed(2)}x (target >= 0.95x)`, met: vsSdl >= 0.95 });
      }
      if (floor !== undefined) {
        const multiple = product.cpuMsPerRequest / floor;
        targets.push({ text: `${query.label}: product CPU per request ${multiple.toFixed(1)}x the floor (target <= 6x)`, met: multiple <= 6 });
      }
      const workers = pairedRatio(measurements, query.name, 'workers2', 'product', rps);
      if (workers !== undefined) {
        targets.push({ text: `${query.label}: 2 workers / 1 worker throughput ${workers.toFixed(2)}x (target >= 1.6x)`, met: workers >= 1.6 });
      }
      if (naive) {
        const cold = naive.coldCalls / product.coldCalls;
        const warm = naive.warmCalls / Math.max(product.warmCalls, 1);
        targets.push({ text: `${query.label}: upstream calls ${cold.toFixed(1)}x fewer than naive cold (target >= 5x)`, met: cold >= 5 });
        targets.push({ text: `${query.label}: upstream calls ${warm.toFixed(1)}x fewer than naive warm (target >= 50x)`, met: warm >= 50 });
      }
    }
    if (['UsersNested', 'UserFull', 'Entities'].includes(query.name) && vsCeiling !== undefined) {
      targets.push({ text: `${query.label}: product / ceiling throughput ${vsCeiling.toFixed(2)}x (target >= 0.8x)`, met: vsCeiling >= 0.8 });
    }
  }
  return { table: lines.join('\n'), targets };
}

/**
 * One line per target. A run that can judge them says `met` or `MISSED`; one that cannot (see `runVerdict`)
 * says where its figure fell, `at target` or `below target`, which is a reading, not a verdict.
 */
export function targetList(targets: TargetCheck[], judged = true): string {
  const word = (met: boolean) => (judged ? (met ? 'met' : 'MISSED') : met ? 'at target' : 'below target');
  return targets.map((t) => `- ${word(t.met)}: ${t.text}`).join('\n');
}

/** With BENCH_ALT_MAIN: the alternative build against the product, per query (A/B of a proposed change). */
export function altComparison(summary: Summary, measurements: Measurement[], queries: BenchQuery[]): string | undefined {
  const lines = queries.flatMap((query) => {
    if (!summary.get(key('product', query.name)) || !summary.get(key('alt', query.name))) return [];
    const throughput = pairedRatio(measurements, query.name, 'alt', 'product', rps);
    const cpu = pairedRatio(measurements, query.name, 'alt', 'product', (m) => m.cpuMsPerRequest);
    return [`- ${query.label}: alternative / product throughput ${x(throughput)}, CPU per request ${x(cpu)} (medians of per-round ratios)`];
  });
  return lines.length > 0 ? lines.join('\n') : undefined;
}
