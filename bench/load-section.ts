import { DEFAULT_REQUEST_BOUNDS } from '../src';
import { runLoad, type LoadResult } from './load';
import type { LoadVariant } from './load-variants';
import { probe, settle, type MeasureContext } from './measure';
import { startNode } from './processes';
import { treeCpuSeconds } from './proc-stats';
import type { BenchQuery } from './queries';
import { median, type TargetCheck } from './table';

/**
 * The load section: one query (the nested 100-user page) at several connection counts, where a server past its
 * in-flight bound answers `503 SERVER_BUSY` (counted, not failed) and latency is that of the served requests.
 */
export interface LoadMeasurement extends Pick<LoadResult, 'requestsPerSecond' | 'p50Ms' | 'p99Ms' | 'maxMs' | 'busy' | 'busyMaxMs' | 'timeouts'> {
  round: number;
  key: string;
  connections: number;
  cpuMsPerRequest: number;
  /** The request deadline the server ran with. */
  deadlineMs: number;
}

export async function measureLoad(load: LoadVariant, query: BenchQuery, connections: number, context: MeasureContext, round: number): Promise<LoadMeasurement> {
  const { simulator, settings, reference } = context;
  const env = { ...load.variant.env, ...load.env };
  const server = await startNode(load.variant.script, env, load.variant.ready);
  try {
    const who = `load ${load.key} / ${query.name} / ${connections} connections`;
    const warm = await probe(server.url, query, simulator, `${who} (cold)`).then(() => probe(server.url, query, simulator, `${who} (warm)`));
    const expected = reference.get(query.name);
    if (expected !== undefined && expected !== warm.data) throw new Error(`${who}: the answer differs from the product's`);
    const deadlineMs = Number(env.REQUEST_TIMEOUT_MS ?? DEFAULT_REQUEST_BOUNDS.timeoutMs);
    const options = { connections, acceptBusy: true, timeoutSeconds: Math.ceil(deadlineMs / 1000) };
    const run = (seconds: number) => runLoad(server.url, query.body, warm.text, { ...options, seconds }).catch((error: Error) => Promise.reject(new Error(`${who}: ${error.message}`)));
    if (settings.warmupSeconds > 0) await run(settings.warmupSeconds);
    await settle(server.pid, simulator);
    const cpuBefore = treeCpuSeconds(server.pid);
    const result = await run(settings.loadSeconds);
    await settle(server.pid, simulator);
    return {
      round,
      key: load.key,
      connections,
      requestsPerSecond: result.requestsPerSecond,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      maxMs: result.maxMs,
      busy: result.busy,
      busyMaxMs: result.busyMaxMs,
      timeouts: result.timeouts,
      // Served and refused alike cost CPU: per request sent.
      cpuMsPerRequest: ((treeCpuSeconds(server.pid) - cpuBefore) * 1000) / (result.sent + result.busy),
      deadlineMs,
    };
  } finally {
    await server.stop();
  }
}

/** Medians over the rounds per server and connection count. */
export function summariseLoad(measurements: LoadMeasurement[]): LoadMeasurement[] {
  const groups = new Map<string, LoadMeasurement[]>();
  for (const m of measurements) groups.set(`${m.key}\u0000${m.connections}`, [...(groups.get(`${m.key}\u0000${m.connections}`) ?? []), m]);
  return [...groups.values()].map((group) => {
    const med = (pick: (m: LoadMeasurement) => number) => median(group.map(pick));
    const first = group[0] as LoadMeasurement;
    return {
      ...first,
      round: 0,
      requestsPerSecond: med((m) => m.requestsPerSecond),
      p50Ms: med((m) => m.p50Ms),
      p99Ms: med((m) => m.p99Ms),
      // The worst run: "no request slower than the deadline" is about every request.
      maxMs: Math.max(...group.map((m) => m.maxMs)),
      busy: med((m) => m.busy),
      busyMaxMs: Math.max(...group.map((m) => m.busyMaxMs)),
      timeouts: Math.max(...group.map((m) => m.timeouts)),
      cpuMsPerRequest: med((m) => m.cpuMsPerRequest),
    };
  });
}

export function loadTable(summary: LoadMeasurement[], labels: Map<string, string>, queryLabel: string): string {
  const lines = [
    `| ${queryLabel}: server | connections | served req/s | p50 ms | p99 ms | p99 / p50 | max ms | past the deadline | 503 SERVER_BUSY | slowest 503 ms | CPU ms/req |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const m of summary) {
    lines.push(
      `| ${labels.get(m.key) ?? m.key} | ${m.connections} | ${m.requestsPerSecond.toFixed(0)} | ${m.p50Ms.toFixed(0)} | ${m.p99Ms.toFixed(0)} | ` +
        `${(m.p99Ms / Math.max(m.p50Ms, 1)).toFixed(1)}x | ${m.maxMs.toFixed(0)} | ${m.timeouts} | ${m.busy.toFixed(0)} | ${m.busy > 0 ? m.busyMaxMs.toFixed(0) : ''} | ${m.cpuMsPerRequest.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/** At 50 connections (or the most measured): p99 at most 5x p50, or refusals and no request past the deadline. */
export function loadTargets(summary: LoadMeasurement[]): TargetCheck[] {
  const most = Math.max(...summary.map((m) => m.connections));
  return summary
    .filter((m) => m.key === 'product' && m.connections === most)
    .map((m) => {
      const spread = m.p99Ms / Math.max(m.p50Ms, 1);
      const slowest = Math.max(m.maxMs, m.busyMaxMs);
      const shed = m.busy > 0 && slowest <= m.deadlineMs && m.timeouts === 0;
      return {
        text:
          `At ${m.connections} connections: p99 ${m.p99Ms.toFixed(0)} ms = ${spread.toFixed(1)}x p50, ${m.busy.toFixed(0)} SERVER_BUSY, slowest ` +
          `${slowest.toFixed(0)} ms (target: p99 <= 5x p50, or SERVER_BUSY rejections and no request slower than the ${m.deadlineMs} ms deadline)`,
        met: (spread <= 5 && m.timeouts === 0) || shed,
      };
    });
}
