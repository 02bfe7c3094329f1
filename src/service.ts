import { simulatorOptionsFromEnv } from '../datasources/simulator/main';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../datasources/simulator/server';
import type { AppConfig, UpstreamConfig } from './config';
import { silentLogger, type Logger } from './observability';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from './server';
import { createUpstream } from './upstream';

interface Closable {
  close(): Promise<void>;
}

export interface RunningService {
  subgraph: RunningSubgraph;
  /** Set when no V41_BASE_URL was given. */
  simulator?: Closable & { url: string };
  /**
   * Stops in order: refuse new connections, let in-flight requests finish, and only then close the embedded
   * simulator they may still be calling.
   */
  stop(): Promise<void>;
}

/** The configured PrivX, or an embedded simulator on an ephemeral loopback port when none is configured. */
async function resolveUpstream(
  config: AppConfig,
  logger: Logger,
  simulatorOptions: Partial<SimulatorOptions>,
): Promise<{ connection: UpstreamConfig; simulator?: RunningSimulator }> {
  if (config.upstream) return { connection: { ...config.upstream, timeoutMs: config.upstreamTimeoutMs } };
  return startEmbeddedSimulator(config, logger, simulatorOptions);
}

/**
 * The demo simulator, and how to reach it. With several workers the cluster primary starts the one they all
 * share; the SIM_* knobs shape its data; the port is always ephemeral, as nothing else needs to find it.
 */
export async function startEmbeddedSimulator(config: Pick<AppConfig, 'upstreamTimeoutMs'>, logger: Logger, simulatorOptions: Partial<SimulatorOptions>) {
  const simulator = await startSimulator({ ...simulatorOptions, port: 0, host: '127.0.0.1' });
  logger.info({ simulatorUrl: simulator.url, demoUsers: simulator.data.users.length }, 'No V41_BASE_URL set: started the embedded v41 simulator');
  const connection: UpstreamConfig = {
    baseUrl: simulator.url,
    oauthClientId: simulator.options.oauthClientId,
    oauthClientSecret: simulator.options.oauthClientSecret,
    apiClientId: simulator.options.apiClientId,
    apiClientSecret: simulator.options.apiClientSecret,
    timeoutMs: config.upstreamTimeoutMs,
  };
  return { simulator, connection };
}

/** Everything `npm start` runs, without the process wiring (signals, exit codes): `main.ts` adds those. */
export async function startService(
  config: AppConfig,
  logger: Logger = silentLogger,
  simulatorOptions: Partial<SimulatorOptions> = simulatorOptionsFromEnv(process.env),
  worker: Pick<SubgraphOptions, 'clusterMetrics'> = {},
): Promise<RunningService> {
  const { connection, simulator } = await resolveUpstream(config, logger, simulatorOptions);
  // Redis down or back, a failed background refresh: the cache's warnings go to the log.
  const upstream = createUpstream(connection, config, { warn: (message) => logger.warn({ component: 'shared-cache' }, message) });
  let subgraph: RunningSubgraph;
  try {
    subgraph = await startSubgraph({
      upstream,
      port: config.port,
      host: config.host,
      production: config.production,
      access: config.access,
      writesEnabled: config.writesEnabled,
      corsOrigins: config.corsOrigins,
      logger,
      metricsPort: config.metricsPort,
      limits: config.limits,
      ...worker,
      admission: config.admission,
    });
  } catch (error) {
    await upstream.cache.close();
    await simulator?.close();
    throw error;
  }
  return {
    subgraph,
    simulator,
    stop: async () => {
      try {
        await subgraph.close();
      } finally {
        await Promise.all([upstream.cache.close(), simulator?.close()]);
      }
    },
  };
}
