import 'reflect-metadata';
import { SimulatorEnvError } from '../datasources/simulator/main';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { createLogger } from './observability';
import { startTracingSdk } from './observability/otel-sdk';
import { startService } from './service';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  const stopTracing = startTracingSdk(config.tracing);
  const service = await startService(config, logger);
  const { subgraph } = service;
  logger.info(
    {
      graphql: subgraph.graphqlUrl,
      health: `${subgraph.url}/health`,
      ready: `${subgraph.url}/ready`,
      metrics: subgraph.metricsUrl,
      tracing: config.tracing.otlpEndpoint ?? 'off',
    },
    `Identity subgraph ready at ${subgraph.graphqlUrl}`,
  );
  logger.info(describeAccess(config));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining in-flight requests, then shutting down`);
    service
      .stop()
      .finally(() => stopTracing?.())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
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
