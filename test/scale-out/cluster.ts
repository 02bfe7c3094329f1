import { RedisCache } from '../../datasources/cache';
import { SIMULATOR_CREDENTIALS, type RunningSimulator } from '../../datasources/simulator/server';
import { startSubgraph, type RunningSubgraph } from '../../src/server';
import { createUpstream, type ServedUpstream } from '../../src/upstream';
import { startNginx, type RunningNginx } from '../helpers/nginx';
import type { RunningRedis } from '../../tools/redis-server';
import { startSupergraph, type RunningSupergraph } from '../../examples/supergraph/supergraph';

export interface Replica {
  upstream: ServedUpstream;
  subgraph: RunningSubgraph;
  cache: RedisCache;
  /** Stops it the way an orchestrator does: no new connections, requests in flight finish. */
  stop(): Promise<void>;
}

export interface Cluster {
  replicas: Replica[];
  balancer: RunningNginx;
  /** The load balancer's GraphQL endpoint: what the gateway calls. */
  identityUrl: string;
  supergraph: RunningSupergraph;
  warnings: string[];
  /** Background refreshes and writes of every replica settled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  simulator: RunningSimulator;
  redis: RunningRedis;
  /** A key prefix of its own, so clusters of one test file never share entries. */
  keyPrefix: string;
  now: () => number;
  ttlSeconds?: number;
}

/**
 * Two identity replicas (in-process, each with its own HTTP server, client, in-process tier and Redis
 * connection) sharing one Redis, behind nginx, with the example supergraph's gateway in front.
 */
export async function startCluster({ simulator, redis, keyPrefix, now, ttlSeconds = 30 }: ClusterOptions): Promise<Cluster> {
  const warnings: string[] = [];
  const replicas: Replica[] = [];
  for (let i = 0; i < 2; i += 1) {
    const upstream = createUpstream(
      { baseUrl: simulator.url, ...SIMULATOR_CREDENTIALS, timeoutMs: 5_000 },
      {
        cacheTtlSeconds: ttlSeconds,
        cacheMaxEntries: 100_000,
                sharedCache: { url: redis.url, staleSeconds: 60, lockMs: 5_000, timeoutMs: 500, keyPrefix },
      },
      { now, warn: (message) => warnings.push(`replica ${i}: ${message}`) },
    );
    const cache = upstream.cache as RedisCache;
    if (!(await cache.whenReady(5_000))) throw new Error('replica could not reach Redis');
    const subgraph = await startSubgraph({ upstream, port: 0, host: '127.0.0.1', production: true });
    let stopped = false;
    replicas.push({
      upstream,
      subgraph,
      cache,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await subgraph.close();
        await cache.close();
      },
    });
  }
  const balancer = await startNginx(replicas.map((r) => Number(new URL(r.subgraph.url).port)));
  const identityUrl = `${balancer.url}/graphql`;
  const supergraph = await startSupergraph({ identityUrl, tickets: 6 });
  return {
    replicas,
    balancer,
    identityUrl,
    supergraph,
    warnings,
    idle: async () => {
      await Promise.all(replicas.map((r) => r.cache.idle()));
    },
    close: async () => {
      await supergraph.close();
      await balancer.close();
      for (const replica of replicas) await replica.stop();
    },
  };
}
