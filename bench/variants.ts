import { PEER_ARGS, PEER_DIR, PEER_READY, PEER_SCRIPT } from './peer-variant';
import type { StartOptions } from './processes';
import type { SimulatorClient } from './simulator';

/** The servers compared: each its own process over the same simulator, so CPU and RSS are its own. */
export type VariantKey = 'product' | 'workers2' | 'naive' | 'sdl' | 'ceiling' | 'peer' | 'alt';

export interface Variant {
  key: VariantKey;
  label: string;
  script: string;
  /** The line it prints when ready; group 1 is the GraphQL URL. */
  ready: RegExp;
  env: Record<string, string>;
  /** Only on these operations (every one unless given). */
  queries?: string[];
  /** Arguments, working directory and URL suffix of a server that is not one of the product's builds. */
  start?: StartOptions;
  /** It cannot report an ephemeral port back: give it `PORT`, free right now, at each start. */
  needsPort?: boolean;
  /** A request sent once it is ready, before the cold one (its upstream calls are not counted). */
  startRequest?: string;
}

export function variants(simulator: SimulatorClient): Variant[] {
  // Production mode as deployed, minus access control (on purpose): the benchmark prices the data path.
  const common = { ...simulator.subgraphEnv(), PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', AUTH_DISABLED: 'true' };
  return [
    { key: 'product', label: 'product (TypeGraphQL)', script: 'dist/src/main.js', ready: /ready at (http:\/\/\S+\/graphql)/, env: common },
    {
      key: 'workers2',
      label: 'product ×2 workers',
      script: 'dist/src/main.js',
      ready: /ready at (http:\/\/\S+\/graphql)/,
      env: { ...common, WEB_CONCURRENCY: '2' },
      // The page the 2-worker target is about: the other queries would only lengthen the run.
      queries: ['UsersNested'],
    },
    {
      key: 'naive',
      label: 'naive (no loaders, no cache)',
      // The product's server over the bench's own loaders (bench/naive): one call per user and relation, far
      // past the per-request budget the product needs.
      script: 'dist/bench/naive/main.js',
      ready: /ready at (http:\/\/\S+\/graphql)/,
      env: { ...common, UPSTREAM_CALLS_PER_REQUEST: '100000' },
    },
    { key: 'sdl', label: 'SDL-first baseline', script: 'dist/bench/sdl-baseline/main.js', ready: /ready at (http:\/\/\S+\/graphql)/, env: common },
    { key: 'ceiling', label: 'ceiling (node:http, no GraphQL)', script: 'dist/bench/ceiling/main.js', ready: /ready at (http:\/\/\S+\/graphql)/, env: common },
    {
      // GraphQL Mesh over docs/privx-v41.openapi.yaml, served by Hive Gateway (bench/peer/): what a team would
      // generate instead. Its own operations (queries.ts `peer`), on the two queries its schema can express.
      key: 'peer',
      label: 'peer (GraphQL Mesh + Hive Gateway)',
      script: PEER_SCRIPT,
      ready: PEER_READY,
      env: { ...simulator.subgraphEnv(), NODE_ENV: 'production' },
      queries: ['UsersNested', 'Entities'],
      start: { args: PEER_ARGS, cwd: PEER_DIR, urlSuffix: '/graphql' },
      needsPort: true,
      // Hive Gateway 2.15 loses the variables of its first batched subgraph request, made while the REST transport
      // is still being set up (bench/README.md): one status read sets it up.
      startRequest: JSON.stringify({ query: '{ getRoleStoreStatus { status } }' }),
    },
    // A/B a proposed change: BENCH_ALT_MAIN=<another build's dist/src/main.js> runs it as one more variant.
    ...(process.env.BENCH_ALT_MAIN
      ? [{ key: 'alt' as const, label: process.env.BENCH_ALT_LABEL ?? 'alternative build', script: process.env.BENCH_ALT_MAIN, ready: /ready at (http:\/\/\S+\/graphql)/, env: common }]
      : []),
  ];
}
