import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../src/config';
import { startSubgraph } from '../../src/server';
import { createUpstream } from '../../src/upstream';
import { sdlResolvers } from './resolvers';

/**
 * The benchmark's SDL-first baseline: schema/schema.graphql as it is, hand-written resolvers, served by the same
 * `startSubgraph` (same Apollo options, plugins and HTTP routes) as the product, so it prices TypeGraphQL alone.
 * Reads the product's environment (V41_*, PORT, HOST, NODE_ENV, CACHE_*).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.upstream) throw new Error('V41_BASE_URL is required');
  const sdl = readFileSync(resolve(__dirname, '../../../schema/schema.graphql'), 'utf8');
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: sdlResolvers as unknown as GraphQLResolverMap<unknown> });
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
