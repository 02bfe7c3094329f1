import 'reflect-metadata';
import { createUpstream, loadConfig, startSubgraph } from '../../src';
import { sdlBaselineSchema } from './schema';

/**
 * The benchmark's SDL-first baseline: schema/schema.graphql as it is, hand-written resolvers, served by the same
 * `startSubgraph` (same Apollo options, plugins and HTTP routes) as the product, so it prices TypeGraphQL alone.
 * Reads the product's environment (V41_*, PORT, HOST, NODE_ENV, CACHE_*).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.upstream) throw new Error('V41_BASE_URL is required');
  const schema = sdlBaselineSchema();
  const subgraph = await startSubgraph({
    upstream: createUpstream({ ...config.upstream, timeoutMs: config.upstreamTimeoutMs }, config),
    port: config.port,
    host: config.host,
    production: config.production,
    schema,
  });
  console.log(`SDL-first baseline ready at ${subgraph.graphqlUrl}`);
  process.once('SIGTERM', () => void subgraph.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error('SDL baseline failed to start:', error);
  process.exit(1);
});
