import { simulatorOptionsFromEnv } from './env';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from './server';

/** `npm run simulator`: the v41 simulator as a standalone process, for benchmarks and manual exploration. */

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
