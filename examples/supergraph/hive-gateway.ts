import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The part of Hive Gateway's runtime used here. */
interface HiveGatewayRuntime extends RequestListener {
  dispose(): Promise<void> | void;
}
interface HiveGatewayConfig {
  supergraph: string;
  logging: boolean;
  transportEntries: Record<string, { options: { subscriptions: { kind: 'ws'; options: { lazyCloseTimeout: number } } } }>;
}

/**
 * Required rather than imported: Hive Gateway's type declarations augment graphql-js's `GraphQLErrorExtensions`
 * globally (`http.headers` as a plain record), which would retype this project's own errors (Apollo's
 * `HeaderMap`). The runtime is the same.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime } = require('@graphql-hive/gateway') as { createGatewayRuntime(config: HiveGatewayConfig): HiveGatewayRuntime };

export interface RunningHiveGateway {
  /** The gateway's GraphQL endpoint: queries over HTTP, subscriptions over Server-Sent Events. */
  url: string;
  close(): Promise<void>;
}

/**
 * Hive Gateway over the same supergraph as `startGateway`: `@apollo/gateway` cannot carry subscriptions, Hive
 * Gateway can. Clients subscribe to it over HTTP (Server-Sent Events, or graphql-ws); it subscribes to the
 * subgraphs named in `wsSubgraphs` over graphql-ws at their GraphQL path, as the identity subgraph serves
 * `userChanged` (docs/changes.md).
 */
export async function startHiveGateway(supergraphSdl: string, wsSubgraphs: readonly string[], port = 0): Promise<RunningHiveGateway> {
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    // The socket to a subgraph closes as soon as no subscription needs it (Hive keeps it 3 s by default, on a
    // timer that would hold a closing process open that long).
    transportEntries: Object.fromEntries(wsSubgraphs.map((name) => [name, { options: { subscriptions: { kind: 'ws' as const, options: { lazyCloseTimeout: 0 } } } }])),
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    close: async () => {
      await gateway.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
