import 'reflect-metadata';
import cluster from 'node:cluster';
import { runPrimary } from './cluster/primary';
import { reportStartupFailure, runWorker } from './cluster/worker';
import { loadConfig } from './config';
import { createLogger } from './observability';
import { startTracingSdk } from './observability/otel-sdk';
import { startService } from './service';
import { exitAfterDrain } from './shutdown';
import { describeAccess, describeStartupError, describeWrites } from './startup-messages';

/** `npm start`: one process, or with WEB_CONCURRENCY > 1 a cluster primary (src/cluster) and its workers. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) return runWorker(config);
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  if (config.workers > 1) return runPrimary(config, logger);
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
  logger.info(describeWrites(config));
  exitAfterDrain(service, logger, stopTracing);
}

main().catch((error: unknown) => {
  // A worker's failure is the primary's to report, once for all of them.
  if (cluster.isWorker) return reportStartupFailure(describeStartupError(error));
  console.error(describeStartupError(error));
  process.exit(1);
});
