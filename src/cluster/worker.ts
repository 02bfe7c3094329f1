import cluster from 'node:cluster';
import type { Registry } from 'prom-client';
import type { AppConfig } from '../config';
import type { RenderMetrics } from '../http-server';
import { createLogger } from '../observability';
import { startTracingSdk } from '../observability/otel-sdk';
import { startService } from '../service';
import { exitAfterDrain } from '../shutdown';
import { CLUSTER_UPSTREAM_ENV, isMessage, type ClusterUpstream, type MetricsRequest, type SumReply, type ToPrimary } from './messages';

/** A scrape of a worker's `/metrics` waits this long for the primary's sum. */
const SUM_TIMEOUT_MS = 10_000;

function send(message: ToPrimary, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

/**
 * One `node:cluster` worker of `npm start`: the same subgraph as a single process, over the upstream the
 * primary names (its embedded simulator, shared by all workers), with `/metrics` summed over the workers.
 * Drains and exits on SIGTERM, SIGINT or the primary's word; if the primary dies, Node's cluster module ends
 * the worker at once.
 */
export async function runWorker(config: AppConfig): Promise<void> {
  const logger = createLogger({ level: config.logLevel, pretty: config.logPretty, worker: cluster.worker?.id });
  const stopTracing = startTracingSdk(config.tracing);
  const shared = process.env[CLUSTER_UPSTREAM_ENV]; // set by the primary, empty unless it runs the simulator
  const upstream = shared ? (JSON.parse(shared) as ClusterUpstream) : config.upstream;
  const service = await startService({ ...config, upstream }, logger, undefined, {
    // METRICS_PORT is the primary's; else this port answers a scrape with the primary's sum.
    clusterMetrics: config.metricsPort === undefined ? { from: sumFromPrimary } : false,
  });
  answerMetricsRequests(service.subgraph.metrics.registry);
  const { url, graphqlUrl, metricsUrl } = service.subgraph;
  const shutdown = exitAfterDrain(service, logger, stopTracing);
  process.on('message', (message) => isMessage(message, 'identity:shutdown') && shutdown('Cluster shutdown'));
  send({ type: 'identity:ready', url, graphqlUrl, metricsUrl });
}

/** The primary reports a worker's start-up failure once, for all workers; then this worker exits 1. */
export function reportStartupFailure(reason: string): void {
  send({ type: 'identity:failed', reason }, () => process.exit(1));
}

function answerMetricsRequests(registry: Registry): void {
  process.on('message', (message) => {
    if (!isMessage<MetricsRequest>(message, 'identity:metrics-request')) return;
    registry.getMetricsAsJSON().then(
      (metrics) => send({ type: 'identity:metrics-reply', id: message.id, metrics }),
      (error: unknown) => send({ type: 'identity:metrics-reply', id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

let nextSumId = 0;

/** `/metrics` on a worker's port: the primary asks every worker and sums their registries. */
const sumFromPrimary: RenderMetrics = () => {
  const id = nextSumId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isMessage<SumReply>(message, 'identity:sum-reply') || message.id !== id) return;
      settle();
      if (message.body !== undefined && message.contentType !== undefined) resolve({ contentType: message.contentType, body: message.body });
      else reject(new Error(message.error ?? 'no metrics'));
    };
    const timer = setTimeout(() => (settle(), reject(new Error(`no metrics from the cluster primary within ${SUM_TIMEOUT_MS} ms`))), SUM_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    send({ type: 'identity:sum-request', id });
  });
};
