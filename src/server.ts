import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { createAdmission, DEFAULT_ADMISSION_LIMITS, type AdmissionLimits } from './admission';
import type { AccessConfig } from './auth/caller';
import { createRequestGuard } from './auth/request-guard';
import { enforceRequiredScopes } from './auth/scope-enforcement';
import { createContext, type Context } from './context';
import type { CorsOrigins } from './cors-policy';
import { DEFAULT_DEMAND_LIMITS, demandControl, type DemandLimits } from './demand-control';
import { createErrorFormatter } from './errors';
import { withOfflineExplorerLink } from './explorer/landing-page';
import { GRAPHQL_PATH, serveMetrics, subgraphRoutes, type RenderMetrics } from './http-server';
import { Metrics, operationPlugin, silentLogger, type Logger } from './observability';
import { jitGateway } from './jit-execution';
import { identitySchema } from './schema/identity-schema';
import type { ServedUpstream } from './upstream';
import { createWrites, writePolicy, type Writes } from './writes';

export interface SubgraphOptions {
  upstream: ServedUpstream;
  port: number;
  host?: string;
  production: boolean;
  /** The TypeGraphQL-built identity schema unless given: the SDL-first benchmark baseline serves its own. */
  schema?: GraphQLSchema;
  /** Verified callers and/or the router gate; none: every request is served (development). */
  access?: AccessConfig;
  /** Default: `*` in development, none in production. */
  corsOrigins?: CorsOrigins;
  /** Silent unless given: tests and tools start subgraphs without wanting their logs. */
  logger?: Logger;
  /** `/metrics` on a port of its own (0: ephemeral) instead of the GraphQL port. */
  metricsPort?: number;
  /**
   * A cluster worker's `/metrics`: `from` answers it (the primary's sum over all workers) on the GraphQL port,
   * or `false`: not served by this process at all (the primary serves `METRICS_PORT`).
   */
  clusterMetrics?: { from: RenderMetrics } | false;
  /** Demand control; the defaults unless given. */
  limits?: DemandLimits;
  clientTimeouts?: ClientTimeouts;
  /** The bound on GraphQL requests in flight in this process; the defaults unless given. */
  admission?: AdmissionLimits;
  /** `WRITES_ENABLED`: unset leaves it to the rule of src/writes/write-policy.ts. */
  writesEnabled?: boolean;
}

export interface ClientTimeouts {
  /** Time a client has to send the request headers. */
  headersMs: number;
  /** Time a client has to send the whole request, body included. */
  requestMs: number;
}

/** Slow clients cannot hold a connection open: headers within 10 s, the whole request within 30 s. */
export const DEFAULT_CLIENT_TIMEOUTS: Readonly<ClientTimeouts> = { headersMs: 10_000, requestMs: 30_000 };

export interface RunningSubgraph {
  /** Base URL, e.g. http://127.0.0.1:4001 */
  url: string;
  graphqlUrl: string;
  /** Where Prometheus scrapes. */
  metricsUrl: string;
  metrics: Metrics;
  /** Whether mutations write here, and why (the start-up log says it). */
  writes: Writes['policy'];
  close(): Promise<void>;
}

/**
 * No type or field of this schema sets a cache hint, so Apollo's cache-control plugin only ever concluded
 * `no-store`, after computing a policy for every resolved field (and wrapping every resolver to do it). This
 * says `no-store` once per response instead: the same header, none of the per-field cost.
 */
const noStore: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Starts the subgraph over a ready upstream: GraphQL at `/graphql`, health at `/health`, `/metrics`. */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const { upstream, port, host = '127.0.0.1', production, schema: given, access = {}, logger = silentLogger, limits = DEFAULT_DEMAND_LIMITS, clientTimeouts = DEFAULT_CLIENT_TIMEOUTS } = options;
  const { clusterMetrics } = options;
  const metricsPort = clusterMetrics === undefined ? options.metricsPort : undefined;
  const { admission: admissionLimits = DEFAULT_ADMISSION_LIMITS } = options;
  const schema = enforceRequiredScopes(given ?? (await identitySchema()));
  const server = createServer({
    headersTimeout: clientTimeouts.headersMs,
    requestTimeout: clientTimeouts.requestMs,
    // Node checks those timeouts on this interval (30 s by default): check often enough to honour them.
    connectionsCheckingInterval: Math.min(1_000, clientTimeouts.headersMs / 2),
  });
  const metrics = new Metrics();
  const demand = demandControl(limits);
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(schema),
    formatError: createErrorFormatter(production),
    includeStacktraceInErrorResponses: !production,
    // Production tells an unknown caller nothing about the schema: no introspection, no "Did you mean …?".
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    // main.ts owns the signals: Apollo's own handler re-raised SIGTERM before the last spans were flushed, and
    // before the embedded simulator could be closed after the drain.
    stopOnTerminationSignals: false,
    parseOptions: demand.parseOptions,
    validationRules: demand.validationRules,
    plugins: [
      // On stop: refuse new connections, let in-flight requests finish (they end by their deadline anyway).
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: upstream.bounds.timeoutMs + 1_000 }),
      demand.plugin as ApolloServerPlugin<Context>,
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      operationPlugin<Context>(logger),
      // Routers ask subgraphs for traces (ftv1); error texts stay out of them, as they may name upstream details.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      // Sandbox on the same URL in development (linking /explorer when it cannot load); no page at all in production.
      production
        ? ApolloServerPluginLandingPageDisabled()
        : withOfflineExplorerLink<Context>(ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })),
    ],
  });
  await apollo.start();
  const ownMetrics = metricsPort === undefined ? () => metrics.render() : undefined;
  const metricsRoute = clusterMetrics === undefined ? ownMetrics : clusterMetrics ? clusterMetrics.from : undefined;
  const admission = createAdmission(admissionLimits, { logger, metrics });
  const writes: Writes = createWrites({
    policy: writePolicy({ production, writesEnabled: options.writesEnabled, verifiedCallers: access.jwt !== undefined }),
    writer: upstream.writer,
    reader: upstream.client,
    cache: upstream.cache,
    requestTimeoutMs: upstream.bounds.timeoutMs,
    logger,
    metrics,
  });
  const routes = subgraphRoutes(apollo, async (caller) => createContext(upstream, caller, writes), {
    guard: createRequestGuard(access),
    corsOrigins: options.corsOrigins ?? (production ? [] : '*'),
    production,
    observability: { logger, metrics },
    metricsRoute,
    explorer: !production,
    upstream,
    admission,
  });
  server.on('request', routes);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${await listen(server, port, host)}`;
  const metricsServer = metricsPort === undefined ? undefined : createServer((req, res) => void serveMetrics(() => metrics.render(), req, res).catch(() => res.destroy()));
  const metricsBase = metricsServer ? `http://${shownHost}:${await listen(metricsServer, metricsPort ?? 0, host)}` : url;
  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    metricsUrl: `${metricsBase}/metrics`,
    metrics,
    writes: writes.policy,
    close: async () => {
      upstream.readiness.drain(); // `/ready` says 503 on connections still open while the requests in flight finish
      await apollo.stop(); // drains and closes the HTTP server
      admission.close();
      if (metricsServer) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      metrics.close();
    },
  };
}
