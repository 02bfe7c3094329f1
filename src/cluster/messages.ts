import type { Registry } from 'prom-client';
import type { UpstreamConfig } from '../config';

/** What the cluster primary and its workers say to each other over the `node:cluster` IPC channel. */

/** Worker → primary: serving (the URLs it listens on, shared by every worker). */
export interface WorkerReady {
  type: 'identity:ready';
  url: string;
  graphqlUrl: string;
  metricsUrl: string;
}

/** Worker → primary: it could not start, and why (the same text a single process would print). */
export interface WorkerFailed {
  type: 'identity:failed';
  reason: string;
}

/** Primary → worker: drain and exit, as on SIGTERM. */
export interface Shutdown {
  type: 'identity:shutdown';
}

/** Primary → worker: send your registry, to be summed with the others'. */
export interface MetricsRequest {
  type: 'identity:metrics-request';
  id: number;
}

/** Worker → primary: its registry as prom-client JSON (what `AggregatorRegistry.aggregate` sums). */
export interface MetricsReply {
  type: 'identity:metrics-reply';
  id: number;
  metrics?: RegistryJson;
  error?: string;
}

/** Worker → primary: a scrape reached this worker's GraphQL port; answer with the sum over all workers. */
export interface SumRequest {
  type: 'identity:sum-request';
  id: number;
}

/** Primary → worker: the sum in Prometheus text, or why it failed. */
export interface SumReply {
  type: 'identity:sum-reply';
  id: number;
  contentType?: string;
  body?: string;
  error?: string;
}

/** One registry as `getMetricsAsJSON` gives it. */
export type RegistryJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

export type ToPrimary = WorkerReady | WorkerFailed | MetricsReply | SumRequest;

/**
 * Set by the primary on the workers it forks when it runs the embedded simulator: how to reach it (JSON of
 * the connection). Not a setting: `npm start` ignores it outside a cluster worker.
 */
export const CLUSTER_UPSTREAM_ENV = 'IDENTITY_CLUSTER_UPSTREAM';

export type ClusterUpstream = Omit<UpstreamConfig, 'timeoutMs'>;

export function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
