import { z } from 'zod';

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

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const flag = z.preprocess(blankAsUnset, z.enum(['1', 'true', '0', 'false'], { error: 'must be 1, true, 0 or false' }).transform((v) => v === '1' || v === 'true').optional());
const amount = z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a number >= 0' }).min(0, { error: 'must be a number >= 0' }).optional());
const list = z.preprocess(
  blankAsUnset,
  z
    .string()
    .transform((raw) => raw.split(/[\s,]+/).filter((item) => item !== ''))
    .optional(),
);
const connectionCounts = z.preprocess(
  blankAsUnset,
  z
    .string()
    .transform((raw, ctx) => {
      if (raw.trim() === 'none') return [];
      const counts = raw.split(/[\s,]+/).map(Number);
      if (counts.some((n) => !Number.isInteger(n) || n < 1)) ctx.addIssue({ code: 'custom', message: 'must be connection counts such as 10,50 (or none)' });
      return counts;
    })
    .optional(),
);

/** `BENCH_*`, checked by one zod schema as the subgraph's and the simulator's settings are. */
const benchEnvSchema = z.object({
  BENCH_QUICK: flag,
  BENCH_LATENCY_MS: amount,
  BENCH_SIM_PRECOMPUTED: flag,
  BENCH_USERS: amount,
  BENCH_SEED: amount,
  BENCH_ROUNDS: amount,
  BENCH_WARMUP_SECONDS: amount,
  BENCH_SECONDS: amount,
  BENCH_CONNECTIONS: amount,
  BENCH_QUERIES: list,
  BENCH_VARIANTS: list,
  BENCH_LOAD_CONNECTIONS: connectionCounts,
  BENCH_WRITE_REPORT: flag,
});

export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const parsed = benchEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new Error(`${name} ${issue.message}, got ${JSON.stringify(env[name])}`);
  }
  const e = parsed.data;
  const quick = e.BENCH_QUICK ?? false;
  return {
    quick,
    latencyMs: e.BENCH_LATENCY_MS ?? 5,
    simulatorPrecomputed: e.BENCH_SIM_PRECOMPUTED ?? false,
    users: e.BENCH_USERS ?? 500,
    seed: e.BENCH_SEED ?? 41,
    rounds: e.BENCH_ROUNDS ?? (quick ? 1 : 3),
    warmupSeconds: e.BENCH_WARMUP_SECONDS ?? (quick ? 0.5 : 2),
    loadSeconds: e.BENCH_SECONDS ?? (quick ? 1.5 : 8),
    connections: e.BENCH_CONNECTIONS ?? 10,
    queries: e.BENCH_QUERIES?.length ? e.BENCH_QUERIES : undefined,
    variants: e.BENCH_VARIANTS?.length ? e.BENCH_VARIANTS : undefined,
    loadConnections: e.BENCH_LOAD_CONNECTIONS ?? [10, 50],
    writeReport: e.BENCH_WRITE_REPORT ?? !quick,
  };
}
