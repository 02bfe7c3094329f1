/** What a benchmark run does, from the environment: `BENCH_QUICK=1` for the short version. */
export interface BenchSettings {
  quick: boolean;
  /** Fixed latency the simulator adds to every counted upstream call. */
  latencyMs: number;
  /** The simulator answers repeated reads from serialized bodies (SIM_PRECOMPUTED): its CPU out of the way. */
  simulatorPrecomputed: boolean;
  users: number;
  seed: number;
  rounds: number;
  warmupSeconds: number;
  loadSeconds: number;
  connections: number;
  /** Only these operation names / variant keys (development: `BENCH_QUERIES=Typename BENCH_VARIANTS=product,sdl`). */
  queries: string[] | undefined;
  variants: string[] | undefined;
  /** Connection counts of the load section (nested 100-user page, 503 SERVER_BUSY counted); empty: no load section. */
  loadConnections: number[];
  /** Write BENCHMARKS.md (the full run only, unless told otherwise). */
  writeReport: boolean;
}

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, got ${JSON.stringify(raw)}`);
  return value;
}

function listFrom(name: string): string[] | undefined {
  const items = (process.env[name] ?? '').split(/[\s,]+/).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

function loadConnectionsFrom(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return [10, 50];
  if (raw.trim() === 'none') return [];
  return raw.split(/[\s,]+/).map((item) => {
    const value = Number(item);
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_LOAD_CONNECTIONS must be connection counts such as 10,50 (or none), got ${JSON.stringify(raw)}`);
    return value;
  });
}

export function benchSettings(): BenchSettings {
  const quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
  return {
    quick,
    latencyMs: numberFrom('BENCH_LATENCY_MS', 5),
    simulatorPrecomputed: process.env.BENCH_SIM_PRECOMPUTED === '1' || process.env.BENCH_SIM_PRECOMPUTED === 'true',
    users: numberFrom('BENCH_USERS', 500),
    seed: numberFrom('BENCH_SEED', 41),
    rounds: numberFrom('BENCH_ROUNDS', quick ? 1 : 3),
    warmupSeconds: numberFrom('BENCH_WARMUP_SECONDS', quick ? 0.5 : 2),
    loadSeconds: numberFrom('BENCH_SECONDS', quick ? 1.5 : 8),
    connections: numberFrom('BENCH_CONNECTIONS', 10),
    queries: listFrom('BENCH_QUERIES'),
    variants: listFrom('BENCH_VARIANTS'),
    loadConnections: loadConnectionsFrom(process.env.BENCH_LOAD_CONNECTIONS),
    writeReport: process.env.BENCH_WRITE_REPORT ? process.env.BENCH_WRITE_REPORT === '1' : !quick,
  };
}
