import 'reflect-metadata';
import { startSimulator } from '../../datasources/simulator/server';
import { startSubgraph } from '../../src/server';
import { createUpstream } from '../../src/upstream';
import { EXAMPLE_QUERY } from './example-query';
import { startHiveGateway } from './hive-gateway';
import { IDENTITY, startSupergraph } from './supergraph';
import { DEFAULT_CHANGE_SETTINGS } from '../../src/changes';

const SUBSCRIPTION_EXAMPLE = 'subscription { userChanged { kind at userId user { username title } } }';

/**
 * `npm run supergraph`: the embedded v41 simulator, the identity subgraph over it, the example tickets subgraph
 * and a gateway in front of both, all on loopback. SUPERGRAPH_PORT picks the gateway port (default: any free one).
 */
async function main(): Promise<void> {
  // A few users change every minute, so the subscription below has something to show.
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1', changesPerMinute: Number(process.env['SIM_CHANGES_PER_MINUTE'] ?? 6) });
  const { options } = simulator;
  const upstream = createUpstream(
    {
      baseUrl: simulator.url,
      oauthClientId: options.oauthClientId,
      oauthClientSecret: options.oauthClientSecret,
      apiClientId: options.apiClientId,
      apiClientSecret: options.apiClientSecret,
      timeoutMs: 5_000,
    },
    { cacheTtlSeconds: 30, cacheMaxEntries: 100_000 },
  );
  const identity = await startSubgraph({ upstream, port: 0, host: '127.0.0.1', production: false, changes: DEFAULT_CHANGE_SETTINGS });
  const supergraph = await startSupergraph({ identityUrl: identity.graphqlUrl, gatewayPort: Number(process.env['SUPERGRAPH_PORT'] ?? 0) }).catch(
    async (error: unknown) => {
      await Promise.allSettled([identity.close(), simulator.close()]);
      throw error;
    },
  );

  const hive = await startHiveGateway(supergraph.supergraphSdl, [IDENTITY]);
  const url = supergraph.gateway.url;
  console.log(`v41 simulator:      ${simulator.url} (${simulator.data.users.length} demo users)`);
  console.log(`identity subgraph:  ${identity.graphqlUrl}`);
  console.log(`tickets subgraph:   ${supergraph.ticketsUrl} (${supergraph.tickets.length} example tickets)`);
  console.log(`\nGateway ready at ${url} (open it for Apollo Sandbox). Example query:\n\n${EXAMPLE_QUERY}\n`);
  console.log(`or: curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'\n`);
  console.log(`Hive Gateway at ${hive.url} carries subscriptions too (Apollo's gateway cannot). Changes as they are found:\n`);
  console.log(`  curl -N ${hive.url} -H 'accept: text/event-stream' -H 'content-type: application/json' \\`);
  console.log(`    -d '${JSON.stringify({ query: SUBSCRIPTION_EXAMPLE })}'\n`);
  console.log('Ctrl-C stops everything.');

  const shutdown = (signal: string) => {
    console.log(`\n${signal}: shutting down`);
    // Front to back, so nothing in flight loses the service behind it first.
    hive
      .close()
      .then(() => supergraph.close())
      .then(() => identity.close())
      .then(() => simulator.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Failed to start the supergraph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
