import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { LoaderFactory } from '../../datasources/loaders';
import type { AccessConfig } from '../../src/auth/caller';
import type { SharedCacheConfig, UpstreamConfig } from '../../src/config';
import type { ChangeSettings } from '../../src/changes';
import type { ServedUpstream } from '../../src/upstream';
import type { CorsOrigins } from '../../src/cors-policy';
import { startSubgraph, type ClientTimeouts, type RunningSubgraph } from '../../src/server';
import type { DemandLimits } from '../../src/demand-control';
import type { AdmissionLimits } from '../../src/admission';
import type { DocumentStoreBounds } from '../../src/document-stores';
import { createUpstream, type UpstreamSettings } from '../../src/upstream';
import type { Logger } from '../../src/observability';
import { postGraphQL, type GraphQLResponse } from '../../examples/supergraph/graphql-http';

export interface SubgraphOptions {
  cacheTtlSeconds?: number;
  /** `CACHE_MAX_ENTRIES`; 100,000 unless given. */
  cacheMaxEntries?: number;
  /** How each request's loaders are made: the product's unless given (the naive ones of bench/naive). */
  loaders?: LoaderFactory;
  production?: boolean;
  access?: AccessConfig;
  corsOrigins?: CorsOrigins;
  logger?: Logger;
  metricsPort?: number;
  /** Deadline, budget, resilience and stale-if-error settings; the defaults unless given. */
  settings?: Partial<UpstreamSettings>;
  limits?: DemandLimits;
  clientTimeouts?: ClientTimeouts;
  /** The bound on requests in flight; the defaults unless given. */
  admission?: AdmissionLimits;
  /** Per-call upstream timeout; 5 s unless given. */
  upstreamTimeoutMs?: number;
  /** Bytes of the persisted-query and document stores; the defaults unless given. */
  documentStores?: DocumentStoreBounds;
  /** `WRITES_ENABLED`; unset unless given. */
  writesEnabled?: boolean;
  /** The change feed; a feed without a poller unless given. */
  changes?: ChangeSettings | false;
  /** Share the cache and the change feed through this Redis. */
  sharedCache?: SharedCacheConfig;
  /** The shared cache's wall clock (Redis tier). */
  now?: () => number;
}

export interface SubgraphStack {
  subgraph: RunningSubgraph;
  upstream: ServedUpstream;
  query<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | string,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** The subgraph in front of any v41 endpoint (the simulator, the contract fake, …), over loopback HTTP. */
export async function startSubgraphOver(connection: Omit<UpstreamConfig, 'timeoutMs'>, options: SubgraphOptions = {}): Promise<SubgraphStack> {
  const upstream = createUpstream(
    { ...connection, timeoutMs: options.upstreamTimeoutMs ?? 5_000 },
    { ...options.settings, cacheTtlSeconds: options.cacheTtlSeconds ?? 30, cacheMaxEntries: options.cacheMaxEntries ?? 100_000, ...(options.sharedCache ? { sharedCache: options.sharedCache } : {}) },
    { now: options.now },
  );
  const subgraph = await startSubgraph({
    upstream,
    loaders: options.loaders,
    port: 0,
    host: '127.0.0.1',
    production: options.production ?? false,
    access: options.access,
    corsOrigins: options.corsOrigins,
    logger: options.logger,
    metricsPort: options.metricsPort,
    limits: options.limits,
    clientTimeouts: options.clientTimeouts,
    admission: options.admission,
    documentStores: options.documentStores,
    writesEnabled: options.writesEnabled,
    changes: options.changes,
    sharedCache: options.sharedCache,
  });
  return {
    subgraph,
    upstream,
    query: (document, variables, headers) => postGraphQL(subgraph.graphqlUrl, document, variables, headers),
    close: () => subgraph.close(),
  };
}

