import { z } from 'zod';
import type { SimulatorOptions } from './server';

/**
 * The simulator's settings from the environment (`SIM_*`), checked by one zod schema as `src/config.ts` checks the
 * subgraph's: unset or empty means the simulator's default; a bad value names its variable.
 */

export class SimulatorEnvError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'SimulatorEnvError';
  }
}

const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);

function number(expectation: string, valid: (n: number) => boolean) {
  const error = `must be ${expectation}`;
  return z.preprocess(unsetIfBlank, z.coerce.number({ error }).refine((n) => Number.isFinite(n) && valid(n), { error }).optional());
}

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => (n: number) => Number.isInteger(n) && n >= min && n <= max;

const flag = z.preprocess(
  (value) => (typeof unsetIfBlank(value) === 'string' ? (unsetIfBlank(value) as string).toLowerCase() : unsetIfBlank(value)),
  z
    .enum(['1', 'true', '0', 'false'], { error: 'must be 1, true, 0 or false' })
    .transform((v) => v === '1' || v === 'true')
    .optional(),
);

/** Exported so that docs/configuration.md can be held to it (test/docs/configuration.test.ts). */
export const simulatorEnvSchema = z.object({
  SIM_HOST: z.preprocess(unsetIfBlank, z.string().optional()),
  SIM_PORT: number('an integer port 0..65535', wholeNumber(0, 65535)).default(4010),
  SIM_USERS: number('a non-negative integer', wholeNumber(0, 10_000_000)),
  SIM_SEED: number('an integer', wholeNumber(Number.MIN_SAFE_INTEGER)),
  SIM_LATENCY_MS: number('a number of milliseconds >= 0', (n) => n >= 0),
  SIM_FAILURE_RATE: number('a number between 0 and 1', (n) => n >= 0 && n <= 1),
  SIM_FAILURE_STATUS: number('an HTTP error status 400..599', wholeNumber(400, 599)),
  SIM_TOKEN_TTL_SECONDS: number('a number of seconds > 0', (n) => n > 0),
  SIM_CHANGES_PER_MINUTE: number('a number of changes a minute, 0..6000', (n) => n >= 0 && n <= 6_000),
  SIM_PRECOMPUTED: flag,
});

/**
 * Options from `SIM_HOST`, `SIM_PORT` (default 4010), `SIM_USERS`, `SIM_SEED`, `SIM_LATENCY_MS`, `SIM_FAILURE_RATE`,
 * `SIM_FAILURE_STATUS`, `SIM_TOKEN_TTL_SECONDS`, `SIM_CHANGES_PER_MINUTE` and `SIM_PRECOMPUTED`; what is unset is
 * left to the simulator's defaults. A bad value throws a `SimulatorEnvError` naming the variable.
 */
export function simulatorOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<SimulatorOptions> {
  const parsed = simulatorEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0]);
    throw new SimulatorEnvError(variable, `${issue.message}, got ${JSON.stringify(env[variable])}`);
  }
  const e = parsed.data;
  return {
    host: e.SIM_HOST,
    port: e.SIM_PORT,
    users: e.SIM_USERS,
    seed: e.SIM_SEED,
    latencyMs: e.SIM_LATENCY_MS,
    failureRate: e.SIM_FAILURE_RATE,
    failureStatus: e.SIM_FAILURE_STATUS,
    tokenTtlSeconds: e.SIM_TOKEN_TTL_SECONDS,
    changesPerMinute: e.SIM_CHANGES_PER_MINUTE,
    precomputed: e.SIM_PRECOMPUTED,
  };
}
