import { type RunningSimulator, type SimulatorOptions, startSimulator } from './server';

/** `npm run simulator`: the v41 simulator as a standalone process, for benchmarks and manual exploration. */

export class SimulatorEnvError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'SimulatorEnvError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readNumber(env: Env, variable: string, check: (n: number) => boolean, expectation: string): number | undefined {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new SimulatorEnvError(variable, `must be ${expectation}, got ${JSON.stringify(raw)}`);
  return value;
}

function readFlag(env: Env, variable: string): boolean | undefined {
  const raw = env[variable]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new SimulatorEnvError(variable, `must be 1, true, 0 or false, got ${JSON.stringify(env[variable])}`);
}

const isInteger = (min: number, max = Number.MAX_SAFE_INTEGER) => (n: number) => Number.isInteger(n) && n >= min && n <= max;

/**
 * Options from `SIM_HOST`, `SIM_PORT` (default 4010), `SIM_USERS`, `SIM_SEED`, `SIM_LATENCY_MS`,
 * `SIM_FAILURE_RATE`, `SIM_FAILURE_STATUS`, `SIM_TOKEN_TTL_SECONDS`, `SIM_CHANGES_PER_MINUTE` and `SIM_PRECOMPUTED` (`1`/`true` or
 * `0`/`false`); unset or empty means the default. A bad value throws a
 * `SimulatorEnvError` naming the variable.
 */
export function simulatorOptionsFromEnv(env: Env): Partial<SimulatorOptions> {
  const host = env.SIM_HOST?.trim();
  return {
    host: host === '' ? undefined : host,
    port: readNumber(env, 'SIM_PORT', isInteger(0, 65535), 'an integer port 0..65535') ?? 4010,
    users: readNumber(env, 'SIM_USERS', isInteger(0, 10_000_000), 'a non-negative integer'),
    seed: readNumber(env, 'SIM_SEED', isInteger(Number.MIN_SAFE_INTEGER), 'an integer'),
    latencyMs: readNumber(env, 'SIM_LATENCY_MS', (n) => n >= 0, 'a number of milliseconds >= 0'),
    failureRate: readNumber(env, 'SIM_FAILURE_RATE', (n) => n >= 0 && n <= 1, 'a number between 0 and 1'),
    failureStatus: readNumber(env, 'SIM_FAILURE_STATUS', isInteger(400, 599), 'an HTTP error status 400..599'),
    tokenTtlSeconds: readNumber(env, 'SIM_TOKEN_TTL_SECONDS', (n) => n > 0, 'a number of seconds > 0'),
    changesPerMinute: readNumber(env, 'SIM_CHANGES_PER_MINUTE', (n) => n >= 0 && n <= 6_000, 'a number of changes a minute, 0..6000'),
    precomputed: readFlag(env, 'SIM_PRECOMPUTED'),
  };
}

function describe(simulator: RunningSimulator): string {
  const { options, data } = simulator;
  return [
    `PrivX v41 simulator listening on ${simulator.url}`,
    `  data: ${data.users.length} users (${data.localUsers.length} local), ${data.roles.length} roles, ${data.sources.length} directories, seed ${options.seed}`,
    `  knobs: latency ${options.latencyMs} ms, failure rate ${options.failureRate}, token TTL ${options.tokenTtlSeconds} s, ${options.changesPerMinute} user changes a minute${options.precomputed ? ', precomputed answers' : ''}`,
    '  credentials for the subgraph:',
    `    V41_BASE_URL=${simulator.url}`,
    `    OAuth client:  ${options.oauthClientId} / ${options.oauthClientSecret}`,
    `    API client:    ${options.apiClientId} / ${options.apiClientSecret}`,
    `  admin: GET ${simulator.url}/__stats, POST ${simulator.url}/__reset, POST ${simulator.url}/__faults, POST ${simulator.url}/__changes`,
  ].join('\n');
}

async function main(): Promise<void> {
  let options: Partial<SimulatorOptions>;
  try {
    options = simulatorOptionsFromEnv(process.env);
  } catch (error) {
    console.error(`Invalid simulator configuration: ${(error as Error).message}`);
    process.exit(1);
  }
  const simulator = await startSimulator(options);
  console.log(describe(simulator));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing the simulator`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('The simulator failed to start:', error);
    process.exit(1);
  });
}
