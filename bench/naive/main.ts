import { createUpstream, loadConfig, startSubgraph } from '../../src';
import { naiveLoaders } from './loaders';

/**
 * The benchmark's naive variant: the product's schema, server and upstream client, served over the naive loaders
 * (bench/naive/loaders.ts) and a shared cache that keeps nothing (`CACHE_TTL_SECONDS=0` is forced here), so it
 * prices what the loaders and the cache save. Reads the product's environment (V41_*, PORT, HOST, NODE_ENV,
 * AUTH_*, UPSTREAM_CALLS_PER_REQUEST: naive reads are far past the product's per-request budget).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.upstream) throw new Error('V41_BASE_URL is required');
  const upstream = createUpstream({ ...config.upstream, timeoutMs: config.upstreamTimeoutMs }, { ...config, cacheTtlSeconds: 0 });
  const subgraph = await startSubgraph({
    upstream,
    loaders: naiveLoaders,
    port: config.port,
    host: config.host,
    production: config.production,
    access: config.access,
    writesEnabled: config.writesEnabled,
    corsOrigins: config.corsOrigins,
    limits: config.limits,
    admission: config.admission,
  });
  console.log(`Naive subgraph ready at ${subgraph.graphqlUrl}`);
  process.once('SIGTERM', () => void subgraph.close().then(() => upstream.cache.close()).then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error('Naive subgraph failed to start:', error);
  process.exit(1);
});
