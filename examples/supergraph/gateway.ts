import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import bodyParser from 'body-parser';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpGraphQLRequestOf, sendHTTPGraphQLResponse } from '../../src/apollo-node-http';
import { withOfflineExplorerLink } from '../../src/explorer/landing-page';
import { serveExplorer, type ExplorerSite } from '../../src/explorer/routes';
import { CountingDataSource, SubgraphRequestLog } from './counting-data-source';
import { EXAMPLE_QUERY } from './example-query';
import { withoutSecurityPurpose } from './gateway-supergraph';

export interface RunningGateway {
  /** GraphQL (and, in a browser, Apollo Sandbox) at `/`; the offline explorer at `/explorer`. */
  url: string;
  /** What the gateway sent to each subgraph since the last `log.reset()`. */
  log: SubgraphRequestLog;
  close(): Promise<void>;
}

/** The gateway's offline explorer: the federated example query `npm run supergraph` prints, as a tab. */
export const GATEWAY_EXPLORER: ExplorerSite = {
  title: 'Example supergraph gateway — offline explorer',
  examples: [{ title: 'Tickets with people', query: EXAMPLE_QUERY }],
};

const GRAPHQL_PATH = '/';
const jsonBody = bodyParser.json({ limit: '1mb' });

/**
 * A real Apollo Gateway over a static supergraph SDL (no polling, no Uplink, no introspection at startup): the
 * query planner and executor a router would use, in-process, with every subgraph request counted. It does not
 * enforce `@requiresScopes` (see `withoutSecurityPurpose`); the Apollo Router does. Its page is Apollo Sandbox
 * (from Apollo's CDN); offline, that page links `/explorer`, GraphiQL bundled at build time (dist/explorer), as the
 * subgraph's does.
 */
export async function startGateway(supergraphSdl: string, port = 0): Promise<RunningGateway> {
  const log = new SubgraphRequestLog();
  const gateway = new ApolloGateway({
    supergraphSdl: withoutSecurityPurpose(supergraphSdl),
    buildService: ({ name, url }) => new CountingDataSource(name, url ?? '', log),
  });
  const httpServer = createServer((req, res) => {
    if (serveExplorer(GRAPHQL_PATH, req, res, GATEWAY_EXPLORER)) return;
    handleGraphQL(server, req, res).catch((error: { status?: number }) => {
      // body-parser's errors carry their status (400 bad JSON, 413 too large); anything else is ours.
      const status = typeof error.status === 'number' && error.status < 500 ? error.status : 500;
      const message = status === 500 ? 'Internal server error' : 'Bad request body';
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message }] }));
      else res.end();
    });
  });
  const server = new ApolloServer({
    gateway,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      withOfflineExplorerLink(ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })),
    ],
  });
  await server.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = httpServer.address() as AddressInfo;
  // Stopping the server stops the gateway too, and drains the HTTP server.
  return { url: `http://127.0.0.1:${bound}/`, log, close: () => server.stop() };
}

/** One HTTP request through Apollo, as its standalone server does it (JSON bodies up to 1 MB). */
async function handleGraphQL(server: ApolloServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve, reject) => jsonBody(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve())));
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: httpGraphQLRequestOf(req), context: async () => ({}) });
  await sendHTTPGraphQLResponse(res, response);
}
