import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Upstream } from '../datasources/upstream';
import type { AccessConfig } from './auth/caller';
import { createRequestGuard } from './auth/request-guard';
import { enforceRequiredScopes } from './auth/scope-enforcement';
import { createContext, type Context } from './context';
import type { CorsOrigins } from './cors-policy';
import { createErrorFormatter } from './errors';
import { GRAPHQL_PATH, subgraphRoutes } from './http-server';
import { identitySchema } from './schema/identity-schema';

export interface SubgraphOptions {
  upstream: Upstream;
  port: number;
  host?: string;
  production: boolean;
  /** The TypeGraphQL-built identity schema unless given: the SDL-first benchmark baseline serves its own. */
  schema?: GraphQLSchema;
  /** Verified callers and/or the router gate; none: every request is served (development). */
  access?: AccessConfig;
  /** Default: `*` in development, none in production. */
  corsOrigins?: CorsOrigins;
}

export interface RunningSubgraph {
  /** Base URL, e.g. http://127.0.0.1:4001 */
  url: string;
  graphqlUrl: string;
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

/** Starts the subgraph over a ready upstream: GraphQL at `/graphql`, health at `/health`. */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const { upstream, port, host = '127.0.0.1', production, schema: given, access = {} } = options;
  const schema = enforceRequiredScopes(given ?? (await identitySchema()));
  const server = createServer();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createErrorFormatter(production),
    includeStacktraceInErrorResponses: !production,
    // Production tells an unknown caller nothing about the schema: no introspection, no "Did you mean …?".
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      // Routers ask subgraphs for traces (ftv1); error texts stay out of them, as they may name upstream details.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      // Sandbox on the same URL in development; no page at all in production.
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
  await apollo.start();
  const routes = subgraphRoutes(apollo, async (caller) => createContext(upstream, caller), {
    guard: createRequestGuard(access),
    corsOrigins: options.corsOrigins ?? (production ? [] : '*'),
    production,
  });
  server.on('request', routes);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${address.port}`;
  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    close: async () => {
      await apollo.stop(); // drains and closes the HTTP server
    },
  };
}
