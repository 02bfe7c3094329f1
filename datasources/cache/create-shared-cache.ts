import { MemoryCache, type MemoryCacheOptions } from './memory-cache';
import { RedisCache, type RedisCacheOptions } from './redis-cache';
import { NoCache, type SharedCache } from './shared-cache';

export type SharedCacheOptions = MemoryCacheOptions & {
  /** Set: share the cache with the other replicas through this Redis. */
  redis?: Omit<RedisCacheOptions, 'ttlSeconds' | 'maxRecords' | 'staleIfErrorSeconds'>;
};

/** TTL 0: no cache; a Redis URL: the store shared by replicas; otherwise the in-process LRU. */
export function createSharedCache({ redis, ...options }: SharedCacheOptions): SharedCache {
  if (options.ttlSeconds <= 0) return new NoCache();
  // Both stores answer a failed refresh of reference data alike (CACHE_STALE_IF_ERROR_SECONDS).
  if (redis) return new RedisCache({ ...redis, ttlSeconds: options.ttlSeconds, maxRecords: options.maxRecords, staleIfErrorSeconds: options.staleIfErrorSeconds });
  return new MemoryCache(options);
}
