import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { CountingDataSource, SubgraphRequestLog } from './counting-data-source';
import { withoutSecurityPurpose } from './gateway-supergraph';

export interface RunningGateway {
  url: string;
  /** What the gateway sent to each subgraph since the last `log.reset()`. */
  log: SubgraphRequestLog;
  close(): Promise<void>;
}

/**
 * A real Apollo Gateway over a static supergraph SDL (no polling, no Uplink, no introspection at startup): the
 * query planner and executor a router would use, in-process, with every subgraph request counted. It does not
 * enforce `@requiresScopes` (see `withoutSecurityPurpose`); the Apollo Router does.
 */
export async function startGateway(supergraphSdl: string, port = 0): Promise<RunningGateway> {
  const log = new SubgraphRequestLog();
  const gateway = new ApolloGateway({
    supergraphSdl: withoutSecurityPurpose(supergraphSdl),
    buildService: ({ name, url }) => new CountingDataSource(name, url ?? '', log),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  // Stopping the server stops the gateway too, and drains the HTTP server.
  return { url, log, close: () => server.stop() };
}
