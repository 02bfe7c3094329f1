import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AccessConfig } from '../../src/auth/caller';
import type { UpstreamConfig } from '../../src/config';
import type { Upstream } from '../../datasources/upstream';
import type { CorsOrigins } from '../../src/cors-policy';
import { startSubgraph, type RunningSubgraph } from '../../src/server';
import type { Logger } from '../../src/observability';
import { createUpstream } from '../../src/upstream';
import { postGraphQL, type GraphQLResponse } from '../../examples/supergraph/graphql-http';

export interface SubgraphOptions {
  cacheTtlSeconds?: number;
  dataloadersEnabled?: boolean;
  production?: boolean;
  access?: AccessConfig;
  corsOrigins?: CorsOrigins;
  logger?: Logger;
  metricsPort?: number;
}

export interface SubgraphStack {
  subgraph: RunningSubgraph;
  upstream: Upstream;
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
    { ...connection, timeoutMs: 5_000 },
    { cacheTtlSeconds: options.cacheTtlSeconds ?? 30, cacheMaxEntries: 100_000, dataloadersEnabled: options.dataloadersEnabled ?? true },
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
  });
  return {
    subgraph,
    upstream,
    query: (document, variables, headers) => postGraphQL(subgraph.graphqlUrl, document, variables, headers),
    close: () => subgraph.close(),
  };
}

