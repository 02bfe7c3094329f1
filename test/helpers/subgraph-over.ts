import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AccessConfig } from '../../src/auth/caller';
import type { UpstreamConfig } from '../../src/config';
import type { ServedUpstream } from '../../src/upstream';
import type { CorsOrigins } from '../../src/cors-policy';
import { startSubgraph, type ClientTimeouts, type RunningSubgraph } from '../../src/server';
import type { DemandLimits } from '../../src/demand-control';
import type { AdmissionLimits } from '../../src/admission';
import { createUpstream, type UpstreamSettings } from '../../src/upstream';
import type { Logger } from '../../src/observability';
import { postGraphQL, type GraphQLResponse } from '../../examples/supergraph/graphql-http';

export interface SubgraphOptions {
  cacheTtlSeconds?: number;
  dataloadersEnabled?: boolean;
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
  /** `WRITES_ENABLED`; unset unless given. */
  writesEnabled?: boolean;
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
    { ...options.settings, cacheTtlSeconds: options.cacheTtlSeconds ?? 30, cacheMaxEntries: 100_000, dataloadersEnabled: options.dataloadersEnabled ?? true },
  );
  const subgraph = await startSubgraph({
    upstream,
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
    writesEnabled: options.writesEnabled,
  });
  return {
    subgraph,
    upstream,
    query: (document, variables, headers) => postGraphQL(subgraph.graphqlUrl, document, variables, headers),
    close: () => subgraph.close(),
  };
}

