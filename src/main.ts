import 'reflect-metadata';
import { SimulatorEnvError, simulatorOptionsFromEnv } from '../datasources/simulator/main';
import { startSimulator } from '../datasources/simulator/server';
import { ConfigError, loadConfig, type AppConfig, type UpstreamConfig } from './config';
import { createLogger, type Logger } from './observability';
import { startTracingSdk } from './observability/otel-sdk';
import { startSubgraph } from './server';
import { createUpstream } from './upstream';

interface Closable {
  close(): Promise<void>;
}

/** The configured PrivX, or an embedded simulator on an ephemeral loopback port when none is configured. */
async function resolveUpstream(config: AppConfig, logger: Logger): Promise<{ connection: UpstreamConfig; simulator?: Closable }> {
  if (config.upstream) return { connection: { ...config.upstream, timeoutMs: config.upstreamTimeoutMs } };
  // The SIM_* knobs shape the demo data; the port is always ephemeral, as nothing else needs to find it.
  const simulator = await startSimulator({ ...simulatorOptionsFromEnv(process.env), port: 0, host: '127.0.0.1' });
  logger.info({ simulatorUrl: simulator.url, demoUsers: simulator.data.users.length }, 'No V41_BASE_URL set: started the embedded v41 simulator');
  return {
    simulator,
    connection: {
      baseUrl: simulator.url,
      oauthClientId: simulator.options.oauthClientId,
      oauthClientSecret: simulator.options.oauthClientSecret,
      apiClientId: simulator.options.apiClientId,
      apiClientSecret: simulator.options.apiClientSecret,
      timeoutMs: config.upstreamTimeoutMs,
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const stopTracing = startTracingSdk(config.tracing);
  const { connection, simulator } = await resolveUpstream(config, logger);
  // Redis down or back, a failed background refresh: the cache's warnings go to the log.
  const upstream = createUpstream(connection, config, { warn: (message) => logger.warn({ component: 'shared-cache' }, message) });
  const subgraph = await startSubgraph({
    upstream,
    port: config.port,
    host: config.host,
    production: config.production,
    access: config.access,
    corsOrigins: config.corsOrigins,
    logger,
    metricsPort: config.metricsPort,
  });
  logger.info(
    { graphql: subgraph.graphqlUrl, health: `${subgraph.url}/health`, metrics: subgraph.metricsUrl, tracing: config.tracing.otlpEndpoint ?? 'off' },
    `Identity subgraph ready at ${subgraph.graphqlUrl}`,
  );
  logger.info(describeAccess(config));

  const shutdown = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    Promise.all([subgraph.close().then(() => upstream.cache.close()), simulator?.close(), stopTracing?.()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Says which guard is on, never a secret or a key. */
function describeAccess({ access }: AppConfig): string {
  const guards = [
    access.jwt && `bearer JWTs verified against ${new URL(access.jwt.jwksUrl).origin}, scopes enforced here`,
    access.routerSecret && 'only requests carrying the router-authorization secret',
  ].filter(Boolean);
  return guards.length > 0 ? `Access: ${guards.join('; ')}.` : 'Access: open (no AUTH_JWKS_URL or ROUTER_SECRET): anyone who reaches this port can read everything.';
}

/** A bad setting names its variable (never its value); anything else says what failed, without a stack. */
function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof SimulatorEnvError) return `Invalid configuration:\n  - ${error.message}`;
  return `Failed to start: ${error instanceof Error ? error.message : String(error)}`;
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
