import type { SimulatorClient } from './simulator';

/** The servers compared: each its own process over the same simulator, so CPU and RSS are its own. */
export type VariantKey = 'product' | 'workers2' | 'naive' | 'sdl' | 'ceiling' | 'alt';

export interface Variant {
  key: VariantKey;
  label: string;
  script: string;
  /** The line it prints when ready; group 1 is the GraphQL URL. */
  ready: RegExp;
  env: Record<string, string>;
  /** Only on these operations (every one unless given). */
  queries?: string[];
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
      script: 'dist/src/main.js',
      ready: /ready at (http:\/\/\S+\/graphql)/,
      // Naive mode makes one call per user and relation: far past the per-request budget the product needs.
      env: { ...common, DATALOADERS_ENABLED: 'false', UPSTREAM_CALLS_PER_REQUEST: '100000' },
    },
    { key: 'sdl', label: 'SDL-first baseline', script: 'dist/bench/sdl-baseline/main.js', ready: /ready at (http:\/\/\S+\/graphql)/, env: common },
    { key: 'ceiling', label: 'ceiling (node:http, no GraphQL)', script: 'dist/bench/ceiling/main.js', ready: /ready at (http:\/\/\S+\/graphql)/, env: common },
    // A/B a proposed change: BENCH_ALT_MAIN=<another build's dist/src/main.js> runs it as one more variant.
    ...(process.env.BENCH_ALT_MAIN
      ? [{ key: 'alt' as const, label: process.env.BENCH_ALT_LABEL ?? 'alternative build', script: process.env.BENCH_ALT_MAIN, ready: /ready at (http:\/\/\S+\/graphql)/, env: common }]
      : []),
  ];
}
